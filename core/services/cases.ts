import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** The cases of a school with pupil, active trekker and themes; open ones first. */
export async function listCases(db: Kysely<DB>, schoolId: number) {
  const rows = await db
    .selectFrom('supportCase')
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .leftJoin('caseLead', (join) => join.onRef('caseLead.caseId', '=', 'supportCase.id').on('caseLead.endedOn', 'is', null))
    .leftJoin('member as lead', 'lead.id', 'caseLead.memberId')
    .select((eb) => [
      'supportCase.id',
      sql<string>`pupil.first_name || ' ' || pupil.last_name`.as('pupilName'),
      'pupil.groupName',
      'supportCase.status',
      'supportCase.question',
      'supportCase.registeredOn',
      'lead.name as leadName',
      eb
        .selectFrom('caseTheme')
        .innerJoin('theme', 'theme.id', 'caseTheme.themeId')
        .select(sql<string>`json_group_array(theme.name)`.as('t'))
        .whereRef('caseTheme.caseId', '=', 'supportCase.id')
        .as('themes'),
    ])
    .where('supportCase.schoolId', '=', schoolId)
    .orderBy(sql`support_case.status = 'closed'`)
    .orderBy('supportCase.registeredOn', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, themes: JSON.parse(row.themes ?? '[]') as string[] }));
}
