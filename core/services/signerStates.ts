import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { expectedSigner } from '../contract/entities';
import type { DB, MeetingRole } from '../../db/schema';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { canSign, certificateStatus, type CertificateStatus } from '../signing/certificateStatus';

type Db = Kysely<DB> | Transaction<DB>;
export type ExpectedSigner = z.infer<typeof expectedSigner>;

/** A member's certificate with what the signature block and the state need of it. */
export interface MemberCertificate {
  id: number;
  name: string;
  role: string;
  fingerprint: string;
  fingerprintSha1: string | null;
  notBefore: string;
  notAfter: string;
}

/** Who a verslag of this meeting should be signed by: the chair always, the minute-taker when set and not the chair too. */
export async function expectedPeople(db: Db, meetingId: number) {
  const meeting = await db
    .selectFrom('meeting')
    .leftJoin('member as chair', 'chair.id', 'meeting.chairId')
    .leftJoin('member as taker', 'taker.id', 'meeting.minuteTakerId')
    .select(['meeting.chairId', 'meeting.minuteTakerId', 'chair.name as chairName', 'taker.name as takerName'])
    .where('meeting.id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
  const people: { meetingRole: MeetingRole; memberId: number | null; name: string }[] = [
    { meetingRole: 'chair', memberId: meeting.chairId, name: meeting.chairName ?? '' },
  ];
  if (meeting.minuteTakerId !== null && meeting.minuteTakerId !== meeting.chairId)
    people.push({ meetingRole: 'minuteTaker', memberId: meeting.minuteTakerId, name: meeting.takerName ?? '' });
  return people;
}

/**
 * The certificate that decides a member's state at `at`: the one that can sign
 * and lasts longest; else the one that starts soonest; else the one that
 * expired last. `existing` leaves out certificates made after that moment.
 */
export async function decidingCertificate(
  db: Db,
  memberId: number,
  at: Date,
  existing?: string,
): Promise<{ certificate: MemberCertificate; status: CertificateStatus } | null> {
  let query = db
    .selectFrom('certificate')
    .select(['id', 'name', 'role', 'fingerprint', 'fingerprintSha1', 'notBefore', 'notAfter'])
    .where('memberId', '=', memberId);
  if (existing) query = query.where('createdAt', '<=', existing);
  const rated = (await query.orderBy('id').execute()).map((certificate) => ({ certificate, status: certificateStatus(certificate, at) }));
  const latestEnd = (a: (typeof rated)[number], b: (typeof rated)[number]) => b.certificate.notAfter.localeCompare(a.certificate.notAfter);
  const usable = rated.filter((entry) => canSign(entry.status)).sort(latestEnd);
  if (usable.length) return usable[0];
  const coming = rated
    .filter((entry) => entry.status === 'notYetValid')
    .sort((a, b) => a.certificate.notBefore.localeCompare(b.certificate.notBefore));
  if (coming.length) return coming[0];
  return rated.sort(latestEnd)[0] ?? null;
}

function fromCertificate(
  person: { meetingRole: MeetingRole; memberId: number | null; name: string },
  decided: { certificate: MemberCertificate; status: CertificateStatus } | null,
): ExpectedSigner {
  const base = {
    ...person,
    certificateId: decided?.certificate.id ?? null,
    validFrom: decided?.certificate.notBefore ?? null,
    validUntil: decided?.certificate.notAfter ?? null,
    certificateStatus: decided?.status ?? null,
    signedAt: null,
    inBlock: false,
    next: false,
  };
  if (person.memberId === null) return { ...base, state: 'unassigned' };
  if (!decided) return { ...base, state: 'noCertificate' };
  if (decided.status === 'notYetValid' || decided.status === 'expired') return { ...base, state: decided.status };
  return { ...base, state: 'ready' };
}

/** What vaststellen now would give: per expected signer, their certificate's state at the clock's now. */
export async function plannedSignerStates(db: Db, meetingId: number, clock: Clock): Promise<ExpectedSigner[]> {
  const now = clock.now();
  const states = [];
  for (const person of await expectedPeople(db, meetingId))
    states.push(fromCertificate(person, person.memberId === null ? null : await decidingCertificate(db, person.memberId, now)));
  return states;
}

/**
 * Per expected signer of a meeting's newest verslag: signed, ready (their
 * certificate in the block is valid now), or why not. Those left out of the
 * block get the reason they had when it was finalized.
 */
export async function expectedSignerStates(
  db: Db,
  meetingId: number,
  clock: Clock,
): Promise<{ finalized: boolean; signers: ExpectedSigner[] }> {
  const minutes = await db
    .selectFrom('minutes')
    .select(['id', 'status', 'finalizedAt'])
    .where('meetingId', '=', meetingId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!minutes || minutes.status !== 'finalized' || !minutes.finalizedAt)
    return { finalized: false, signers: await plannedSignerStates(db, meetingId, clock) };
  const declared = await db
    .selectFrom('minutesSigner')
    .innerJoin('certificate', 'certificate.id', 'minutesSigner.certificateId')
    .select(['minutesSigner.meetingRole', 'certificate.memberId', 'certificate.id', 'certificate.name', 'certificate.role'])
    .select(['certificate.fingerprint', 'certificate.fingerprintSha1', 'certificate.notBefore', 'certificate.notAfter'])
    .where('minutesSigner.minutesId', '=', minutes.id)
    .orderBy('minutesSigner.position')
    .execute();
  const signatures = await db
    .selectFrom('signature')
    .select(['certificateSha256', 'signedAt'])
    .where('minutesId', '=', minutes.id)
    .execute();
  const finalizedAt = new Date(minutes.finalizedAt);
  const now = clock.now();
  const signers: ExpectedSigner[] = [];
  for (const person of await expectedPeople(db, meetingId)) {
    const inBlock = declared.find((signer) => signer.meetingRole === person.meetingRole && signer.memberId === person.memberId);
    if (!inBlock) {
      // Not named in the frozen block: the reason it had when the verslag was finalized.
      const then = person.memberId === null ? null : await decidingCertificate(db, person.memberId, finalizedAt, minutes.finalizedAt);
      const state = fromCertificate(person, then);
      // A certificate that could sign then but is not in the block (an older MDO's rule): nothing to sign with here.
      signers.push(state.state === 'ready' ? { ...state, state: 'noCertificate' } : state);
      continue;
    }
    const status = certificateStatus(inBlock, now);
    const signedAt = signatures.find((signature) => signature.certificateSha256 === inBlock.fingerprint)?.signedAt ?? null;
    const state = fromCertificate(person, { certificate: inBlock, status });
    signers.push({ ...state, inBlock: true, signedAt, state: signedAt ? 'signed' : state.state });
  }
  // The first one in the block without a signature signs next, if their certificate can.
  const first = signers.find((signer) => signer.inBlock && !signer.signedAt);
  if (first?.state === 'ready') first.next = true;
  return { finalized: true, signers };
}
