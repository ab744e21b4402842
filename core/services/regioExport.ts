import { X509Certificate } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, IsoDate } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { AppError } from '../errors';
import { nlRegioSchool as t } from '../i18n/nlRegioSchool';
import type { FileDialogs } from '../ipc/fileDialogs';
import type { MachinePolicy } from '../policy/policy';
import { canSign } from '../signing/certificateStatus';
import type { Contribution } from '../regio/contribution';
import { buildContribution } from '../regio/contributionData';
import { writeContributionFile } from '../regio/contributionFile';
import { contributionTables } from '../regio/contributionTables';
import { identityFromPems, newRegioKeyPair, type RegioIdentity } from '../regio/keyPairs';
import { recordAudit } from './audit';
import { regionCertificatePem, regionRecipient } from './regioRecipient';

// A school's regiobijdrage: the preview the IB reads before saving, and the
// file itself, signed with the school's own contribution key and encrypted
// for the regiocoördinator.

export interface ContributionRequest {
  schoolId: number;
  from: IsoDate;
  to: IsoDate;
}

/** What the file will hold and for whom: shown before anything is written. */
export async function contributionPreview(
  db: Kysely<DB>,
  request: ContributionRequest,
  policy: MachinePolicy,
  clock: Clock,
  appVersion: string,
) {
  const contribution = await buildContribution(db, request, clock, appVersion);
  return {
    recipient: await regionRecipient(db, request.schoolId, policy, clock),
    schoolName: contribution.school.name,
    period: contribution.period,
    tables: contributionTables(contribution),
  };
}

/**
 * The school's key that signs its contributions: made on the first export and
 * kept in the (encrypted) database, so every later file carries the same
 * fingerprint the coordinator confirmed once.
 */
export async function contributionKey(db: Kysely<DB>, schoolId: number, clock: Clock): Promise<RegioIdentity> {
  const stored = await db.selectFrom('contributionKey').selectAll().where('schoolId', '=', schoolId).executeTakeFirst();
  if (stored) return identityFromPems(stored.certificatePem, stored.privateKeyPem);
  const school = await db.selectFrom('school').select('name').where('id', '=', schoolId).executeTakeFirst();
  if (!school) throw new AppError('NOT_FOUND', 'school');
  // Valid for ten years: a school's signing key for counts, replaced only when the school asks.
  const pair = newRegioKeyPair({ purpose: 'school', name: school.name, organisation: school.name, now: clock.now(), days: 3650 });
  await db
    .insertInto('contributionKey')
    .values({
      schoolId,
      certificatePem: pair.certificatePem,
      privateKeyPem: pair.privateKeyPem,
      fingerprint: pair.fingerprint,
      createdAt: nowIso(clock),
    })
    .onConflict((oc) => oc.column('schoolId').doNothing())
    .execute();
  const row = await db.selectFrom('contributionKey').selectAll().where('schoolId', '=', schoolId).executeTakeFirstOrThrow();
  return identityFromPems(row.certificatePem, row.privateKeyPem);
}

/** The fingerprint of the school's own signing key, for the IB to confirm to the coordinator; null before the first export. */
export async function contributionKeyFingerprint(db: Kysely<DB>, schoolId: number): Promise<string | null> {
  const row = await db.selectFrom('contributionKey').select('fingerprint').where('schoolId', '=', schoolId).executeTakeFirst();
  return row?.fingerprint ?? null;
}

/** The coordinator's certificate to encrypt for, refused with a Dutch message when missing or not valid now. */
async function recipientFor(db: Kysely<DB>, schoolId: number, policy: MachinePolicy, clock: Clock): Promise<X509Certificate> {
  const found = await regionCertificatePem(db, schoolId, policy);
  if (!found) throw new AppError('REGION_CERT', 'no recipient', t.errors.noRecipient);
  const recipient = await regionRecipient(db, schoolId, policy, clock);
  if (!recipient || !canSign(recipient.status)) throw new AppError('REGION_CERT', 'recipient not valid now', t.errors.notValidNow);
  return new X509Certificate(found.pem);
}

/** The file's bytes and its content, signed by `signer` (the school's own key unless a personal certificate is given). */
export async function contributionFile(
  db: Kysely<DB>,
  request: ContributionRequest,
  recipient: X509Certificate,
  clock: Clock,
  appVersion: string,
  signer?: RegioIdentity,
): Promise<{ bytes: Uint8Array; contribution: Contribution }> {
  const contribution = await buildContribution(db, request, clock, appVersion);
  const identity = signer ?? (await contributionKey(db, request.schoolId, clock));
  return { bytes: await writeContributionFile(contribution, identity, recipient), contribution };
}

/** Saves the school's contribution through the save dialog; the audit log records only that it happened. */
export async function exportContribution(
  db: Kysely<DB>,
  request: ContributionRequest,
  files: FileDialogs,
  policy: MachinePolicy,
  clock: Clock,
  appVersion: string,
): Promise<{ fileName: string | null }> {
  const recipient = await recipientFor(db, request.schoolId, policy, clock);
  const { bytes, contribution } = await contributionFile(db, request, recipient, clock, appVersion);
  const fileName = await files.save(t.fileName(contribution.school.name, request.from, request.to), bytes);
  if (fileName)
    await recordAudit(db, { action: 'export.regio', entity: 'school', entityId: request.schoolId, schoolId: request.schoolId }, clock);
  return { fileName };
}
