import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Backups, defaultBackupFolder } from '../core/backups/backups';
import { systemClock } from '../core/clock';
import { copyWritable, Session } from '../core/session';
import { databaseFileExists, linkTarget } from '../db/databaseFile';
import { checkDatabaseFile, writeCheckedBackup } from '../db/hotCopy';
import { keyringPath } from '../db/keyring';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { openDatabase } from '../db/open';
import { DbOpenError } from '../db/openErrors';
import { lockHolder } from '../db/processLock';
import { failWith, parse, requireDb, requireInputFile, UsageError, type CliIo } from './args';
import { keyForCli } from './passphrase';

// `backup` and `restore`: what IT runs from a script (or an IB in a crisis).
// The same checks as the app: a backup is only written whole and checked; a
// restore first saves the current state and never overwrites a damaged file.

const version = (process.env.npm_package_version as string | undefined) ?? 'cli';

/** backup --db FILE --out FILE [--force]: an encrypted, checked copy with its key file, while the app may be running. */
export async function backup(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { db: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
  // A symbolic link is followed: the key file is the one beside its target.
  const dbPath = linkTarget(requireDb(values.db));
  const out = values.out;
  if (!out) throw new UsageError('--out FILE is required');
  if (!databaseFileExists(dbPath)) throw new DbOpenError('NOT_FOUND', 'database file does not exist');
  if (fs.existsSync(out) && !values.force) failWith(`${out} exists; give --force to replace it.`);
  // The snapshot needs a read-write connection (a checkpoint); a read-only one would leave -wal and -shm behind.
  assertWritable(dbPath);
  const key = await keyForCli(dbPath, io);
  if (!key) {
    // Say what the file is when it is not an MDO database at all.
    await (await openDatabase(dbPath, { readonly: true, migrate: false })).close();
    failWith('the database is not encrypted yet: open it once in the app (which encrypts it), then back it up.');
  }

  const { bytes, schemaVersion } = await writeCheckedBackup(dbPath, key, out);
  io.out(
    `Backup written: ${out} (${bytes} bytes, integrity ok, schema version ${schemaVersion}), ` +
      `with its key file ${keyringPath(out)}. It opens with the same passphrase or recovery key.`,
  );
  return 0;
}

/** restore --db FILE --from FILE [--yes]: replaces the database by a checked backup after saving the current state. */
export async function restore(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { db: { type: 'string' }, from: { type: 'string' }, yes: { type: 'boolean' } });
  // A symbolic link is followed: the restored file replaces its target.
  const dbPath = linkTarget(requireDb(values.db));
  const from = values.from;
  if (!from) throw new UsageError('--from FILE is required');
  requireInputFile(from, 'backup file', 1);
  const holder = lockHolder(dbPath);
  if (holder) throw new DbOpenError('IN_USE', `pid ${holder}`);

  const exists = databaseFileExists(dbPath);
  if (exists) assertWritable(dbPath);
  // The database's own key file, or (for a lost or new laptop) the one beside the backup.
  const keysOf = exists && fs.existsSync(keyringPath(dbPath)) ? dbPath : from;
  const key = await keyForCli(dbPath, io, keysOf);
  if (!key) failWith(`no key file found beside ${exists ? dbPath : from}; a backup is always encrypted.`);
  const check = checkDatabaseFile(from, key);
  if (!check.ok) {
    failWith(
      check.problem === 'damaged'
        ? 'the backup is damaged; nothing was changed.'
        : 'the backup does not open with this key (another installation, or not an MDO backup); nothing was changed.',
    );
  }
  if (check.schemaVersion > LATEST_SCHEMA_VERSION) throw new DbOpenError('TOO_NEW', `schema version ${check.schemaVersion}`);

  const question = exists
    ? `Replace ${dbPath} by the backup ${path.basename(from)}? The current state is saved as a backup first. Type "yes": `
    : `Restore the backup ${path.basename(from)} as ${dbPath}? Type "yes": `;
  if (!values.yes && !(await (io.confirm ?? confirmOnTerminal)(question))) {
    io.err('Nothing was changed.');
    return 1;
  }

  if (!exists) {
    fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
    copyWritable(from, `${dbPath}.restoring`);
    fs.copyFileSync(keyringPath(keysOf), keyringPath(dbPath));
    fs.renameSync(`${dbPath}.restoring`, dbPath);
    io.out(`Restored ${dbPath} from ${from} (schema version ${check.schemaVersion}).`);
    return 0;
  }
  const session = new Session(dbPath);
  const backups = new Backups(session, { clock: io.clock ?? systemClock, appVersion: version });
  try {
    const state = await session.init();
    // Another program's file, or no database at all: never replaced. A damaged MDO database is (and kept aside).
    if (state.state === 'error') throw state.error;
    if (state.state === 'unencrypted') failWith('the database is not encrypted yet: open it once in the app (which encrypts it) first.');
    await session.unlockWithKey(key);
    const result = await backups.restoreFrom(from);
    if (keysOf === from) fs.copyFileSync(keyringPath(from), keyringPath(dbPath));
    io.out(`Restored ${dbPath} from ${from}.`);
    if (result.safetyBackup)
      io.out(`The state before the restore was saved as ${path.join(backups.folder().folder, result.safetyBackup)}.`);
    if (result.keptAside) io.out(`The damaged database was kept aside as ${path.join(path.dirname(dbPath), result.keptAside)}.`);
    return 0;
  } finally {
    await session.close();
  }
}

/**
 * Migrates an older encrypted database as the app does when it opens one: the
 * session makes a checked 'migration' backup first (refused while the app has
 * the file open). Returns the backup's path.
 */
export async function migrateAfterBackup(dbPath: string, key: Buffer, io: CliIo): Promise<string> {
  const session = new Session(dbPath);
  const backups = new Backups(session, { clock: io.clock ?? systemClock, appVersion: version });
  let saved = '';
  session.hooks.beforeMigrate = async () => {
    const { name } = await backups.create('migration');
    // It may have fallen back to the default folder when the chosen one is out of reach.
    const chosen = path.join(backups.folder().folder, name);
    saved = fs.existsSync(chosen) ? chosen : path.join(defaultBackupFolder(dbPath), name);
  };
  try {
    const state = await session.init();
    if (state.state === 'error') throw state.error;
    await session.unlockWithKey(key);
    if (session.state.state === 'damaged') throw new DbOpenError('CORRUPT', 'quick_check failed');
    return saved;
  } finally {
    await session.close();
  }
}

/** A database file this process may not write (backup needs a read-write connection, restore replaces it) is refused unchanged. */
function assertWritable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw new DbOpenError('READ_ONLY', 'the database file is read-only');
  }
}

/** Asks on the terminal; a script without one (no TTY) is taken as having confirmed by running the command. */
async function confirmOnTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return true;
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await terminal.question(question)).trim().toLowerCase() === 'yes';
  } finally {
    terminal.close();
  }
}
