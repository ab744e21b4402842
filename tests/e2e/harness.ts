import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { launchApp as launchAppIn, launchChromium, type LaunchedApp, type LaunchOptions } from './launch';

// The per-test hooks around launch.ts, which holds the app itself (and stays free of vitest).
export * from './launch';

// One Chromium per test file, started by the file's first launchApp: starting and stopping Chromium
// for every test was a few seconds each on two busy cores. Each app still gets a browser context of
// its own (its own pages, storage and network filter), closed with the app. Test files share their
// worker's modules (vitest `isolate: false`), so this hook is registered by the first file that
// imports the harness: later files of that worker keep one Chromium, which ends with the worker.
let fileBrowser: Promise<Browser> | undefined;
afterAll(async () => {
  const browser = fileBrowser;
  fileBrowser = undefined;
  await (await browser?.catch(() => undefined))?.close();
});

function sharedBrowser(): Promise<Browser> {
  if (!fileBrowser) {
    const launching = launchChromium();
    fileBrowser = launching;
    // A Chromium that failed to start or went away is started again by the next test.
    const forget = () => {
      if (fileBrowser === launching) fileBrowser = undefined;
    };
    launching.then((browser) => browser.on('disconnected', forget), forget);
  }
  return fileBrowser;
}

/** launch.ts' launchApp in this test file's shared Chromium, unless `browser` names another. */
export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  return launchAppIn({ ...options, browser: options.browser ?? (await sharedBrowser()) });
}

/** A fresh temporary folder for one test's database files. */
export function tempDir(prefix = 'mdo-test-'): { dir: string; file(name: string): string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Registers beforeEach/afterEach that give every test of the suite its own
 * database in a temporary folder (the demo school, unless `demo: false`) and
 * the app opened on it. Returns a getter for the running app.
 */
export function appPerTest(options: { demo?: boolean; dbName?: string } = {}): () => LaunchedApp {
  let temp: ReturnType<typeof tempDir>;
  let app: LaunchedApp;
  beforeEach(async () => {
    temp = tempDir();
    const dbPath = temp.file(options.dbName ?? 'demo.db');
    if (options.demo ?? true) await createDemoDatabase(dbPath);
    app = await launchApp({ dbPath });
  });
  afterEach(async () => {
    await app.close();
    temp.remove();
  });
  return () => app;
}
