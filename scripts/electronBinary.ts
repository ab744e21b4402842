import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface ElectronInstall {
  version: string;
  /** Path of the executable, or null when the binary was not downloaded. */
  binary: string | null;
}

/** Finds the installed Electron package and whether its binary is present. */
export function electronInstall(root: string): ElectronInstall {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { version, binary: null };
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return { version, binary: fs.existsSync(binary) ? binary : null };
}

export const MISSING_ELECTRON = (version: string) => `The Electron ${version} binary is not installed.

This happens when npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or
without internet access. The tests do not need it; the app window does.

Fix (needs internet access once):
  node node_modules/electron/install.js
then run "npm start" again.`;

export function electronInstallScript(): string {
  return require.resolve('electron/install.js');
}
