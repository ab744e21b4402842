import type Database from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely prepares every query anew; preparing costs more than running the
 * small indexed queries of this app. This keeps the most recent prepared
 * statements, keyed by SQL text. Safe because Kysely runs one query at a time
 * on its single connection and never iterates two results at once.
 */
export function withStatementCache(sqlite: Database.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) {
        // Move to the back: the Map's order is the eviction order.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}
