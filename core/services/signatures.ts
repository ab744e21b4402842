import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB, MeetingRole } from '../../db/schema';
import { nowIso, today, type Clock } from '../clock';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { nl } from '../i18n/nl';
import { summarize, type SigningIdentity } from '../signing/certificates';
import { signDocx } from '../signing/signDocx';
import { assertCertificateUsable, certificateAppError, unlockCertificate } from './certificates';
import { canSign } from '../signing/certificateStatus';
import { decidingCertificate, expectedPeople } from './signerStates';

const s = nl.signing;

type Db = Kysely<DB> | Transaction<DB>;

const roleLabel = (role: MeetingRole) => (role === 'chair' ? nl.docs.chair : nl.docs.minuteTaker);

/**
 * Who will sign a verslag that is finalized now: the chair, then the
 * minute-taker, each with the certificate that can sign today and lasts
 * longest. People without such a certificate are left out of the block
 * (plannedSignerStates says why).
 */
export async function plannedSigners(db: Db, meetingId: number, clock: Clock) {
  const signers = [];
  for (const person of await expectedPeople(db, meetingId)) {
    if (person.memberId === null) continue;
    const decided = await decidingCertificate(db, person.memberId, clock.now());
    if (decided && canSign(decided.status))
      signers.push({
        meetingRole: person.meetingRole,
        certificateId: decided.certificate.id,
        name: decided.certificate.name,
        role: decided.certificate.role,
        fingerprint: decided.certificate.fingerprint,
        fingerprintSha1: decided.certificate.fingerprintSha1,
      });
  }
  return signers;
}

/** The block a verslag being finalized prints: date and the planned signers. */
export async function signatureBlockFor(db: Db, meetingId: number, clock: Clock) {
  return { date: today(clock), signers: await plannedSigners(db, meetingId, clock) };
}

async function newestFinalized(db: Db, meetingId: number) {
  const latest = await db
    .selectFrom('minutes')
    .select(['id', 'status', 'version', 'docx'])
    .where('meetingId', '=', meetingId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!latest || latest.status !== 'finalized' || !latest.docx) return undefined;
  return { ...latest, docx: latest.docx };
}

/** The bytes to hand out for a finalized verslag: the last signed version, else the finalized one. */
export async function minutesForExport(db: Db, meetingId: number): Promise<Uint8Array | undefined> {
  const minutes = await newestFinalized(db, meetingId);
  if (!minutes) return undefined;
  const signed = await db
    .selectFrom('signature')
    .select('signedDocx')
    .where('minutesId', '=', minutes.id)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return signed?.signedDocx ?? minutes.docx;
}

/** The signing state of a meeting's newest verslag: who is named in the block, who has signed, who is next. */
export async function signingState(db: Db, meetingId: number) {
  const minutes = await newestFinalized(db, meetingId);
  if (!minutes) return null;
  const declared = await db
    .selectFrom('minutesSigner')
    .innerJoin('certificate', 'certificate.id', 'minutesSigner.certificateId')
    .select([
      'minutesSigner.meetingRole',
      'certificate.id as certificateId',
      'certificate.name',
      'certificate.role',
      'certificate.fingerprint',
    ])
    .where('minutesSigner.minutesId', '=', minutes.id)
    .orderBy('minutesSigner.position')
    .execute();
  const signatures = await db
    .selectFrom('signature')
    .select(['signerName', 'signerRole', 'certificateSha256 as fingerprint', 'signedAt'])
    .where('minutesId', '=', minutes.id)
    .orderBy('id')
    .execute();
  const signedAt = (fingerprint: string) => signatures.find((signature) => signature.fingerprint === fingerprint)?.signedAt ?? null;
  const planned = declared.map((signer) => ({ ...signer, signedAt: signedAt(signer.fingerprint) }));
  return {
    version: minutes.version,
    minutesId: minutes.id,
    declared: planned,
    signatures,
    nextCertificateId: planned.find((signer) => !signer.signedAt)?.certificateId ?? null,
  };
}

