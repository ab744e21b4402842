import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { buildDossierDocx } from '../documents/dossierDocx';
import { assertWritable, loadMinutesData } from '../documents/minutesData';
import { buildMinutesDocx, buildParentDocx } from '../documents/minutesDocx';
import type { FileDialogs } from '../ipc/fileDialogs';
import { getCase } from './cases';
import { minutesForExport } from './signatures';

export type ExportRequest =
  { kind: 'minutes'; meetingId: number } | { kind: 'parent'; meetingId: number; caseId: number } | { kind: 'dossier'; caseId: number };

/**
 * Builds a document and hands it to the save dialog. An export is
 * recorded in the audit log by kind and record id only: no names.
 */
export async function exportDocument(
  db: Kysely<DB>,
  request: ExportRequest,
  files: FileDialogs,
  clock: Clock,
): Promise<{ fileName: string | null }> {
  let bytes: Uint8Array;
  let name: string;
  let entity: { entity: string; entityId: number; schoolId: number };
  if (request.kind === 'dossier') {
    const data = await getCase(db, request.caseId, clock);
    const school = await db.selectFrom('school').select('name').where('id', '=', data.schoolId).executeTakeFirstOrThrow();
    bytes = await buildDossierDocx(data, school.name);
    name = `Casusdossier ${data.registeredOn}.docx`;
    entity = { entity: 'case', entityId: data.id, schoolId: data.schoolId };
  } else {
    const data = await loadMinutesData(db, request.meetingId);
    assertWritable(data);
    // A finalized verslag is handed out exactly as it was frozen (and signed), never rebuilt.
    const frozen =
      request.kind === 'minutes' && data.meeting.status === 'finalized' ? await minutesForExport(db, data.meeting.id) : undefined;
    bytes = frozen ?? (request.kind === 'minutes' ? await buildMinutesDocx(data) : await buildParentDocx(data, request.caseId));
    // The parent version's file name holds no name at all: it may be forwarded.
    name = `${request.kind === 'minutes' ? 'Verslag MDO' : 'Verslag voor ouders'} ${data.meeting.date}.docx`;
    entity =
      request.kind === 'minutes'
        ? { entity: 'meeting', entityId: data.meeting.id, schoolId: data.school.id }
        : { entity: 'case', entityId: request.caseId, schoolId: data.school.id };
  }
  const fileName = await files.save(name, bytes);
  if (fileName) {
    await db
      .insertInto('auditLog')
      .values({ at: nowIso(clock), actor: 'app', action: `export.${request.kind}`, ...entity })
      .execute();
  }
  return { fileName };
}
