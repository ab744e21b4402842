import type Database from 'better-sqlite3-multiple-ciphers';
import { migrations as allMigrations, type Migration } from './migrations';
import { DbOpenError } from './openErrors';

export interface MigrationResult {
  from: number;
  to: number;
}

/** The schema version this build of the app writes. */
export const LATEST_SCHEMA_VERSION = allMigrations.length;

/** Reads the schema version (number of applied migrations). */
export function schemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date. Each migration and its version bump commit
 * together, so a migration that throws leaves the previous version intact.
 */
export function migrate(sqlite: Database.Database, list: readonly Migration[] = allMigrations): MigrationResult {
  const from = schemaVersion(sqlite);
  if (from > list.length) throw new DbOpenError('TOO_NEW', `schema version ${from} > ${list.length}`);
  for (let version = from; version < list.length; version++) {
    const migration = list[version];
    sqlite.transaction(() => {
      for (const statement of migration.statements) sqlite.exec(statement);
      sqlite.pragma(`user_version = ${version + 1}`);
    })();
  }
  return { from, to: list.length };
}
