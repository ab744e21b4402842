import fs from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/e2e/harness';
import { openssl, testKey, type TestKey } from '../../tests/fixtures/regio';
import { canReceiveContributions, identityFromPems, readCertificateFile } from './keyPairs';

const NOW = new Date('2026-11-25T09:00:00Z');

describe('regio key pairs', () => {
  let temp: ReturnType<typeof tempDir>;
  let school: TestKey;
  let coordinator: TestKey;

  beforeAll(() => {
    temp = tempDir();
    school = testKey(temp.dir, 'school', 'school', 'OBS De Regenboog', NOW);
    coordinator = testKey(temp.dir, 'coordinator', 'coordinator', 'Coördinator Regio Noord', NOW);
  });
  afterAll(() => temp.remove());

  it('makes RSA 3072 certificates that openssl reads: a school signs, a coordinator also receives', () => {
    const text = (pair: TestKey) => openssl('x509', '-noout', '-text', '-nameopt', 'utf8', '-in', pair.pem).toString();
    const schoolText = text(school);
    expect(schoolText).toMatch(/Public-Key: \(3072 bit\)/);
    expect(schoolText).toMatch(/Subject: CN ?= ?OBS De Regenboog, O ?= ?Stichting Primair/);
    expect(schoolText).toMatch(/Key Usage: *\n *Digital Signature, Non Repudiation\n/);
    const coordinatorText = text(coordinator);
    expect(coordinatorText).toMatch(/Subject: CN ?= ?Coördinator Regio Noord, O ?= ?Regio Noord/);
    expect(coordinatorText).toMatch(/Key Usage: *\n *Digital Signature, Key Encipherment\n/);
    expect(canReceiveContributions(coordinator.identity.certificate)).toBe(true);
    expect(canReceiveContributions(school.identity.certificate)).toBe(false);

    for (const pair of [school, coordinator]) {
      // The fingerprint is the one people compare with openssl's.
      const fingerprint = openssl('x509', '-noout', '-fingerprint', '-sha256', '-in', pair.pem).toString().trim().split('=')[1];
      expect(pair.fingerprint).toBe(fingerprint);
      expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(openssl('pkey', '-in', pair.key, '-pubout').toString()).toBe(openssl('x509', '-noout', '-pubkey', '-in', pair.pem).toString());
      // By default a coordinator's lasts five years, a school's own key ten.
      const years = pair === coordinator ? 5 : 10;
      expect(pair.notAfter).toBe(new Date(NOW.getTime() + years * 365 * 86_400_000).toISOString());
    }
  });

  it('refuses a key that does not belong to the certificate, and PEM text that is neither', () => {
    expect(() => identityFromPems(school.certificatePem, coordinator.privateKeyPem)).toThrow(
      expect.objectContaining({ code: 'NOT_CERTIFICATE' }),
    );
    expect(() => identityFromPems('garbage', school.privateKeyPem)).toThrow(expect.objectContaining({ code: 'NOT_CERTIFICATE' }));
    expect(() => identityFromPems(school.certificatePem, 'garbage')).toThrow(expect.objectContaining({ code: 'NOT_CERTIFICATE' }));
    expect(identityFromPems(school.certificatePem, school.privateKeyPem).certificate.fingerprint256).toBe(school.fingerprint);
  });

  it('reads a certificate file as PEM (the first of a bundle, after a key, with CRLF and BOM) or DER', () => {
    const der = openssl('x509', '-in', coordinator.pem, '-outform', 'DER');
    const crlfBom = `\ufeff${coordinator.certificatePem.replace(/\n/g, '\r\n')}`;
    const bundle = coordinator.certificatePem + school.certificatePem;
    const keyFirst = coordinator.privateKeyPem + coordinator.certificatePem;
    for (const bytes of [strToU8(coordinator.certificatePem), der, strToU8(crlfBom), strToU8(bundle), strToU8(keyFirst)])
      expect(readCertificateFile(bytes).fingerprint256).toBe(coordinator.fingerprint);
  });

  it('refuses a file that holds no certificate', () => {
    const p12 = temp.file('c.p12');
    openssl('pkcs12', '-export', '-inkey', coordinator.key, '-in', coordinator.pem, '-out', p12, '-passout', 'pass:geheim123');
    const cut = strToU8(coordinator.certificatePem.slice(0, 400) + '\n-----END CERTIFICATE-----\n');
    for (const bytes of [
      new Uint8Array(0),
      fs.readFileSync(p12),
      strToU8(coordinator.privateKeyPem),
      strToU8('Hallo'),
      cut,
      Uint8Array.of(0x30, 0x03, 1, 2, 3),
    ])
      expect(() => readCertificateFile(bytes)).toThrow(expect.objectContaining({ code: 'NOT_CERTIFICATE' }));
  });

  it('accepts as recipient an RSA certificate without key usage (openssl req -x509), not one with an EC key', () => {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      temp.file('plain.key'),
      '-out',
      temp.file('plain.pem'),
      '-subj',
      '/CN=Plain',
      '-days',
      '30',
      '-addext',
      'basicConstraints=CA:FALSE',
    );
    const plain = readCertificateFile(fs.readFileSync(temp.file('plain.pem')));
    expect(openssl('x509', '-noout', '-ext', 'keyUsage', '-in', temp.file('plain.pem')).toString()).toBe('');
    expect(canReceiveContributions(plain)).toBe(true);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fs.writeFileSync(temp.file('ec.key'), ec.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    openssl('req', '-x509', '-key', temp.file('ec.key'), '-out', temp.file('ec.pem'), '-subj', '/CN=EC', '-days', '30');
    expect(canReceiveContributions(readCertificateFile(fs.readFileSync(temp.file('ec.pem'))))).toBe(false);
  });
});
