import type { BrowserWindowConstructorOptions, Input, Rectangle } from 'electron';
import { projectorHash, type Projector, type ProjectorTarget } from '../../core/ipc/projector';

// The projector window: glue only. Electron's BrowserWindow and screen come in as
// parameters, so projector.test.ts can drive this with stand-ins.

/** The part of an Electron display this module reads. */
export interface DisplayLike {
  id: number;
  bounds: Rectangle;
}

/** The part of Electron's `screen` this module uses. */
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getDisplayMatching(rect: Rectangle): DisplayLike;
}

/** The part of a BrowserWindow this module uses. */
export interface WindowLike {
  loadURL(url: string): Promise<void>;
  getBounds(): Rectangle;
  showInactive(): void;
  close(): void;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): void;
  on(event: 'closed', listener: () => void): void;
  webContents: { on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: Input) => void): void };
}

export interface ProjectorDeps {
  screen: ScreenLike;
  /** `new BrowserWindow(options)`. */
  createWindow(options: BrowserWindowConstructorOptions): WindowLike;
  /** The chair's window, whose display the projector avoids. */
  mainWindow(): WindowLike | undefined;
  /** The renderer's index.html (app://mdo/index.html, or the dev server). */
  indexUrl: string;
  /** The same preload as the main window. */
  preload: string;
}

/** A display other than the one the chair's window is on, or null when there is only that one. */
export function otherDisplay(screen: ScreenLike, main: WindowLike | undefined): DisplayLike | null {
  const displays = screen.getAllDisplays();
  if (displays.length < 2) return null;
  const mine = main && !main.isDestroyed() ? screen.getDisplayMatching(main.getBounds()).id : undefined;
  return displays.find((display) => display.id !== mine) ?? null;
}

/** The window's options: fullscreen on `display`, hardened exactly as the main window. */
export function projectorWindowOptions(display: DisplayLike, preload: string): BrowserWindowConstructorOptions {
  const { x, y, width, height } = display.bounds;
  return {
    x,
    y,
    width,
    height,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: 'MDO projectie',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  };
}

/**
 * One projector window at most: opened fullscreen on a display the chair's window is not on,
 * moved along by address (a same-document hash change), closed on request, on Esc in it,
 * and when the chair's window closes.
 */
export function createProjector(deps: ProjectorDeps): Projector {
  let window: WindowLike | null = null;
  // Each chair's window is watched once: when it closes, so does the projector.
  const watched = new WeakSet<WindowLike>();
  const isOpen = (): boolean => window !== null && !window.isDestroyed();
  const show = (target: ProjectorTarget) => {
    // Not awaited: a hash change may not report like a full load on every Electron; failures only leave the old item.
    window?.loadURL(deps.indexUrl + projectorHash(target)).catch(() => undefined);
  };
  const close = () => {
    const open = window;
    window = null;
    if (open && !open.isDestroyed()) open.close();
  };
  return {
    async open(target) {
      if (isOpen()) {
        show(target);
        return true;
      }
      const main = deps.mainWindow();
      const display = otherDisplay(deps.screen, main);
      if (!display) return false;
      if (main && !watched.has(main)) {
        watched.add(main);
        main.on('closed', close);
      }
      const created = deps.createWindow(projectorWindowOptions(display, deps.preload));
      window = created;
      // Shown without taking the focus: the chair keeps typing in their own window.
      created.once('ready-to-show', () => created.showInactive());
      created.on('closed', () => {
        if (window === created) window = null;
      });
      created.webContents.on('before-input-event', (event, input) => {
        if (input.type === 'keyDown' && input.key === 'Escape') {
          event.preventDefault();
          close();
        }
      });
      show(target);
      return true;
    },
    async follow(target) {
      if (!isOpen()) return false;
      show(target);
      return true;
    },
    async close() {
      close();
    },
  };
}
