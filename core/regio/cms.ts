import { createHash, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ContributionError } from './contributionError';
import { canReceiveContributions, type RegioIdentity } from './keyPairs';

export { ContributionError, type ContributionErrorCode } from './contributionError';

// The regiobijdrage on the wire: CMS (RFC 5652) SignedData inside
// EnvelopedData, so that standard tools open it:
//   openssl cms -decrypt -inkey coordinator.key -recip coordinator.pem -in FILE -out inner.der
//   openssl cms -verify -inform DER -in inner.der -CAfile school.pem -out content.json
// The school signs (RSASSA-PKCS1-v1_5, SHA-256; contentType, messageDigest,
// signingTime and an ESS signing-certificate-v2 attribute that binds its
// certificate) and encrypts for the coordinator (RSA-OAEP with SHA-256 and
// MGF1-SHA-256; AES-256-CBC, which is what `openssl cms -encrypt -aes256` makes).
// The encrypted content is the DER ContentInfo of the SignedData, the form
// `openssl cms -verify` reads after `-decrypt`; reading, a bare SignedData and
// an id-data envelope around a signed DER file (openssl's own way) are accepted too.

const engine = new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto });
pkijs.setEngine('node-webcrypto', engine);

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaesOaep: '1.2.840.113549.1.1.7',
  mgf1: '1.2.840.113549.1.1.8',
  pSpecified: '1.2.840.113549.1.1.9',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  md5: '1.2.840.113549.2.5',
  subjectKeyIdentifier: '2.5.29.14',
} as const;

/** The digests a signature may use; node:crypto's names. */
const SIGNATURE_DIGESTS: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };
/** OAEP hashes that webcrypto implements (SHA-1 is still sound inside OAEP; openssl's default with rsa_padding_mode:oaep). */
const OAEP_HASHES: Record<string, string> = {
  [OID.sha1]: 'SHA-1',
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};
/** AES-CBC with 128, 192 and 256-bit keys. */
const AES_CBC = new Set(['2.16.840.1.101.3.4.1.2', '2.16.840.1.101.3.4.1.22', '2.16.840.1.101.3.4.1.42']);
/** Content encryption openssl offers besides AES-CBC (3DES, DES, RC2, AES-GCM, Camellia): standard, just not a contribution's. */
const OTHER_CIPHERS = new Set([
  '1.2.840.113549.3.7',
  '1.3.14.3.2.7',
  '1.2.840.113549.3.2',
  '2.16.840.1.101.3.4.1.6',
  '2.16.840.1.101.3.4.1.26',
  '2.16.840.1.101.3.4.1.46',
  '1.2.392.200011.61.1.1.1.2',
  '1.2.392.200011.61.1.1.1.3',
  '1.2.392.200011.61.1.1.1.4',
]);

/** Far above any real contribution (kilobytes); keeps a huge file from being read into memory twice. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** What an opened contribution holds: the signed content, who signed it and which of our keys opened it. */
export interface OpenedEnvelope {
  content: Uint8Array;
  signer: X509Certificate;
  /** SHA-256 fingerprint of the coordinator certificate the file was encrypted for. */
  recipientFingerprint: string;
}

/**
 * Signs `content` as the school and encrypts it for the coordinator; returns
 * S/MIME text, the default format of `openssl cms`.
 */
export async function sealContribution(
  content: Uint8Array,
  signer: RegioIdentity,
  recipient: X509Certificate,
  signingTime: Date = new Date(),
): Promise<Uint8Array> {
  if (!canReceiveContributions(recipient))
    throw new ContributionError(
      'NOT_CERTIFICATE',
      'The recipient certificate cannot receive contributions: it needs an RSA key that may be used for encryption (keyEncipherment).',
    );
  if (signer.privateKey.asymmetricKeyType !== 'rsa')
    throw new ContributionError('NOT_CERTIFICATE', 'Only an RSA key can sign a contribution.');
  const signed = await signedContentInfo(content, signer, signingTime);

  const envelope = new pkijs.EnvelopedData({ disableSplit: true });
  envelope.addRecipientByCertificate(pkijs.Certificate.fromBER(recipient.raw), {}, 1, engine);
  // RSA-OAEP with SHA-256 and MGF1-SHA-256, the hash identifiers without parameters (RFC 4055), as openssl writes them.
  const keyTransport = envelope.recipientInfos[0].value as pkijs.KeyTransRecipientInfo;
  keyTransport.keyEncryptionAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaesOaep, algorithmParams: oaepSha256Params() });
  await envelope.encrypt({ name: 'AES-CBC', length: 256 } as AesKeyGenParams, toArrayBuffer(signed), engine);
  envelope.encryptedContentInfo.contentType = OID.signedData;
  // RFC 5652 6.1: version 0 when there is no originator info, no unprotected attributes and only version-0 recipients.
  envelope.version = 0;
  const der = new pkijs.ContentInfo({ contentType: OID.envelopedData, content: envelope.toSchema() }).toSchema().toBER(false);
  return smimeText(new Uint8Array(der));
}

