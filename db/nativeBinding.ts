import fs from 'node:fs';
import path from 'node:path';

// Tests and the CLI run under Node and use the addon npm built in node_modules.
// The app runs under Electron, whose ABI differs: it uses a second build kept
// beside it in node_modules/.mdo-native/, chosen with better-sqlite3's
// `nativeBinding` option and guarded by the metadata written next to it.

export const NATIVE_PACKAGE = 'better-sqlite3-multiple-ciphers';
export const ADDON_FILE = 'better_sqlite3.node';

export interface NativeTarget {
  runtime: 'electron' | 'node';
  /** Runtime version without "v", e.g. "45.5.0". */
  version: string;
  arch: string;
}

export interface NativeBuildMeta extends NativeTarget {
  packageVersion: string;
  builtAt: string;
}

export class NativeBindingError extends Error {
  override name = 'NativeBindingError';
}

export function packageDir(root: string): string {
  return path.join(root, 'node_modules', NATIVE_PACKAGE);
}

export function installedPackageVersion(root: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir(root), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export function sideBuildDir(root: string, target: NativeTarget): string {
  return path.join(root, 'node_modules', '.mdo-native', `${target.runtime}-v${target.version}-${target.arch}`);
}

export function readMeta(dir: string): NativeBuildMeta | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as NativeBuildMeta;
  } catch {
    return null;
  }
}

/** True when the side build exists and matches the runtime, arch and installed package version. */
export function isSideBuildCurrent(root: string, target: NativeTarget): boolean {
  const dir = sideBuildDir(root, target);
  const meta = readMeta(dir);
  return (
    meta !== null &&
    meta.runtime === target.runtime &&
    meta.version === target.version &&
    meta.arch === target.arch &&
    meta.packageVersion === installedPackageVersion(root) &&
    fs.existsSync(path.join(dir, ADDON_FILE))
  );
}

/** The addon path for this runtime, or a clear error saying how to build it. */
export function resolveNativeBinding(root: string, target: NativeTarget): string {
  if (!isSideBuildCurrent(root, target)) {
    throw new NativeBindingError(
      `No SQLite build for ${target.runtime} ${target.version} (${target.arch}) matching ${NATIVE_PACKAGE} ` +
        `${installedPackageVersion(root)}. Run "npm start" (it builds one) or "npm run native:electron".`,
    );
  }
  return path.join(sideBuildDir(root, target), ADDON_FILE);
}
