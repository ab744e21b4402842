import { createHash, verify, X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { C14N, canonicalize } from './c14n';
import { summarize, type CertificateSummary } from './certificates';
import { fingerprintInFours } from './fingerprintFours';
import { DIGESTS, DSIG, MDSSI, SIGNATURE_METHODS, XADES } from './namespaces';
import {
  isSignaturePart,
  NotDocxError,
  openPackage,
  parseXml,
  partText,
  relationships,
  relsPartOf,
  SIGNATURE_ORIGIN_TYPE,
  SIGNATURE_TYPE,
  type OpcPackage,
} from './opcPackage';
import { RELATIONSHIP_TRANSFORM, transformRelationships } from './relationshipTransform';
import { signedRelationshipIds } from './signDocx';

/** valid: signature and content intact; changed: the signature is sound but the document changed after signing; invalid: the signature itself fails. */
export type SignerStatus = 'valid' | 'changed' | 'invalid';

export interface SignerReport extends Partial<CertificateSummary> {
  part: string;
  status: SignerStatus;
  /** The role claimed in the signature (XAdES ClaimedRole), else the certificate's title. */
  claimedRole: string;
  signedAt: string | null;
  /** Whether the certificate's fingerprint appears in the document text, i.e. in its visible signature block. */
  inSignatureBlock: boolean;
  /** The certificate's SHA-1 in fours: what Word and LibreOffice show to compare. */
  sha1Fingerprint?: string;
  /** What is wrong, in English, for logs and the CLI; the UI shows its own Dutch text per status. */
  problems: string[];
}

export type VerifyReport =
  { kind: 'not-docx'; message: string } | { kind: 'unsigned' } | { kind: 'signed'; valid: boolean; signers: SignerReport[] };

const child = (parent: Element, ns: string, name: string) =>
  Array.from(parent.childNodes).find(
    (node): node is Element => node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === name,
  );
const children = (parent: Element, ns: string, name: string) =>
  Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === name,
  );
const textOf = (element: Element | undefined) => (element?.textContent ?? '').trim();
const firstText = (root: Element, ns: string, name: string) => textOf(root.getElementsByTagNameNS(ns, name)[0]);

function hashOf(algorithmUri: string, data: Uint8Array | string): string | null {
  const algorithm = DIGESTS[algorithmUri as keyof typeof DIGESTS];
  return algorithm ? createHash(algorithm).update(data).digest('base64') : null;
}

function digestOk(reference: Element, data: Uint8Array | string): boolean {
  const method = child(reference, DSIG, 'DigestMethod')?.getAttribute('Algorithm') ?? '';
  const expected = textOf(child(reference, DSIG, 'DigestValue')).replace(/\s+/g, '');
  return hashOf(method, data) === expected;
}

function transformsOf(reference: Element): Element[] {
  const transforms = child(reference, DSIG, 'Transforms');
  return transforms ? children(transforms, DSIG, 'Transform') : [];
}

