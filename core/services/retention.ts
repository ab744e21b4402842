import { format, parseISO, subYears } from 'date-fns';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { today, type Clock } from '../clock';
import { DEFAULT_RETENTION_YEARS, MAX_RETENTION_YEARS } from '../contract/privacy';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { affectedMeetings, countErasure, eraseFromFile, eraseRecords } from './erasure';

const settingKey = (schoolId: number) => `retention.yearsAfterClose.${schoolId}`;

/**
 * The school's retention period in whole years after a case was closed.
 * `defaultYears` applies to a school without its own setting: IT's machine policy can set it (core/policy).
 */
export async function getRetention(db: Kysely<DB>, schoolId: number, defaultYears = DEFAULT_RETENTION_YEARS) {
  const row = await db.selectFrom('setting').select('value').where('key', '=', settingKey(schoolId)).executeTakeFirst();
  const years = Number(row?.value);
  const valid = Number.isInteger(years) && years >= 1 && years <= MAX_RETENTION_YEARS;
  return { yearsAfterClose: valid ? years : defaultYears, isDefault: !valid };
}

export async function setRetention(db: Kysely<DB>, schoolId: number, yearsAfterClose: number, clock: Clock): Promise<void> {
  const school = await db.selectFrom('school').select('id').where('id', '=', schoolId).executeTakeFirst();
  if (!school) throw new AppError('NOT_FOUND', 'school');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('setting')
      .values({ key: settingKey(schoolId), value: String(yearsAfterClose) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(yearsAfterClose) }))
      .execute();
    await recordAudit(
      trx,
      { action: 'retention.set', entity: 'school', entityId: schoolId, schoolId, counts: { years: yearsAfterClose } },
      clock,
    );
  });
}

/** Cases closed on or before this day have passed the retention period today. */
export function retentionCutoff(yearsAfterClose: number, clock: Clock): string {
  return format(subYears(parseISO(today(clock)), yearsAfterClose), 'yyyy-MM-dd');
}

async function expiredCases(db: Kysely<DB>, schoolId: number, cutoff: string) {
  return db
    .selectFrom('supportCase')
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select([
      'supportCase.id as caseId',
      'supportCase.pupilId',
      sql<string>`pupil.first_name || ' ' || pupil.last_name`.as('pupilName'),
      'pupil.groupName',
      'supportCase.registeredOn',
      'supportCase.closedOn',
    ])
    .where('supportCase.schoolId', '=', schoolId)
    .where('supportCase.status', '=', 'closed')
    .where('supportCase.closedOn', '<=', cutoff)
    .orderBy('supportCase.closedOn')
    .orderBy('supportCase.id')
    .execute();
}

/** Pupils of these cases who have no other case: they are removed with them. */
async function pupilsLeftWithout(db: Kysely<DB>, caseIds: number[]) {
  if (caseIds.length === 0) return [];
  const ids = JSON.stringify(caseIds);
  const rows = await sql<{ pupilId: number; name: string; groupName: string; lastClosedOn: string }>`
    SELECT p.id AS pupil_id, p.first_name || ' ' || p.last_name AS name, p.group_name, max(c.closed_on) AS last_closed_on
    FROM pupil p JOIN support_case c ON c.pupil_id = p.id
    WHERE c.id IN (SELECT value FROM json_each(${ids}))
      AND NOT EXISTS (SELECT 1 FROM support_case other WHERE other.pupil_id = p.id AND other.id NOT IN (SELECT value FROM json_each(${ids})))
    GROUP BY p.id ORDER BY p.last_name, p.first_name`.execute(db);
  return rows.rows;
}

/** What a purge would remove today: the expired cases, the pupils left without a case, the verslagen that name them. */
export async function retentionPreview(db: Kysely<DB>, schoolId: number, clock: Clock, defaultYears?: number) {
  const { yearsAfterClose } = await getRetention(db, schoolId, defaultYears);
  const cutoff = retentionCutoff(yearsAfterClose, clock);
  const cases = (await expiredCases(db, schoolId, cutoff)).map((row) => ({ ...row, closedOn: row.closedOn! }));
  const caseIds = cases.map((row) => row.caseId);
  const pupils = await pupilsLeftWithout(db, caseIds);
  const meetings = (await affectedMeetings(db, caseIds)).filter((meeting) => meeting.verslagen > 0);
  const counts = await countErasure(
    db,
    caseIds,
    pupils.map((pupil) => pupil.pupilId),
  );
  return { yearsAfterClose, cutoff, cases, pupils, meetings, counts };
}

/**
 * Purges exactly the cases the user confirmed in the preview. Each must still
 * be past the retention period; otherwise nothing is removed (CONFLICT). The
 * audit entry holds counts only.
 */
export async function purgeExpired(db: Kysely<DB>, input: { schoolId: number; caseIds: number[] }, clock: Clock, defaultYears?: number) {
  const { yearsAfterClose } = await getRetention(db, input.schoolId, defaultYears);
  const cutoff = retentionCutoff(yearsAfterClose, clock);
  const requested = [...new Set(input.caseIds)];
  const { result, durationMs, walTruncated } = await eraseFromFile(db, async (trx) => {
    const eligible = new Set((await expiredCases(trx, input.schoolId, cutoff)).map((row) => row.caseId));
    if (requested.some((id) => !eligible.has(id))) throw new AppError('CONFLICT', 'case not past retention');
    const pupilIds = (await pupilsLeftWithout(trx, requested)).map((pupil) => pupil.pupilId);
    const counts = await eraseRecords(trx, requested, pupilIds);
    await recordAudit(
      trx,
      {
        action: 'retention.purge',
        entity: 'school',
        entityId: input.schoolId,
        schoolId: input.schoolId,
        counts: { ...counts, years: yearsAfterClose },
      },
      clock,
    );
    return counts;
  });
  return { counts: result, durationMs, walTruncated };
}
