import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { openDatabaseKey, readKeyring } from '../db/keyring';
import { openDatabase } from '../db/open';
import { root } from '../tests/e2e/build';
import { tempDir } from '../tests/e2e/harness';
import { childEnv } from '../tests/fixtures/childEnv';
import { createDemoDatabase, encryptAsDemo } from '../tests/fixtures/demoDatabase';
import { DEMO_PASSPHRASE } from '../core/session';
import { runCli } from './run';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    clock: fixedClock('2026-11-25T09:00:00Z'),
    env: {},
    confirm: async () => true,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function firstPupil(dbPath: string): Promise<string> {
  const key = (await openDatabaseKey(readKeyring(dbPath)!, DEMO_PASSPHRASE))!;
  const handle = await openDatabase(dbPath, { key });
  try {
    const row = await handle.db.selectFrom('pupil').select('lastName').where('id', '=', 1).executeTakeFirstOrThrow();
    return row.lastName;
  } finally {
    await handle.close();
  }
}

async function renameFirstPupil(dbPath: string, lastName: string): Promise<void> {
  const key = (await openDatabaseKey(readKeyring(dbPath)!, DEMO_PASSPHRASE))!;
  const handle = await openDatabase(dbPath, { key });
  await handle.db.updateTable('pupil').set({ lastName }).where('id', '=', 1).execute();
  await handle.close();
}

describe('mdo backup and restore', () => {
  let temp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(async () => {
    temp = tempDir('mdo-cli-backup-');
    db = temp.file('mdo.db');
    await createDemoDatabase(db);
    await encryptAsDemo(db);
  });
  afterEach(() => temp.remove());

  it('writes a checked backup with its key file, and restores it after saving the current state', async () => {
    const original = await firstPupil(db);
    const out = temp.file('usb/kopie.db');
    fs.mkdirSync(path.dirname(out));
    const made = await cli('backup', '--db', db, '--out', out);
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toMatch(
      /^Backup written: .*kopie\.db \(\d+ bytes, integrity ok, schema version \d+\), with its key file .*kopie\.db\.keys/,
    );
    expect(fs.readdirSync(path.dirname(out)).sort()).toEqual(['kopie.db', 'kopie.db.keys']);
    expect(await cli('backup', '--db', db, '--out', out)).toMatchObject({ code: 1, err: expect.stringMatching(/exists; give --force/) });

    await renameFirstPupil(db, 'Veranderd');
    const restored = await cli('restore', '--db', db, '--from', out);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(await firstPupil(db)).toBe(original);
    const safety = /saved as (.*)\.$/m.exec(restored.out)![1];
    expect(path.dirname(safety)).toBe(temp.file('backups'));
    expect(fs.existsSync(`${safety}.keys`)).toBe(true);

    // The safety backup undoes the restore.
    expect((await cli('restore', '--db', db, '--from', safety)).code).toBe(0);
    expect(await firstPupil(db)).toBe('Veranderd');
  });

  it('restores onto a new laptop from the backup and its key file alone', async () => {
    const out = temp.file('kopie.db');
    expect((await cli('backup', '--db', db, '--out', out)).code).toBe(0);
    const fresh = temp.file('nieuwe-laptop/mdo.db');
    expect(await cli('restore', '--db', fresh, '--from', out)).toMatchObject({ code: 0, err: '' });
    expect(await firstPupil(fresh)).toBe(await firstPupil(db));
  });

  it('refuses a damaged backup, a database in use and bad arguments, and changes nothing', async () => {
    const out = temp.file('kopie.db');
    expect((await cli('backup', '--db', db, '--out', out)).code).toBe(0);
    const before = sha(db);

    const fd = fs.openSync(out, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x41), 0, 8192, 3 * 4096);
    fs.closeSync(fd);
    expect(await cli('restore', '--db', db, '--from', out)).toMatchObject({
      code: 1,
      err: 'Error: the backup is damaged; nothing was changed.',
    });

    // The app (another process) has the database open.
    const app = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(`${db}.lock`, String(app.pid));
      expect(await cli('restore', '--db', db, '--from', out)).toMatchObject({
        code: 1,
        err: 'Error: the database is open in a running MDO app; close it first.',
      });
    } finally {
      app.kill();
    }
    expect((await cli('restore', '--db', db)).code).toBe(2);
    expect((await cli('backup', '--out', out)).code).toBe(2);
    expect(sha(db)).toBe(before);
  });

  // A read-only folder cannot be made for root: the CLI then runs as "nobody" (root can switch users; CI runs as root).
  it('says so when the folder is read-only, and leaves nothing behind', async () => {
    const readOnly = temp.file('alleen-lezen');
    fs.mkdirSync(readOnly);
    fs.copyFileSync(db, path.join(readOnly, 'mdo.db'));
    fs.copyFileSync(`${db}.keys`, path.join(readOnly, 'mdo.db.keys'));
    const backupFile = temp.file('kopie.db');
    expect((await cli('backup', '--db', db, '--out', backupFile)).code).toBe(0);
    for (const file of [temp.dir, readOnly, ...fs.readdirSync(readOnly).map((name) => path.join(readOnly, name))])
      fs.chmodSync(file, 0o755);
    for (const file of [backupFile, `${backupFile}.keys`, db, `${db}.keys`]) fs.chmodSync(file, 0o644);
    fs.chmodSync(readOnly, 0o555);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    // Bundled once: another user has no tsx cache, and compiling the CLI on every start takes seconds.
    const outdir = path.join(root, 'node_modules/.cache/mdo-cli-test');
    await build({
      entryPoints: [path.join(root, 'cli/mdo.ts')],
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outdir,
      outExtension: { '.js': '.mjs' },
      logLevel: 'silent',
    });
    const bundle = path.join(outdir, 'mdo.mjs');
    const run = (...argv: string[]) =>
      promisify(execFile)(process.execPath, [bundle, ...argv], { cwd: root, env: childEnv(), ...asUser }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const listing = fs.readdirSync(readOnly).sort();

    const restore = await run('restore', '--db', path.join(readOnly, 'mdo.db'), '--from', backupFile, '--yes');
    expect(restore).toMatchObject({ code: 1, stderr: expect.stringContaining('read-only') });
    const demo = await run('demo', '--db', path.join(readOnly, 'nieuw.db'));
    expect(demo).toMatchObject({ code: 1, stderr: expect.stringContaining('read-only') });
    const copy = await run('backup', '--db', db, '--out', path.join(readOnly, 'kopie.db'));
    expect(copy).toMatchObject({ code: 1, stderr: expect.stringContaining('read-only') });
    expect(fs.readdirSync(readOnly).sort()).toEqual(listing);
    fs.chmodSync(readOnly, 0o755);
  });
});
