import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../errors';

/** Refuses changes to what a finalized verslag recorded; a correction reopens it first. */
export async function assertItemEditable(db: Kysely<DB>, agendaItemId: number): Promise<void> {
  const row = await db
    .selectFrom('agendaItem')
    .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
    .select('meeting.status')
    .where('agendaItem.id', '=', agendaItemId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'agenda item');
  if (row.status === 'finalized') throw new AppError('MINUTES_FINALIZED');
}
