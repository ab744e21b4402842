import { differenceInYears, parseISO } from 'date-fns';
import type { Kysely } from 'kysely';
import type { ConsentStatus, DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { assertNotBefore } from '../dateOrder';
import { AppError } from '../errors';
import { recordAudit } from './audit';

/** From this age a pupil decides on sharing together with the parents; below it, parental consent is required. */
export const CONSENT_AGE = 16;

export interface GateInput {
  dateOfBirth: string;
  consent: ConsentStatus | null;
  safetyConcernReason: string | null;
}

/**
 * May this case be discussed by name on this date? Under 16 only with given
 * consent, unless a safety concern with a written reason is recorded.
 */
export function discussionGate(input: GateInput, onDate: string): 'allowed' | 'safety_concern' | 'needs_consent' {
  if (input.consent === 'given') return 'allowed';
  if (differenceInYears(parseISO(onDate), parseISO(input.dateOfBirth)) >= CONSENT_AGE && input.consent === null) return 'allowed';
  if (input.safetyConcernReason?.trim()) return 'safety_concern';
  return 'needs_consent';
}

/** The latest recorded consent status of a case, or null when none was recorded. */
export async function currentConsent(db: Kysely<DB>, caseId: number): Promise<ConsentStatus | null> {
  const row = await db
    .selectFrom('consent')
    .select('status')
    .where('caseId', '=', caseId)
    .orderBy('recordedOn', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.status ?? null;
}

export interface ConsentInput {
  caseId: number;
  status: ConsentStatus;
  recordedOn: string;
  scope: string;
  note: string;
}

/** Records a consent decision; earlier ones stay as history. */
export async function recordConsent(db: Kysely<DB>, input: ConsentInput, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('supportCase')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['supportCase.schoolId', 'pupil.dateOfBirth'])
      .where('supportCase.id', '=', input.caseId)
      .executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND', 'case');
    assertNotBefore(input.recordedOn, found.dateOfBirth, 'consentBeforeBirth', 'recordedOn');
    await trx
      .insertInto('consent')
      .values({
        caseId: input.caseId,
        status: input.status,
        recordedOn: input.recordedOn,
        scope: input.scope,
        note: input.note,
        createdAt: nowIso(clock),
      })
      .execute();
    // The decision itself stays in the case; the log only says that one was recorded.
    await recordAudit(trx, { action: 'consent.record', entity: 'case', entityId: input.caseId, schoolId: found.schoolId }, clock);
  });
}

/** Sets or clears the safety concern that allows discussing a case without consent; the reason is required. */
export async function setSafetyConcern(db: Kysely<DB>, caseId: number, reason: string | null, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('supportCase').select('schoolId').where('id', '=', caseId).executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND', 'case');
    await trx
      .updateTable('supportCase')
      .set({ safetyConcernReason: reason?.trim() || null, updatedAt: nowIso(clock) })
      .where('id', '=', caseId)
      .execute();
    await recordAudit(trx, { action: 'consent.safety_concern', entity: 'case', entityId: caseId, schoolId: found.schoolId }, clock);
  });
}
