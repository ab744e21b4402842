import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import type { BuiltExport } from './exports';

/** One member's own open agreements from this and earlier meetings (DOCX). */
export async function actionListExport(db: Kysely<DB>, meetingId: number, memberId: number, clock: Clock): Promise<BuiltExport> {
  void [db, clock];
  throw new Error('not built yet');
}
