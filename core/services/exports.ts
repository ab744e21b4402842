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
import { recordAudit, type AuditAction } from './audit';
import { storedVerslagRemoved } from './erasure';
import { getCase } from './cases';
import { minutesForExport } from './signatures';
import { invitationExport } from './invitationExport';
import { agendaExport } from './agendaExport';
import { actionListExport } from './actionListExport';
import { recipientGuideExport } from './recipientGuideExport';

export type ExportRequest = z.output<typeof exportRequest>;

/** A document built for export: its bytes, the suggested file name, and the record its audit line names. */
export interface BuiltExport {
  bytes: Uint8Array;
  name: string;
  /** The record the audit line names (kind and id only); null for a document without school data. */
  entity: { entity: string; entityId: number; schoolId: number } | null;
}

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
  const built = await buildExport(db, request, clock);
  let bytes = built.bytes;
  const signing = 'sign' in request ? request.sign : undefined;
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
  const fileName = await files.save(built.name, bytes);
  if (fileName && built.entity) {
    // Every kind with an entity has its audit action (audit.ts); the guide has neither.
    const action = `export.${request.kind}${signing ? '.signed' : ''}` as AuditAction;
    await recordAudit(db, { action, ...built.entity }, clock);
  }
  return { fileName };
}

/** The document a request asks for, before signing. */
async function buildExport(db: Kysely<DB>, request: ExportRequest, clock: Clock): Promise<BuiltExport> {
  switch (request.kind) {
    case 'dossier': {
      const data = await getCase(db, request.caseId, clock);
      const school = await db.selectFrom('school').select('name').where('id', '=', data.schoolId).executeTakeFirstOrThrow();
      return {
        bytes: await buildDossierDocx(data, school.name),
        name: `Casusdossier ${data.registeredOn}.docx`,
        entity: { entity: 'case', entityId: data.id, schoolId: data.schoolId },
      };
    }
    case 'minutes':
    case 'parent':
      return verslagExport(db, request);
    case 'invitation':
      return invitationExport(db, request.meetingId, clock);
    case 'agenda':
      return agendaExport(db, request.meetingId, clock);
    case 'actions':
      return actionListExport(db, request.meetingId, request.memberId, clock);
    case 'recipientGuide':
      return recipientGuideExport();
  }
}

/** The verslag or one pupil's ouderversie of a meeting. */
async function verslagExport(db: Kysely<DB>, request: Extract<ExportRequest, { kind: 'minutes' | 'parent' }>): Promise<BuiltExport> {
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
  const bytes =
    frozen ??
    (request.kind === 'minutes'
      ? await buildMinutesDocx(data, rebuilt ? { rebuilt: true } : undefined)
      : await buildParentDocx(data, request.caseId));
  return {
    bytes,
    // The parent version's file name holds no name at all: it may be forwarded.
    name: `${request.kind === 'minutes' ? 'Verslag MDO' : 'Verslag voor ouders'} ${data.meeting.date}.docx`,
    entity:
      request.kind === 'minutes'
        ? { entity: 'meeting', entityId: data.meeting.id, schoolId: data.school.id }
        : { entity: 'case', entityId: request.caseId, schoolId: data.school.id },
  };
}
