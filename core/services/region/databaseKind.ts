import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { DatabaseKind } from '../../contract/modes';
import { AppError } from '../../errors';
import { nlRegio } from '../../i18n/nlRegio';

/** A file with a row in `region` is a coordinator's region database; any other is a school's. */
export async function databaseKind(db: Kysely<DB>): Promise<DatabaseKind> {
  const row = await db.selectFrom('region').select('id').executeTakeFirst();
  return row ? 'region' : 'school';
}

/** Refuses with WRONG_DATABASE (and what the open file is instead) unless the open file is of the kind needed. */
export async function assertDatabaseKind(db: Kysely<DB>, needed: DatabaseKind): Promise<void> {
  if ((await databaseKind(db)) === needed) return;
  const message = needed === 'school' ? nlRegio.wrongDatabase.schoolChannel : nlRegio.wrongDatabase.regionChannel;
  throw new AppError('WRONG_DATABASE', `needs a ${needed} database`, message);
}
