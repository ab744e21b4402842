import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { databaseFileExists, linkTarget } from './databaseFile';
import { migrate, schemaVersion } from './migrate';
import { migrations as allMigrations, type Migration } from './migrations';
import { DbOpenError, storageProblem } from './openErrors';
import type { DB } from './schema';
import { withStatementCache } from './statementCache';

/** 'MDO1': marks a file as ours, so a foreign SQLite file is never migrated. */
export const APPLICATION_ID = 0x4d444f31;

export interface OpenOptions {
  /** Create the file when missing (otherwise NOT_FOUND); only then is an empty file taken as a new database. */
  create?: boolean;
  /** Run pending migrations (default true). `check` opens without migrating. */
  migrate?: boolean;
  readonly?: boolean;
  /** Path of the native addon for this runtime (Electron's side build). */
  nativeBinding?: string;
  /** Only for tests of failing migrations. */
  migrations?: readonly Migration[];
  /** The 256-bit database key (see keyring.ts); without it the file is opened as plain SQLite. */
  key?: Buffer;
}

export interface OpenDatabase {
  db: Kysely<DB>;
  sqlite: Database.Database;
  path: string;
  close(): Promise<void>;
}

const CACHE_KIB = 128 * 1024;

/**
 * The one place that opens a database file: pragmas, identity check, migrations.
 * A symbolic link is followed and its target judged; anything but a regular file is refused unopened.
 */
export async function openDatabase(dbPath: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  const file = linkTarget(dbPath);
  const exists = databaseFileExists(file);
  if (!exists && !options.create) throw new DbOpenError('NOT_FOUND', 'database file does not exist');

  let connection: Connection;
  try {
    connection = options.readonly
      ? openReadOnly(file, options)
      : plainConnection(new Database(file, { fileMustExist: !options.create, nativeBinding: options.nativeBinding }));
  } catch (error) {
    throw asOpenError(error);
  }
  const { sqlite } = connection;
  try {
    if (options.key) useKey(sqlite, options.key);
    identify(sqlite, exists, options.create ?? false);
    const latest = (options.migrations ?? allMigrations).length;
    // Before anything is written (switching to WAL rewrites the header): a newer version's file stays as it is.
    if (!options.readonly && schemaVersion(sqlite) > latest)
      throw new DbOpenError('TOO_NEW', `schema version ${schemaVersion(sqlite)} > ${latest}`);
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      // FULL: a committed edit survives a power cut, not only a crash.
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Pages are decrypted on every read from disk: keeping up to 128 MiB of them (ten years of a
    // board is about 25 MB, four times that still fits) means the quick_check at unlock leaves
    // every later read warm. The cache fills only with pages read, so a small file costs little.
    sqlite.pragma(`cache_size = -${CACHE_KIB}`);
    if (options.migrate ?? true) migrate(sqlite, options.migrations);
  } catch (error) {
    connection.close();
    throw asOpenError(error);
  }

  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    sqlite,
    path: dbPath,
    close: async () => {
      await db.destroy(); // closes the better-sqlite3 handle, but only once Kysely has used it
      connection.close(); // so also when nothing was queried (the WAL is checkpointed and removed)
    },
  };
}

/** A better-sqlite3 handle and how to close it together with whatever was made for it. */
export interface Connection {
  sqlite: Database.Database;
  close(): void;
}

/** A connection with nothing to tidy up after it. */
export function plainConnection(sqlite: Database.Database): Connection {
  return {
    sqlite,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Opens a file for reading only and leaves nothing beside it. A reader of a
 * WAL-mode database makes -wal and -shm and never removes them. So when
 * none were there (no other process had the file open), a short read-write
 * connection closes last and SQLite itself removes them, which it does only
 * when no other connection uses them: an app that opened the file meanwhile
 * keeps its WAL. A file this process cannot write, or in a folder it cannot
 * write, is read from a private copy instead: beside it that cleanup would be
 * impossible (and SQLite could not even make them in a read-only folder).
 * The caller applies the key (`key` is only for the cleanup).
 */
export function openReadOnly(dbPath: string, options: { key?: Buffer; nativeBinding?: string } = {}): Connection {
  const file = linkTarget(dbPath);
  const open = (name: string) => new Database(name, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  const inUse = SIDE_FILES.some((suffix) => fs.existsSync(file + suffix));
  if (inUse) return plainConnection(open(file));
  if (canWrite(file) && canWrite(path.dirname(file))) {
    const sqlite = open(file);
    return {
      sqlite,
      close: () => {
        if (sqlite.open) sqlite.close();
        removeSideFiles(file, options);
      },
    };
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdo-read-'));
  const removeCopy = () => fs.rmSync(folder, { recursive: true, force: true });
  try {
    const copy = path.join(folder, 'database.db');
    fs.copyFileSync(file, copy);
    const sqlite = open(copy);
    return {
      sqlite,
      close: () => {
        if (sqlite.open) sqlite.close();
        removeCopy();
      },
    };
  } catch (error) {
    removeCopy();
    throw error;
  }
}

function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Lets SQLite remove the -wal and -shm a reader left: the last connection to close does, after checkpointing an empty WAL (no change to the file). */
function removeSideFiles(file: string, options: { key?: Buffer; nativeBinding?: string }): void {
  if (!SIDE_FILES.some((suffix) => fs.existsSync(file + suffix))) return;
  try {
    const sqlite = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
    try {
      if (options.key) useKey(sqlite, options.key);
      // A read opens the WAL; on a damaged file it may fail after that, and closing still tidies up.
      sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch {
      // The file is damaged or not ours: what matters is the close.
    } finally {
      sqlite.close();
    }
  } catch {
    // Could not open it again: the side files stay, which is never harmful.
  }
}

/** SQLCipher 4 format with a raw key: the key is random, so no KDF is needed on top. */
export function useKey(sqlite: Database.Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('a database key has 32 bytes');
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

function asOpenError(error: unknown): unknown {
  const problem = storageProblem(error);
  return problem && !(error instanceof DbOpenError) ? new DbOpenError(problem, String((error as Error).message)) : error;
}

/** Ours (application_id), or new and empty when the caller creates it; anything else is refused before it is changed. */
function identify(sqlite: Database.Database, existed: boolean, creating: boolean): void {
  let applicationId: number;
  let tableCount: number;
  try {
    applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    tableCount = (sqlite.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/not a database|file is encrypted/i.test(message)) throw new DbOpenError('NOT_A_DATABASE', message);
    throw new DbOpenError('CORRUPT', message);
  }
  if (applicationId === APPLICATION_ID) return;
  if (applicationId === 0 && tableCount === 0) {
    // An empty file is only a new database when the caller is creating one (demo, the app's first start).
    if (!creating) throw new DbOpenError('NOT_A_DATABASE', 'empty');
    if (!sqlite.readonly) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    return;
  }
  throw new DbOpenError('FOREIGN', existed ? `application_id ${applicationId}` : 'unexpected content');
}

export { schemaVersion };
