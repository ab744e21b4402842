import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { fixedClock, type Clock } from '../../core/clock';
import { Backups } from '../../core/backups/backups';
import { handlers } from '../../core/handlers';
import { createRouter, type FailureLog, type Router } from '../../core/ipc/router';
import { projectorHash, type Projector } from '../../core/ipc/projector';
import { NO_POLICY, type MachinePolicy } from '../../core/policy/policy';
import { DEMO_PASSPHRASE, Session } from '../../core/session';
import { isPlainSqlite } from '../../db/encrypt';
import { keyringPath } from '../../db/keyring';
import { registerIpc, type IpcMainLike } from '../../electron/main/ipc';
import { resolveFileUrl } from '../../electron/main/appProtocol';
import { E2E_NOW, encryptAsDemo, TEST_KDF_PARAMS } from '../fixtures/demoDatabase';
import { folderDialogs } from '../fixtures/folderDialogs';
import { rendererIndex } from './build';

// The app in Chromium without vitest, so benchmarks (bench/firstScreen.ts) can open it too;
// harness.ts adds the per-test hooks.

export { E2E_NOW };

export const CHROMIUM = process.env.MDO_CHROMIUM ?? '/usr/bin/chromium';

// Flags that keep Debian's Chromium quiet on a machine without network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The app serves the renderer on app://mdo/, which Chromium cannot; the harness loads the same
  // files from file://, and plain Chromium needs this flag for module scripts there.
  '--allow-file-access-from-files',
];

/** The window the app is shown in: a Dutch user's laptop. */
export const CONTEXT_OPTIONS = { locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 860 } } as const;

/** Debian's Chromium with the flags the harness needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A function to run in the page, as source for addInitScript. Under tsx (the benchmarks) esbuild
 * compiles with keepNames, which wraps named inner functions in a `__name` helper the page does
 * not have; a local stand-in travels with the source. Vitest's compile needs none, and gets it too.
 */
export function pageScript<A>(fn: (arg: A) => void, arg: A): { content: string } {
  return { content: `(() => { const __name = (f) => f; (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })();` };
}

export interface LaunchOptions {
  /** The database file; it need not exist (first start). */
  dbPath: string;
  clock?: Clock;
  /** Receives router failures; defaults to collecting them in `failures`. */
  log?: FailureLog;
  /**
   * A plain demo file is encrypted as the demo school first, then unlocked
   * with the demo passphrase as a user would; `locked: true` stops at the lock screen.
   */
  locked?: boolean;
  /** IT's machine policy (core/policy); none by default. */
  policy?: MachinePolicy;
  /** A running Chromium to open the app in, in a context of its own; by default one is launched for this app and closed with it. */
  browser?: Browser;
  /** `false` sets the page up without opening the app, for a caller that times going to `url` itself. */
  navigate?: boolean;
  /** Displays the machine has; with 2 the projector opens as a second page (`projectorPage`), with 1 (default) the chair's window shows it. */
  displays?: number;
  /** The window's size in CSS pixels, and its zoom (2 for 200 %); by default CONTEXT_OPTIONS' laptop at 100 %. */
  viewport?: { width: number; height: number; deviceScaleFactor?: number };
}

export interface LaunchedApp {
  page: Page;
  /** The address of the renderer's index.html. */
  url: string;
  session: Session;
  router: Router;
  /** Every URL the page tried to load that is not one of the app's own files. */
  blockedRequests: string[];
  /** Router failures (channel and code) seen during the test. */
  failures: { channel: string; code: string }[];
  /** Paths of files "saved" through the save dialog (exports). */
  exports: string[];
  /** Queues a file for the next open dialog (verify, certificate import). */
  chooseFile(path: string): void;
  /** Queues a folder for the next folder dialog (the backup folder). */
  chooseFolder(path: string): void;
  /** Queues files (or, for a channel that asks for a folder, one folder) for the next multi-file open dialog. */
  chooseMany(paths: string[]): void;
  backups: Backups;
  /** The projector window as main would open it (LaunchOptions.displays: 2): a second page of this app, or null while none is open. */
  projectorPage(): Page | null;
  close(): Promise<void>;
}

/**
 * Opens the built renderer in Chromium with `window.mdo` bridged to the real
 * IPC registration, router, services and a real SQLite file in this process.
 */
