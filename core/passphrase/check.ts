import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Refuses a weak new database passphrase (a VALIDATION error on `field`); loads the word lists on first use only. */
export async function checkNewPassphrase(passphrase: string, ownWords: readonly string[], field: string): Promise<void> {
  // The dictionaries stay out of the app's start: they are needed only where a passphrase is chosen.
  const { assertStrongPassphrase } = await import('./strength');
  assertStrongPassphrase(passphrase, ownWords, field);
}

/** The words of this installation a guesser would try first: school names and kernteam members' names (a region's name and schools). */
export async function ownWordsOf(db: Kysely<DB>): Promise<string[]> {
  const schools = await db.selectFrom('school').select('name').execute();
  const members = await db.selectFrom('member').select('name').where('active', '=', 1).execute();
  const region = await db.selectFrom('region').select('name').execute();
  const regionSchools = await db.selectFrom('regionSchool').select('name').execute();
  return [...schools, ...members, ...region, ...regionSchools].map((row) => row.name);
}
