import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

// Deleting personal data so that it is gone from the database file, not only
// from query results: shared by the retention purge and the erasure of one
// pupil (AVG art. 17).

/** What a purge or erasure removes (or would remove), counted. */
export type ErasureCounts = {
  pupils: number;
  cases: number;
  discussions: number;
  agreements: number;
  consents: number;
  effectChecks: number;
  leads: number;
  /** Meetings whose stored verslag bytes are removed because they discuss one of the cases. */
  meetings: number;
  /** Finalized verslag versions whose stored DOCX is removed. */
  verslagen: number;
  /** Signed copies of those verslagen that are removed. */
  signatures: number;
};

/** SQLite allows a limited number of bound values per statement. */
function chunks<T>(list: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
  return out;
}

async function countWhereCase(
  db: Kysely<DB>,
  table: 'caseDiscussion' | 'agreement' | 'consent' | 'effectCheck' | 'caseLead',
  caseIds: number[],
) {
  let total = 0;
  for (const part of chunks(caseIds)) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('caseId', 'in', part)
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
}

/**
 * Meetings in which one of these cases was on the agenda, discussed or given an
 * agreement: their finalized verslagen name the pupil. With how many stored
 * verslag versions each has and how many of its cases are not being removed.
 */
export async function affectedMeetings(db: Kysely<DB>, caseIds: number[]) {
  const removing = new Set(caseIds);
  const meetingIds = new Set<number>();
  for (const part of chunks(caseIds)) {
    const rows = await db
      .selectFrom('agendaItem')
      .select('meetingId')
      .where('caseId', 'in', part)
      .union(db.selectFrom('caseDiscussion').select('meetingId').where('caseId', 'in', part))
      .union(db.selectFrom('agreement').select('meetingId').where('caseId', 'in', part))
      .execute();
    for (const row of rows) meetingIds.add(row.meetingId);
  }
  const meetings = [];
  for (const part of chunks([...meetingIds])) {
    const rows = await db
      .selectFrom('meeting')
      .select((eb) => [
        'meeting.id as meetingId',
        'meeting.date',
        eb
          .selectFrom('minutes')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('minutes.meetingId', '=', 'meeting.id')
          .where('minutes.docx', 'is not', null)
          .as('verslagen'),
        eb
          .selectFrom('agendaItem')
          .select(sql<string>`json_group_array(case_id)`.as('ids'))
          .whereRef('agendaItem.meetingId', '=', 'meeting.id')
          .where('agendaItem.kind', '=', 'case')
          .as('caseIds'),
      ])
      .where('meeting.id', 'in', part)
      .execute();
    for (const row of rows) {
      const onAgenda = JSON.parse(row.caseIds ?? '[]') as number[];
      meetings.push({
        meetingId: row.meetingId,
        date: row.date,
        verslagen: Number(row.verslagen ?? 0),
        keptCases: onAgenda.filter((id) => !removing.has(id)).length,
      });
    }
  }
  return meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.meetingId - b.meetingId));
}

/** Whether a finalized verslag of this meeting lost its stored bytes in a purge or erasure. */
export async function storedVerslagRemoved(db: Kysely<DB>, meetingId: number): Promise<boolean> {
  const row = await db
    .selectFrom('minutes')
    .select('id')
    .where('meetingId', '=', meetingId)
    .where('status', '=', 'finalized')
    .where('docx', 'is', null)
    .executeTakeFirst();
  return !!row;
}