/** Checks one manifest reference against the part it names; returns a problem or null. */
function checkPartReference(pkg: OpcPackage, reference: Element, covered: Map<string, Set<string> | true>): string | null {
  const uri = reference.getAttribute('URI') ?? '';
  const [path, query = ''] = uri.split('?');
  const part = decodeURIComponent(path.replace(/^\//, ''));
  const bytes = pkg.parts[part];
  if (!bytes) return `signed part ${part} is missing`;
  covered.set(part, true);
  // Not URLSearchParams: a '+' in "relationships+xml" is literal here, not a space.
  const contentType = /^ContentType=/.test(query) ? decodeURIComponent(query.slice('ContentType='.length)) : null;
  if (contentType !== null && contentType !== pkg.contentType(part)) return `content type of ${part} changed`;
  let data: Uint8Array | string = bytes;
  for (const transform of transformsOf(reference)) {
    const algorithm = transform.getAttribute('Algorithm');
    if (algorithm === RELATIONSHIP_TRANSFORM) {
      const ids = Array.from(transform.getElementsByTagNameNS(MDSSI, 'RelationshipReference')).map(
        (node) => node.getAttribute('SourceId') ?? '',
      );
      const types = Array.from(transform.getElementsByTagNameNS(MDSSI, 'RelationshipsGroupReference')).map(
        (node) => node.getAttribute('SourceType') ?? '',
      );
      const selected = new Set(
        relationships(pkg, part)
          .filter((rel) => ids.includes(rel.id) || types.includes(rel.type))
          .map((rel) => rel.id),
      );
      covered.set(part, selected);
      data = transformRelationships(bytes, { ids, types });
    } else if (algorithm !== C14N) {
      return `unsupported transform ${algorithm ?? ''}`;
    }
  }
  return digestOk(reference, data) ? null : `${part} changed after signing`;
}

/** Parts (or relationships) the signature does not cover: anything added after signing. */
function uncovered(pkg: OpcPackage, covered: Map<string, Set<string> | true>): string[] {
  const problems: string[] = [];
  for (const part of Object.keys(pkg.parts)) {
    if (part === '[Content_Types].xml' || isSignaturePart(part)) continue;
    const cover = covered.get(part);
    if (part.endsWith('.rels')) {
      const missing = signedRelationshipIds(pkg, part).filter((id) => cover !== true && !cover?.has(id));
      if (missing.length) problems.push(`relationships in ${part} were added after signing`);
    } else if (!cover) {
      problems.push(`part ${part} was added after signing`);
    }
  }
  return problems;
}

function verifySignature(pkg: OpcPackage, part: string, documentText: string): SignerReport {
  const report: SignerReport = { part, status: 'invalid', claimedRole: '', signedAt: null, inSignatureBlock: false, problems: [] };
  let root: Element;
  try {
    root = parseXml(partText(pkg.parts[part])).documentElement!;
  } catch {
    report.problems.push('the signature XML is damaged');
    return report;
  }
  const signedInfo = root && root.namespaceURI === DSIG && root.localName === 'Signature' ? child(root, DSIG, 'SignedInfo') : undefined;
  const certificateText = root ? firstText(root, DSIG, 'X509Certificate').replace(/\s+/g, '') : '';
  if (!signedInfo || !certificateText) {
    report.problems.push('the signature XML is incomplete');
    return report;
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(certificateText, 'base64'));
  } catch {
    report.problems.push('the signer certificate is damaged');
    return report;
  }
  Object.assign(report, summarize(certificate));
  // Verslagen before issue 19 print "AB:CD:…"; newer ones print the same hex in fours ("ABCD …").
  report.inSignatureBlock =
    documentText.includes(certificate.fingerprint256) || documentText.includes(fingerprintInFours(certificate.fingerprint256));
  // Word (the Windows certificate dialog) and LibreOffice 7.4 show only the SHA-1, not the SHA-256.
  report.sha1Fingerprint = fingerprintInFours(createHash('sha1').update(certificate.raw).digest('hex'));
  report.claimedRole = firstText(root, XADES, 'ClaimedRole') || report.role || '';
  report.signedAt = firstText(root, MDSSI, 'Value') || firstText(root, XADES, 'SigningTime') || null;

  const invalid: string[] = [];
  const changed: string[] = [];
  const canonicalization = child(signedInfo, DSIG, 'CanonicalizationMethod')?.getAttribute('Algorithm');
  const hash =
    SIGNATURE_METHODS[(child(signedInfo, DSIG, 'SignatureMethod')?.getAttribute('Algorithm') ?? '') as keyof typeof SIGNATURE_METHODS];
  const value = Buffer.from(textOf(child(root, DSIG, 'SignatureValue')).replace(/\s+/g, ''), 'base64');
  if (canonicalization !== C14N || !hash) invalid.push('unsupported signature algorithm');
  else if (!verify(hash, Buffer.from(canonicalize(signedInfo), 'utf8'), certificate.publicKey, value))
    invalid.push('the signature value does not match');

  const byId = new Map(Array.from(root.getElementsByTagName('*')).map((element) => [element.getAttribute('Id') ?? '', element]));
  const covered = new Map<string, Set<string> | true>();
  let packageSigned = false;
  for (const reference of children(signedInfo, DSIG, 'Reference')) {
    const target = byId.get((reference.getAttribute('URI') ?? '').replace(/^#/, ''));
    const transforms = transformsOf(reference);
    if (!target || !(reference.getAttribute('URI') ?? '').startsWith('#') || transforms.some((t) => t.getAttribute('Algorithm') !== C14N)) {
      invalid.push('a signed reference cannot be resolved');
      continue;
    }
    if (!digestOk(reference, canonicalize(target))) {
      invalid.push(`signed element #${target.getAttribute('Id')} was altered`);
      continue;
    }
    for (const manifest of children(target, DSIG, 'Manifest')) {
      packageSigned = true;
      for (const partReference of children(manifest, DSIG, 'Reference')) {
        const problem = checkPartReference(pkg, partReference, covered);
        if (problem) changed.push(problem);
      }
    }
  }
  if (!packageSigned) invalid.push('the signature does not cover the document parts');
  else changed.push(...uncovered(pkg, covered));

  const certDigest = root.getElementsByTagNameNS(XADES, 'CertDigest')[0];
  if (certDigest && !digestOk(certDigest, certificate.raw)) invalid.push('the signing certificate does not match the signed properties');
  if (report.signedAt) {
    const at = new Date(report.signedAt);
    if (at < new Date(certificate.validFrom) || at > new Date(certificate.validTo))
      invalid.push('the certificate was not valid at the signing time');
  }
  report.problems = [...invalid, ...changed];
  report.status = invalid.length ? 'invalid' : changed.length ? 'changed' : 'valid';
  return report;
}

/** The visible text of the main document, to find fingerprints printed in the signature block. */
function documentText(pkg: OpcPackage): string {
  const main = relationships(pkg, '_rels/.rels').find((rel) => rel.type.endsWith('/officeDocument'))!;
  return partText(pkg.parts[main.target.replace(/^\//, '')] ?? new Uint8Array()).replace(/<[^>]+>/g, '');
}

/** Checks every OOXML signature in a file, as Word's signature pane would, and says which signer and whether the content changed. */
export function verifyDocx(bytes: Uint8Array): VerifyReport {
  let pkg: OpcPackage;
  try {
    pkg = openPackage(bytes);
  } catch (error) {
    if (error instanceof NotDocxError) return { kind: 'not-docx', message: error.message };
    throw error;
  }
  const origin = relationships(pkg, '_rels/.rels').find((rel) => rel.type === SIGNATURE_ORIGIN_TYPE);
  const originPart = origin?.target.replace(/^\//, '');
  const folder = originPart?.slice(0, originPart.lastIndexOf('/') + 1) ?? '';
  // Targets are relative to the origin's folder unless they start at the package root.
  const signatureParts = originPart
    ? relationships(pkg, relsPartOf(originPart))
        .filter((rel) => rel.type === SIGNATURE_TYPE)
        .map((rel) => (rel.target.startsWith('/') ? rel.target.slice(1) : `${folder}${rel.target}`))
        .filter((part) => pkg.parts[part])
    : [];
  if (signatureParts.length === 0) return { kind: 'unsigned' };
  const text = documentText(pkg);
  const signers = signatureParts.map((part) => verifySignature(pkg, part, text));
  return { kind: 'signed', valid: signers.every((signer) => signer.status === 'valid'), signers };
}
