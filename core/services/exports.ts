import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type Clock } from '../clock';
import { buildDossierDocx } from '../documents/dossierDocx';
import { assertWritable, loadMinutesData } from '../documents/minutesData';
import { buildMinutesDocx, buildParentDocx } from '../documents/minutesDocx';
import { assertWellFormedDocx } from '../documents/packDocx';
import type { z } from 'zod';
import type { exportRequest } from '../contract/entities';
import { nl } from '../i18n/nl';
import type { FileDialogs } from '../ipc/fileDialogs';
import { summarize } from '../signing/certificates';
import { signDocx } from '../signing/signDocx';
import { assertCertificateUsable, certificateAppError, unlockCertificate } from './certificates';
import { recordAudit } from './audit';
import { storedVerslagRemoved } from './erasure';
import { getCase } from './cases';
import { minutesForExport } from './signatures';

export type ExportRequest = z.output<typeof exportRequest>;

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
    // A verslag frozen by an MDO before issue 15 may hold characters Word cannot read: never handed out broken.
    if (frozen) assertWellFormedDocx(frozen);
    // Its stored bytes removed with an erased pupil: built again from what is kept, and saying so.
    const rebuilt =
      request.kind === 'minutes' && data.meeting.status === 'finalized' && !frozen && (await storedVerslagRemoved(db, data.meeting.id));
    bytes =
      frozen ??
      (request.kind === 'minutes'
        ? await buildMinutesDocx(data, rebuilt ? { rebuilt: true } : undefined)
        : await buildParentDocx(data, request.caseId));
    // The parent version's file name holds no name at all: it may be forwarded.
    name = `${request.kind === 'minutes' ? 'Verslag MDO' : 'Verslag voor ouders'} ${data.meeting.date}.docx`;
    entity =
      request.kind === 'minutes'
        ? { entity: 'meeting', entityId: data.meeting.id, schoolId: data.school.id }
        : { entity: 'case', entityId: request.caseId, schoolId: data.school.id };
  }
  const signing = request.kind === 'minutes' ? undefined : request.sign;
  if (signing) {
    // A certificate that cannot sign today is refused before its passphrase is tried.
    await assertCertificateUsable(db, signing.certificateId, clock);
    // Unlocked for this one file; a wrong passphrase stops before the save dialog opens.
    const identity = await unlockCertificate(db, signing.certificateId, signing.passphrase);
    try {
      bytes = signDocx(bytes, identity, {
        at: clock.now(),
        role: summarize(identity.certificate).role,
        purpose: nl.docs.signPurpose,
      });
    } catch (error) {
      throw certificateAppError(error);
    }
  }
  const fileName = await files.save(name, bytes);
  if (fileName) await recordAudit(db, { action: `export.${request.kind}${signing ? '.signed' : ''}`, ...entity }, clock);
  return { fileName };
}
