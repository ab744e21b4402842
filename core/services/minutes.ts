import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { loadMinutesData } from '../documents/minutesData';
import { buildMinutesDocx } from '../documents/minutesDocx';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { signatureBlockFor } from './signatures';

async function latestVersion(db: Kysely<DB>, meetingId: number) {
  return db.selectFrom('minutes').selectAll().where('meetingId', '=', meetingId).orderBy('version', 'desc').executeTakeFirst();
}

/**
 * "Vaststellen": freezes the verslag of a held meeting. The exact DOCX bytes
 * and their SHA-256 are stored; from now on the meeting cannot change.
 */
export async function finalizeMinutes(db: Kysely<DB>, meetingId: number, clock: Clock): Promise<{ version: number; sha256: string }> {
  return db.transaction().execute(async (trx) => {
    const meeting = await trx.selectFrom('meeting').select(['status', 'schoolId']).where('id', '=', meetingId).executeTakeFirst();
    if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
    if (meeting.status === 'finalized') throw new AppError('MINUTES_FINALIZED');
    if (meeting.status !== 'held') throw new AppError('CONFLICT', 'meeting not held');
    const block = await signatureBlockFor(trx, meetingId, clock);
    const docx = await buildMinutesDocx(await loadMinutesData(trx, meetingId), block);
    const sha256 = createHash('sha256').update(docx).digest('hex');
    const stamp = nowIso(clock);
    const latest = await latestVersion(trx, meetingId);
    let version: number;
    let minutesId: number;
    if (latest?.status === 'draft') {
      // A correction in progress becomes the new finalized version.
      version = latest.version;
      minutesId = latest.id;
      await trx.updateTable('minutes').set({ status: 'finalized', docx, sha256, finalizedAt: stamp }).where('id', '=', latest.id).execute();
    } else {
      version = (latest?.version ?? 0) + 1;
      minutesId = (
        await trx
          .insertInto('minutes')
          .values({ meetingId, version, status: 'finalized', docx, sha256, finalizedAt: stamp, createdAt: stamp })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    for (const [position, signer] of block.signers.entries()) {
      await trx
        .insertInto('minutesSigner')
        .values({ minutesId, position, meetingRole: signer.meetingRole, certificateId: signer.certificateId })
        .execute();
    }
    await trx.updateTable('meeting').set({ status: 'finalized', updatedAt: stamp }).where('id', '=', meetingId).execute();
    await recordAudit(trx, { action: 'minutes.finalize', entity: 'meeting', entityId: meetingId, schoolId: meeting.schoolId }, clock);
    return { version, sha256 };
  });
}

/** A correction: the finalized versions stay; a new draft version with the reason opens the meeting for changes. */
export async function startCorrection(db: Kysely<DB>, meetingId: number, reason: string, clock: Clock): Promise<{ version: number }> {
  if (!reason.trim()) throw new AppError('REASON_REQUIRED');
  return db.transaction().execute(async (trx) => {
    const meeting = await trx.selectFrom('meeting').select(['status', 'schoolId']).where('id', '=', meetingId).executeTakeFirst();
    if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
    if (meeting.status !== 'finalized') throw new AppError('CONFLICT', 'only a finalized verslag can be corrected');
    const latest = await latestVersion(trx, meetingId);
    const version = (latest?.version ?? 0) + 1;
    const stamp = nowIso(clock);
    await trx
      .insertInto('minutes')
      .values({
        meetingId,
        version,
        status: 'draft',
        correctionReason: reason.trim(),
        docx: null,
        sha256: null,
        finalizedAt: null,
        createdAt: stamp,
      })
      .execute();
    await trx.updateTable('meeting').set({ status: 'held', updatedAt: stamp }).where('id', '=', meetingId).execute();
    await recordAudit(trx, { action: 'minutes.correction', entity: 'meeting', entityId: meetingId, schoolId: meeting.schoolId }, clock);
    return { version };
  });
}

/** Every version of a meeting's verslag, oldest first, without the bytes. */
export function listMinutesVersions(db: Kysely<DB>, meetingId: number) {
  return db
    .selectFrom('minutes')
    .select(['version', 'status', 'sha256', 'finalizedAt', 'correctionReason'])
    .where('meetingId', '=', meetingId)
    .orderBy('version')
    .execute();
}
