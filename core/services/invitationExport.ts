import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import type { BuiltExport } from './exports';

/** The invitation (.ics) to a meeting for the kernteam: no pupil data at all. */
export async function invitationExport(db: Kysely<DB>, meetingId: number, clock: Clock): Promise<BuiltExport> {
  void [db, clock];
  throw new Error('not built yet');
}
