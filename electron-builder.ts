import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arch, type Configuration } from 'electron-builder';
import { installedPackageVersion, readMeta } from './db/nativeBinding';
import { afterPack } from './build/fuses';
import { artifactName, signingPlan } from './build/signing';

/**
 * electron-builder configuration for MDO's installers (found by its name, so a
 * bare `npx electron-builder` uses it too). Build with `npm run dist`
 * (scripts/dist.ts): it builds the app and SQLite for Electron first, and says
 * loudly when a build is unsigned. Loaded by electron-builder through jiti, so
 * plain TypeScript works here.
 */

const root = path.dirname(fileURLToPath(import.meta.url));
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
  .version;

// The SQLite addon built for Electron (scripts/nativeBuild.ts), kept beside the
// Node build that the tests use: packaging never rebuilds node_modules in place
// (npmRebuild: false), so a local `npm run dist` cannot break `npm test`.
// MDO_NATIVE_DIR (inside the project, where electron-builder's unpack patterns look)
// lets the pack test supply a stand-in.
const nativeDir = path.relative(root, path.resolve(root, process.env.MDO_NATIVE_DIR || 'node_modules/.mdo-native')).replaceAll('\\', '/');
export const nativeBuildName = (arch: string) => `electron-v${electronVersion}-${arch}`;

/**
 * An installer without SQLite for its architecture would not start: refuse to
 * pack instead (electron-builder would quietly leave a missing folder out).
 * The same check the app makes at start (db/nativeBinding.ts): built for this
 * Electron and architecture, from the installed SQLite package.
 */
async function beforePack(context: { arch: Arch }): Promise<void> {
  const arch = Arch[context.arch];
  const dir = path.join(root, nativeDir, nativeBuildName(arch));
  const meta = readMeta(dir);
  const current =
    meta?.runtime === 'electron' &&
    meta.version === electronVersion &&
    meta.arch === arch &&
    meta.packageVersion === installedPackageVersion(root) &&
    fs.existsSync(path.join(dir, 'better_sqlite3.node'));
  if (!current)
    throw new Error(`No current SQLite build for Electron ${electronVersion} (${arch}) in ${dir}: run "npm run dist", which builds it.`);
}

const win = signingPlan('win');
const mac = signingPlan('mac');
const linux = signingPlan('linux');

