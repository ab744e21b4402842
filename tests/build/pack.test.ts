import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractAll, listPackage, statFile } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuses } from '../../build/fuses';
import { asarUnpackedPath } from '../../core/monitoring/charts';
import { ADDON_FILE, isSideBuildCurrent, NATIVE_PACKAGE, type NativeTarget } from '../../db/nativeBinding';
import { root } from '../e2e/build';
import { childEnv } from '../fixtures/childEnv';

/**
 * Packs the app as an installer would (electron-builder.ts), but into a folder
 * and around a stand-in for Electron: the real binary cannot be downloaded
 * here, and SQLite cannot be built for Electron without its headers. Then reads
 * what would ship. The stand-ins:
 * - Electron: an "executable" holding only Electron 45's fuse wire, so the
 *   afterPack hook (build/fuses.ts) flips real fuse bytes that are read back;
 * - the SQLite side build: the Node build of the addon with Electron's
 *   metadata, in the place scripts/dist.ts builds the real one.
 * `npm run build` ran before (tests/e2e/globalSetup.ts).
 */

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  devDependencies: Record<string, string>;
};
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
  .version;
const arch = process.arch;
const target: NativeTarget = { runtime: 'electron', version: electronVersion, arch };
const sideBuild = `node_modules/.mdo-native/electron-v${electronVersion}-${arch}`;
// The fuse wire as Electron 45 ships it: sentinel, wire version 1, nine fuses ('1' on, '0' off).
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_FUSES = '101100011';

let temp: string;
let standInNative: string;
let appOutDir: string;
let resources: string;
let asarPath: string;
let entries: string[];
let extracted: string;
let packSeconds: number;

function writeElectronStandIn(dir: string): void {
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const binary = Buffer.concat([
    Buffer.alloc(4096, 0x90),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, SHIPPED_FUSES.length]),
    Buffer.from(SHIPPED_FUSES, 'latin1'),
    Buffer.alloc(4096, 0xcc),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), binary, { mode: 0o755 });
  for (const locale of ['nl', 'en-US', 'de', 'fr']) fs.writeFileSync(path.join(dir, 'locales', `${locale}.pak`), locale);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  fs.writeFileSync(path.join(dir, 'version'), electronVersion);
}

function writeNativeStandIn(dir: string): void {
  const build = path.join(dir, `electron-v${electronVersion}-${arch}`);
  fs.mkdirSync(build, { recursive: true });
  fs.copyFileSync(path.join(root, 'node_modules', NATIVE_PACKAGE, 'build', 'Release', ADDON_FILE), path.join(build, ADDON_FILE));
  const { version: packageVersion } = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', NATIVE_PACKAGE, 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  fs.writeFileSync(path.join(build, 'meta.json'), JSON.stringify({ ...target, packageVersion, builtAt: new Date(0).toISOString() }));
}

function sizeOf(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(file).reduce((total, name) => total + sizeOf(path.join(file, name)), 0);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'mdo-pack-'));
  const electronDist = path.join(temp, 'electron');
  writeElectronStandIn(electronDist);
  // electron-builder matches asarUnpack against source paths inside the project: the stand-in
  // lives in release/ (ignored by git, lint and prettier), under a name of its own per process.
  standInNative = path.join(root, 'release', `pack-test-${process.pid}`);
  writeNativeStandIn(standInNative);

  const output = path.join(temp, 'release');
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      '--dir',
      `--${arch}`,
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    { cwd: root, encoding: 'utf8', env: childEnv({ MDO_NATIVE_DIR: path.relative(root, standInNative) }) },
  );
  packSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`electron-builder failed (${result.status}):\n${result.stdout}\n${result.stderr}`);

  appOutDir = path.join(output, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
  resources = path.join(appOutDir, 'resources');
  asarPath = path.join(resources, 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
  extracted = path.join(temp, 'extracted');
  extractAll(asarPath, extracted);

  const asarBytes = fs.statSync(asarPath).size;
  const unpackedBytes = sizeOf(path.join(resources, 'app.asar.unpacked'));
  console.log(
    `[pack] electron-builder --dir in ${packSeconds.toFixed(1)} s: app.asar ${megabytes(asarBytes)} (${entries.length} entries), ` +
      `app.asar.unpacked ${megabytes(unpackedBytes)}; a real package adds Electron itself (~250 MB unpacked).`,
  );
}, 240_000);

afterAll(() => {
  fs.rmSync(temp, { recursive: true, force: true });
  fs.rmSync(standInNative, { recursive: true, force: true });
});

