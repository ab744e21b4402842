import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from './open';

/**
 * Encrypts an existing plain database in place with `key`. A copy of the
 * plain file is kept until the encrypted file has been opened and checked;
 * if anything fails the plain file is put back, so nothing is lost. The copy
 * is removed afterwards: a plain copy would undo the encryption.
 */
export async function encryptInPlace(path: string, key: Buffer, options: { nativeBinding?: string } = {}): Promise<void> {
  const backup = `${path}.before-encryption`;
  // Everything in the main file first: no WAL content may be left behind unencrypted.
  const plain = new Database(path, { fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
  } finally {
    plain.close();
  }
  fs.copyFileSync(path, backup);
  try {
    const sqlite = new Database(path, { fileMustExist: true, nativeBinding: options.nativeBinding });
    try {
      sqlite.pragma(`cipher = 'sqlcipher'`);
      sqlite.pragma('legacy = 4');
      sqlite.pragma(`rekey = "x'${key.toString('hex')}'"`);
    } finally {
      sqlite.close();
    }
    const check = await openDatabase(path, { key, migrate: false, readonly: true, nativeBinding: options.nativeBinding });
    try {
      const result = check.sqlite.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Error(`quick_check after encryption: ${String(result)}`);
    } finally {
      await check.close();
    }
  } catch (error) {
    fs.copyFileSync(backup, path);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path + suffix, { force: true });
    throw error;
  } finally {
    fs.rmSync(backup, { force: true });
  }
}

/**
 * The identity fields of a plain SQLite file, read from its 100-byte header
 * without opening it (a read-only connection would leave WAL files behind).
 */
export function plainHeader(path: string): { applicationId: number; userVersion: number } {
  const fd = fs.openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    fs.readSync(fd, header, 0, 100, 0);
    return { userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether a file is plain SQLite (readable without a key). */
export function isPlainSqlite(path: string): boolean {
  const fd = fs.openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    return header.toString('latin1') === 'SQLite format 3\0';
  } finally {
    fs.closeSync(fd);
  }
}
