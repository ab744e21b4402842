import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabaseKey, readKeyring } from '../db/keyring';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { useKey } from '../db/open';
import { tempDir } from '../tests/e2e/harness';
import { createDemoDatabase, encryptAsDemo, TEST_KDF_PARAMS } from '../tests/fixtures/demoDatabase';
import { FIFO_UNTOUCHED, watchFifo } from '../tests/fixtures/fifoWatch';
import { folderDialogs } from '../tests/fixtures/folderDialogs';
import { Backups } from './backups/backups';
import { fixedClock } from './clock';
import { handlers } from './handlers';
import type { IpcResult, Output } from './contract/contract';
import { createRouter } from './ipc/router';
import { nl } from './i18n/nl';
import { NO_POLICY } from './policy/policy';
import { DEMO_PASSPHRASE, Session } from './session';

// Files the app may meet at start or while writing: each gets its own Dutch message, and nothing is changed.

const clock = fixedClock('2026-11-25T09:00:00.000Z');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('a database file MDO cannot use', () => {
  let temp: ReturnType<typeof tempDir>;
  let dbPath: string;
  const opened: Session[] = [];

  async function start() {
    const session = new Session(dbPath, { kdfParams: TEST_KDF_PARAMS, clock });
    opened.push(session);
    const backups = new Backups(session, { clock, appVersion: 'test' });
    const router = createRouter(
      handlers,
      { session, clock, appVersion: 'test', files: folderDialogs(temp.dir), backups, policy: NO_POLICY },
      () => {},
    );
    await session.init();
    return { session, router };
  }

  async function startScreen(router: Awaited<ReturnType<typeof start>>['router']) {
    const info = (await router.call('app.info', undefined)) as IpcResult<Output<'app.info'>>;
    return info.ok ? info.data.database : expect.fail('app.info failed');
  }

  beforeEach(() => {
    temp = tempDir('mdo-files-');
    dbPath = temp.file('mdo.db');
  });
  afterEach(async () => {
    for (const session of opened.splice(0)) await session.close();
    temp.remove();
  });

  it('is not a database, or belongs to another program: explained, and left byte for byte', async () => {
    fs.writeFileSync(dbPath, 'Dit is een tekstbestand met de naam mdo.db.\n'.repeat(40));
    const text = sha(dbPath);
    let { router } = await start();
    expect(await startScreen(router)).toEqual({ state: 'error', code: 'NOT_A_DATABASE', message: nl.errors.DB_NOT_A_DATABASE });
    expect(sha(dbPath)).toBe(text);
    for (const session of opened.splice(0)) await session.close();

    fs.rmSync(dbPath);
    const other = new Database(dbPath);
    other.exec("CREATE TABLE bestelling (id INTEGER PRIMARY KEY, artikel TEXT); INSERT INTO bestelling (artikel) VALUES ('potloden')");
    other.close();
    const foreign = sha(dbPath);
    ({ router } = await start());
    expect(await startScreen(router)).toEqual({ state: 'error', code: 'FOREIGN', message: nl.errors.DB_FOREIGN });
    expect(sha(dbPath)).toBe(foreign);
    expect(fs.readdirSync(temp.dir).sort()).toEqual(['mdo.db', 'mdo.db.lock']);
  });

  it('is a folder or a FIFO: explained without opening it (reading a FIFO would hang the start)', async () => {
    fs.mkdirSync(dbPath);
    let { router } = await start();
    expect(await startScreen(router)).toEqual({ state: 'error', code: 'NOT_A_FILE', message: nl.errors.DB_NOT_A_FILE });
    for (const session of opened.splice(0)) await session.close();

    fs.rmdirSync(dbPath);
    execFileSync('mkfifo', [dbPath]);
    const fifo = watchFifo(dbPath);
    ({ router } = await start());
    expect(await startScreen(router)).toEqual({ state: 'error', code: 'NOT_A_FILE', message: nl.errors.DB_NOT_A_FILE });
    expect(await fifo.finish()).toEqual(FIFO_UNTOUCHED);
    expect(fs.statSync(dbPath).isFIFO()).toBe(true);
    expect(fs.readdirSync(temp.dir).sort()).toEqual(['mdo.db', 'mdo.db.lock']);
  });

  it('was written by a newer MDO: the passphrase opens the key, the data stays closed and unchanged', async () => {
    await createDemoDatabase(dbPath);
    await encryptAsDemo(dbPath);
    const key = (await openDatabaseKey(readKeyring(dbPath)!, DEMO_PASSPHRASE))!;
    const newer = new Database(dbPath);
    useKey(newer, key);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const before = sha(dbPath);

    const { router, session } = await start();
    const unlocked = await router.call('session.unlock', { passphrase: DEMO_PASSPHRASE });
    expect(unlocked).toEqual({ ok: false, error: { code: 'DB_TOO_NEW', message: nl.errors.DB_TOO_NEW } });
    expect(await startScreen(router)).toEqual({ state: 'error', code: 'TOO_NEW', message: nl.errors.DB_TOO_NEW });
    expect(() => session.db()).toThrow();
    await session.close();
    expect(sha(dbPath)).toBe(before);
    expect(fs.existsSync(temp.file('backups'))).toBe(false);
  });

  it('is open in another MDO: not touched until that one closes', async () => {
    await createDemoDatabase(dbPath);
    await encryptAsDemo(dbPath);
    const otherApp = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(`${dbPath}.lock`, String(otherApp.pid));
      const { router } = await start();
      expect(await startScreen(router)).toEqual({ state: 'error', code: 'IN_USE', message: nl.errors.DB_IN_USE });
    } finally {
      otherApp.kill();
    }
    await new Promise((resolve) => otherApp.once('exit', resolve));
    // A lock left by a process that is gone is taken over.
    const { session } = await start();
    expect(session.state.state).toBe('locked');
  });

  it('fills up while an IB adds pupils: the refused edit says the disk is full, every saved one stays', async () => {
    await createDemoDatabase(dbPath);
    await encryptAsDemo(dbPath);
    const { router, session } = await start();
    await session.unlock(DEMO_PASSPHRASE);
    const { sqlite } = session.state.state === 'open' ? session.state.handle : expect.fail('not open');
    // What a full disk looks like to SQLite: the file may not grow by another page.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);

    const saved: string[] = [];
    let refused: unknown;
    for (let n = 1; n <= 2000 && !refused; n++) {
      const lastName = `Achternaam-${n}-${'x'.repeat(60)}`;
      const result = await router.call('pupils.create', {
        schoolId: 1,
        firstName: 'Nieuw',
        lastName,
        dateOfBirth: '2016-03-01',
        groupName: '4',
      });
      if (result.ok) saved.push(lastName);
      else refused = result.error;
    }
    expect(refused).toEqual({ code: 'DB_DISK_FULL', message: nl.errors.DB_DISK_FULL });
    expect(saved.length).toBeGreaterThan(0);
    const rows = await session.db().selectFrom('pupil').select('lastName').where('firstName', '=', 'Nieuw').execute();
    expect(rows.map((row) => row.lastName)).toEqual(saved);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
