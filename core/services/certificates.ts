import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { AppError } from '../errors';
import { recordAudit } from './audit';
import { CertificateError, createCertificate, readP12, summarize, type SigningIdentity } from '../signing/certificates';
import { type X509Certificate } from 'node:crypto';
import { canSign, certificateStatus } from '../signing/certificateStatus';
import { formatShortDate } from '../i18n/formatDate';
import { nl } from '../i18n/nl';

/** The public facts of the school's signing certificates (never the key or the .p12), each with its status at the clock's now. */
export async function listCertificates(db: Kysely<DB>, schoolId: number, clock: Clock) {
  const now = clock.now();
  const rows = await db
    .selectFrom('certificate')
    .leftJoin('member', 'member.id', 'certificate.memberId')
    .select([
      'certificate.id',
      'certificate.memberId',
      'member.name as memberName',
      'certificate.name',
      'certificate.role',
      'certificate.organisation',
      'certificate.issuer',
      'certificate.fingerprint',
      'certificate.fingerprintSha1',
      'certificate.notBefore',
      'certificate.notAfter',
      'certificate.source',
    ])
    .where('certificate.schoolId', '=', schoolId)
    .orderBy('certificate.createdAt', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, status: certificateStatus(row, now) }));
}

/** Maps a certificate problem to the code whose Dutch message the user sees. */
export function certificateAppError(error: unknown): unknown {
  if (!(error instanceof CertificateError)) return error;
  const code =
    error.code === 'WRONG_PASSPHRASE'
      ? 'CERT_PASSPHRASE'
      : error.code === 'EXPIRED' || error.code === 'NOT_YET_VALID'
        ? 'CERT_EXPIRED'
        : 'CERT_FILE';
  return new AppError(code, error.code);
}

async function store(
  db: Kysely<DB>,
  schoolId: number,
  memberId: number | null,
  p12: Uint8Array,
  source: 'created' | 'imported',
  certificate: X509Certificate,
  clock: Clock,
) {
  const facts = summarize(certificate);
  const duplicate = await db
    .selectFrom('certificate')
    .select('id')
    .where('schoolId', '=', schoolId)
    .where('fingerprint', '=', facts.fingerprint)
    .executeTakeFirst();
  if (duplicate) throw new AppError('CONFLICT', 'certificate already present');
  const stamp = nowIso(clock);
  const row = await db
    .insertInto('certificate')
    .values({
      schoolId,
      memberId,
      name: facts.name,
      role: facts.role,
      organisation: facts.organisation,
      issuer: facts.issuer,
      fingerprint: facts.fingerprint,
      fingerprintSha1: certificate.fingerprint,
      notBefore: facts.notBefore,
      notAfter: facts.notAfter,
      source,
      p12,
      createdAt: stamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(
    db,
    { action: `certificate.${source === 'created' ? 'create' : 'import'}`, entity: 'certificate', entityId: row.id, schoolId },
    clock,
  );
  return row.id;
}

/** Creates a personal signing certificate for a kernteam member: their name, role and school, protected by their passphrase. */
export async function createMemberCertificate(db: Kysely<DB>, input: { memberId: number; passphrase: string }, clock: Clock) {
  const member = await db
    .selectFrom('member')
    .innerJoin('role', 'role.id', 'member.roleId')
    .innerJoin('school', 'school.id', 'member.schoolId')
    .select(['member.name', 'member.schoolId', 'role.name as roleName', 'school.name as schoolName'])
    .where('member.id', '=', input.memberId)
    .executeTakeFirst();
  if (!member) throw new AppError('NOT_FOUND', 'member');
  const p12 = createCertificate({
    name: member.name,
    role: member.roleName,
    organisation: member.schoolName,
    passphrase: input.passphrase,
    now: clock.now(),
  });
  const { certificate } = readP12(p12, input.passphrase);
  return { id: await store(db, member.schoolId, input.memberId, p12, 'created', certificate, clock) };
}

/** Imports a .p12/.pfx from the school's PKI after checking the passphrase opens it. */
export async function importCertificate(
  db: Kysely<DB>,
  input: { schoolId: number; memberId: number | null; p12: Uint8Array; passphrase: string },
  clock: Clock,
) {
  let identity: SigningIdentity;
  try {
    identity = readP12(input.p12, input.passphrase);
  } catch (error) {
    throw certificateAppError(error);
  }
  return { id: await store(db, input.schoolId, input.memberId, input.p12, 'imported', identity.certificate, clock) };
}

/** Refuses a stored certificate that cannot sign today, before its passphrase is tried; the message names its holder and the date. */
export async function assertCertificateUsable(db: Kysely<DB>, certificateId: number, clock: Clock, who?: string): Promise<void> {
  const row = await db
    .selectFrom('certificate')
    .select(['name', 'notBefore', 'notAfter'])
    .where('id', '=', certificateId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'certificate');
  const status = certificateStatus(row, clock.now());
  if (canSign(status)) return;
  const reason =
    status === 'notYetValid'
      ? nl.signing.state.notYetValid(formatShortDate(row.notBefore))
      : nl.signing.state.expired(formatShortDate(row.notAfter));
  throw new AppError('CERT_EXPIRED', status, nl.signing.line(who ?? row.name, reason));
}

/** Opens a stored certificate for one signing; the passphrase is used and forgotten. */
export async function unlockCertificate(db: Kysely<DB>, certificateId: number, passphrase: string): Promise<SigningIdentity> {
  const row = await db.selectFrom('certificate').select(['p12', 'fingerprintSha1']).where('id', '=', certificateId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'certificate');
  let identity: SigningIdentity;
  try {
    identity = readP12(row.p12, passphrase);
  } catch (error) {
    throw certificateAppError(error);
  }
  // Stored before migration 009: now that it is open, its SHA-1 can be shown to the IB from here on.
  if (row.fingerprintSha1 === null)
    await db
      .updateTable('certificate')
      .set({ fingerprintSha1: identity.certificate.fingerprint })
      .where('id', '=', certificateId)
      .execute();
  return identity;
}
