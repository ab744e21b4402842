import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';
import forge from 'node-forge';
import { newSelfSignedCertificate } from '../signing/certificates';
import { ContributionError } from './contributionError';

// The key pairs of the regiomonitor: a school's, that signs its contributions,
// and a coordinator's, that contributions are encrypted for. Both are
// self-signed; the region trusts a school's key by its fingerprint, and a
// school knows the coordinator's by the fingerprint it was told.

/** A key pair as the databases keep it (contribution_key, region_key). */
export interface RegioKeyPair {
  certificatePem: string;
  /** PKCS#8 PEM, unencrypted: it is kept inside the encrypted database. */
  privateKeyPem: string;
  /** SHA-256 of the certificate, "AB:CD:…". */
  fingerprint: string;
  /** When the certificate expires (ISO moment). */
  notAfter: string;
}

/** A private key with its certificate, ready to sign or to open contributions. */
export interface RegioIdentity {
  privateKey: KeyObject;
  certificate: X509Certificate;
}

const KEY_USAGE_OID = '2.5.29.15';

/**
 * A new RSA 3072 key with a self-signed certificate (CN = name, O = organisation):
 * a school's signs (digitalSignature, nonRepudiation); a coordinator's also
 * receives encrypted contributions (keyEncipherment).
 */
export function newRegioKeyPair(input: {
  purpose: 'school' | 'coordinator';
  name: string;
  organisation?: string;
  now: Date;
  days?: number;
}): RegioKeyPair {
  const { privateKey, certificate } = newSelfSignedCertificate({
    name: input.name,
    organisation: input.organisation,
    now: input.now,
    // A region's schools are set up for its certificate once: it lasts five years (a school's own key ten).
    days: input.days ?? (input.purpose === 'coordinator' ? 5 * 365 : 10 * 365),
    encryption: input.purpose === 'coordinator',
  });
  const x509 = new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'));
  return {
    certificatePem: x509.toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    fingerprint: x509.fingerprint256,
    notAfter: new Date(x509.validTo).toISOString(),
  };
}

/** The identity behind a stored key pair; refuses a key that does not belong to the certificate. */
export function identityFromPems(certificatePem: string, privateKeyPem: string): RegioIdentity {
  let identity: RegioIdentity;
  try {
    identity = { certificate: new X509Certificate(certificatePem), privateKey: createPrivateKey(privateKeyPem) };
  } catch {
    throw new ContributionError('NOT_CERTIFICATE', 'The stored certificate or private key cannot be read.');
  }
  if (!identity.certificate.checkPrivateKey(identity.privateKey))
    throw new ContributionError('NOT_CERTIFICATE', 'The private key does not belong to the certificate.');
  return identity;
}

/** A certificate from a .pem/.crt/.cer file: PEM (the first certificate of a bundle) or DER. */
export function readCertificateFile(bytes: Uint8Array): X509Certificate {
  const pem = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(Buffer.from(bytes).toString('latin1'));
  try {
    if (pem) return new X509Certificate(pem[0]);
    if (bytes[0] === 0x30) return new X509Certificate(Buffer.from(bytes));
  } catch {
    // Falls through to the one message below: a damaged certificate is no certificate to the user.
  }
  throw new ContributionError('NOT_CERTIFICATE', 'The file is not an X.509 certificate (PEM or DER).');
}

/**
 * Whether contributions can be encrypted for this certificate: an RSA key that
 * its key usage (when stated) allows to encipher keys. A signing-only
 * certificate handed out by mistake is refused rather than used.
 */
export function canReceiveContributions(certificate: X509Certificate): boolean {
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') return false;
  const parsed = pkijs.Certificate.fromBER(certificate.raw);
  const keyUsage = parsed.extensions?.find((extension) => extension.extnID === KEY_USAGE_OID);
  if (!keyUsage) return true;
  const bits = (keyUsage.parsedValue as { valueBlock?: { valueHexView?: Uint8Array } } | undefined)?.valueBlock?.valueHexView;
  // Bit 2 of the KeyUsage BIT STRING (its first byte, most significant bit first) is keyEncipherment.
  return !!bits && bits.length > 0 && (bits[0] & 0x20) !== 0;
}