describe('the packaged app', () => {
  it('holds the main, preload and renderer entries that the app loads', () => {
    const packaged = JSON.parse(fs.readFileSync(path.join(extracted, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(packaged.main).toBe(pkg.main);
    expect(packaged.type).toBe('module');
    // The packaged package.json carries no build scripts and no dev dependencies.
    expect(packaged.scripts).toBeUndefined();
    expect(packaged.devDependencies).toBeUndefined();

    // Every file electron-vite built is inside: main (and its chunks), the sandboxed preload, the renderer.
    const built = fs.readdirSync(path.join(root, 'out'), { recursive: true, encoding: 'utf8' }).filter((file) => !file.endsWith('.map'));
    const builtFiles = built
      .filter((file) => fs.statSync(path.join(root, 'out', file)).isFile())
      .map((file) => `out/${file.replaceAll('\\', '/')}`);
    expect(builtFiles).toEqual(expect.arrayContaining([pkg.main, 'out/preload/index.cjs', 'out/renderer/index.html']));
    expect(entries).toEqual(expect.arrayContaining(builtFiles));
    // The main process loads the preload and the renderer by these paths (electron/main/index.ts).
    const main = fs.readFileSync(path.join(extracted, pkg.main), 'utf8');
    expect(main).toContain('../preload/index.cjs');
    expect(main).toContain('../renderer');
    const html = fs.readFileSync(path.join(extracted, 'out/renderer/index.html'), 'utf8');
    for (const [, asset] of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) expect(entries).toContain(`out/renderer/${asset}`);
  });

  it('carries SQLite built for Electron outside the archive, where the app finds and checks it', () => {
    const addon = `${sideBuild}/${ADDON_FILE}`;
    expect(entries).toContain(addon);
    expect(statFile(asarPath, addon)).toMatchObject({ unpacked: true });
    expect(fs.existsSync(path.join(resources, 'app.asar.unpacked', addon))).toBe(true);
    // The same check the installed app makes at start (electron/main/index.ts) with the app's folder as root.
    expect(isSideBuildCurrent(extracted, target)).toBe(true);
    // The Node build of the addon, its sources and object files stay out.
    const sqliteFiles = entries.filter((entry) => entry.startsWith(`node_modules/${NATIVE_PACKAGE}/`));
    expect(sqliteFiles.filter((entry) => /\/(build|deps|src)\//.test(entry) || entry.endsWith('.node'))).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith(ADDON_FILE))).toEqual([addon]);
  });

  it('unpacks resvg and the font it opens itself, at the path the charts use', () => {
    const resvg = entries.filter((entry) => /^node_modules\/@resvg\/resvg-js-[^/]+\/.+\.node$/.test(entry));
    expect(resvg).toHaveLength(1);
    expect(fs.existsSync(path.join(resources, 'app.asar.unpacked', resvg[0]))).toBe(true);
    const font = asarUnpackedPath(path.join(asarPath, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    expect(fs.existsSync(font)).toBe(true);
    // Only that font of the 12 MB family.
    expect(entries.filter((entry) => entry.endsWith('.ttf'))).toEqual(['node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf']);
  });

  it('contains no sources, tests, fixtures, source maps, keys or dev dependencies', () => {
    expect(new Set(entries.map((entry) => entry.split('/')[0]))).toEqual(new Set(['build', 'node_modules', 'out', 'package.json']));
    expect(entries.filter((entry) => entry.startsWith('build/'))).toEqual(['build/icon.png']);
    expect(entries.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    expect(entries.filter((entry) => /\.(p12|pfx|pem|key|crt|cer)$/i.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /(^|\/)(tests?|__tests__|fixtures)(\/|$)/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => /(^|\/)\.env/.test(entry) || entry.endsWith('.db'))).toEqual([]);
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => entries.includes(`node_modules/${name}/package.json`));
    expect(devOnly).toEqual([]);
  });

  it('has every package the main process imports, and they load', () => {
    const mainFiles = entries.filter((entry) => entry.startsWith('out/main/') && entry.endsWith('.js'));
    const specifiers = new Set<string>();
    for (const file of mainFiles) {
      const code = fs.readFileSync(path.join(extracted, file), 'utf8');
      // A package name has no white space or comma: bundled code may hold `from ', '` in a string (pkijs does).
      for (const [, specifier] of code.matchAll(/(?:from|import\()\s*["']([^"'./\s,][^"'\s,]*)["']/g)) specifiers.add(specifier);
    }
    const packages = [...specifiers].filter((specifier) => !specifier.startsWith('node:') && specifier !== 'electron').sort();
    expect(packages).toEqual(
      expect.arrayContaining(['better-sqlite3-multiple-ciphers', '@resvg/resvg-js', 'docx', 'kysely', 'vega', 'zod']),
    );
    // Import each one from inside the extracted app, as its main process would, and open SQLite with the shipped addon.
    const probe = path.join(extracted, 'probe.mjs');
    fs.writeFileSync(
      probe,
      `import { createRequire } from 'node:module';
const require = createRequire(new URL('./${pkg.main}', import.meta.url));
for (const specifier of ${JSON.stringify(packages)}) await import(specifier);
const Database = require('better-sqlite3-multiple-ciphers');
const db = new Database(':memory:', { nativeBinding: new URL('./${sideBuild}/${ADDON_FILE}', import.meta.url).pathname });
console.log(JSON.stringify({ sqlite: db.prepare('select sqlite_version() as v').get().v, font: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf') }));
`,
    );
    const result = spawnSync(process.execPath, [probe], { cwd: extracted, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      sqlite: expect.stringMatching(/^3\./),
      font: path.join(extracted, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    });
  });

  it('has its fuses flipped by the afterPack hook', async () => {
    const wire = await getCurrentFuseWire(path.join(appOutDir, 'mdo'));
    for (const [option, enabled] of Object.entries(fuses)) {
      if (option === 'version') continue;
      expect(wire[option as unknown as FuseV1Options], FuseV1Options[Number(option)]).toBe(enabled ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });

  it('leaves out the Chromium languages the app does not use', () => {
    expect(fs.readdirSync(path.join(appOutDir, 'locales')).sort()).toEqual(['en-US.pak', 'nl.pak']);
  });

  it('stays small and packs quickly', () => {
    // Budgets with room: a jump means something got in that should not (a whole node_modules, a second addon).
    expect(fs.statSync(asarPath).size).toBeLessThan(60 * 1024 * 1024);
    expect(sizeOf(path.join(resources, 'app.asar.unpacked'))).toBeLessThan(15 * 1024 * 1024);
    expect(packSeconds).toBeLessThan(180);
  });
});
