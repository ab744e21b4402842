import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3-multiple-ciphers';
import { keyringPath, readKeyring } from './keyring';
import { APPLICATION_ID, openReadOnly, plainConnection, useKey, type Connection } from './open';

// SQLite's online backup API cannot write an encrypted copy here: the addon
// opens the target itself, without a key, and SQLite3 Multiple Ciphers
// refuses an encrypted source with a plain target. VACUUM INTO can, but
// rebuilds every table and index (about 8x a file copy). So a backup copies
// the encrypted pages themselves, from one consistent snapshot: the WAL is
// checkpointed into the main file and a read transaction with an empty WAL
// pins it, so no checkpoint may write to the file until the copy is done.
// The copy is then the same database, encrypted with the same key.

const CHUNK_BYTES = 4 * 1024 * 1024;
const SNAPSHOT_TRIES = 50;

export interface CopyOptions {
  nativeBinding?: string;
  /** Called after every chunk, so a window can show progress. */
  onProgress?(doneBytes: number, totalBytes: number): void;
}

/** Writes a consistent copy of the encrypted database `source` to `target` (a new file), durably. */
export async function copyDatabase(source: string, key: Buffer, target: string, options: CopyOptions = {}): Promise<{ bytes: number }> {
  const reader = new Database(source, { fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    useKey(reader, key);
    reader.pragma('busy_timeout = 5000');
    await pinSnapshot(reader, source);
    try {
      return await copyFile(source, target, options.onProgress);
    } finally {
      reader.exec('COMMIT');
    }
  } finally {
    reader.close();
  }
}

/** Leaves `reader` in a read transaction that sees only the main file (the WAL is empty). */
async function pinSnapshot(reader: Database.Database, source: string): Promise<void> {
  for (let attempt = 0; attempt < SNAPSHOT_TRIES; attempt++) {
    const [result] = reader.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_schema').get();
    // Conservative: a WAL that grew after our read began also makes us try again.
    if (result.busy === 0 && walSize(source) === 0) return;
    reader.exec('COMMIT');
    await sleep(20 + attempt * 10);
  }
  throw new Error('the database stayed busy: no consistent snapshot for a backup');
}

function walSize(source: string): number {
  try {
    return fs.statSync(`${source}-wal`).size;
  } catch {
    return 0;
  }
}

async function copyFile(source: string, target: string, onProgress?: CopyOptions['onProgress']): Promise<{ bytes: number }> {
  const input = await fs.promises.open(source, 'r');
  let output: fs.promises.FileHandle | undefined;
  try {
    const total = (await input.stat()).size;
    output = await fs.promises.open(target, 'wx');
    const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, Math.max(total, 1)));
    let done = 0;
    onProgress?.(0, total);
    while (done < total) {
      const { bytesRead } = await input.read(buffer, 0, Math.min(buffer.length, total - done), done);
      if (bytesRead === 0) throw new Error('the database file became shorter while it was copied');
      // A short write (the disk filled up) is retried, and then fails with ENOSPC.
      for (let written = 0; written < bytesRead;) {
        written += (await output.write(buffer, written, bytesRead - written, done + written)).bytesWritten;
      }
      done += bytesRead;
      onProgress?.(done, total);
    }
    await output.sync();
    return { bytes: total };
  } catch (error) {
    await output?.close();
    output = undefined;
    fs.rmSync(target, { force: true });
    throw error;
  } finally {
    await output?.close();
    await input.close();
  }
}

/** A fresh copy that failed its check: nothing was written. */
export class CopyCheckError extends Error {
  constructor(readonly problem: string) {
    super(`the copy did not pass its check (${problem}); nothing was written.`);
    this.name = 'CopyCheckError';
  }
}

/**
 * A backup, whole or not at all: the snapshot is copied beside `target`,
 * checked, given the key file (the passphrase seal only, never this
 * computer's key store seal) and then renamed into place.
 */
export async function writeCheckedBackup(
  source: string,
  key: Buffer,
  target: string,
  options: CopyOptions = {},
): Promise<{ bytes: number; schemaVersion: number }> {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const { bytes } = await copyDatabase(source, key, partial, options);
    const check = checkDatabaseFile(partial, key, { nativeBinding: options.nativeBinding, settle: true });
    if (!check.ok) throw new CopyCheckError(check.problem);
    const keyring = readKeyring(source);
    if (keyring) {
      delete keyring.osProtected;
      fs.writeFileSync(keyringPath(target), JSON.stringify(keyring, null, 2), { mode: 0o600 });
    }
    fs.renameSync(partial, target);
    syncFolder(path.dirname(target));
    return { bytes, schemaVersion: check.schemaVersion };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (!fs.existsSync(target)) fs.rmSync(keyringPath(target), { force: true });
    throw error;
  }
}

export type FileCheck =
  | { ok: true; schemaVersion: number }
  /** unreadable: not SQLite with this key (another installation, or page 1 destroyed); foreign: another program's database. */
  | { ok: false; problem: 'unreadable' | 'foreign' | 'damaged' };

/**
 * Opens a copy with `key` and runs the full integrity_check. `settle` first
 * switches it to a rollback journal, so later read-only checks of the file
 * leave no -wal or -shm files beside it (on a network share, too).
 */
export function checkDatabaseFile(file: string, key: Buffer, options: { nativeBinding?: string; settle?: boolean } = {}): FileCheck {
  let connection: Connection;
  try {
    // Only a regular file: reading a FIFO would block. A read-only check leaves no -wal or -shm behind.
    if (!fs.statSync(file).isFile()) return { ok: false, problem: 'unreadable' };
    connection = options.settle
      ? plainConnection(new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding }))
      : openReadOnly(file, { key, nativeBinding: options.nativeBinding });
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const { sqlite } = connection;
  try {
    useKey(sqlite, key);
    let applicationId: number;
    try {
      applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    } catch {
      return { ok: false, problem: 'unreadable' };
    }
    if (applicationId !== APPLICATION_ID) return { ok: false, problem: 'foreign' };
    try {
      if (options.settle) sqlite.pragma('journal_mode = DELETE');
      const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0].integrity_check !== 'ok') return { ok: false, problem: 'damaged' };
      return { ok: true, schemaVersion: sqlite.pragma('user_version', { simple: true }) as number };
    } catch {
      return { ok: false, problem: 'damaged' };
    }
  } finally {
    connection.close();
  }
}

/** Makes a finished file's new name durable (rename alone may be lost in a power cut on some systems). */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for syncing; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
