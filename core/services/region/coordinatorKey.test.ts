import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../../db/open';
import { tempDir } from '../../../tests/e2e/harness';
import { E2E_NOW } from '../../../tests/fixtures/demoDatabase';
import { folderDialogs } from '../../../tests/fixtures/folderDialogs';
import { fixedClock } from '../../clock';
import { newRegioKeyPair } from '../../regio/keyPairs';
import { createCertificate, readP12 } from '../../signing/certificates';
import {
  createRegionKey,
  exportRegionCertificate,
  exportRegionKey,
  importRegionKey,
  listRegionKeys,
  regionIdentities,
  regionKeyP12,
} from './coordinatorKey';
import { createRegion, regionInfo } from './region';

const clock = fixedClock(E2E_NOW);
const STRONG = 'paraplu kanarie bakfiets lepel';

/** A .p12 with a small RSA key, as an old tool might make: refused. */
function smallKeyP12(passphrase: string): Uint8Array {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2030-01-01T00:00:00Z');
  cert.setSubject([{ name: 'commonName', value: 'Klein' }]);
  cert.setIssuer([{ name: 'commonName', value: 'Klein' }]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des' });
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
}

describe("the coordinator's key", () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;
  let dialogs: ReturnType<typeof folderDialogs>;
  let firstFingerprint: string;

  beforeAll(async () => {
    temp = tempDir('mdo-region-key-');
    handle = await openDatabase(temp.file('region.db'), { create: true });
    const keyPair = newRegioKeyPair({
      purpose: 'coordinator',
      name: 'Sanne de Vries',
      organisation: 'Regio Noord-Kennemerland',
      now: clock.now(),
    });
    firstFingerprint = keyPair.fingerprint;
    await createRegion(handle.db, { name: 'Regio Noord-Kennemerland' }, keyPair, clock);
    dialogs = folderDialogs(temp.file('exports'));
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('shows the active certificate: who, fingerprint, valid until; never the private key', async () => {
    const { active, keys } = await listRegionKeys(handle.db, clock);
    expect(active).toEqual({
      id: 1,
      name: 'Sanne de Vries',
      organisation: 'Regio Noord-Kennemerland',
      fingerprint: firstFingerprint,
      notBefore: E2E_NOW,
      notAfter: expect.stringMatching(/^2031-11-2\dT/),
      createdAt: E2E_NOW,
      active: true,
      status: 'valid',
    });
    expect(keys).toEqual([active]);
    expect(JSON.stringify(await regionInfo(handle.db, clock, 0))).not.toContain('PRIVATE');
  });

  it('exports the certificate as .pem that openssl reads, with the same fingerprint and no key', async () => {
    expect(await exportRegionCertificate(handle.db, dialogs, clock)).toEqual({
      fileName: 'Certificaat coördinator Regio Noord-Kennemerland.pem',
    });
    const pem = fs.readFileSync(dialogs.saved.at(-1)!, 'utf8');
    expect(pem).not.toContain('PRIVATE KEY');
    expect(new X509Certificate(pem).fingerprint256).toBe(firstFingerprint);
    const text = execFileSync('openssl', ['x509', '-noout', '-subject', '-ext', 'keyUsage', '-in', dialogs.saved.at(-1)!]).toString();
    expect(text).toContain('Sanne de Vries');
    expect(text).toMatch(/Digital Signature, Key Encipherment/);
  });

  it('exports the key pair as .p12 only under a strong passphrase, readable by MDO and by openssl', async () => {
    await expect(regionKeyP12(handle.db, 'regio noord-kennemerland')).rejects.toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
    expect(await exportRegionKey(handle.db, STRONG, dialogs, clock)).toEqual({
      fileName: 'Sleutel coördinator Regio Noord-Kennemerland.p12',
    });
    const bytes = fs.readFileSync(dialogs.saved.at(-1)!);
    const identity = readP12(bytes, STRONG);
    expect(identity.certificate.fingerprint256).toBe(firstFingerprint);
    expect(identity.certificate.checkPrivateKey(identity.privateKey)).toBe(true);
    const opened = execFileSync('openssl', ['pkcs12', '-in', dialogs.saved.at(-1)!, '-nodes', '-passin', 'env:P12_PASS'], {
      env: { ...process.env, P12_PASS: STRONG },
    }).toString();
    expect(opened).toContain('BEGIN PRIVATE KEY');
    const actions = handle.sqlite.prepare(`SELECT action, entity_id FROM audit_log WHERE action LIKE 'export.region%' ORDER BY id`).all();
    expect(actions).toEqual([
      { action: 'export.region_certificate', entity_id: 1 },
      { action: 'export.region_key', entity_id: 1 },
    ]);
  });

  it('imports a .p12 as the active key and keeps the older ones to read late files', async () => {
    const p12 = createCertificate({ name: 'IT Regio', role: '', organisation: 'Regio', passphrase: 'geheim-12345', now: clock.now() });
    await expect(importRegionKey(handle.db, { p12, passphrase: 'fout' }, clock)).rejects.toMatchObject({ code: 'CERT_PASSPHRASE' });
    await expect(importRegionKey(handle.db, { p12: Uint8Array.from([1, 2, 3]), passphrase: 'x' }, clock)).rejects.toMatchObject({
      code: 'CERT_FILE',
    });
    await expect(importRegionKey(handle.db, { p12: smallKeyP12('klein'), passphrase: 'klein' }, clock)).rejects.toMatchObject({
      code: 'CERT_FILE',
    });
    const expired = createCertificate({
      name: 'Oud',
      role: '',
      organisation: '',
      passphrase: 'oud',
      now: new Date('2020-01-01T00:00:00Z'),
      days: 30,
    });
    await expect(importRegionKey(handle.db, { p12: expired, passphrase: 'oud' }, clock)).rejects.toMatchObject({ code: 'CERT_EXPIRED' });
    expect((await listRegionKeys(handle.db, clock)).keys).toHaveLength(1);

    const imported = await importRegionKey(handle.db, { p12, passphrase: 'geheim-12345' }, clock);
    const { active, keys } = await listRegionKeys(handle.db, clock);
    expect(active).toMatchObject({ id: imported, name: 'IT Regio', fingerprint: readP12(p12, 'geheim-12345').certificate.fingerprint256 });
    expect(keys.map((key) => [key.id, key.active])).toEqual([
      [imported, true],
      [1, false],
    ]);
    // The same file again makes that key active again, not a second copy.
    const made = await createRegionKey(handle.db, 'Sanne de Vries', clock);
    expect(await importRegionKey(handle.db, { p12, passphrase: 'geheim-12345' }, clock)).toBe(imported);
    expect((await listRegionKeys(handle.db, clock)).keys.map((key) => [key.id, key.active])).toEqual([
      [imported, true],
      [made, false],
      [1, false],
    ]);
    const identities = await regionIdentities(handle.db);
    expect(identities.map((identity) => identity.certificate.fingerprint256)).toEqual(
      (await listRegionKeys(handle.db, clock)).keys.map((key) => key.fingerprint),
    );
    expect(identities.every((identity) => identity.certificate.checkPrivateKey(identity.privateKey))).toBe(true);
  });
});
