import { sql, type Kysely } from 'kysely';
import type { DB, OwnerKind } from '../../db/schema';
import { nowIso, today, type Clock } from '../clock';
import { assertNotBefore, DateOrderError } from '../dateOrder';
import { AppError } from '../errors';
import { ensureDiscussion } from './discussions';
import { assertItemEditable } from './editable';

export interface NewAgreement {
  agendaItemId: number;
  description: string;
  ownerKind: OwnerKind;
  ownerMemberId?: number;
  /** For 'staff' (e.g. "leerkracht groep 5"); ignored for members. */
  ownerName?: string;
  dueOn: string;
}

/** Records an agreement made while discussing an agenda item. */
export async function addAgreement(db: Kysely<DB>, input: NewAgreement, clock: Clock): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await assertItemEditable(trx, input.agendaItemId);
    const item = await trx
      .selectFrom('agendaItem')
      .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
      .select(['agendaItem.id', 'agendaItem.kind', 'agendaItem.caseId', 'agendaItem.meetingId', 'meeting.schoolId', 'meeting.date'])
      .where('agendaItem.id', '=', input.agendaItemId)
      .executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', 'agenda item');
    assertNotBefore(input.dueOn, item.date, 'agreementDueBeforeMeeting', 'dueOn');
    if (input.ownerKind === 'member') {
      const member = await trx
        .selectFrom('member')
        .select('id')
        .where('id', '=', input.ownerMemberId ?? 0)
        .where('schoolId', '=', item.schoolId)
        .executeTakeFirst();
      if (!member) throw new AppError('NOT_FOUND', 'member');
    }
    if (item.caseId) await ensureDiscussion(trx, item.id, clock);
    const stamp = nowIso(clock);
    const { id } = await trx
      .insertInto('agreement')
      .values({
        schoolId: item.schoolId,
        caseId: item.caseId,
        meetingId: item.meetingId,
        agendaItemId: item.id,
        description: input.description,
        ownerKind: input.ownerKind,
        ownerMemberId: input.ownerKind === 'member' ? input.ownerMemberId! : null,
        ownerName: input.ownerKind === 'staff' ? (input.ownerName ?? '') : '',
        dueOn: input.dueOn,
        originalDueOn: input.dueOn,
        status: 'open',
        postponements: 0,
        completedOn: null,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

/** Marks an agreement done, not done, or open again (to undo a mistaken click). */
export async function setAgreementStatus(
  db: Kysely<DB>,
  agreementId: number,
  status: 'open' | 'done' | 'not_done',
  clock: Clock,
): Promise<void> {
  const found = await db
    .selectFrom('agreement')
    .innerJoin('meeting', 'meeting.id', 'agreement.meetingId')
    .select('meeting.date')
    .where('agreement.id', '=', agreementId)
    .executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'agreement');
  const completedOn = status === 'done' ? today(clock) : null;
  assertNotBefore(completedOn, found.date, 'agreementCompletedBeforeMeeting');
  await db
    .updateTable('agreement')
    .set({ status, completedOn, updatedAt: nowIso(clock) })
    .where('id', '=', agreementId)
    .execute();
}

/** Gives an open agreement a new due date; every postponement is counted. */
export async function postponeAgreement(db: Kysely<DB>, agreementId: number, dueOn: string, clock: Clock): Promise<void> {
  const found = await db.selectFrom('agreement').select(['status', 'dueOn']).where('id', '=', agreementId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'agreement');
  // Strictly later: the same date would count a postponement that moved nothing.
  if (dueOn <= found.dueOn) throw new DateOrderError('agreementPostponedToEarlier', 'dueOn');
  await db
    .updateTable('agreement')
    .set((eb) => ({ status: 'open', dueOn, postponements: eb('postponements', '+', 1), completedOn: null, updatedAt: nowIso(clock) }))
    .where('id', '=', agreementId)
    .execute();
}

/** Agreements with meeting date and the owner's display name; add a where and execute. */
export function agreementRows(db: Kysely<DB>) {
  return db
    .selectFrom('agreement')
    .innerJoin('meeting', 'meeting.id', 'agreement.meetingId')
    .leftJoin('member', 'member.id', 'agreement.ownerMemberId')
    .select([
      'agreement.id',
      'agreement.caseId',
      'agreement.meetingId',
      'agreement.agendaItemId',
      'meeting.date as meetingDate',
      'agreement.description',
      'agreement.ownerKind',
      'agreement.ownerMemberId',
      sql<string>`coalesce(member.name, agreement.owner_name)`.as('ownerName'),
      'agreement.dueOn',
      'agreement.originalDueOn',
      'agreement.status',
      'agreement.postponements',
      'agreement.completedOn',
      'agreement.updatedAt',
    ])
    .orderBy('agreement.dueOn')
    .orderBy('agreement.id');
}
