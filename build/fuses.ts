import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * Electron fuses for every packaged MDO build: switches compiled into the
 * Electron binary that no command-line flag or environment variable can turn
 * back on. electron-builder.ts passes `afterPack` below as its afterPack hook
 * (a function: the config is TypeScript, loaded by electron-builder through
 * jiti); nothing else flips fuses (no `electronFuses` in the config).
 *
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn MDO into a plain Node.js
 *   that runs any script with the app's rights (and its keychain entry).
 * - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS (--require …) is ignored.
 * - EnableNodeCliInspectArguments off: --inspect and friends are ignored, so no debugger can attach.
 * - OnlyLoadAppFromAsar on: only resources/app.asar is loaded, never a planted resources/app folder.
 * - EnableEmbeddedAsarIntegrityValidation on: app.asar must match the hash embedded at
 *   packaging time (electron-builder writes it), so the JavaScript cannot be edited after signing.
 * - EnableCookieEncryption on: the session's cookie store is encrypted with the OS key store.
 * - LoadBrowserProcessSpecificV8Snapshot off: one V8 snapshot for all processes, as shipped.
 * - GrantFileProtocolExtraPrivileges off: file:// pages get no more than in a browser; the
 *   renderer is served on app://mdo/ (electron/main/appProtocol.ts), so it needs none.
 */
export const fuses = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies FuseV1Config;

/** What electron-builder passes to an afterPack hook (the part used here). */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** The Electron executable (or app bundle) that electron-builder wrote for one platform. */
export function electronBinaryPath(context: PackedApp): string {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${name}.app`);
    case 'win32':
      return path.join(appOutDir, `${name}.exe`);
    default:
      return path.join(appOutDir, packager.executableName ?? name);
  }
}

/**
 * electron-builder's afterPack hook: flips the fuses on the packed binary,
 * before signing. On macOS the ad-hoc signature is renewed (arm64 refuses to
 * start a binary whose signature no longer matches); the real signature comes after.
 */
export async function afterPack(context: PackedApp): Promise<void> {
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(electronBinaryPath(context), { ...fuses, resetAdHocDarwinSignature: darwin });
}

export default afterPack;
