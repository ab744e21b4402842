import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/*
 * PENDING — TO BE SWAPPED BY THE LEAD. A stand-in for the crypto helper's
 * core/regio/keyPairs.ts (branch regio-cms), with the same names and signature,
 * so the region services run and are tested before that branch is merged.
 * After the merge: replace every import of './keyPairsPending' by './keyPairs'
 * and delete this file.
 */

export interface RegioKeyPair {
  certificatePem: string;
  privateKeyPem: string;
  fingerprint: string;
  /** ISO moment */
  notAfter: string;
}

/** A new RSA key pair with a self-signed certificate for encrypting (coordinator) or signing (school) contributions. */
export function newRegioKeyPair(input: {
  purpose: 'school' | 'coordinator';
  name: string;
  organisation?: string;
  now: Date;
  days?: number;
}): RegioKeyPair {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = input.now;
  cert.validity.notAfter = new Date(input.now.getTime() + (input.days ?? (input.purpose === 'coordinator' ? 5 : 3) * 365) * 86_400_000);
  const subject = [
    { name: 'commonName', value: input.name },
    ...(input.organisation ? [{ name: 'organizationName', value: input.organisation }] : []),
  ].map((attribute) => ({ ...attribute, valueTagClass: forge.asn1.Type.UTF8 })) as unknown as forge.pki.CertificateField[];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(cert);
  const certificate = new X509Certificate(certificatePem);
  return {
    certificatePem,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    fingerprint: certificate.fingerprint256,
    notAfter: new Date(certificate.validTo).toISOString(),
  };
}

export interface RegioIdentity {
  privateKey: KeyObject;
  certificate: X509Certificate;
}

/** The key and certificate of a stored key pair, ready to decrypt or sign with. */
export function identityFromPems(certificatePem: string, privateKeyPem: string): RegioIdentity {
  return { privateKey: createPrivateKey(privateKeyPem), certificate: new X509Certificate(certificatePem) };
}
