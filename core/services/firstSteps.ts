import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { firstStepKey, firstSteps } from '../contract/entities';
import { AppError } from '../errors';

// A new school's first steps on the start screen: a kernteam, a pupil, a case
// and the first MDO. Each is "done" from what is in the database, so the list
// follows the school without anyone ticking anything off.

export type FirstStepKey = z.infer<typeof firstStepKey>;
export type FirstSteps = z.infer<typeof firstSteps>;

/**
 * Active members a kernteam needs before the step counts as done: the IB who
 * set up MDO and at least one colleague to discuss a child with.
 */
export const MIN_TEAM_MEMBERS = 2;

const hiddenKey = (schoolId: number) => `dashboard.firstStepsHidden.${schoolId}`;

async function count(db: Kysely<DB>, table: 'member' | 'pupil' | 'supportCase' | 'meeting', schoolId: number): Promise<number> {
  let query = db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('schoolId', '=', schoolId);
  if (table === 'member') query = query.where('active', '=', 1);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Which of the four first steps a school has taken, and whether the IB hid the list. */
export async function getFirstSteps(db: Kysely<DB>, schoolId: number): Promise<FirstSteps> {
  const school = await db.selectFrom('school').select('id').where('id', '=', schoolId).executeTakeFirst();
  if (!school) throw new AppError('NOT_FOUND', 'school');
  const [members, pupils, cases, meetings] = await Promise.all([
    count(db, 'member', schoolId),
    count(db, 'pupil', schoolId),
    count(db, 'supportCase', schoolId),
    count(db, 'meeting', schoolId),
  ]);
  const hidden = await db.selectFrom('setting').select('value').where('key', '=', hiddenKey(schoolId)).executeTakeFirst();
  return {
    steps: [
      { key: 'team', done: members >= MIN_TEAM_MEMBERS, count: members },
      { key: 'pupil', done: pupils > 0, count: pupils },
      { key: 'case', done: cases > 0, count: cases },
      { key: 'meeting', done: meetings > 0, count: meetings },
    ],
    hidden: hidden?.value === '1',
  };
}

/** Hides the first steps on the start screen (or shows them again). */
export async function hideFirstSteps(db: Kysely<DB>, schoolId: number, hidden: boolean): Promise<void> {
  const school = await db.selectFrom('school').select('id').where('id', '=', schoolId).executeTakeFirst();
  if (!school) throw new AppError('NOT_FOUND', 'school');
  if (!hidden) {
    await db.deleteFrom('setting').where('key', '=', hiddenKey(schoolId)).execute();
    return;
  }
  await db
    .insertInto('setting')
    .values({ key: hiddenKey(schoolId), value: '1' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' }))
    .execute();
}
