import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronInstall, MISSING_ELECTRON } from './electronBinary';
import { ELECTRON_HEADERS, ensureSideBinding } from './nativeBuild';

// `npm start` (and `npm run dev` with --dev): check Electron, make sure SQLite
// is built for it, build the app and open it. `--native-only` stops after SQLite.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const nativeOnly = process.argv.includes('--native-only');

async function main(): Promise<number> {
  const electron = electronInstall(root);
  if (!electron.binary) {
    console.error(MISSING_ELECTRON(electron.version));
    return 1;
  }
  try {
    await ensureSideBinding({
      root,
      target: { runtime: 'electron', version: electron.version, arch: process.arch },
      distUrl: ELECTRON_HEADERS,
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(`Could not build SQLite for Electron ${electron.version}:\n${String(error).slice(0, 4000)}`);
    return 1;
  }
  if (nativeOnly) return 0;
  const viteBin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const steps = dev ? [['dev']] : [['build'], ['preview', '--skipBuild']];
  for (const args of steps) {
    const result = spawnSync(process.execPath, [viteBin, ...args], { stdio: 'inherit', cwd: root });
    if (result.status !== 0) return result.status ?? 1;
  }
  return 0;
}

process.exitCode = await main();
