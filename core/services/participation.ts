import { sql, type Kysely } from 'kysely';
import type { DB, ParentsPresent, PupilParticipation } from '../../db/schema';
import { nowIso, today, type Clock } from '../clock';
import { AppError, FieldError } from '../errors';
import { nl } from '../i18n/nl';
import { ensureDiscussion } from './discussions';
import { assertItemEditable } from './editable';

// Who took part in a discussion of a case, and the parents' right to
// information: parents who were not there get the ouderversie, and MDO keeps
// the day it was sent.

export interface ParticipationInput {
  agendaItemId: number;
  parentsPresent: ParentsPresent | null;
  parentsAbsentReason: string;
  pupilParticipation: PupilParticipation | null;
}

/** Records whether the parents and the pupil took part in this discussion of a case. */
export async function setParticipation(db: Kysely<DB>, input: ParticipationInput, clock: Clock): Promise<void> {
  const reason = input.parentsAbsentReason.trim();
  if (input.parentsPresent === 'not_invited' && !reason) throw new FieldError('parentsAbsentReason', nl.participation.reasonRequired);
  await db.transaction().execute(async (trx) => {
    await assertItemEditable(trx, input.agendaItemId);
    const item = await trx.selectFrom('agendaItem').select('kind').where('id', '=', input.agendaItemId).executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', 'agenda item');
    if (item.kind !== 'case') throw new AppError('VALIDATION', 'general items have no participants');
    const discussionId = await ensureDiscussion(trx, input.agendaItemId, clock);
    await trx
      .updateTable('caseDiscussion')
      .set({
        parentsPresent: input.parentsPresent,
        // A reason belongs to parents who were not there; "ja" keeps none.
        parentsAbsentReason: input.parentsPresent === 'yes' || input.parentsPresent === null ? '' : reason,
        pupilParticipation: input.pupilParticipation,
        updatedAt: nowIso(clock),
      })
      .where('id', '=', discussionId)
      .execute();
  });
}

/**
 * The discussions of one meeting whose parents were not there (not invited,
 * invited but absent, or not recorded), each with the day its ouderversie was
 * sent. Anonymous discussions are left out: there is no pupil to write to.
 */
export async function listParentCopies(db: Kysely<DB>, meetingId: number) {
  const meeting = await db.selectFrom('meeting').select('id').where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
  return db
    .selectFrom('agendaItem')
    .innerJoin('caseDiscussion', 'caseDiscussion.agendaItemId', 'agendaItem.id')
    .innerJoin('supportCase', 'supportCase.id', 'caseDiscussion.caseId')
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select([
      'caseDiscussion.agendaItemId',
      'caseDiscussion.caseId',
      sql<string>`pupil.first_name || ' ' || pupil.last_name`.as('pupilName'),
      'pupil.groupName',
      'caseDiscussion.parentsPresent',
      'caseDiscussion.parentsAbsentReason',
      'caseDiscussion.parentCopySentOn as sentOn',
    ])
    .where('agendaItem.meetingId', '=', meetingId)
    .where('caseDiscussion.discussedByName', '=', 1)
    .where((eb) => eb.or([eb('caseDiscussion.parentsPresent', 'is', null), eb('caseDiscussion.parentsPresent', '!=', 'yes')]))
    .orderBy('agendaItem.position')
    .execute();
}

/** Records (or with null clears) the day the ouderversie of a case discussed in this meeting was sent. */
export async function markParentCopySent(
  db: Kysely<DB>,
  input: { meetingId: number; caseId: number; sentOn: string | null },
  clock: Clock,
): Promise<void> {
  if (input.sentOn && input.sentOn > today(clock)) throw new FieldError('sentOn', nl.participation.copies.sentInFuture);
  await db.transaction().execute(async (trx) => {
    const meeting = await trx.selectFrom('meeting').select('status').where('id', '=', input.meetingId).executeTakeFirst();
    if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
    // Nothing was discussed in a meeting that has not started or was cancelled.
    if (meeting.status === 'planned' || meeting.status === 'cancelled') throw new AppError('CONFLICT', 'meeting not held');
    // The day the ouderversie was sent is not part of the verslag: it may be recorded after vaststellen.
    const result = await trx
      .updateTable('caseDiscussion')
      .set({ parentCopySentOn: input.sentOn })
      .where('meetingId', '=', input.meetingId)
      .where('caseId', '=', input.caseId)
      .where('discussedByName', '=', 1)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'case discussed in that meeting');
  });
}

/**
 * A school's discussions in held meetings whose parents were not there and
 * whose ouderversie is not recorded as sent, oldest first. A discussion
 * without a record of who took part counts from the first meeting in which
 * the school recorded it: before that MDO could not record it (a database
 * from before 0.3), and years of meetings should not all ask for attention.
 */
export async function pendingParentCopies(db: Kysely<DB>, schoolId: number) {
  // From the school's meetings through their agenda items: case_discussion has no index on meeting_id.
  const firstRecorded = await db
    .selectFrom('meeting')
    .innerJoin('agendaItem', 'agendaItem.meetingId', 'meeting.id')
    .innerJoin('caseDiscussion', 'caseDiscussion.agendaItemId', 'agendaItem.id')
    .select((eb) => eb.fn.min('meeting.date').as('date'))
    .where('meeting.schoolId', '=', schoolId)
    .where('caseDiscussion.parentsPresent', 'is not', null)
    .executeTakeFirst();
  const since = firstRecorded?.date ?? null;
  return db
    .selectFrom('meeting')
    .innerJoin('agendaItem', 'agendaItem.meetingId', 'meeting.id')
    .innerJoin('caseDiscussion', 'caseDiscussion.agendaItemId', 'agendaItem.id')
    .innerJoin('supportCase', 'supportCase.id', 'caseDiscussion.caseId')
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select([
      'caseDiscussion.meetingId',
      'meeting.date as meetingDate',
      'caseDiscussion.caseId',
      sql<string>`pupil.first_name || ' ' || pupil.last_name`.as('pupilName'),
      'pupil.groupName',
      'caseDiscussion.parentsPresent',
    ])
    .where('meeting.schoolId', '=', schoolId)
    .where('meeting.status', 'in', ['held', 'finalized'])
    .where('caseDiscussion.discussedByName', '=', 1)
    .where('caseDiscussion.parentCopySentOn', 'is', null)
    .where((eb) =>
      eb.or([
        eb('caseDiscussion.parentsPresent', 'in', ['invited_absent', 'not_invited']),
        since === null ? eb.lit(false) : eb.and([eb('caseDiscussion.parentsPresent', 'is', null), eb('meeting.date', '>=', since)]),
      ]),
    )
    .orderBy('meeting.date')
    .orderBy('agendaItem.position')
    .execute();
}
