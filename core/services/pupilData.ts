import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, today, type Clock } from '../clock';
import { AppError } from '../errors';
import type { FileDialogs } from '../ipc/fileDialogs';
import { nl } from '../i18n/nl';
import { auditAbout, recordAudit } from './audit';
import { affectedMeetings, countErasure, eraseFromFile, eraseRecords } from './erasure';
import { buildPupilDocx } from '../documents/pupilDocx';
import { getCase } from './cases';

// A data subject's rights (AVG art. 15 and 17) for one pupil: everything MDO
// holds about them as DOCX or JSON, and erasure of all of it.

async function pupilRow(db: Kysely<DB>, pupilId: number) {
  const pupil = await db.selectFrom('pupil').selectAll().where('id', '=', pupilId).executeTakeFirst();
  if (!pupil) throw new AppError('NOT_FOUND', 'pupil');
  return pupil;
}

async function caseRows(db: Kysely<DB>, pupilId: number) {
  return db.selectFrom('supportCase').selectAll().where('pupilId', '=', pupilId).orderBy('registeredOn').orderBy('id').execute();
}

/** Free text outside the pupil's own records where their full name still occurs: the user decides what to change there. */
async function mentionsElsewhere(db: Kysely<DB>, pupilId: number, fullName: string) {
  const pattern = `%${fullName.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await sql<{
    place: 'case' | 'discussion' | 'agendaItem' | 'agreement' | 'meeting';
    caseId: number | null;
    meetingId: number | null;
  }>`
    SELECT 'case' AS place, c.id AS case_id, NULL AS meeting_id FROM support_case c
      WHERE c.pupil_id != ${pupilId} AND (c.question || ' ' || c.analysis || ' ' || coalesce(c.closed_reason, '') || ' ' || coalesce(c.safety_concern_reason, '')) LIKE ${pattern} ESCAPE '\\'
    UNION ALL SELECT 'discussion', d.case_id, d.meeting_id FROM case_discussion d JOIN support_case c ON c.id = d.case_id
      WHERE c.pupil_id != ${pupilId} AND (d.notes || ' ' || d.summary || ' ' || d.conclusions) LIKE ${pattern} ESCAPE '\\'
    UNION ALL SELECT 'agendaItem', NULL, a.meeting_id FROM agenda_item a
      WHERE a.kind = 'general' AND (a.title || ' ' || a.notes) LIKE ${pattern} ESCAPE '\\'
    UNION ALL SELECT 'agreement', a.case_id, a.meeting_id FROM agreement a LEFT JOIN support_case c ON c.id = a.case_id
      WHERE (c.pupil_id IS NULL OR c.pupil_id != ${pupilId}) AND (a.description || ' ' || a.owner_name) LIKE ${pattern} ESCAPE '\\'
    UNION ALL SELECT 'meeting', NULL, m.id FROM meeting m WHERE m.open_questions LIKE ${pattern} ESCAPE '\\'`.execute(db);
  return rows.rows;
}

/** What erasing this pupil removes, and where their name still occurs in other records' free text. */
export async function pupilErasePreview(db: Kysely<DB>, pupilId: number) {
  const pupil = await pupilRow(db, pupilId);
  const cases = await caseRows(db, pupilId);
  const caseIds = cases.map((row) => row.id);
  const name = `${pupil.firstName} ${pupil.lastName}`;
  return {
    pupilId,
    name,
    dateOfBirth: pupil.dateOfBirth,
    groupName: pupil.groupName,
    openCases: cases.filter((row) => row.status !== 'closed').length,
    counts: await countErasure(db, caseIds, [pupilId]),
    meetings: (await affectedMeetings(db, caseIds)).filter((meeting) => meeting.verslagen > 0),
    mentions: await mentionsElsewhere(db, pupilId, name),
  };
}

/** Erases the pupil with every case and what hangs off it, from the database file too. The audit entry has counts and the id only. */
export async function erasePupil(db: Kysely<DB>, pupilId: number, clock: Clock) {
  const { result, durationMs, walTruncated } = await eraseFromFile(db, async (trx) => {
    const pupil = await pupilRow(trx, pupilId);
    const caseIds = (await caseRows(trx, pupilId)).map((row) => row.id);
    const counts = await eraseRecords(trx, caseIds, [pupilId]);
    await recordAudit(trx, { action: 'pupil.erase', entity: 'pupil', entityId: pupilId, schoolId: pupil.schoolId, counts }, clock);
    return counts;
  });
  return { counts: result, durationMs, walTruncated };
}

/** Audit entries about the pupil and their cases, from when each was created. */
async function pupilAudit(db: Kysely<DB>, pupil: { id: number; createdAt: string }, cases: { id: number; createdAt: string }[]) {
  return auditAbout(db, [
    { entity: 'pupil', id: pupil.id, since: pupil.createdAt },
    ...cases.map((row) => ({ entity: 'case', id: row.id, since: row.createdAt })),
  ]);
}

/**
 * Every row about the pupil from every table (AVG art. 15), without the
 * stored verslag files: those also describe other pupils. Their versions are
 * listed; what was said about this pupil is in the discussions.
 */
export async function pupilDataJson(db: Kysely<DB>, pupilId: number, clock: Clock) {
  const pupil = await pupilRow(db, pupilId);
  const supportCases = await caseRows(db, pupilId);
  const caseIds = supportCases.map((row) => row.id);
  const none = caseIds.length === 0;
  const byCase = <T>(query: () => Promise<T[]>) => (none ? Promise.resolve([] as T[]) : query());
  const caseDiscussions = await byCase(() =>
    db.selectFrom('caseDiscussion').selectAll().where('caseId', 'in', caseIds).orderBy('id').execute(),
  );
  const discussionIds = caseDiscussions.map((row) => row.id);
  const meetingIds = [...new Set((await affectedMeetings(db, caseIds)).map((meeting) => meeting.meetingId))];
  const school = await db.selectFrom('school').select(['id', 'name']).where('id', '=', pupil.schoolId).executeTakeFirstOrThrow();
  return {
    exportedAt: nowIso(clock),
    school,
    pupil,
    supportCases,
    caseThemes: await byCase(() =>
      db
        .selectFrom('caseTheme')
        .innerJoin('theme', 'theme.id', 'caseTheme.themeId')
        .select(['caseTheme.caseId', 'caseTheme.themeId', 'theme.name as themeName'])
        .where('caseTheme.caseId', 'in', caseIds)
        .execute(),
    ),
    // The parents and carers recorded in the pupil's cases, and every decision of each party.
    caseParents: await byCase(() => db.selectFrom('caseParent').selectAll().where('caseId', 'in', caseIds).orderBy('id').execute()),
    consents: await byCase(() => db.selectFrom('consent').selectAll().where('caseId', 'in', caseIds).orderBy('id').execute()),
    caseLeads: await byCase(() =>
      db
        .selectFrom('caseLead')
        .innerJoin('member', 'member.id', 'caseLead.memberId')
        .selectAll('caseLead')
        .select('member.name as memberName')
        .where('caseLead.caseId', 'in', caseIds)
        .orderBy('caseLead.id')
        .execute(),
    ),
    agendaItems: await byCase(() => db.selectFrom('agendaItem').selectAll().where('caseId', 'in', caseIds).orderBy('id').execute()),
    caseDiscussions,
    discussionTags:
      discussionIds.length === 0
        ? []
        : await db
            .selectFrom('discussionTag')
            .innerJoin('tag', 'tag.id', 'discussionTag.tagId')
            .select(['discussionTag.discussionId', 'discussionTag.tagId', 'tag.kind', 'tag.name as tagName'])
            .where('discussionTag.discussionId', 'in', discussionIds)
            .execute(),
    agreements: await byCase(() => db.selectFrom('agreement').selectAll().where('caseId', 'in', caseIds).orderBy('id').execute()),
    effectChecks: await byCase(() => db.selectFrom('effectCheck').selectAll().where('caseId', 'in', caseIds).orderBy('id').execute()),
    meetings:
      meetingIds.length === 0
        ? []
        : await db
            .selectFrom('meeting')
            .select(['id', 'date', 'startTime', 'location', 'status'])
            .where('id', 'in', meetingIds)
            .orderBy('date')
            .execute(),
    minutes:
      meetingIds.length === 0
        ? []
        : (
            await db
              .selectFrom('minutes')
              .select(['id', 'meetingId', 'version', 'status', 'sha256', 'finalizedAt', sql<number>`docx IS NOT NULL`.as('stored')])
              .where('meetingId', 'in', meetingIds)
              .orderBy('meetingId')
              .orderBy('version')
              .execute()
          ).map((row) => ({ ...row, stored: row.stored === 1 })),
    searchIndex: await sql<{ kind: string; refId: number; body: string }>`
      SELECT kind, ref_id, body FROM search_index
      WHERE (kind = 'pupil' AND ref_id = ${pupilId})
         OR (kind = 'case' AND ref_id IN (SELECT value FROM json_each(${JSON.stringify(caseIds)})))
         OR (kind = 'discussion' AND ref_id IN (SELECT value FROM json_each(${JSON.stringify(discussionIds)})))`
      .execute(db)
      .then((result) => result.rows),
    auditLog: await pupilAudit(db, pupil, supportCases),
  };
}

/** The same as a readable DOCX: pupil data, then each case as its casusdossier, the meetings and the audit entries. */
export async function pupilDataDocx(db: Kysely<DB>, pupilId: number, clock: Clock): Promise<Uint8Array> {
  const data = await pupilDataJson(db, pupilId, clock);
  const cases = [];
  for (const row of data.supportCases) cases.push(await getCase(db, row.id, clock));
  return buildPupilDocx({
    school: data.school.name,
    on: today(clock),
    pupil: data.pupil,
    cases,
    meetings: data.meetings.map((meeting) => {
      const versions = data.minutes.filter((row) => row.meetingId === meeting.id && row.status === 'finalized');
      const last = versions.at(-1);
      return { date: meeting.date, version: last?.version ?? null, stored: last?.stored ?? false };
    }),
    audit: data.auditLog,
  });
}

/** Saves the pupil's data through the save dialog; the audit log records the pupil's id and the format. */
export async function exportPupilData(
  db: Kysely<DB>,
  input: { pupilId: number; format: 'docx' | 'json' },
  files: FileDialogs,
  clock: Clock,
): Promise<{ fileName: string | null }> {
  const pupil = await pupilRow(db, input.pupilId);
  const bytes =
    input.format === 'docx'
      ? await pupilDataDocx(db, input.pupilId, clock)
      : new TextEncoder().encode(JSON.stringify(await pupilDataJson(db, input.pupilId, clock), null, 2));
  const fileName = await files.save(nl.privacy.pupil.fileName(input.pupilId, today(clock), input.format), bytes);
  if (fileName) {
    await recordAudit(
      db,
      { action: `export.pupil.${input.format}`, entity: 'pupil', entityId: input.pupilId, schoolId: pupil.schoolId },
      clock,
    );
  }
  return { fileName };
}
