import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { fixedClock } from '../clock';
import { AppError } from '../errors';
import { nlRegioSchool } from '../i18n/nlRegioSchool';
import { NO_POLICY } from '../policy/policy';
import { newRegioKeyPair } from '../regio/keyPairs';
import { createCertificate, readP12 } from '../signing/certificates';
import { clearRegionCertificate, regionRecipient, setRegionCertificate } from './regioRecipient';
import { createSchool } from './schools';

const clock = fixedClock(E2E_NOW);

function coordinatorPem(options: { now?: Date; days?: number } = {}): string {
  return newRegioKeyPair({
    purpose: 'coordinator',
    name: 'Regio Noord',
    organisation: 'Stuurgroep Noord',
    now: options.now ?? clock.now(),
    days: options.days ?? 365,
  }).certificatePem;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the regiocoördinator's certificate of a school", () => {
  const temp = tempDir('mdo-regio-recipient-');
  let handle: OpenDatabase;
  let school: number;
  let other: number;
  const pem = coordinatorPem();

  beforeAll(async () => {
    handle = await openDatabase(temp.file('school.db'), { create: true });
    school = await createSchool(handle.db, { name: 'De Linde' }, clock);
    other = await createSchool(handle.db, { name: 'Het Anker' }, clock);
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('is chosen per school as PEM or DER, shown with its fingerprint, and forgotten again', async () => {
    const { db } = handle;
    expect(await regionRecipient(db, school, NO_POLICY, clock)).toBeNull();
    const chosen = await setRegionCertificate(db, school, new TextEncoder().encode(pem), NO_POLICY, clock);
    expect(chosen).toMatchObject({ source: 'school', name: 'Regio Noord', organisation: 'Stuurgroep Noord', status: 'valid' });
    expect(chosen.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await regionRecipient(db, school, NO_POLICY, clock)).toEqual(chosen);
    expect(await regionRecipient(db, other, NO_POLICY, clock)).toBeNull();

    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect((await setRegionCertificate(db, other, der, NO_POLICY, clock)).fingerprint).toBe(chosen.fingerprint);

    await clearRegionCertificate(db, school, NO_POLICY, clock);
    expect(await regionRecipient(db, school, NO_POLICY, clock)).toBeNull();
    const audit = await db
      .selectFrom('auditLog')
      .select(['action', 'schoolId', 'counts'])
      .where('action', '=', 'regio.certificate')
      .execute();
    expect(audit).toEqual([
      { action: 'regio.certificate', schoolId: school, counts: '{}' },
      { action: 'regio.certificate', schoolId: other, counts: '{}' },
      { action: 'regio.certificate', schoolId: school, counts: '{"certificatesRemoved":1}' },
    ]);
  });

  it('follows IT when the policy names the coordinator, and then cannot be changed', async () => {
    const { db } = handle;
    const policy = { ...NO_POLICY, regionCertificatePem: pem };
    expect(await regionRecipient(db, school, policy, clock)).toMatchObject({ source: 'policy', name: 'Regio Noord' });
    expect((await refusal(setRegionCertificate(db, school, new TextEncoder().encode(pem), policy, clock))).code).toBe('POLICY');
    expect((await refusal(clearRegionCertificate(db, school, policy, clock))).code).toBe('POLICY');
  });

  it('refuses files that cannot receive a contribution, each with its own Dutch message, and stores nothing', async () => {
    const { db } = handle;
    const refused = async (bytes: Uint8Array) => (await refusal(setRegionCertificate(db, school, bytes, NO_POLICY, clock))).userMessage;
    expect(await refused(new TextEncoder().encode('Geen certificaat'))).toBe(nlRegioSchool.errors.notACertificate);
    expect(await refused(new Uint8Array(0))).toBe(nlRegioSchool.errors.notACertificate);
    expect(await refused(new TextEncoder().encode(pem.slice(0, 200)))).toBe(nlRegioSchool.errors.notACertificate);
    const expired = coordinatorPem({ now: new Date(clock.now().getTime() - 400 * 86_400_000), days: 30 });
    expect(await refused(new TextEncoder().encode(expired))).toBe(nlRegioSchool.errors.notValidNow);
    // An elliptic-curve certificate (made by openssl, as some CAs issue them) cannot receive RSA-OAEP.
    const ec = temp.file('ec.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-subj',
        '/CN=Regio EC',
        '-days',
        '10',
        '-keyout',
        temp.file('ec.key'),
        '-out',
        ec,
      ],
      { stdio: 'ignore' },
    );
    expect(await refused(fs.readFileSync(ec))).toBe(nlRegioSchool.errors.notRsa);
    // A personal signing certificate (no keyEncipherment) is not a coordinator's.
    const signing = readP12(createCertificate({ name: 'Ilse', role: 'IB', organisation: '', passphrase: 'p', now: clock.now() }), 'p');
    expect(await refused(new TextEncoder().encode(signing.certificate.toString()))).toBe(nlRegioSchool.errors.notRsa);
    expect(await regionRecipient(db, school, NO_POLICY, clock)).toBeNull();
  });
});
