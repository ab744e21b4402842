import fs from 'node:fs';
import path from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { afterPack, electronBinaryPath, fuses } from '../../build/fuses';
import { tempDir } from '../e2e/harness';

describe('Electron fuses', () => {
  it('are exactly the hardened set', () => {
    expect(fuses).toStrictEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('find the binary electron-builder wrote for each platform', () => {
    const packager = { appInfo: { productFilename: 'MDO' }, executableName: 'mdo' };
    expect(electronBinaryPath({ appOutDir: '/out/mac-arm64', electronPlatformName: 'darwin', packager })).toBe(
      path.join('/out/mac-arm64', 'MDO.app'),
    );
    expect(electronBinaryPath({ appOutDir: '/out/win-unpacked', electronPlatformName: 'win32', packager })).toBe(
      path.join('/out/win-unpacked', 'MDO.exe'),
    );
    expect(electronBinaryPath({ appOutDir: '/out/linux-unpacked', electronPlatformName: 'linux', packager })).toBe(
      path.join('/out/linux-unpacked', 'mdo'),
    );
  });

  describe('afterPack', () => {
    let temp: ReturnType<typeof tempDir>;
    afterEach(() => temp.remove());

    it('flips them in a packed binary and leaves every other byte alone', async () => {
      // A stand-in for the Electron executable (the real one cannot be downloaded here): the fuse
      // wire as Electron 45 ships it (sentinel, version 1, nine fuses) between arbitrary bytes.
      temp = tempDir('mdo-fuses-');
      const shipped = Buffer.from('101100011', 'latin1'); // '1' enabled, '0' disabled, by FuseV1Options index
      const before = Buffer.concat([
        Buffer.alloc(4096, 0x90),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1'),
        Buffer.from([1, shipped.length]),
        shipped,
        Buffer.alloc(4096, 0xcc),
      ]);
      const binary = path.join(temp.dir, 'mdo');
      fs.writeFileSync(binary, before);

      await afterPack({
        appOutDir: temp.dir,
        electronPlatformName: 'linux',
        packager: { appInfo: { productFilename: 'MDO' }, executableName: 'mdo' },
      });

      const wire = await getCurrentFuseWire(binary);
      const on = FuseState.ENABLE;
      const off = FuseState.DISABLE;
      expect(wire).toEqual({
        version: FuseVersion.V1,
        [FuseV1Options.RunAsNode]: off,
        [FuseV1Options.EnableCookieEncryption]: on,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: off,
        [FuseV1Options.EnableNodeCliInspectArguments]: off,
        [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: on,
        [FuseV1Options.OnlyLoadAppFromAsar]: on,
        [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: off,
        [FuseV1Options.GrantFileProtocolExtraPrivileges]: off,
        [FuseV1Options.WasmTrapHandlers]: on, // not configured: left as shipped
      });
      const after = fs.readFileSync(binary);
      const changed = [...after.keys()].filter((index) => after[index] !== before[index]);
      // Only wire bytes 0, 1, 2, 3, 4, 5 and 7 differ from the shipped ones.
      const wireStart = 4096 + 32 + 2;
      expect(changed).toEqual([0, 1, 2, 3, 4, 5, 7].map((fuse) => wireStart + fuse));
    });
  });
});