/**
 * Decrypts a contribution with whichever of `keys` it was encrypted for and
 * checks the school's signature; accepts S/MIME text, PEM and DER. Throws
 * ContributionError (NOT_CMS, NOT_FOR_US, TAMPERED, NOT_CONTRIBUTION).
 */
export async function openContribution(bytes: Uint8Array, keys: readonly RegioIdentity[]): Promise<OpenedEnvelope> {
  // Parsers of hostile input may throw anything; what escapes a stage is that stage's refusal.
  const { envelope, index, key } = await stage('NOT_CMS', 'The CMS envelope is damaged.', () => {
    const envelope = parseEnvelope(containerDer(bytes));
    const recipient = findRecipient(envelope, keys);
    checkAlgorithms(envelope.recipientInfos[recipient.index].value as pkijs.KeyTransRecipientInfo, envelope.encryptedContentInfo);
    return { envelope, ...recipient };
  });
  let plain: ArrayBuffer;
  try {
    plain = await envelope.decrypt(index, { recipientPrivateKey: pkcs8(key.privateKey) }, engine);
  } catch {
    throw new ContributionError('TAMPERED', 'The file cannot be decrypted: it was changed or damaged after it was made.');
  }
  const { content, signer } = await stage('TAMPERED', 'The signed content is damaged.', () => {
    const { signedData, certificates } = innerSignedData(new Uint8Array(plain), envelope.encryptedContentInfo.contentType);
    return verifySignedData(signedData, certificates);
  });
  return { content, signer, recipientFingerprint: key.certificate.fingerprint256 };
}

async function stage<T>(code: ContributionError['code'], message: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ContributionError) throw error;
    throw new ContributionError(code, message);
  }
}

// --- Writing -------------------------------------------------------------------------------------

async function signedContentInfo(content: Uint8Array, signer: RegioIdentity, signingTime: Date): Promise<Uint8Array> {
  const certificate = pkijs.Certificate.fromBER(signer.certificate.raw);
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [timeValue(signingTime)] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha('sha256', content) })] }),
    // ESS signing-certificate-v2 (RFC 5035): ESSCertIDv2 with its default hash, SHA-256, so the algorithm is left out.
    new pkijs.Attribute({
      type: OID.signingCertificateV2,
      values: [
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({
              value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha('sha256', signer.certificate.raw) })] })],
            }),
          ],
        }),
      ],
    }),
  ];
  // DER orders a SET OF by encoding; openssl re-encodes signed attributes before it checks the signature.
  const sorted = attributes
    .map((attribute) => ({ attribute, der: Buffer.from(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ attribute }) => attribute);
  const encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: OID.data });
  // Set after construction: the constructor would split the content into a BER constructed OCTET STRING.
  encapContentInfo.eContent = new asn1js.OctetString({ valueHex: toArrayBuffer(content) });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo,
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted }),
      }),
    ],
    certificates: [certificate],
  });
  const key = await webcrypto.subtle.importKey('pkcs8', pkcs8(signer.privateKey), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  await signedData.sign(key as unknown as CryptoKey, 0, 'SHA-256', undefined, engine);
  // Outside the signed attributes, so set after signing: SHA-2 identifiers without parameters (RFC 5754 2),
  // sha256WithRSAEncryption with NULL ones (RFC 4055 5).
  const sha256 = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  signedData.digestAlgorithms = [sha256()];
  signedData.signerInfos[0].digestAlgorithm = sha256();
  signedData.signerInfos[0].signatureAlgorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: signedData.signerInfos[0].signatureAlgorithm.algorithmId,
    algorithmParams: new asn1js.Null(),
  });
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

