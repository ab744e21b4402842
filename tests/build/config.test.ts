import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Arch, type Configuration } from 'electron-builder';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signingPlan } from '../../build/signing';
import { installedPackageVersion } from '../../db/nativeBinding';
import { root } from '../e2e/build';

// Signing is decided by environment variables only; a build without them is
// marked UNSIGNED, one with half of them fails (scripts/dist.ts) instead of
// quietly producing an unsigned installer.

const WINDOWS_AZURE = {
  AZURE_TENANT_ID: 'tenant',
  AZURE_CLIENT_ID: 'client',
  AZURE_CLIENT_SECRET: 'secret',
  MDO_AZURE_ENDPOINT: 'https://weu.codesigning.azure.net',
  MDO_AZURE_ACCOUNT: 'mdo-account',
  MDO_AZURE_PROFILE: 'mdo-profile',
  MDO_WIN_PUBLISHER: 'Stichting Voorbeeld',
};

describe('signing plan', () => {
  it('is unsigned without credentials, and says what would sign', () => {
    for (const os of ['win', 'mac', 'linux'] as const) {
      const plan = signingPlan(os, {});
      expect(plan).toMatchObject({ os, signed: false, problems: [] });
      expect(plan.howToSign.length).toBeGreaterThan(0);
    }
    // Empty values count as absent (an unset CI secret arrives as "").
    expect(signingPlan('win', { WIN_CSC_LINK: '', CSC_LINK: '  ' }).signed).toBe(false);
  });

  it('signs Windows with a certificate file or with Azure Trusted Signing, not both', () => {
    expect(signingPlan('win', { WIN_CSC_LINK: 'cert.pfx', WIN_CSC_KEY_PASSWORD: 'x' })).toMatchObject({
      signed: true,
      method: 'Authenticode certificate (WIN_CSC_LINK)',
      problems: [],
    });
    expect(signingPlan('win', { CSC_LINK: 'cert.pfx' })).toMatchObject({ signed: true, method: 'Authenticode certificate (CSC_LINK)' });
    expect(signingPlan('win', WINDOWS_AZURE)).toMatchObject({
      signed: true,
      method: 'Azure Trusted Signing',
      azure: {
        endpoint: 'https://weu.codesigning.azure.net',
        codeSigningAccountName: 'mdo-account',
        certificateProfileName: 'mdo-profile',
        publisherName: 'Stichting Voorbeeld',
      },
      problems: [],
    });
    const half = signingPlan('win', { ...WINDOWS_AZURE, AZURE_CLIENT_SECRET: undefined, MDO_AZURE_PROFILE: '' });
    expect(half.signed).toBe(false);
    expect(half.problems).toEqual(['Azure Trusted Signing is half configured: AZURE_CLIENT_SECRET, MDO_AZURE_PROFILE missing']);
    expect(signingPlan('win', { ...WINDOWS_AZURE, CSC_LINK: 'cert.pfx' }).problems).toHaveLength(1);
  });

  it('signs macOS only with a Developer ID and notarization credentials together', () => {
    expect(signingPlan('mac', { CSC_LINK: 'id.p12', APPLE_API_KEY: 'key.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' })).toMatchObject(
      {
        signed: true,
        problems: [],
      },
    );
    expect(
      signingPlan('mac', { CSC_NAME: 'Developer ID Application: X', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' }),
    ).toMatchObject({ signed: true });
    const noNotarization = signingPlan('mac', { CSC_LINK: 'id.p12', APPLE_ID: 'a' });
    expect(noNotarization.signed).toBe(false);
    expect(noNotarization.problems[0]).toContain('no complete notarization credentials');
    expect(signingPlan('mac', { APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' }).problems[0]).toContain(
      'no signing identity',
    );
  });

  it('signs the Linux checksums with GPG', () => {
    expect(signingPlan('linux', { MDO_GPG_KEY_ID: 'ABCD1234' })).toMatchObject({ signed: true, gpgKey: 'ABCD1234' });
  });
});

describe('electron-builder.ts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function configWith(env: Record<string, string>): Promise<Configuration> {
    // The config reads the environment when loaded, as electron-builder loads it once per build.
    for (const name of [
      'WIN_CSC_LINK',
      'CSC_LINK',
      'CSC_NAME',
      'APPLE_ID',
      'APPLE_API_KEY',
      'MDO_GPG_KEY_ID',
      'MDO_REQUIRE_SIGNING',
      ...Object.keys(WINDOWS_AZURE),
    ]) {
      vi.stubEnv(name, '');
    }
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    vi.resetModules();
    return (await import('../../electron-builder')).default;
  }

  it('names every artifact of an unsigned build UNSIGNED, publishes nothing and packs with the fuse hook', async () => {
    const config = await configWith({});
    expect(config.nsis?.artifactName).toBe('MDO-Setup-${version}-${arch}-UNSIGNED.${ext}');
    expect(config.msi?.artifactName).toBe('MDO-${version}-${arch}-UNSIGNED.${ext}');
    expect(config.dmg?.artifactName).toBe('MDO-${version}-${arch}-UNSIGNED.${ext}');
    expect(config.appImage?.artifactName).toBe('MDO-${version}-${arch}-UNSIGNED.${ext}');
    expect(config.deb?.artifactName).toBe('mdo_${version}_${arch}-UNSIGNED.${ext}');
    expect(config.mac).toMatchObject({ identity: null, notarize: false, hardenedRuntime: true });
    expect(config.publish).toBeNull();
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.forceCodeSigning).toBe(false);
    // The hook of build/fuses.ts itself (the module instance the config loaded).
    expect(config.afterPack).toBe((await import('../../build/fuses')).afterPack);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('signs the .node addons on Windows too, through Azure when configured', async () => {
    const config = await configWith({ ...WINDOWS_AZURE, MDO_REQUIRE_SIGNING: '1' });
    expect(config.nsis?.artifactName).toBe('MDO-Setup-${version}-${arch}.${ext}');
    expect(config.win).toMatchObject({ signExts: ['.node', '.dll'], azureSignOptions: { codeSigningAccountName: 'mdo-account' } });
    expect(config.win?.signtoolOptions).toBeUndefined();
    expect(config.forceCodeSigning).toBe(true);
    // Only Windows is signed: the other platforms' names still say so.
    expect(config.dmg?.artifactName).toContain('-UNSIGNED');
  });

  it('notarizes a signed macOS build', async () => {
    const config = await configWith({ CSC_LINK: 'id.p12', APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' });
    expect(config.mac).toMatchObject({ notarize: true, hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    expect(config.mac?.identity).toBeUndefined();
    expect(config.dmg?.artifactName).toBe('MDO-${version}-${arch}.${ext}');
  });
  it('refuses to pack without SQLite built for this Electron, architecture and package version', async () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'mdo-native-check-'));
    try {
      const config = await configWith({ MDO_NATIVE_DIR: temp });
      const beforePack = config.beforePack as (context: { arch: Arch }) => Promise<void>;
      await expect(beforePack({ arch: Arch.x64 })).rejects.toThrow(/No current SQLite build for Electron .* \(x64\).*npm run dist/);

      const electron = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
        .version;
      const build = path.join(temp, `electron-v${electron}-x64`);
      fs.mkdirSync(build);
      fs.writeFileSync(path.join(build, 'better_sqlite3.node'), '');
      const meta = { runtime: 'electron', version: electron, arch: 'x64', packageVersion: installedPackageVersion(root), builtAt: '' };
      fs.writeFileSync(path.join(build, 'meta.json'), JSON.stringify({ ...meta, packageVersion: '0.0.1' }));
      await expect(beforePack({ arch: Arch.x64 })).rejects.toThrow('No current SQLite build');
      fs.writeFileSync(path.join(build, 'meta.json'), JSON.stringify({ ...meta, runtime: 'node' }));
      await expect(beforePack({ arch: Arch.x64 })).rejects.toThrow('No current SQLite build');
      fs.writeFileSync(path.join(build, 'meta.json'), JSON.stringify(meta));
      await expect(beforePack({ arch: Arch.x64 })).resolves.toBeUndefined();
      await expect(beforePack({ arch: Arch.arm64 })).rejects.toThrow('(arm64)');
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });
});
