import type { CompiledQuery, Compilable, Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * A hot read whose only parameter is one id, compiled once per database and
 * then run with the new id: building and compiling a Kysely query costs more
 * than running a small indexed one. The query must bind exactly one value.
 */
export function compiledOnce<R>(build: (db: Kysely<DB>, id: number) => Compilable<R>) {
  const cache = new WeakMap<Kysely<DB>, CompiledQuery<R>>();
  return async (db: Kysely<DB>, id: number): Promise<R | undefined> => {
    let compiled = cache.get(db);
    if (!compiled) {
      compiled = build(db, id).compile();
      if (compiled.parameters.length !== 1) throw new Error('compiledOnce: the query must bind exactly one value');
      cache.set(db, compiled);
    }
    const result = await db.executeQuery<R>({ ...compiled, parameters: [id] });
    return result.rows[0];
  };
}