/**
 * Adds a signature to the newest finalized verslag and stores the signed
 * bytes. Signers named in the block sign in their order (chair first);
 * anyone else may add a signature after that.
 */
export async function signMinutesWith(
  db: Kysely<DB>,
  meetingId: number,
  identity: SigningIdentity,
  clock: Clock,
  signer: { memberId: number | null; role?: string },
) {
  const state = await signingState(db, meetingId);
  if (!state) throw new AppError('NOT_FINALIZED');
  const fingerprint = identity.certificate.fingerprint256;
  if (state.signatures.some((signature) => signature.fingerprint === fingerprint)) throw new AppError('ALREADY_SIGNED');
  const position = state.declared.findIndex((declared) => declared.fingerprint === fingerprint);
  if (position > 0 && !state.declared[position - 1].signedAt) throw new AppError('SIGNER_ORDER');
  const bytes = (await minutesForExport(db, meetingId))!;
  const role = position >= 0 ? roleLabel(state.declared[position].meetingRole) : signer.role;
  let signed: Uint8Array;
  try {
    signed = signDocx(bytes, identity, { at: clock.now(), role, purpose: nl.docs.signPurpose });
  } catch (error) {
    throw certificateAppError(error);
  }
  const sha256 = createHash('sha256').update(signed).digest('hex');
  const stamp = nowIso(clock);
  await db.transaction().execute(async (trx) => {
    // Another signature landed in between: sign again on top of it rather than lose it.
    const count = await trx
      .selectFrom('signature')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('minutesId', '=', state.minutesId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) !== state.signatures.length) throw new AppError('CONFLICT', 'signed meanwhile');
    await trx
      .insertInto('signature')
      .values({
        minutesId: state.minutesId,
        memberId: signer.memberId,
        signerName: summarize(identity.certificate).name,
        signerRole: role ?? '',
        certificateSha256: fingerprint,
        signedAt: stamp,
        signedDocx: signed,
        sha256,
      })
      .execute();
    const meeting = await trx.selectFrom('meeting').select('schoolId').where('id', '=', meetingId).executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'minutes.sign', entity: 'meeting', entityId: meetingId, schoolId: meeting.schoolId }, clock);
  });
  return { sha256, signatures: state.signatures.length + 1 };
}

/**
 * Refuses, before any passphrase is tried, a signature that cannot be placed:
 * not finalized, already signed, not their turn, or a certificate not valid
 * today; the message names the person and the reason.
 */
export async function assertCanSign(db: Kysely<DB>, meetingId: number, certificateId: number, clock: Clock): Promise<void> {
  const state = await signingState(db, meetingId);
  if (!state) throw new AppError('NOT_FINALIZED');
  const certificate = await db.selectFrom('certificate').select('fingerprint').where('id', '=', certificateId).executeTakeFirst();
  if (!certificate) throw new AppError('NOT_FOUND', 'certificate');
  if (state.signatures.some((signature) => signature.fingerprint === certificate.fingerprint)) throw new AppError('ALREADY_SIGNED');
  const position = state.declared.findIndex((declared) => declared.fingerprint === certificate.fingerprint);
  const who = (index: number) => s.who(roleLabel(state.declared[index].meetingRole), state.declared[index].name);
  if (position > 0 && !state.declared[position - 1].signedAt)
    throw new AppError('SIGNER_ORDER', '', s.orderFirst(state.declared[position - 1].name));
  await assertCertificateUsable(db, certificateId, clock, position >= 0 ? who(position) : undefined);
}

/** Signs with a certificate stored in the app, unlocked by its passphrase for this one signature. */
export async function signMinutes(db: Kysely<DB>, input: { meetingId: number; certificateId: number; passphrase: string }, clock: Clock) {
  await assertCanSign(db, input.meetingId, input.certificateId, clock);
  const identity = await unlockCertificate(db, input.certificateId, input.passphrase);
  const owner = await db.selectFrom('certificate').select('memberId').where('id', '=', input.certificateId).executeTakeFirstOrThrow();
  return signMinutesWith(db, input.meetingId, identity, clock, { memberId: owner.memberId });
}
