import { X509Certificate } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { nlRegioSchool as t } from '../i18n/nlRegioSchool';
import type { MachinePolicy } from '../policy/policy';
import { certificateStatus, type CertificateStatus } from '../signing/certificateStatus';
import { summarize } from '../signing/certificates';
import { canReceiveContributions } from '../regio/keyPairs';
import { recordAudit } from './audit';

// The regiocoördinator a school's contributions are encrypted for: IT's policy
// when it names one (then the school cannot change it), else the certificate
// the IB chose in Schoolprofiel, kept per school.

/** What the IB sees of the coordinator's certificate, to compare the fingerprint by eye. */
export interface RegionRecipient {
  source: 'policy' | 'school';
  name: string;
  organisation: string;
  /** SHA-256 of the DER certificate, "AB:CD:…". */
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  status: CertificateStatus;
}

const settingKey = (schoolId: number) => `regio.certificate.${schoolId}`;

function describe(pem: string, source: RegionRecipient['source'], clock: Clock): RegionRecipient {
  const facts = summarize(new X509Certificate(pem));
  return {
    source,
    name: facts.name,
    organisation: facts.organisation,
    fingerprint: facts.fingerprint,
    notBefore: facts.notBefore,
    notAfter: facts.notAfter,
    status: certificateStatus(facts, clock.now()),
  };
}

/** The coordinator's certificate as PEM for this school, or null when none is set. */
export async function regionCertificatePem(
  db: Kysely<DB>,
  schoolId: number,
  policy: MachinePolicy,
): Promise<{ pem: string; source: RegionRecipient['source'] } | null> {
  if (policy.regionCertificatePem) return { pem: policy.regionCertificatePem, source: 'policy' };
  const row = await db.selectFrom('setting').select('value').where('key', '=', settingKey(schoolId)).executeTakeFirst();
  return row ? { pem: row.value, source: 'school' } : null;
}

/** The coordinator as the School settings screen and the export preview show it. */
export async function regionRecipient(
  db: Kysely<DB>,
  schoolId: number,
  policy: MachinePolicy,
  clock: Clock,
): Promise<RegionRecipient | null> {
  const found = await regionCertificatePem(db, schoolId, policy);
  return found ? describe(found.pem, found.source, clock) : null;
}

/**
 * Reads a coordinator certificate the IB chose (PEM or DER, .pem/.cer/.crt).
 * Refused: anything but an RSA certificate that may encrypt (RSA-OAEP needs one), and
 * a certificate outside its validity, since no contribution could be made for it.
 */
export function readRegionCertificate(bytes: Uint8Array, clock: Clock): string {
  let certificate: X509Certificate;
  try {
    const text = Buffer.from(bytes).toString('latin1');
    const pem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
    certificate = new X509Certificate(pem ?? Buffer.from(bytes));
  } catch {
    throw new AppError('REGION_CERT', 'not a certificate', t.errors.notACertificate);
  }
  if (!canReceiveContributions(certificate)) throw new AppError('REGION_CERT', 'cannot encrypt', t.errors.notRsa);
  const status = certificateStatus(summarize(certificate), clock.now());
  if (status === 'expired' || status === 'notYetValid') throw new AppError('REGION_CERT', status, t.errors.notValidNow);
  return certificate.toString();
}

/** Stores the coordinator's certificate for a school; refused when IT's policy fixes it. */
export async function setRegionCertificate(
  db: Kysely<DB>,
  schoolId: number,
  bytes: Uint8Array,
  policy: MachinePolicy,
  clock: Clock,
): Promise<RegionRecipient> {
  if (policy.regionCertificatePem) throw new AppError('POLICY', 'regionCertificate');
  const pem = readRegionCertificate(bytes, clock);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('setting')
      .values({ key: settingKey(schoolId), value: pem })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: pem }))
      .execute();
    await recordAudit(trx, { action: 'regio.certificate', entity: 'school', entityId: schoolId, schoolId }, clock);
  });
  return describe(pem, 'school', clock);
}

/** Forgets the school's choice (IT's policy, when there is one, stays). */
export async function clearRegionCertificate(db: Kysely<DB>, schoolId: number, policy: MachinePolicy, clock: Clock): Promise<void> {
  if (policy.regionCertificatePem) throw new AppError('POLICY', 'regionCertificate');
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('setting').where('key', '=', settingKey(schoolId)).executeTakeFirst();
    if (removed.numDeletedRows > 0n)
      await recordAudit(
        trx,
        { action: 'regio.certificate', entity: 'school', entityId: schoolId, schoolId, counts: { certificatesRemoved: 1 } },
        clock,
      );
  });
}
