import { sql, type Kysely } from 'kysely';
import type { IdRef, OwnedTable } from '../contract/ownership';
import type { DB } from '../../db/schema';
import { AppError } from '../errors';

/** The school of each given record of one table, in one SELECT (an agenda item's is its meeting's, a parent's its case's). */
function schoolsIn(db: Kysely<DB>, table: OwnedTable, ids: number[]) {
  // One parameter however many ids (a retention purge may name 100,000 cases).
  const listed = sql<number>`(select value from json_each(${JSON.stringify(ids)}))`;
  if (table === 'school') return db.selectFrom('school').select('school.id as schoolId').where('school.id', 'in', listed);
  if (table === 'agendaItem')
    return db
      .selectFrom('agendaItem')
      .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
      .select('meeting.schoolId')
      .where('agendaItem.id', 'in', listed);
  if (table === 'caseParent')
    return db
      .selectFrom('caseParent')
      .innerJoin('supportCase', 'supportCase.id', 'caseParent.caseId')
      .select('supportCase.schoolId')
      .where('caseParent.id', 'in', listed);
  return db.selectFrom(table).select('schoolId').where('id', 'in', listed);
}

/**
 * Refuses records of more than one school, or that do not exist, with NOT_FOUND:
 * a record of another school must look exactly like one that is not there. One query.
 */
export async function assertOneSchool(db: Kysely<DB>, refs: IdRef[]): Promise<void> {
  const byTable = new Map<OwnedTable, Set<number>>();
  for (const { table, id } of refs) byTable.set(table, (byTable.get(table) ?? new Set()).add(id));
  const [first, ...rest] = [...byTable].map(([table, ids]) => schoolsIn(db, table, [...ids]));
  if (!first) return;
  const rows = await rest.reduce((query, next) => query.unionAll(next), first).execute();
  const named = [...byTable.values()].reduce((sum, ids) => sum + ids.size, 0);
  if (rows.length !== named || new Set(rows.map((row) => row.schoolId)).size !== 1)
    throw new AppError('NOT_FOUND', 'records of another school or of none');
}