function oaepSha256Params(): asn1js.Sequence {
  const sha256 = () => new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.sha256 })] });
  const explicit = (tagNumber: number, value: asn1js.AsnType) =>
    new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber }, value: [value] });
  return new asn1js.Sequence({
    value: [
      explicit(0, sha256()),
      explicit(1, new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.mgf1 }), sha256()] })),
    ],
  });
}

/** RFC 5652 11.3: UTCTime from 1950 to 2049, GeneralizedTime otherwise. */
function timeValue(at: Date): asn1js.AsnType {
  const year = at.getUTCFullYear();
  return year >= 1950 && year < 2050 ? new asn1js.UTCTime({ valueDate: at }) : new asn1js.GeneralizedTime({ valueDate: at });
}

/** The S/MIME form `openssl cms -encrypt` writes: MIME headers, then base64 in lines of 64. */
function smimeText(der: Uint8Array): Uint8Array {
  const base64 = Buffer.from(der).toString('base64');
  const lines = [
    'MIME-Version: 1.0',
    'Content-Disposition: attachment; filename="smime.p7m"',
    'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"',
    'Content-Transfer-Encoding: base64',
    '',
  ];
  for (let at = 0; at < base64.length; at += 64) lines.push(base64.slice(at, at + 64));
  // CRLF, the canonical line end of MIME; openssl reads it as well as LF.
  return new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'ascii'));
}

// --- Reading the container -----------------------------------------------------------------------

function notCms(message: string): ContributionError {
  return new ContributionError('NOT_CMS', message);
}

/** The DER (or BER) bytes inside S/MIME text, PEM or a binary file. */
function containerDer(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw notCms('The file is empty.');
  if (bytes.length > MAX_FILE_BYTES) throw notCms('The file is far too large to be a contribution.');
  if (bytes[0] === 0x30) return bytes;
  let text = Buffer.from(bytes).toString('latin1');
  if (text.startsWith('\u00ef\u00bb\u00bf')) text = text.slice(3);
  if (/[^\t\n\r\x20-\x7e]/.test(text)) throw notCms('The file is not a CMS message (neither DER, PEM nor S/MIME text).');
  const pem = /-----BEGIN (CMS|PKCS7)-----\r?\n([^-]*)-----END \1-----/.exec(text);
  if (pem) return strictBase64(pem[2]);
  if (text.includes('-----BEGIN ')) throw notCms('The PEM file holds no CMS message (a certificate or a key?).');
  return smimeBody(text);
}

function smimeBody(text: string): Uint8Array {
  const blank = /\r?\n\r?\n/.exec(text);
  if (!blank) throw notCms('The file is not a CMS message (neither DER, PEM nor S/MIME text).');
  const headers = new Map<string, string>();
  for (const line of text
    .slice(0, blank.index)
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)) {
    const header = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line);
    if (!header) throw notCms('The file is not a CMS message (neither DER, PEM nor S/MIME text).');
    headers.set(header[1].toLowerCase(), header[2].trim());
  }
  if (!/^application\/(x-)?pkcs7-mime\s*(;|$)/i.test(headers.get('content-type') ?? ''))
    throw notCms('The S/MIME text holds no CMS message (Content-Type is not application/pkcs7-mime).');
  if ((headers.get('content-transfer-encoding') ?? '').toLowerCase() !== 'base64') throw notCms('The S/MIME text is not base64-encoded.');
  return strictBase64(text.slice(blank.index + blank[0].length));
}

/** Base64 in lines: only the alphabet, canonical padding, nothing left over; anything else is damage. */
function strictBase64(text: string): Uint8Array {
  const compact = text.replace(/\r?\n/g, '').replace(/[ \t]+$/, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
    throw notCms('The base64 text of the file is damaged or incomplete.');
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.toString('base64') !== compact) throw notCms('The base64 text of the file is damaged or incomplete.');
  return new Uint8Array(bytes);
}

/** BER that must fill `bytes` exactly: a cut-off file, trailing bytes or a length that does not fit are damage. */
function parseBer(bytes: Uint8Array): asn1js.AsnType | undefined {
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    parsed = asn1js.fromBER(bytes);
  } catch {
    return undefined; // asn1js throws on some malformed values (a time that is no time)
  }
  if (parsed.offset === -1 || parsed.offset !== bytes.byteLength || parsed.result.error) return undefined;
  return lengthsFit(parsed.result) ? parsed.result : undefined;
}

