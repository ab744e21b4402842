import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronInstall, electronInstallScript } from './electronBinary';
import { ELECTRON_HEADERS, ensureSideBinding } from './nativeBuild';

// After every npm install: fetch the Electron binary (its own install script is
// not allowed to run, so that a failed download cannot fail the install) and
// build SQLite for Electron beside the Node build. Never fails the install:
// tests need neither, and `npm start` repeats both with a clear message.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('mdo: ELECTRON_SKIP_BINARY_DOWNLOAD is set; skipping the Electron binary and its SQLite build.');
    return;
  }
  let electron = electronInstall(root);
  if (!electron.binary) {
    const result = spawnSync(process.execPath, [electronInstallScript()], { stdio: 'inherit', cwd: root });
    if (result.status !== 0) {
      console.warn('mdo: could not download the Electron binary (no network?). Tests still work; "npm start" will explain.');
      return;
    }
    electron = electronInstall(root);
  }
  try {
    await ensureSideBinding({
      root,
      target: { runtime: 'electron', version: electron.version, arch: process.arch },
      distUrl: ELECTRON_HEADERS,
      log: (line) => console.log(`mdo: ${line}`),
    });
  } catch (error) {
    console.warn(`mdo: could not build SQLite for Electron yet; "npm start" will retry.\n${String(error).slice(0, 2000)}`);
  }
}

await main();