export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  if (!fs.existsSync(rendererIndex)) throw new Error(`${rendererIndex} is missing: run "npm run build" first`);
  const clock = options.clock ?? fixedClock(E2E_NOW);
  if (fs.existsSync(options.dbPath) && !fs.existsSync(keyringPath(options.dbPath)) && isPlainSqlite(options.dbPath))
    await encryptAsDemo(options.dbPath);
  const session = new Session(options.dbPath, { kdfParams: TEST_KDF_PARAMS, clock });
  // Backups go to `backups` beside the database, as in the app.
  const backups = new Backups(session, { clock, appVersion: 'e2e', policyFolder: options.policy?.backupFolder });
  if ((await session.init()).state === 'locked' && !options.locked) await session.unlock(DEMO_PASSPHRASE);
  const failures: LaunchedApp['failures'] = [];
  const files = folderDialogs(path.join(path.dirname(options.dbPath), 'exports'));
  // Set once the browser context exists: the projector opens its window as a page of that context.
  const projectorAt: { context?: BrowserContext; url?: string } = {};
  const projector = pageProjector(options.displays ?? 1, projectorAt);
  const router = createRouter(
    handlers,
    { session, clock, appVersion: 'e2e', files, backups, policy: options.policy ?? NO_POLICY, projector },
    options.log ?? ((entry) => failures.push(entry)),
  );

  // The same registration the main process performs, onto a recorder.
  const registered = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  // The app trusts only app://mdo/ pages inside out/renderer; here the same rule for the file: URLs the harness loads.
  const isAppFile = (url: string) => resolveFileUrl(url, path.dirname(rendererIndex)) !== null;
  registerIpc({ handle: (channel, listener) => registered.set(channel, listener) }, router, isAppFile);

  const browser = options.browser ?? (await launchChromium());
  const { width, height } = options.viewport ?? CONTEXT_OPTIONS.viewport;
  const context = await browser.newContext({
    ...CONTEXT_OPTIONS,
    viewport: { width, height },
    deviceScaleFactor: options.viewport?.deviceScaleFactor,
  });
  const blockedRequests: string[] = [];
  // Like the main process: nothing but the app's own files is loaded (every page of the context: the projector too).
  // The app's own files and data: URLs are not routed at all: each routed request is a DevTools round trip,
  // which made the harness, not the app, the larger part of the first screen's time.
  await context.route(
    (url) => !(url.protocol === 'data:' || isAppFile(url.href)),
    (route) => {
      blockedRequests.push(route.request().url());
      return route.abort();
    },
  );
  await context.exposeBinding('__mdoInvoke', async (source, channel: string, payload: unknown) => {
    const listener = registered.get(channel);
    if (!listener) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Deze actie bestaat niet.' } };
    return listener({ senderFrame: { url: source.frame.url() } }, payload);
  });
  // What electron/preload exposes, over the binding instead of ipcRenderer.
  await context.addInitScript(
    pageScript(() => {
      const invoke = (window as unknown as { __mdoInvoke: (c: string, p: unknown) => Promise<unknown> }).__mdoInvoke;
      Object.defineProperty(window, 'mdo', {
        value: Object.freeze({ invoke: (channel: string, input: unknown) => invoke(channel, input) }),
      });
    }, undefined),
  );
  const page = await context.newPage();
  // Fail fast with Playwright's own message (which element) instead of a test timeout.
  page.setDefaultTimeout(10_000);
  const url = pathToFileURL(rendererIndex).href;
  Object.assign(projectorAt, { context, url });
  if (options.navigate ?? true) await page.goto(url);

  return {
    page,
    url,
    session,
    router,
    blockedRequests,
    failures,
    exports: files.saved,
    chooseFile: files.choose,
    chooseFolder: files.chooseFolderNext,
    chooseMany: files.chooseMany,
    backups,
    projectorPage: () => projector.page,
    close: async () => {
      if (options.browser) await context.close();
      else await browser.close();
      await session.close();
    },
  };
}

/**
 * What electron/main/projector.ts does, with a page for a window: with a second display it opens
 * the app on #/projectie/<meeting>/<item> in a page of its own and moves it by address; with one, nothing.
 */
function pageProjector(displays: number, at: { context?: BrowserContext; url?: string }): Projector & { page: Page | null } {
  let opening: Promise<Page> | null = null;
  // The page's latest navigation, settled either way. Chromium can acknowledge closing a page whose
  // navigation away from about:blank is committing and never close it, so page.close() would wait forever
  // (crbug.com/536385539, microsoft/playwright#41900): close() lets the navigation finish first.
  let navigating: Promise<unknown> = Promise.resolve();
  const state: Projector & { page: Page | null } = {
    page: null,
    async open(target) {
      const { context, url } = at;
      if (displays < 2 || !context || !url) return false;
      if (!opening)
        opening = context.newPage().then((page) => {
          page.setDefaultTimeout(10_000);
          page.on('close', () => {
            if (state.page !== page) return;
            state.page = null;
            opening = null;
          });
          state.page = page;
          return page;
        });
      const page = await opening;
      // The app's first load, then a same-document hash change, as loadURL does in Electron.
      const navigation = page.goto(`${url}${projectorHash(target)}`);
      navigating = navigation.catch(() => undefined);
      await navigation;
      return true;
    },
    async follow(target) {
      if (!state.page) return false;
      return state.open(target);
    },
    async close() {
      const pending = opening;
      state.page = null;
      opening = null;
      if (!pending) return;
      const page = await pending;
      await navigating;
      await page.close();
    },
  };
  return state;
}