/**
 * asn1js lets the children of a constructed element run past its stated
 * length, and reads a length or tag written with more bytes than needed;
 * neither is DER, and both let a changed byte go unnoticed. Every definite
 * length must be exactly what its element holds, in the fewest bytes; only
 * indefinite lengths (BER, as `openssl cms -stream` writes) are allowed besides.
 */
function lengthsFit(node: asn1js.AsnType, depth = 0): boolean {
  const { idBlock, lenBlock, valueBeforeDecodeView } = node as asn1js.BaseBlock;
  if (depth > 64) return false;
  if (idBlock.tagNumber < 31 && idBlock.blockLength !== 1) return false;
  if (!lenBlock.isIndefiniteForm) {
    if (lenBlock.blockLength !== (lenBlock.length < 128 ? 1 : 1 + byteCount(lenBlock.length))) return false;
    if (valueBeforeDecodeView.byteLength !== idBlock.blockLength + lenBlock.blockLength + lenBlock.length) return false;
  }
  if (!idBlock.isConstructed) return true;
  const children: unknown = (node as asn1js.Constructed).valueBlock.value;
  // A constructed encoding of a type that has none (an INTEGER, an OBJECT IDENTIFIER) has no children to hold.
  return Array.isArray(children) && children.every((child: asn1js.AsnType) => lengthsFit(child, depth + 1));
}

function parseEnvelope(der: Uint8Array): pkijs.EnvelopedData {
  const asn1 = parseBer(der);
  if (!asn1) throw notCms('The file is not a complete CMS message: it is cut off or damaged.');
  let info: pkijs.ContentInfo;
  try {
    info = new pkijs.ContentInfo({ schema: asn1 });
  } catch {
    throw notCms('The file is not a CMS message.');
  }
  if (info.contentType !== OID.envelopedData) {
    if (info.contentType === OID.signedData && parsesAs(pkijs.SignedData, info.content))
      throw new ContributionError('NOT_CONTRIBUTION', 'The file is signed but not encrypted (no EnvelopedData).');
    throw notCms('The file is not an encrypted CMS message.');
  }
  let envelope: pkijs.EnvelopedData;
  try {
    envelope = new pkijs.EnvelopedData({ schema: info.content });
  } catch {
    throw notCms('The CMS envelope is damaged.');
  }
  const allVersion0KeyTransport = envelope.recipientInfos.every(
    (info) => info.variant === 1 && (info.value as pkijs.KeyTransRecipientInfo).version === 0,
  );
  const expectedVersion = envelope.originatorInfo || envelope.unprotectedAttrs || !allVersion0KeyTransport ? 2 : 0;
  const recipientVersionsFit = envelope.recipientInfos.every(
    (info) => info.variant !== 1 || (info.value as pkijs.KeyTransRecipientInfo).version === (isIssuerAndSerial(info.value) ? 0 : 2),
  );
  // Versions 3 and 4 go with password and other recipients, which a contribution never has.
  if (envelope.version !== expectedVersion || !recipientVersionsFit)
    throw notCms('The CMS envelope is damaged (its version numbers do not fit).');
  return envelope;
}

function parsesAs(type: new (parameters: { schema: unknown }) => unknown, schema: unknown): boolean {
  try {
    new type({ schema });
    return true;
  } catch {
    return false;
  }
}

function isIssuerAndSerial(recipient: unknown): boolean {
  return (recipient as pkijs.KeyTransRecipientInfo).rid instanceof pkijs.IssuerAndSerialNumber;
}

// --- Finding our key and decrypting ---------------------------------------------------------------

function findRecipient(envelope: pkijs.EnvelopedData, keys: readonly RegioIdentity[]): { index: number; key: RegioIdentity } {
  const candidates = keys.map((key) => ({ key, certificate: pkijs.Certificate.fromBER(key.certificate.raw) }));
  for (const [index, info] of envelope.recipientInfos.entries()) {
    if (info.variant !== 1) continue;
    const rid = (info.value as pkijs.KeyTransRecipientInfo).rid;
    for (const { key, certificate } of candidates) if (ridMatches(rid, certificate)) return { index, key };
  }
  throw new ContributionError('NOT_FOR_US', 'The file is encrypted for another certificate than the ones given here.');
}

