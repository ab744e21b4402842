import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { AppError } from '../errors';
import { nl } from '../i18n/nl';

/** Marks a planned meeting as cancelled (it stays, with its agenda, for the record); the cancellation is then sent as .ics. */
export async function cancelMeeting(db: Kysely<DB>, meetingId: number, clock: Clock): Promise<void> {
  const meeting = await db.selectFrom('meeting').select('status').where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
  // Once begun, the meeting has notes: it is closed, not cancelled.
  if (meeting.status !== 'planned')
    throw new AppError('CONFLICT', 'only a planned meeting can be cancelled', nl.invitation.errors.notPlanned);
  await db
    .updateTable('meeting')
    .set({ status: 'cancelled', updatedAt: nowIso(clock) })
    .where('id', '=', meetingId)
    .execute();
}
