import { X509Certificate } from 'node:crypto';
import type { Kysely } from 'kysely';
import forge from 'node-forge';
import type { DB, Row } from '../../../db/schema';
import { nowIso, type Clock } from '../../clock';
import { AppError } from '../../errors';
import { nlRegio as t } from '../../i18n/nlRegio';
import type { FileDialogs } from '../../ipc/fileDialogs';
import { checkNewPassphrase } from '../../passphrase/check';
import { identityFromPems, newRegioKeyPair, type RegioIdentity, type RegioKeyPair } from '../../regio/keyPairs';
import { certificateStatus } from '../../signing/certificateStatus';
import { readP12 } from '../../signing/certificates';
import { recordAudit } from '../audit';
import { certificateAppError } from '../certificates';
import { getRegion } from './region';

/** One line of an X.509 distinguished name as node prints it ("CN=…\nO=…"). */
function dnField(dn: string, key: string): string {
  for (const line of dn.split('\n')) {
    const at = line.indexOf('=');
    if (line.slice(0, at) === key) return line.slice(at + 1);
  }
  return '';
}

function keyInfo(row: Pick<Row<'regionKey'>, 'id' | 'certificatePem' | 'fingerprint' | 'active' | 'createdAt'>, now: Date) {
  const certificate = new X509Certificate(row.certificatePem);
  const validity = { notBefore: new Date(certificate.validFrom).toISOString(), notAfter: new Date(certificate.validTo).toISOString() };
  return {
    id: row.id,
    name: dnField(certificate.subject, 'CN'),
    organisation: dnField(certificate.subject, 'O'),
    fingerprint: row.fingerprint,
    ...validity,
    createdAt: row.createdAt,
    active: row.active === 1,
    status: certificateStatus(validity, now),
  };
}

/** The coordinator's key pairs (never a private key), newest first, and the active one. */
export async function listRegionKeys(db: Kysely<DB>, clock: Clock) {
  const rows = await db
    .selectFrom('regionKey')
    .select(['id', 'certificatePem', 'fingerprint', 'active', 'createdAt'])
    .orderBy('active', 'desc')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const keys = rows.map((row) => keyInfo(row, clock.now()));
  return { active: keys.find((key) => key.active) ?? null, keys };
}

/** Every key this region can decrypt with, the active one first: late files for an older key still open. */
export async function regionIdentities(db: Kysely<DB>): Promise<RegioIdentity[]> {
  const rows = await db
    .selectFrom('regionKey')
    .select(['certificatePem', 'privateKeyPem'])
    .orderBy('active', 'desc')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => identityFromPems(row.certificatePem, row.privateKeyPem));
}

/** Stores a key pair as the active one (an existing one with the same fingerprint becomes active again). */
async function activate(db: Kysely<DB>, keyPair: RegioKeyPair, clock: Clock): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('regionKey').set({ active: 0 }).execute();
    const existing = await trx.selectFrom('regionKey').select('id').where('fingerprint', '=', keyPair.fingerprint).executeTakeFirst();
    if (existing) {
      await trx.updateTable('regionKey').set({ active: 1 }).where('id', '=', existing.id).execute();
      return existing.id;
    }
    const { id } = await trx
      .insertInto('regionKey')
      .values({ ...keyPair, active: 1, createdAt: nowIso(clock) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

/** A new key pair for the coordinator, active from now on; schools need its new certificate. */
export async function createRegionKey(db: Kysely<DB>, name: string, clock: Clock): Promise<number> {
  const region = await getRegion(db);
  const keyPair = newRegioKeyPair({ purpose: 'coordinator', name, organisation: region.name, now: clock.now() });
  const id = await activate(db, keyPair, clock);
  await recordAudit(db, { action: 'region.key_create', entity: 'regionKey', entityId: id }, clock);
  return id;
}

/**
 * Takes in a coordinator's key from a .p12 (another computer's, or one IT made) as
 * the active key. It must be an RSA key of at least 2048 bits and valid today.
 */
export async function importRegionKey(db: Kysely<DB>, input: { p12: Uint8Array; passphrase: string }, clock: Clock): Promise<number> {
  await getRegion(db);
  let identity;
  try {
    identity = readP12(input.p12, input.passphrase);
  } catch (error) {
    throw certificateAppError(error);
  }
  const { privateKey, certificate } = identity;
  if ((privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new AppError('CERT_FILE', 'RSA key too small', t.key.notRsa);
  const status = certificateStatus(
    { notBefore: new Date(certificate.validFrom).toISOString(), notAfter: new Date(certificate.validTo).toISOString() },
    clock.now(),
  );
  if (status === 'expired' || status === 'notYetValid') throw new AppError('CERT_EXPIRED', status);
  const id = await activate(
    db,
    {
      certificatePem: certificate.toString(),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      fingerprint: certificate.fingerprint256,
      notAfter: new Date(certificate.validTo).toISOString(),
    },
    clock,
  );
  await recordAudit(db, { action: 'region.key_import', entity: 'regionKey', entityId: id }, clock);
  return id;
}

async function activeKeyRow(db: Kysely<DB>) {
  const row = await db.selectFrom('regionKey').selectAll().where('active', '=', 1).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no active region key');
  return row;
}

/** Saves the active certificate (public, PEM) for the schools to encrypt for; never the key. */
export async function exportRegionCertificate(db: Kysely<DB>, files: FileDialogs, clock: Clock): Promise<{ fileName: string | null }> {
  const region = await getRegion(db);
  const row = await activeKeyRow(db);
  const fileName = await files.save(t.key.pemFileName(fileSafe(region.name)), new TextEncoder().encode(row.certificatePem));
  if (fileName) await recordAudit(db, { action: 'export.region_certificate', entity: 'regionKey', entityId: row.id }, clock);
  return { fileName };
}

/** The active key pair as a .p12 under a passphrase judged like the database's own (`regio combine --key`). */
export async function regionKeyP12(db: Kysely<DB>, passphrase: string): Promise<{ id: number; bytes: Uint8Array }> {
  const region = await getRegion(db);
  const row = await activeKeyRow(db);
  await checkNewPassphrase(passphrase, [region.name, dnField(new X509Certificate(row.certificatePem).subject, 'CN')], 'passphrase');
  const key = forge.pki.privateKeyFromPem(row.privateKeyPem);
  const certificate = forge.pki.certificateFromPem(row.certificatePem);
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [certificate], passphrase, {
    algorithm: 'aes256',
    count: 10_000,
    friendlyName: region.name,
    generateLocalKeyId: true,
  });
  return { id: row.id, bytes: Uint8Array.from(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary')) };
}

/** Saves the active key pair as a .p12 through the save dialog; the export is logged. */
export async function exportRegionKey(
  db: Kysely<DB>,
  passphrase: string,
  files: FileDialogs,
  clock: Clock,
): Promise<{ fileName: string | null }> {
  const region = await getRegion(db);
  const { id, bytes } = await regionKeyP12(db, passphrase);
  const fileName = await files.save(t.key.p12FileName(fileSafe(region.name)), bytes);
  if (fileName) await recordAudit(db, { action: 'export.region_key', entity: 'regionKey', entityId: id }, clock);
  return { fileName };
}

/** A region name as part of a file name: characters no file system allows become a dash. */
function fileSafe(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001F<>:"/\\|?*\u007F]/g, '-').slice(0, 80);
}