function ridMatches(rid: pkijs.KeyTransRecipientInfo['rid'], certificate: pkijs.Certificate): boolean {
  if (rid instanceof pkijs.IssuerAndSerialNumber)
    // Byte for byte: openssl copies the issuer and serial from the certificate it encrypts for.
    return (
      bytesEqual(new Uint8Array(rid.issuer.valueBeforeDecode), new Uint8Array(certificate.issuer.valueBeforeDecode)) &&
      rid.serialNumber.isEqual(certificate.serialNumber)
    );
  const keyId = certificate.extensions?.find((extension) => extension.extnID === OID.subjectKeyIdentifier)?.parsedValue as
    asn1js.OctetString | undefined;
  return !!keyId && bytesEqual((rid as asn1js.OctetString).valueBlock.valueHexView, keyId.valueBlock.valueHexView);
}

/** Only the algorithms a contribution may use; a malformed identifier is damage, another standard one is not ours. */
function checkAlgorithms(keyTransport: pkijs.KeyTransRecipientInfo, encrypted: pkijs.EncryptedContentInfo): void {
  const transport = keyTransport.keyEncryptionAlgorithm;
  if (transport.algorithmId === OID.rsaEncryption)
    throw new ContributionError('NOT_CONTRIBUTION', 'The file uses RSA PKCS#1 v1.5 key transport; a contribution uses RSA-OAEP.');
  if (transport.algorithmId !== OID.rsaesOaep)
    throw new ContributionError('TAMPERED', 'The key transport algorithm of the file is damaged or unknown.');
  const oaep = oaepHashes(transport.algorithmParams);
  if (!oaep) throw new ContributionError('TAMPERED', 'The RSA-OAEP parameters of the file are damaged.');
  if (!OAEP_HASHES[oaep.hash] || !OAEP_HASHES[oaep.mgfHash])
    throw new ContributionError('TAMPERED', 'The RSA-OAEP parameters of the file are damaged.');
  if (oaep.hash !== oaep.mgfHash)
    throw new ContributionError(
      'NOT_CONTRIBUTION',
      'The file uses RSA-OAEP with two different hashes; a contribution uses SHA-256 for both.',
    );
  const content = encrypted.contentEncryptionAlgorithm;
  const iv = content.algorithmParams as asn1js.AsnType | undefined;
  if (OTHER_CIPHERS.has(content.algorithmId))
    throw new ContributionError('NOT_CONTRIBUTION', 'The file is encrypted with another algorithm than AES-CBC.');
  if (!AES_CBC.has(content.algorithmId))
    throw new ContributionError('TAMPERED', 'The encryption algorithm of the file is damaged or unknown.');
  if (!(iv instanceof asn1js.OctetString) || iv.idBlock.isConstructed || iv.valueBlock.valueHexView.byteLength !== 16)
    throw new ContributionError('TAMPERED', 'The encryption parameters of the file are damaged.');
  if (!encrypted.encryptedContent) throw new ContributionError('TAMPERED', 'The file holds no encrypted content.');
}

/** RSAES-OAEP-params (RFC 8017 A.2.1): the OAEP and MGF1 hashes, or undefined when malformed or with a label. */
function oaepHashes(params: unknown): { hash: string; mgfHash: string } | undefined {
  const result = { hash: OID.sha1 as string, mgfHash: OID.sha1 as string };
  if (params === undefined) return result;
  if (!(params instanceof asn1js.Sequence)) return undefined;
  let lastTag = -1;
  for (const field of params.valueBlock.value) {
    const tag = field.idBlock.tagNumber;
    const inner = (field as asn1js.Constructed).valueBlock.value?.[0];
    if (
      field.idBlock.tagClass !== 3 ||
      !field.idBlock.isConstructed ||
      tag <= lastTag ||
      (field as asn1js.Constructed).valueBlock.value.length !== 1
    )
      return undefined;
    lastTag = tag;
    const algorithm = algorithmIdentifier(inner);
    if (!algorithm) return undefined;
    if (tag === 0 && hashParamsOk(algorithm)) result.hash = algorithm.algorithmId;
    else if (tag === 1 && algorithm.algorithmId === OID.mgf1) {
      const mgfHash = algorithmIdentifier(algorithm.algorithmParams);
      if (!mgfHash || !hashParamsOk(mgfHash)) return undefined;
      result.mgfHash = mgfHash.algorithmId;
    } else return undefined; // [2] pSourceAlgorithm: a label no contribution has; anything else is malformed.
  }
  return result;
}

