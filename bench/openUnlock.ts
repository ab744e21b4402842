import fs from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Clock } from '../core/clock';
import { DEMO_PASSPHRASE, Session, type KeyProtector } from '../core/session';
import { openDatabaseKey, readKeyring, writeKeyring } from '../db/keyring';
import { useKey } from '../db/open';
import type { MeasuredRow } from './rows';
import { summarize, type Goals } from './stats';

// "Open": from a closed, encrypted file to a session the renderer can use,
// that is the key (from the passphrase, or from the OS key store), opening
// with the key, quick_check, and the schema check that migrates when needed.
// The floor does the same work straight on better-sqlite3: the same scrypt,
// the same key pragmas, the same quick_check. The session's own file lock,
// audit line and hooks are what the ratio shows.

const OPEN_GOALS: Goals = { maxP95: 500 };

/** Times open with the passphrase (scrypt at the app's cost) and open at start with a key from the OS key store. */
export async function measureOpen(file: string, key: Buffer, clock: Clock, iterations: number): Promise<MeasuredRow[]> {
  const keyring = readKeyring(file);
  if (!keyring) throw new Error(`${file} has no keyring`);
  const withPassphrase = await timeBoth(
    iterations,
    async () => {
      const session = new Session(file, { clock });
      await session.init();
      await session.unlock(DEMO_PASSPHRASE);
      return session;
    },
    async () => {
      const unsealed = await openDatabaseKey(keyring, DEMO_PASSPHRASE);
      if (!unsealed) throw new Error('the demo passphrase does not open the bench keyring');
      return rawOpen(file, unsealed);
    },
  );

  // Electron's safeStorage is not here; an AES key in memory does its part of the work.
  const protector = memoryKeyProtector();
  writeKeyring(file, { ...keyring, osProtected: protector.encrypt(key).toString('base64') });
  const fromKeyStore = await timeBoth(
    iterations,
    async () => {
      const session = new Session(file, { clock, keyProtector: protector });
      if ((await session.init()).state !== 'open') throw new Error('the session did not open with the key from the key store');
      return session;
    },
    async () => rawOpen(file, protector.decrypt(Buffer.from(readKeyring(file)!.osProtected!, 'base64'))),
  );
  writeKeyring(file, keyring);

  const scrypt = keyring.kdf;
  return [
    {
      ...withPassphrase,
      operation: 'open + unlock + quick_check + migrate',
      floor: `scrypt N=2^${Math.log2(scrypt.N)} + open + quick_check`,
      detail: { kdf: scrypt.name, N: scrypt.N, r: scrypt.r, p: scrypt.p },
    },
    {
      ...fromKeyStore,
      operation: 'open at start (OS key store)',
      floor: 'open + quick_check',
    },
  ].map(
    (row) =>
      // quick_check reads every page: what open "shows" is the whole file.
      ({
        ...row,
        unit: 'ms',
        calls: iterations,
        goals: OPEN_GOALS,
        size: { count: fs.statSync(file).size / 1024 / 1024, of: 'MB of database' },
      }) as MeasuredRow,
  );
}

function rawOpen(file: string, key: Buffer): { close(): void } {
  const sqlite = new Database(file);
  useKey(sqlite, key);
  const check = sqlite.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
  sqlite.pragma('user_version', { simple: true });
  return sqlite;
}

type Open = () => Promise<{ close(): unknown }> | { close(): unknown };

async function timeBoth(
  iterations: number,
  service: Open,
  floor: Open,
): Promise<Pick<MeasuredRow, 'p50' | 'p95' | 'floorP50' | 'floorP95'>> {
  const serviceMs: number[] = [];
  const floorMs: number[] = [];
  const time = async (open: Open, into: number[]) => {
    const start = performance.now();
    const opened = await open();
    into.push(performance.now() - start);
    await opened.close();
  };
  // One of each first, unmeasured: the file's pages come into the OS cache.
  await time(service, []);
  await time(floor, []);
  for (let iteration = 0; iteration < iterations; iteration++) {
    await time(service, serviceMs);
    await time(floor, floorMs);
  }
  const s = summarize(serviceMs);
  const f = summarize(floorMs);
  return { p50: s.p50, p95: s.p95, floorP50: f.p50, floorP95: f.p95 };
}

function memoryKeyProtector(): KeyProtector {
  const secret = randomBytes(32);
  return {
    available: () => true,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
  };
}
