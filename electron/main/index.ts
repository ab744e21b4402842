import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, safeStorage, screen, session as electronSession } from 'electron';
import { systemClock } from '../../core/clock';
import { handlers } from '../../core/handlers';
import { createRouter } from '../../core/ipc/router';
import { Session } from '../../core/session';
import { Backups } from '../../core/backups/backups';
import { nl } from '../../core/i18n/nl';
import { databasePath, loadPolicy, PolicyError, policyFileFor, type MachinePolicy } from '../../core/policy/policy';
import { NativeBindingError, resolveNativeBinding } from '../../db/nativeBinding';
import { APP_INDEX_URL, appScheme, serveAppFiles } from './appProtocol';
import { registerIpc } from './ipc';
import { createProjector } from './projector';
import { systemFileDialogs } from './fileDialogs';
import { denyNavigation, hardenSession, trustedUrl } from './security';

// Glue only: wire Electron to core/. Everything testable lives elsewhere.

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
// The built renderer, served on app://mdo/ (appProtocol.ts explains why not file://).
const rendererDir = path.join(here, '../renderer');
const DAILY_CHECK_MS = 10 * 60 * 1000;

function nativeBinding(): string {
  // The Electron build of SQLite beside the Node one; a packaged app carries it
  // in its asar (unpacked, see electron-builder.ts) and checks it the same way.
  return resolveNativeBinding(app.getAppPath(), {
    runtime: 'electron',
    version: process.versions.electron,
    arch: process.arch,
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'MDO',
    icon: path.join(app.getAppPath(), 'build', 'icon.png'),
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadURL(APP_INDEX_URL);
  return window;
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  denyNavigation(app);
  protocol.registerSchemesAsPrivileged([appScheme]);
  // Chromium's own controls speak Dutch whatever the computer's language: a
  // date field shows and takes dd-mm-jjjj, like every date MDO writes.
  app.commandLine.appendSwitch('lang', 'nl-NL');
  await app.whenReady();
  serveAppFiles(protocol, rendererDir);
  const isTrusted = trustedUrl(devServerUrl, rendererDir);
  hardenSession(electronSession.defaultSession, isTrusted);

  let binding: string | undefined;
  try {
    binding = nativeBinding();
  } catch (error) {
    if (!(error instanceof NativeBindingError)) throw error;
    dialog.showErrorBox('MDO kan niet starten', error.message);
    app.quit();
    return;
  }
  // IT's machine policy, before anything touches data: an invalid policy stops MDO rather than being ignored.
  let policy: MachinePolicy;
  try {
    policy = loadPolicy(policyFileFor({ packaged: app.isPackaged }));
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    dialog.showErrorBox(nl.policy.startTitle, error.message);
    app.quit();
    return;
  }
  const dbPath = databasePath({ policy, userData: app.getPath('userData'), packaged: app.isPackaged });
  const keyProtector = {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (secret: Buffer) => safeStorage.encryptString(secret.toString('base64')),
    decrypt: (sealed: Buffer) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
  const session = new Session(dbPath, { nativeBinding: binding, keyProtector });
  const backups = new Backups(session, { clock: systemClock, appVersion: app.getVersion(), policyFolder: policy.backupFolder });
  await session.init();
  let window: BrowserWindow | undefined;
  const files = systemFileDialogs(() => window);
  // The projector window on a second display, the main window's own preload and hardening.
  const projector = createProjector({
    screen,
    // Restated here so the hardening is visible where the window is made (and to electronegativity).
    createWindow: ({ webPreferences, ...options }) =>
      new BrowserWindow({
        ...options,
        webPreferences: { ...webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
      }),
    mainWindow: () => window,
    indexUrl: devServerUrl ?? APP_INDEX_URL,
    preload: path.join(here, '../preload/index.cjs'),
  });
  const router = createRouter(handlers, { session, clock: systemClock, appVersion: app.getVersion(), files, backups, policy, projector });
  // The daily backup: checked every few minutes while the data is open (it runs once a day).
  setInterval(() => void backups.daily(), DAILY_CHECK_MS).unref();
  registerIpc(ipcMain, router, isTrusted);

  window = createWindow();
  // Locked when the computer is locked or goes to sleep; the reload drops every screen that showed data.
  const lockNow = async () => {
    if (session.state.state !== 'open') return;
    await session.lock({ quick: true });
    await projector.close();
    window?.webContents.reload();
  };
  powerMonitor.on('lock-screen', () => void lockNow());
  powerMonitor.on('suspend', () => void lockNow());
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
  app.on('window-all-closed', () => app.quit());
  // Quit waits for the backup on close and a clean close of the database.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void session.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

void main();