function algorithmIdentifier(asn1: unknown): pkijs.AlgorithmIdentifier | undefined {
  try {
    return asn1 instanceof asn1js.Sequence ? new pkijs.AlgorithmIdentifier({ schema: asn1 }) : undefined;
  } catch {
    return undefined;
  }
}

/** A hash identifier's parameters are absent or NULL (RFC 4055 2.1). */
function hashParamsOk(algorithm: pkijs.AlgorithmIdentifier): boolean {
  return algorithm.algorithmParams === undefined || algorithm.algorithmParams instanceof asn1js.Null;
}

// --- The signed content inside -------------------------------------------------------------------

function tampered(message: string): ContributionError {
  return new ContributionError('TAMPERED', message);
}

/** The SignedData in the decrypted bytes, with the DER of each certificate it carries (for exact fingerprints). */
function innerSignedData(plain: Uint8Array, contentType: string): { signedData: pkijs.SignedData; certificates: Uint8Array[] } {
  const notSigned = () => tampered('The decrypted content is not a signed message (CMS SignedData).');
  if (contentType !== OID.signedData && contentType !== OID.data) throw notSigned();
  const asn1 = parseBer(plain);
  if (!asn1) throw notSigned();
  let signedAsn1: asn1js.AsnType | undefined;
  try {
    const info = new pkijs.ContentInfo({ schema: asn1 });
    if (info.contentType === OID.signedData) signedAsn1 = info.content as asn1js.AsnType;
  } catch {
    // RFC 5652 read to the letter: the content of an id-signedData envelope is the SignedData itself.
    if (contentType === OID.signedData) signedAsn1 = asn1;
  }
  if (!signedAsn1) throw notSigned();
  let signedData: pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: signedAsn1 });
  } catch {
    throw notSigned();
  }
  const certificateSet = (signedAsn1 as asn1js.Sequence).valueBlock.value.find(
    (field) => field.idBlock.tagClass === 3 && field.idBlock.tagNumber === 0,
  ) as asn1js.Constructed | undefined;
  const certificates = (certificateSet?.valueBlock.value ?? []).map((certificate) => new Uint8Array(certificate.valueBeforeDecodeView));
  return { signedData, certificates };
}

async function verifySignedData(
  signedData: pkijs.SignedData,
  rawCertificates: Uint8Array[],
): Promise<{ content: Uint8Array; signer: X509Certificate }> {
  if (signedData.signerInfos.length !== 1) throw tampered('The content must be signed by exactly one signer.');
  const signerInfo = signedData.signerInfos[0];
  const eContent = signedData.encapContentInfo.eContent;
  if (!eContent) throw tampered('The signed message holds no content (a detached signature).');
  if (!(eContent instanceof asn1js.OctetString)) throw tampered('The signed content is damaged.');
  const digestId = signerInfo.digestAlgorithm.algorithmId;
  if (!SIGNATURE_DIGESTS[digestId]) {
    if (digestId === OID.sha1 || digestId === OID.md5)
      throw new ContributionError(
        'NOT_CONTRIBUTION',
        'The content is signed with a weak digest (SHA-1 or MD5); a contribution uses SHA-256.',
      );
    throw tampered('The digest algorithm of the signature is damaged or unknown.');
  }
  if (!(signerInfo.digestAlgorithm.algorithmParams === undefined || signerInfo.digestAlgorithm.algorithmParams instanceof asn1js.Null))
    throw tampered('The digest algorithm of the signature is damaged.');
  const attributes = signerInfo.signedAttrs?.attributes;
  if (attributes) checkSignedAttributes(attributes, signedData.encapContentInfo.eContentType);

  let result: pkijs.SignedDataVerifyResult;
  try {
    result = await signedData.verify({ signer: 0, checkChain: false, extendedMode: true }, engine);
  } catch (error) {
    const code = (error as { code?: number }).code;
    if (code === 2 || code === 3) throw tampered('The signed message does not hold the signer certificate.');
    throw tampered('The signature does not match the content: the file was changed after it was signed.');
  }
  if (result.signatureVerified !== true || !result.signerCertificate)
    throw tampered('The signature does not match the content: the file was changed after it was signed.');
  const at = signedData.certificates?.indexOf(result.signerCertificate) ?? -1;
  let signer: X509Certificate;
  try {
    signer = new X509Certificate(rawCertificates[at]);
  } catch {
    throw tampered('The signer certificate is damaged.');
  }
  checkSignerCertificate(signer, attributes, rawCertificates);
  if (signedData.encapContentInfo.eContentType !== OID.data)
    throw new ContributionError('NOT_CONTRIBUTION', 'The signed content is not data (id-data).');
  return { content: new Uint8Array(eContent.getValue()), signer };
}

