import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyringPath } from '../db/keyring';
import { openDatabase } from '../db/open';
import { tempDir } from '../tests/e2e/harness';
import { createDemoDatabase, TEST_KDF_PARAMS } from '../tests/fixtures/demoDatabase';
import { generateDemo } from './demo/generateDemo';
import { fixedClock } from './clock';
import { DEMO_PASSPHRASE, Session, type KeyProtector } from './session';

const clock = fixedClock('2026-11-25T09:00:00.000Z');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every byte MDO wrote for a database: the file, its WAL and its key file. */
function filesOf(dbPath: string): Buffer {
  return Buffer.concat(
    ['', '-wal', '.keys'].filter((suffix) => fs.existsSync(dbPath + suffix)).map((suffix) => fs.readFileSync(dbPath + suffix)),
  );
}

/** A stand-in for the OS key store (Electron safeStorage is not available outside Electron): AES with a key of this "account". */
function protector(accountKey = randomBytes(32)): KeyProtector {
  return {
    available: () => true,
    encrypt: (secret) => {
      const iv = randomBytes(16);
      const cipher = createCipheriv('aes-256-cbc', accountKey, iv);
      return Buffer.concat([iv, cipher.update(secret), cipher.final()]);
    },
    decrypt: (sealed) => {
      const decipher = createDecipheriv('aes-256-cbc', accountKey, sealed.subarray(0, 16));
      return Buffer.concat([decipher.update(sealed.subarray(16)), decipher.final()]);
    },
  };
}

describe('the encrypted database', () => {
  let temp: ReturnType<typeof tempDir>;
  let waits: number[];
  const sessionFor = (file: string, extra: { keyProtector?: KeyProtector } = {}) =>
    new Session(file, { kdfParams: TEST_KDF_PARAMS, clock, wait: async (ms) => void waits.push(ms), ...extra });

  beforeEach(() => {
    temp = tempDir('mdo-session-');
    waits = [];
  });
  afterEach(() => temp.remove());

  it('keeps every pupil name out of the file, its WAL and its key file, and opens only with the passphrase', async () => {
    const file = temp.file('mdo.db');
    const session = sessionFor(file);
    await session.init();
    const { db, recoveryKey } = await session.create({ passphrase: 'een lange zin als wachtwoord' });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    await generateDemo(db, { scale: 'small', clock });
    const pupils = await db.selectFrom('pupil').select(['firstName', 'lastName']).execute();
    const written = filesOf(file);
    for (const pupil of pupils) expect(written.includes(`${pupil.firstName} ${pupil.lastName}`)).toBe(false);
    expect(written.includes('een lange zin')).toBe(false);
    await session.lock();
    expect(session.state).toEqual({ state: 'locked', demo: false, keyringMissing: false });
    expect(() => session.db()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'NOT_A_DATABASE' });

    // Wrong passphrases change nothing on disk and wait longer and longer.
    const before = sha(file);
    for (let i = 0; i < 5; i++) await expect(session.unlock('verkeerd')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(sha(file)).toBe(before);
    expect(waits).toEqual([1000, 2000]);
    await session.unlock('een lange zin als wachtwoord');
    expect(waits).toEqual([1000, 2000, 4000]);
    const audit = await session
      .db()
      .selectFrom('auditLog')
      .select(['action', 'counts'])
      .where('entity', '=', 'session')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => [row.action, JSON.parse(row.counts)])).toEqual([
      ['session.lock', {}],
      ['session.unlock_failed', { attempts: 5 }],
      ['session.open', {}],
    ]);
    await session.close();
  });

  it('changes the passphrase without re-encrypting, and the recovery key opens it when the passphrase or the key file is lost', async () => {
    const file = temp.file('mdo.db');
    const session = sessionFor(file);
    await session.init();
    const { recoveryKey } = await session.create({ passphrase: 'eerste wachtwoord' });
    await session.changePassphrase('eerste wachtwoord', 'tweede wachtwoord');
    await expect(session.changePassphrase('fout', 'derde wachtwoord')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await session.lock();
    const locked = sha(file);
    await expect(session.unlock('eerste wachtwoord')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await session.unlock('tweede wachtwoord');
    await session.lock();

    await expect(session.recover('ABCDE-FGHJK', 'nieuw wachtwoord')).rejects.toMatchObject({ code: 'BAD_RECOVERY_KEY' });
    // Another installation's recovery key is well-formed but opens nothing here: refused, and the key file stays as it is.
    const other = sessionFor(temp.file('ander.db'));
    await other.init();
    const { recoveryKey: othersKey } = await other.create({ passphrase: 'ander wachtwoord' });
    await other.close();
    const keyFile = fs.readFileSync(keyringPath(file));
    await expect(session.recover(othersKey!, 'nieuw wachtwoord')).rejects.toMatchObject({ code: 'BAD_RECOVERY_KEY' });
    expect(session.state.state).toBe('locked');
    expect(fs.readFileSync(keyringPath(file)).equals(keyFile)).toBe(true);
    await session.recover(recoveryKey!.toLowerCase(), 'nieuw wachtwoord');
    await session.lock();
    await session.unlock('nieuw wachtwoord');
    await session.close();

    fs.rmSync(keyringPath(file));
    const lost = sessionFor(file);
    expect(await lost.init()).toEqual({ state: 'locked', demo: false, keyringMissing: true });
    await lost.recover(recoveryKey!, 'na verlies wachtwoord');
    expect(fs.existsSync(keyringPath(file))).toBe(true);
    await lost.close();
    expect(locked).not.toBe('');
  });

  it('encrypts a plain database from before encryption at its first unlock, keeping all data and no plain copy', async () => {
    const file = temp.file('oud.db');
    await createDemoDatabase(file);
    const plain = await openDatabase(file);
    const counts = await plain.db
      .selectFrom('pupil')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const names = await plain.db.selectFrom('pupil').select(['firstName', 'lastName']).execute();
    await plain.close();
    const session = sessionFor(file);
    expect(await session.init()).toEqual({ state: 'unencrypted' });
    const { recoveryKey } = await session.unlock('nieuw lang wachtwoord');
    expect(recoveryKey).not.toBeNull();
    expect(
      await session
        .db()
        .selectFrom('pupil')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(counts);
    const bytes = filesOf(file);
    for (const pupil of names) expect(bytes.includes(`${pupil.firstName} ${pupil.lastName}`)).toBe(false);
    // No plain copy left: only the database, its WAL, its key file and the lock of this process.
    expect(fs.readdirSync(temp.dir).sort()).toEqual(['oud.db', 'oud.db-shm', 'oud.db-wal', 'oud.db.keys', 'oud.db.lock']);
    await session.close();
  });

  it('opens at start with the OS key store when allowed, and falls back to the passphrase on another account', async () => {
    const file = temp.file('mdo.db');
    const account = protector();
    const session = sessionFor(file, { keyProtector: account });
    await session.init();
    await session.create({ demo: true });
    await session.rememberOnThisComputer(true);
    await session.close();
    expect((await sessionFor(file, { keyProtector: account }).init()).state).toBe('open');
    const elsewhere = sessionFor(file, { keyProtector: protector() });
    expect(await elsewhere.init()).toEqual({ state: 'locked', demo: true, keyringMissing: false });
    await elsewhere.unlock(DEMO_PASSPHRASE);
    await elsewhere.rememberOnThisComputer(false);
    await elsewhere.close();
    expect((await sessionFor(file, { keyProtector: account }).init()).state).toBe('locked');
  });
});
