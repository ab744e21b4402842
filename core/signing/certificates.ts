import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { xmlText } from '../documents/xmlText';

/** Why a certificate file could not be used; the caller turns it into a message. */
export class CertificateError extends Error {
  constructor(
    readonly code: 'NOT_P12' | 'WRONG_PASSPHRASE' | 'NO_KEY' | 'NOT_RSA' | 'EXPIRED' | 'NOT_YET_VALID',
    message: string,
  ) {
    super(message);
    this.name = 'CertificateError';
  }
}

/** A private key with its certificate (and the chain above it, if the .p12 held one). */
export interface SigningIdentity {
  privateKey: KeyObject;
  certificate: X509Certificate;
  chain: X509Certificate[];
}

/** What a person sees of a certificate: who, which role, valid when, and the fingerprint to compare. */
export interface CertificateSummary {
  name: string;
  role: string;
  organisation: string;
  issuer: string;
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by ':'. */
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  selfSigned: boolean;
}

const TITLE_OID = '2.5.4.12';

/** "AB:CD:…": the usual way certificate fingerprints are written, so people can compare them by eye. */
export function fingerprintOf(certificate: X509Certificate): string {
  return certificate.fingerprint256;
}

function field(dn: string, key: string): string {
  for (const line of dn.split('\n')) {
    const at = line.indexOf('=');
    if (line.slice(0, at) === key) return line.slice(at + 1);
  }
  return '';
}

export function summarize(certificate: X509Certificate): CertificateSummary {
  return {
    name: field(certificate.subject, 'CN'),
    role: field(certificate.subject, 'title'),
    organisation: field(certificate.subject, 'O'),
    issuer: field(certificate.issuer, 'CN') || certificate.issuer.replace(/\n/g, ', '),
    fingerprint: fingerprintOf(certificate),
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: new Date(certificate.validTo).toISOString(),
    selfSigned: certificate.subject === certificate.issuer,
  };
}

/** Who a new self-signed certificate is for, from when, and what its key may do. */
export interface CertificateSubject {
  name: string;
  role?: string;
  organisation?: string;
  /** When the certificate starts to be valid. */
  now: Date;
  /** Validity in days; three school years by default. */
  days?: number;
  /** keyEncipherment besides signing: the key opens files encrypted for it (a coordinator's). */
  encryption?: boolean;
}

export interface NewCertificate extends CertificateSubject {
  role: string;
  organisation: string;
  passphrase: string;
}

/** A fresh RSA 3072 key with a self-signed SHA-256 certificate for it (forge's form, for the .p12 and PEM writers). */
export function newSelfSignedCertificate(input: CertificateSubject): {
  privateKey: KeyObject;
  forgeKey: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
} {
  // Node generates the RSA key natively (fast); forge only assembles the certificate.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial number: the high bit of the first byte is cleared.
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = input.now;
  cert.validity.notAfter = new Date(input.now.getTime() + (input.days ?? 3 * 365) * 86_400_000);
  // The names are written into every signature's XML (X509IssuerName) and the verslag's signature
  // block: only what XML can hold goes into the certificate, so it can sign a well-formed document.
  const [name, role, organisation] = [input.name, input.role ?? '', input.organisation ?? ''].map(xmlText);
  const subject = [
    { name: 'commonName', value: name },
    ...(role ? [{ type: TITLE_OID, value: role }] : []),
    ...(organisation ? [{ name: 'organizationName', value: organisation }] : []),
  ];
  cert.setSubject(
    subject.map((attribute) => ({ ...attribute, valueTagClass: forge.asn1.Type.UTF8 })) as unknown as forge.pki.CertificateField[],
  );
  cert.setIssuer(cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    input.encryption
      ? { name: 'keyUsage', digitalSignature: true, keyEncipherment: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { privateKey, forgeKey: key, certificate: cert };
}

/**
 * A personal, self-signed signing certificate in a passphrase-protected
 * PKCS#12 file that Windows, macOS and LibreOffice can import (with
 * `encryption`: a region coordinator's, which also receives contributions).
 */
export function createCertificate(input: NewCertificate): Uint8Array {
  const { forgeKey: key, certificate: cert } = newSelfSignedCertificate(input);
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], input.passphrase, {
    algorithm: 'aes256',
    // Five times OpenSSL's default; forge derives keys in JavaScript, so more would make opening slow.
    count: 10_000,
    friendlyName: xmlText(input.name),
    generateLocalKeyId: true,
  });
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
}

/** Opens a .p12/.pfx with its passphrase; throws CertificateError with a reason a person can act on. */
export function readP12(bytes: Uint8Array, passphrase: string): SigningIdentity {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
  } catch {
    throw new CertificateError('NOT_P12', 'The file is not a PKCS#12 (.p12/.pfx) certificate file.');
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/password|MAC|decrypt|Invalid/i.test(message))
      throw new CertificateError('WRONG_PASSPHRASE', 'The certificate passphrase is wrong.');
    throw new CertificateError('NOT_P12', 'The file is not a PKCS#12 (.p12/.pfx) certificate file.');
  }
  const keyBag = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ][0];
  if (!keyBag) throw new CertificateError('NO_KEY', 'The certificate file holds no private key.');
  if (!keyBag.key) throw new CertificateError('NOT_RSA', 'Only RSA keys can sign OOXML documents here.');
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(keyBag.key));
  const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .filter((bag) => bag.cert)
    .map((bag) => new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert!)).getBytes(), 'binary')));
  const certificate = certificates.find((candidate) => candidate.checkPrivateKey(privateKey));
  if (!certificate) throw new CertificateError('NO_KEY', 'The certificate file holds no certificate for its private key.');
  return { privateKey, certificate, chain: certificates.filter((candidate) => candidate !== certificate) };
}

/** Refuses to sign with a certificate that is not valid at `at`. */
export function assertValidAt(certificate: X509Certificate, at: Date): void {
  if (at < new Date(certificate.validFrom)) throw new CertificateError('NOT_YET_VALID', 'The certificate is not valid yet.');
  if (at > new Date(certificate.validTo))
    throw new CertificateError('EXPIRED', `The certificate expired on ${new Date(certificate.validTo).toISOString().slice(0, 10)}.`);
}
