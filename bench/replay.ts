import type Database from 'better-sqlite3-multiple-ciphers';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../db/schema';

// For services that send many statements (the dashboard, the monitoring
// measures) the floor is the very statements they sent, recorded once per
// input and replayed as prepared statements straight on better-sqlite3. The
// ratio then shows what Kysely, the async layer and the JavaScript around the
// queries add; the SQL itself is the same by construction.

export interface RecordedStatement {
  sql: string;
  parameters: readonly unknown[];
}

/** Runs the work once through a Kysely that records every statement it sends. */
export async function recordStatements(
  sqlite: Database.Database,
  work: (db: Kysely<DB>) => Promise<unknown>,
): Promise<RecordedStatement[]> {
  const statements: RecordedStatement[] = [];
  // Not destroyed: that would close the shared connection.
  const recording = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') statements.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  await work(recording);
  if (statements.length === 0) throw new Error('the service sent no statement: nothing to replay');
  return statements;
}

/** Replays recorded statements; returns how many rows they gave, so no read is optimized away. */
export function replayer(sqlite: Database.Database, onStatement: () => void) {
  const prepared = new Map<string, Database.Statement>();
  return (statements: readonly RecordedStatement[]): number => {
    let rows = 0;
    for (const { sql, parameters } of statements) {
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = sqlite.prepare(sql)));
      rows += statement.reader ? statement.all(...parameters).length : (statement.run(...parameters), 0);
      onStatement();
    }
    return rows;
  };
}