/** Counts what `eraseRecords` would remove for these cases and pupils. */
export async function countErasure(db: Kysely<DB>, caseIds: number[], pupilIds: number[]): Promise<ErasureCounts> {
  const meetings = await affectedMeetings(db, caseIds);
  const meetingIds = meetings.map((meeting) => meeting.meetingId);
  let signatures = 0;
  for (const part of chunks(meetingIds)) {
    const row = await db
      .selectFrom('signature')
      .innerJoin('minutes', 'minutes.id', 'signature.minutesId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('minutes.meetingId', 'in', part)
      .where(sql<boolean>`length(signature.signed_docx) > 0`)
      .executeTakeFirstOrThrow();
    signatures += Number(row.n);
  }
  return {
    pupils: pupilIds.length,
    cases: caseIds.length,
    discussions: await countWhereCase(db, 'caseDiscussion', caseIds),
    agreements: await countWhereCase(db, 'agreement', caseIds),
    consents: await countWhereCase(db, 'consent', caseIds),
    effectChecks: await countWhereCase(db, 'effectCheck', caseIds),
    leads: await countWhereCase(db, 'caseLead', caseIds),
    meetings: meetings.filter((meeting) => meeting.verslagen > 0).length,
    verslagen: meetings.reduce((sum, meeting) => sum + meeting.verslagen, 0),
    signatures,
  };
}

/**
 * Deletes the cases with everything that hangs off them (the schema cascades
 * to themes, consents, trekkers, agenda items, discussions, agreements and
 * effect checks; triggers remove their search index rows), then the pupils.
 * A finalized verslag cannot be edited without breaking its signatures, so
 * the stored DOCX bytes and signed copies of every meeting that discussed one
 * of the cases are removed; version, SHA-256, finalize time and signers stay
 * as evidence. Run inside a transaction.
 */
export async function eraseRecords(trx: Kysely<DB>, caseIds: number[], pupilIds: number[]): Promise<ErasureCounts> {
  const counts = await countErasure(trx, caseIds, pupilIds);
  const meetingIds = (await affectedMeetings(trx, caseIds)).map((meeting) => meeting.meetingId);
  for (const part of chunks(meetingIds)) {
    await trx
      .updateTable('signature')
      .set({ signedDocx: new Uint8Array(0) })
      .where('minutesId', 'in', (eb) => eb.selectFrom('minutes').select('id').where('meetingId', 'in', part))
      .execute();
    await trx.updateTable('minutes').set({ docx: null }).where('meetingId', 'in', part).where('docx', 'is not', null).execute();
  }
  for (const part of chunks(caseIds)) await trx.deleteFrom('supportCase').where('id', 'in', part).execute();
  let pupils = 0;
  for (const part of chunks(pupilIds)) {
    const result = await trx
      .deleteFrom('pupil')
      .where('id', 'in', part)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('supportCase').select('id').whereRef('supportCase.pupilId', '=', 'pupil.id'))),
      )
      .executeTakeFirst();
    pupils += Number(result.numDeletedRows);
  }
  return { ...counts, pupils };
}

/**
 * Runs a deletion so that the data leaves the file: secure_delete overwrites
 * freed cells, the full-text index is merged (a delete in FTS5 is only a
 * marker until then), VACUUM rewrites every page (its temporary copy kept in
 * memory) and a TRUNCATE checkpoint empties the -wal file, which still held
 * the old pages.
 */
export async function eraseFromFile<T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<{ result: T; durationMs: number; walTruncated: boolean }> {
  const started = performance.now();
  const pragma = async (statement: string) => (await sql.raw<Record<string, unknown>>(`PRAGMA ${statement}`).execute(db)).rows[0];
  const secureDelete = Number(Object.values((await pragma('secure_delete')) ?? { v: 0 })[0]);
  const tempStore = Number(Object.values((await pragma('temp_store')) ?? { v: 0 })[0]);
  await pragma('secure_delete = ON');
  await pragma('temp_store = MEMORY');
  try {
    const result = await db.transaction().execute(work);
    await sql`INSERT INTO search_index (search_index) VALUES ('optimize')`.execute(db);
    await sql`VACUUM`.execute(db);
    const checkpoint = await pragma('wal_checkpoint(TRUNCATE)');
    return { result, durationMs: Math.round(performance.now() - started), walTruncated: Number(checkpoint?.busy ?? 1) === 0 };
  } finally {
    await pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
    await pragma(`temp_store = ${tempStore}`);
  }
}
