import type { Kysely } from 'kysely';
import type { ConsentStatus, DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { recordConsent } from './consent';

/**
 * For tests that need a case discussed by name: a mother with gezag (added
 * directly, so no audit entry of her own) and the decision of her and of the
 * pupil, so the gate allows it at any age unless the status says otherwise.
 */
export async function consentOfAll(
  db: Kysely<DB>,
  caseId: number,
  clock: Clock,
  { status = 'given', recordedOn, note = '' }: { status?: ConsentStatus; recordedOn: string; note?: string },
): Promise<{ parentId: number }> {
  const parent =
    (await db.selectFrom('caseParent').select('id').where('caseId', '=', caseId).where('hasAuthority', '=', 1).executeTakeFirst()) ??
    (await db
      .insertInto('caseParent')
      .values({ caseId, name: 'Moeder', relation: 'moeder', hasAuthority: 1, createdAt: nowIso(clock) })
      .returning('id')
      .executeTakeFirstOrThrow());
  const common = { caseId, status, method: 'written', coversDiscussion: true, shareWith: [], recordedOn, note } as const;
  await recordConsent(db, { ...common, party: 'parent', parentId: parent.id }, clock);
  await recordConsent(db, { ...common, party: 'pupil', parentId: null }, clock);
  return { parentId: parent.id };
}
