import { databaseFileExists, linkTarget } from '../db/databaseFile';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import { openDatabase, type OpenDatabase } from '../db/open';
import { DbOpenError } from '../db/openErrors';
import type { CliIo } from './args';
import { migrateAfterBackup } from './backupCommands';
import { keyForCli } from './passphrase';

/**
 * Opens the database a command names: read-only when reading a current file;
 * an older schema is first brought up to date as the app does it (a checked
 * backup, then the migrations), a newer one is refused.
 */
export async function openForCli(path: string, io: CliIo, use: 'check' | 'read' | 'write'): Promise<OpenDatabase> {
  const file = linkTarget(path);
  if (!databaseFileExists(file)) throw new DbOpenError('NOT_FOUND', 'database file does not exist');
  const key = await keyForCli(file, io);
  const keyed = key ? { key } : {};
  const handle = await openDatabase(file, { ...keyed, readonly: true, migrate: false });
  const version = schemaVersion(handle.sqlite);
  if (use === 'check' || (use === 'read' && version === LATEST_SCHEMA_VERSION)) return handle;
  await handle.close();
  if (version > LATEST_SCHEMA_VERSION) throw new DbOpenError('TOO_NEW', `schema version ${version}`);
  if (version < LATEST_SCHEMA_VERSION && key) {
    const saved = await migrateAfterBackup(file, key, io);
    io.err(`Note: ${path} was brought up to schema version ${LATEST_SCHEMA_VERSION}; the state before was saved as ${saved}.`);
  }
  return openDatabase(file, keyed);
}
