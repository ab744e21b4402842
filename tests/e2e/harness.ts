import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { launchApp, type LaunchedApp } from './launch';

// The per-test hooks around launch.ts, which holds the app itself (and stays free of vitest).
export * from './launch';

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
