import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADDON_FILE,
  NATIVE_PACKAGE,
  NativeBindingError,
  isSideBuildCurrent,
  resolveNativeBinding,
  sideBuildDir,
  type NativeTarget,
} from '../db/nativeBinding';
import { root } from '../tests/e2e/build';
import { tempDir } from '../tests/e2e/harness';
import { buildSideBinding, ensureSideBinding } from './nativeBuild';

// The Electron build itself needs Electron's headers from the network, which
// this machine cannot reach. Everything else of the mechanism is exercised
// here by building the side binary for this Node version from local headers:
// copy, compile, metadata, guard and loading through `nativeBinding`.
const nodeTarget: NativeTarget = { runtime: 'node', version: process.versions.node, arch: process.arch };
const nodedir = path.resolve(path.dirname(process.execPath), '..');

describe('SQLite for a second runtime beside the Node build', () => {
  const temp = tempDir('mdo-native-test-');
  const mainAddon = path.join(root, 'node_modules', NATIVE_PACKAGE, 'build', 'Release', ADDON_FILE);
  let mainAddonBefore: Buffer;

  beforeAll(() => {
    mainAddonBefore = fs.readFileSync(mainAddon);
    // A project root whose node_modules holds the installed package.
    fs.mkdirSync(path.join(temp.dir, 'node_modules'));
    fs.symlinkSync(path.join(root, 'node_modules', NATIVE_PACKAGE), path.join(temp.dir, 'node_modules', NATIVE_PACKAGE), 'dir');
  });
  afterAll(() => temp.remove());

  it('says how to fix a missing side build instead of failing obscurely', () => {
    const electron: NativeTarget = { runtime: 'electron', version: '45.5.0', arch: process.arch };
    expect(isSideBuildCurrent(temp.dir, electron)).toBe(false);
    expect(() => resolveNativeBinding(temp.dir, electron)).toThrow(NativeBindingError);
    expect(() => resolveNativeBinding(temp.dir, electron)).toThrow(/No SQLite build for electron 45\.5\.0.*npm start/);
  });

  it(
    'builds, guards and loads the side build, leaving the Node build untouched',
    async () => {
      // Unoptimised: this proves build, guard and load, and compiles SQLite in a fraction of the time.
      const addon = await buildSideBinding({ root: temp.dir, target: nodeTarget, nodedir, optimize: false });
      expect(resolveNativeBinding(temp.dir, nodeTarget)).toBe(addon);

      const db = new Database(':memory:', { nativeBinding: addon });
      expect(db.prepare('SELECT 6 * 7 AS answer').get()).toEqual({ answer: 42 });
      db.close();

      // A second ensure reuses the current build.
      const stat = fs.statSync(addon);
      expect(await ensureSideBinding({ root: temp.dir, target: nodeTarget, nodedir })).toBe(addon);
      expect(fs.statSync(addon).mtimeMs).toBe(stat.mtimeMs);

      // After a package upgrade the old build is refused, not loaded.
      const metaPath = path.join(sideBuildDir(temp.dir, nodeTarget), 'meta.json');
      const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8'));
      fs.writeFileSync(metaPath, JSON.stringify({ ...meta, packageVersion: '0.0.1' }));
      expect(() => resolveNativeBinding(temp.dir, nodeTarget)).toThrow(NativeBindingError);

      // The build for tests and the CLI is the same file as before.
      expect(fs.readFileSync(mainAddon).equals(mainAddonBefore)).toBe(true);
      const nodeDb = new Database(':memory:');
      expect(nodeDb.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
      nodeDb.close();
    },
    15 * 60_000,
  );
});