const config: Configuration = {
  appId: 'nl.mdo.app',
  productName: 'MDO',
  copyright: 'MDO',
  // The publisher Windows shows (Apps & features, file properties) and the MSI's Manufacturer.
  extraMetadata: { author: { name: 'MDO' } },
  directories: { output: 'release/${version}', buildResources: 'build' },

  // Only the built app and production dependencies. Sources, tests, fixtures,
  // source maps and keys never get in: the pack test (tests/build) checks the asar.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    '!**/*.map',
    '!**/*.{ts,tsx,mts,cts}',
    '!**/*.{p12,pfx,pem,key,crt,cer}',
    '!**/{test,tests,__tests__,fixtures,example,examples,benchmark,benchmarks,docs,.github}/**',
    '!**/*.{md,markdown}',
    // Type stubs that production packages list as dependencies: nothing in them runs.
    '!**/node_modules/@types/**',
    // SQLite: sources, object files and the Node build stay out; the Electron build comes below.
    '!**/node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**',
    '!**/node_modules/better-sqlite3-multiple-ciphers/binding.gyp',
    // Only the font the charts use (core/monitoring/charts.ts): 12 MB → 0.7 MB.
    '!**/node_modules/dejavu-fonts-ttf/{fontconfig,*.txt}',
    '!**/node_modules/dejavu-fonts-ttf/ttf/!(DejaVuSans.ttf)',
    // docx's browser bundles (Node loads dist/*.mjs through its exports): 9 MB.
    '!**/node_modules/docx/dist/*.{iife.js,umd.cjs}',
    // The window icon (electron/main/index.ts); build/ itself is electron-builder's resources folder and not packed.
    { from: 'build', to: 'build', filter: ['icon.png'] },
    // db/nativeBinding.ts finds this folder and checks its meta.json against the running Electron.
    {
      from: `${nativeDir}/${nativeBuildName('${arch}')}`,
      to: `node_modules/.mdo-native/${nativeBuildName('${arch}')}`,
      filter: ['better_sqlite3.node', 'meta.json'],
    },
  ],
  asar: true,
  // Native code cannot be loaded from inside an asar, and resvg (Rust) opens
  // the font with its own file access, which does not see into the asar either.
  // Matched against the source path: the side build's folder, not where it lands in the asar.
  asarUnpack: [`${nativeDir}/*/*.node`, 'node_modules/@resvg/resvg-js-*/**', 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'],
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // Dutch UI; en-US is Chromium's fallback. Saves ~40 MB of other locales.
  electronLanguages: ['nl', 'en-US'],
  beforePack,
  afterPack,

  // No auto-update and no update server: MDO never connects to the internet.
  // IT rolls out new versions with its own tools (docs/it-beheer.md).
  publish: null,
  detectUpdateChannel: false,
  generateUpdatesFilesForAllChannels: false,
  // --require-signing (scripts/dist.ts) makes a signing failure fatal instead of a warning.
  forceCodeSigning: process.env.MDO_REQUIRE_SIGNING === '1',

  win: {
    // No arch here: a target's arch in the config would be built on top of the one asked for
    // (--x64/--arm64, scripts/dist.ts); without it, the host's or the asked one only.
    target: ['nsis', 'msi'],
    icon: 'build/icon.png',
    // Every binary MDO loads is signed like the executable: the SQLite and resvg addons and
    // Electron's own DLLs (not signed as shipped), so AppLocker/WDAC publisher rules allow all of them.
    signExts: ['.node', '.dll'],
    ...(win.azure ? { azureSignOptions: win.azure } : { signtoolOptions: { signingHashAlgorithms: ['sha256'] } }),
    legalTrademarks: 'MDO',
  },
  nsis: {
    // Assisted installer, for all users of the machine (needs elevation); silent with /S.
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'MDO',
    // Pupil data is never removed by an uninstall: it lives in the user's profile.
    deleteAppDataOnUninstall: false,
    runAfterFinish: false,
    language: '1043', // Dutch
    installerLanguages: ['nl_NL'],
    artifactName: artifactName(win, 'MDO-Setup-${version}-${arch}'),
  },
  msi: {
    // For Intune and software distribution: msiexec /i … /qn, always per machine.
    oneClick: true,
    perMachine: true,
    // Fixed for ever: Windows Installer recognises a newer MDO as an upgrade of the installed one by this code.
    upgradeCode: '5b0f6d3e-3c1a-4f7e-9a57-6d0b9d4c2e11',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'MDO',
    runAfterFinish: false,
    artifactName: artifactName(win, 'MDO-${version}-${arch}'),
  },

  mac: {
    // One architecture per build, on a Mac of that architecture (CI: macos-15 and macos-15-intel), where
    // npm installed resvg's binding for it and SQLite is built for it.
    target: ['dmg', 'zip'],
    category: 'public.app-category.education',
    icon: 'build/icon.png',
    minimumSystemVersion: '12.0',
    hardenedRuntime: true,
    // Only allow-jit (V8 needs it under the hardened runtime); see the plist for what is left out and why.
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    gatekeeperAssess: false,
    // Without credentials: no signing identity is looked up at all (the build is marked UNSIGNED).
    // With them, every Mach-O in the bundle is signed, the .node addons included, then the app is notarized.
    ...(mac.signed ? { notarize: true } : { identity: null, notarize: false }),
    artifactName: artifactName(mac, 'MDO-${version}-${arch}'),
  },
  dmg: {
    artifactName: artifactName(mac, 'MDO-${version}-${arch}'),
    writeUpdateInfo: false,
  },

  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'mdo',
    icon: 'build/icon.png',
    category: 'Education',
    synopsis: 'Multidisciplinair overleg op school voorbereiden, voorzitten en vastleggen',
    description:
      'MDO helpt de intern begeleider het multidisciplinair overleg met het kernteam voor te bereiden, voor te zitten en vast te leggen.',
    maintainer: process.env.MDO_MAINTAINER ?? 'MDO <ict@mdo.invalid>',
    vendor: 'MDO',
    artifactName: artifactName(linux, 'MDO-${version}-${arch}'),
  },
  appImage: { artifactName: artifactName(linux, 'MDO-${version}-${arch}') },
  deb: { packageName: 'mdo', artifactName: artifactName(linux, 'mdo_${version}_${arch}'), priority: 'optional' },
};

export default config;
