import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { assertNotBefore } from '../dateOrder';
import { AppError } from '../errors';

export interface LeadChange {
  caseId: number;
  memberId: number;
  /** Required when a trekker hands over; optional for the first one. */
  reason: string;
  onDate: string;
}

/**
 * Makes a member the one trekker of an open case. The previous trekker's
 * period ends on the same date; every change stays in the history.
 */
export async function setLead(db: Kysely<DB>, change: LeadChange, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('supportCase')
      .select(['schoolId', 'status', 'registeredOn'])
      .where('id', '=', change.caseId)
      .executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND', 'case');
    if (found.status === 'closed') throw new AppError('CASE_CLOSED');
    const member = await trx
      .selectFrom('member')
      .select('id')
      .where('id', '=', change.memberId)
      .where('schoolId', '=', found.schoolId)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (!member) throw new AppError('NOT_FOUND', 'member');
    const current = await trx
      .selectFrom('caseLead')
      .select(['id', 'memberId', 'startedOn'])
      .where('caseId', '=', change.caseId)
      .where('endedOn', 'is', null)
      .executeTakeFirst();
    if (current?.memberId === change.memberId) return;
    assertNotBefore(change.onDate, found.registeredOn, 'leadStartsBeforeRegistered', 'onDate');
    // The current trekker's period ends the day the new one starts.
    assertNotBefore(change.onDate, current?.startedOn, 'leadEndsBeforeStart', 'onDate');
    if (current && !change.reason.trim()) throw new AppError('REASON_REQUIRED');
    if (current) await trx.updateTable('caseLead').set({ endedOn: change.onDate }).where('id', '=', current.id).execute();
    await trx
      .insertInto('caseLead')
      .values({
        caseId: change.caseId,
        memberId: change.memberId,
        startedOn: change.onDate,
        reason: change.reason.trim(),
        createdAt: nowIso(clock),
      })
      .execute();
  });
}