/** RFC 5652 11: each of these attributes once, with one value; the content type signed is the one carried. */
function checkSignedAttributes(attributes: pkijs.Attribute[], eContentType: string): void {
  const types = attributes.map((attribute) => attribute.type);
  if (new Set(types).size !== types.length) throw tampered('The signed attributes are damaged (an attribute repeats).');
  const contentType = attributes.find((attribute) => attribute.type === OID.contentType);
  const digest = attributes.find((attribute) => attribute.type === OID.messageDigest);
  if (!contentType || !digest || contentType.values.length !== 1 || digest.values.length !== 1)
    throw tampered('The signed attributes are damaged (content type or message digest missing).');
  const signedType = contentType.values[0];
  if (!(signedType instanceof asn1js.ObjectIdentifier) || signedType.valueBlock.toString() !== eContentType)
    throw tampered('The signed content type differs from the content: the file was changed after it was signed.');
}

/**
 * The certificate is part of what the school vouches for: an ESS
 * signing-certificate attribute binds its hash into the signature; without
 * one (openssl's default), a self-signed certificate must at least verify
 * under its own key. So no byte of it changes unnoticed, and the
 * fingerprint the region checks is the one the school signed with.
 */
function checkSignerCertificate(signer: X509Certificate, attributes: pkijs.Attribute[] | undefined, rawCertificates: Uint8Array[]): void {
  const bound =
    attributes?.filter((attribute) => attribute.type === OID.signingCertificateV2 || attribute.type === OID.signingCertificate) ?? [];
  if (bound.length > 1) throw tampered('The signed attributes are damaged (two signing-certificate attributes).');
  if (bound.length === 1) {
    const reference = essCertificateHash(bound[0]);
    if (!reference) throw tampered('The signing-certificate attribute is damaged.');
    if (!bytesEqual(sha(reference.digest, signer.raw), reference.hash))
      throw tampered('The signer certificate is not the one that was signed with: the file was changed after it was signed.');
    return;
  }
  if (verifiesUnder(signer, signer)) return;
  const issuers = rawCertificates.flatMap((raw) => {
    try {
      return [new X509Certificate(raw)];
    } catch {
      return [];
    }
  });
  if (
    issuers.some((issuer) => issuer.fingerprint256 !== signer.fingerprint256 && signer.checkIssued(issuer) && verifiesUnder(signer, issuer))
  )
    return;
  if (signer.subject === signer.issuer) throw tampered('The signer certificate is damaged: its own signature does not verify.');
}

function verifiesUnder(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return certificate.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** The first ESSCertID(v2)'s hash (RFC 2634 5.4, RFC 5035 3): SHA-1 in v1; SHA-256 unless named in v2. */
function essCertificateHash(attribute: pkijs.Attribute): { digest: string; hash: Uint8Array } | undefined {
  const value = attribute.values.length === 1 ? attribute.values[0] : undefined;
  const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return undefined;
  const [head, next] = first.valueBlock.value;
  if (attribute.type === OID.signingCertificate)
    return head instanceof asn1js.OctetString ? { digest: 'sha1', hash: head.valueBlock.valueHexView } : undefined;
  if (head instanceof asn1js.OctetString) return { digest: 'sha256', hash: head.valueBlock.valueHexView };
  const algorithm = algorithmIdentifier(head);
  const digest = algorithm && hashParamsOk(algorithm) ? SIGNATURE_DIGESTS[algorithm.algorithmId] : undefined;
  return digest && next instanceof asn1js.OctetString ? { digest, hash: next.valueBlock.valueHexView } : undefined;
}

// --- Small helpers -------------------------------------------------------------------------------

function byteCount(value: number): number {
  let count = 0;
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) count++;
  return count;
}

function sha(algorithm: string, bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(algorithm).update(bytes).digest());
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.byteLength === b.byteLength &&
    Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0
  );
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function pkcs8(key: KeyObject): ArrayBuffer {
  return toArrayBuffer(key.export({ type: 'pkcs8', format: 'der' }));
}
