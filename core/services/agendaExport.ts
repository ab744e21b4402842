import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import type { BuiltExport } from './exports';

/** The agenda for the kernteam (DOCX): a case by initials and group only when its consent covers sharing with the kernteam. */
export async function agendaExport(db: Kysely<DB>, meetingId: number, clock: Clock): Promise<BuiltExport> {
  void [db, clock];
  throw new Error('not built yet');
}
