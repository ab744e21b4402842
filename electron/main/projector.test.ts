import type { BrowserWindowConstructorOptions, Input, Rectangle } from 'electron';
import { describe, expect, it } from 'vitest';
import { createProjector, type DisplayLike, type ScreenLike, type WindowLike } from './projector';

// Stand-ins for Electron's BrowserWindow and screen: they record what the projector does with them.

class FakeWindow implements WindowLike {
  urls: string[] = [];
  shown = 0;
  closed = false;
  private readyListeners: (() => void)[] = [];
  private closedListeners: (() => void)[] = [];
  private inputListeners: ((event: { preventDefault(): void }, input: Input) => void)[] = [];
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private bounds: Rectangle = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 },
  ) {}
  webContents = {
    on: (_event: 'before-input-event', listener: (event: { preventDefault(): void }, input: Input) => void) =>
      void this.inputListeners.push(listener),
  };
  loadURL(url: string) {
    this.urls.push(url);
    return Promise.resolve();
  }
  getBounds() {
    return this.bounds;
  }
  showInactive() {
    this.shown += 1;
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closedListeners) listener();
  }
  isDestroyed() {
    return this.closed;
  }
  once(_event: 'ready-to-show', listener: () => void) {
    this.readyListeners.push(listener);
  }
  on(_event: 'closed', listener: () => void) {
    this.closedListeners.push(listener);
  }
  ready() {
    for (const listener of this.readyListeners.splice(0)) listener();
  }
  /** A key pressed while the window has the focus; returns whether the page was kept from seeing it. */
  press(key: string): boolean {
    let prevented = false;
    for (const listener of this.inputListeners) listener({ preventDefault: () => (prevented = true) }, { type: 'keyDown', key } as Input);
    return prevented;
  }
}

const laptop: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1280, height: 720 } };
const beamer: DisplayLike = { id: 2, bounds: { x: 1280, y: 0, width: 1920, height: 1080 } };

function fakeScreen(displays: DisplayLike[]): ScreenLike {
  return {
    getAllDisplays: () => displays,
    // The display that holds the rectangle's top-left corner, as good as Electron's for these tests.
    getDisplayMatching: (rect) => displays.find((d) => rect.x >= d.bounds.x && rect.x < d.bounds.x + d.bounds.width) ?? displays[0],
  };
}

function setup(displays: DisplayLike[], mainAt: Rectangle = { x: 100, y: 100, width: 1000, height: 600 }) {
  const main = new FakeWindow({}, mainAt);
  const created: FakeWindow[] = [];
  const projector = createProjector({
    screen: fakeScreen(displays),
    createWindow: (options) => {
      const window = new FakeWindow(options);
      created.push(window);
      return window;
    },
    mainWindow: () => main,
    indexUrl: 'app://mdo/index.html',
    preload: '/app/out/preload/index.cjs',
  });
  return { main, created, projector };
}

describe('the projector window', () => {
  it('opens fullscreen on the display the chair is not on, hardened like the main window, without taking the focus', async () => {
    const { created, projector } = setup([laptop, beamer]);
    expect(await projector.open({ meetingId: 3, agendaItemId: 7 })).toBe(true);
    expect(created).toHaveLength(1);
    const window = created[0];
    expect(window.options).toMatchObject({ x: 1280, y: 0, width: 1920, height: 1080, fullscreen: true, show: false });
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    });
    expect(window.urls).toEqual(['app://mdo/index.html#/projectie/3/7']);
    window.ready();
    expect(window.shown).toBe(1);
  });

  it('picks the other display also when the chair works on the second one', async () => {
    const { created, projector } = setup([laptop, beamer], { x: 1500, y: 50, width: 1000, height: 700 });
    await projector.open({ meetingId: 1, agendaItemId: 2 });
    expect(created[0].options).toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });
  });

  it('opens no window with one display, so the chair keeps the in-window view', async () => {
    const { created, projector } = setup([laptop]);
    expect(await projector.open({ meetingId: 1, agendaItemId: 2 })).toBe(false);
    expect(await projector.follow({ meetingId: 1, agendaItemId: 3 })).toBe(false);
    expect(created).toEqual([]);
  });

  it('reuses its one window and moves it to the chair’s item', async () => {
    const { created, projector } = setup([laptop, beamer]);
    await projector.open({ meetingId: 1, agendaItemId: 2 });
    expect(await projector.follow({ meetingId: 1, agendaItemId: 5 })).toBe(true);
    expect(await projector.open({ meetingId: 1, agendaItemId: 6 })).toBe(true);
    expect(created).toHaveLength(1);
    expect(created[0].urls).toEqual([
      'app://mdo/index.html#/projectie/1/2',
      'app://mdo/index.html#/projectie/1/5',
      'app://mdo/index.html#/projectie/1/6',
    ]);
  });

  it('closes on request, and a later open makes a new window', async () => {
    const { created, projector } = setup([laptop, beamer]);
    await projector.open({ meetingId: 1, agendaItemId: 2 });
    await projector.close();
    expect(created[0].closed).toBe(true);
    expect(await projector.follow({ meetingId: 1, agendaItemId: 3 })).toBe(false);
    await projector.close();
    await projector.open({ meetingId: 1, agendaItemId: 3 });
    expect(created).toHaveLength(2);
    expect(created[1].closed).toBe(false);
  });

  it('closes on Esc in the projector window, and ignores other keys', async () => {
    const { created, projector } = setup([laptop, beamer]);
    await projector.open({ meetingId: 1, agendaItemId: 2 });
    expect(created[0].press('ArrowRight')).toBe(false);
    expect(created[0].closed).toBe(false);
    expect(created[0].press('Escape')).toBe(true);
    expect(created[0].closed).toBe(true);
    expect(await projector.follow({ meetingId: 1, agendaItemId: 3 })).toBe(false);
  });

  it('closes when the chair’s window closes', async () => {
    const { main, created, projector } = setup([laptop, beamer]);
    await projector.open({ meetingId: 1, agendaItemId: 2 });
    main.close();
    expect(created[0].closed).toBe(true);
  });

  it('forgets a window the system closed (the beamer unplugged)', async () => {
    const { created, projector } = setup([laptop, beamer]);
    await projector.open({ meetingId: 1, agendaItemId: 2 });
    created[0].close();
    expect(await projector.follow({ meetingId: 1, agendaItemId: 3 })).toBe(false);
  });
});
