import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { migrate, schemaVersion } from './migrate';
import { migrations as allMigrations, type Migration } from './migrations';
import { DbOpenError, storageProblem } from './openErrors';
import type { DB } from './schema';
import { withStatementCache } from './statementCache';

/** 'MDO1': marks a file as ours, so a foreign SQLite file is never migrated. */
export const APPLICATION_ID = 0x4d444f31;

export interface OpenOptions {
  /** Create the file when missing (otherwise NOT_FOUND). */
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

/** The one place that opens a database file: pragmas, identity check, migrations. */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  const exists = fs.existsSync(path);
  if (!exists && !options.create) throw new DbOpenError('NOT_FOUND', 'database file does not exist');

  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: !options.create,
      nativeBinding: options.nativeBinding,
    });
  } catch (error) {
    throw asOpenError(error);
  }
  try {
    if (options.key) useKey(sqlite, options.key);
    identify(sqlite, exists);
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
    sqlite.close();
    throw asOpenError(error);
  }

  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    sqlite,
    path,
    close: async () => {
      await db.destroy(); // closes the better-sqlite3 handle, but only once Kysely has used it
      if (sqlite.open) sqlite.close(); // so also when nothing was queried (the WAL is checkpointed and removed)
    },
  };
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

function identify(sqlite: Database.Database, existed: boolean): void {
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
    if (!sqlite.readonly) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    return;
  }
  throw new DbOpenError('FOREIGN', existed ? `application_id ${applicationId}` : 'unexpected content');
}

export { schemaVersion };
