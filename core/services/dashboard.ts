import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { today, type Clock } from '../clock';
import { nextMeeting } from './meetings';
import { getSchool } from './schools';

/** The start screen: the next MDO and the counts an IB checks every morning. */
export async function getDashboard(db: Kysely<DB>, schoolId: number, clock: Clock) {
  const school = await getSchool(db, schoolId);
  const counts = await db
    .selectFrom('supportCase')
    .select((eb) => [
      sql<number>`count(*)`.as('openCases'),
      eb
        .selectFrom('agreement')
        .select(sql<number>`count(*)`.as('n'))
        .where('agreement.schoolId', '=', schoolId)
        .where('agreement.status', '=', 'open')
        .as('openAgreements'),
      eb
        .selectFrom('agreement')
        .select(sql<number>`count(*)`.as('n'))
        .where('agreement.schoolId', '=', schoolId)
        .where('agreement.status', '=', 'open')
        .where('agreement.dueOn', '<', today(clock))
        .as('overdueAgreements'),
    ])
    .where('supportCase.schoolId', '=', schoolId)
    .where('supportCase.status', '!=', 'closed')
    .executeTakeFirstOrThrow();
  return {
    school,
    nextMeeting: await nextMeeting(db, schoolId, clock),
    openCases: Number(counts.openCases),
    openAgreements: Number(counts.openAgreements ?? 0),
    overdueAgreements: Number(counts.overdueAgreements ?? 0),
  };
}
