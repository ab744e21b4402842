import { createHash, sign } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { zipParts } from '../documents/packDocx';
import { C14N, canonicalize } from './c14n';
import { assertValidAt, type SigningIdentity } from './certificates';
import { DSIG, MDSSI, OBJECT_TYPE, OFFICE_DIGSIG, RSA_SHA256, SHA256, SIGNED_PROPERTIES_TYPE, XADES } from './namespaces';
import {
  isSignaturePart,
  NS,
  openPackage,
  ORIGIN_CONTENT_TYPE,
  parseXml,
  partText,
  relationships,
  RELS_CONTENT_TYPE,
  SIGNATURE_CONTENT_TYPE,
  SIGNATURE_ORIGIN_TYPE,
  SIGNATURE_TYPE,
  type OpcPackage,
} from './opcPackage';
import { RELATIONSHIP_TRANSFORM, transformRelationships } from './relationshipTransform';

export interface SignOptions {
  /** The signing moment; also checked against the certificate's validity. */
  at: Date;
  /** The signer's role in the meeting, e.g. "Voorzitter"; recorded as XAdES ClaimedRole. */
  role?: string;
  /** Shown by Word as the purpose of the signature. */
  purpose?: string;
}

const ORIGIN_PART = '_xmlsignatures/origin.sigs';
const ORIGIN_RELS = '_xmlsignatures/_rels/origin.sigs.rels';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#xD;');
const digest = (data: Uint8Array | string) => createHash('sha256').update(data).digest('base64');
const digestMethod = `<DigestMethod Algorithm="${SHA256}"/>`;
const utcSeconds = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The relationship Ids a signature covers in a .rels part: all but the signature origin. */
export function signedRelationshipIds(pkg: OpcPackage, relsPart: string): string[] {
  return relationships(pkg, relsPart)
    .filter((rel) => rel.type !== SIGNATURE_ORIGIN_TYPE)
    .map((rel) => rel.id);
}

/** One manifest reference per content part; .rels parts through the relationship transform. */
function manifestReferences(pkg: OpcPackage): string {
  const references: string[] = [];
  for (const part of Object.keys(pkg.parts).sort()) {
    if (part === '[Content_Types].xml' || isSignaturePart(part)) continue;
    const uri = `/${part}?ContentType=${pkg.contentType(part) ?? 'application/octet-stream'}`;
    if (part.endsWith('.rels')) {
      const ids = signedRelationshipIds(pkg, part);
      // A .rels part without relationships points nowhere; verify accepts it unsigned.
      if (ids.length === 0) continue;
      const selectors = ids.map((id) => `<mdssi:RelationshipReference xmlns:mdssi="${MDSSI}" SourceId="${escapeXml(id)}"/>`).join('');
      references.push(
        `<Reference URI="${escapeXml(uri)}"><Transforms><Transform Algorithm="${RELATIONSHIP_TRANSFORM}">${selectors}</Transform>` +
          `<Transform Algorithm="${C14N}"/></Transforms>${digestMethod}<DigestValue>${digest(transformRelationships(pkg.parts[part], { ids }))}</DigestValue></Reference>`,
      );
    } else {
      references.push(
        `<Reference URI="${escapeXml(uri)}">${digestMethod}<DigestValue>${digest(pkg.parts[part])}</DigestValue></Reference>`,
      );
    }
  }
  return references.join('');
}

/** RFC 2253 order: most specific first, as XML-DSig writes X509IssuerName. */
const issuerName = (issuer: string) => issuer.split('\n').reverse().join(', ');

function objects(pkg: OpcPackage, identity: SigningIdentity, options: SignOptions): string {
  const time = utcSeconds(options.at);
  const certificate = identity.certificate;
  const packageObject =
    `<Object Id="idPackageObject"><Manifest>${manifestReferences(pkg)}</Manifest>` +
    `<SignatureProperties><SignatureProperty Id="idSignatureTime" Target="#idPackageSignature">` +
    `<mdssi:SignatureTime xmlns:mdssi="${MDSSI}"><mdssi:Format>YYYY-MM-DDThh:mm:ssTZD</mdssi:Format><mdssi:Value>${time}</mdssi:Value></mdssi:SignatureTime>` +
    `</SignatureProperty></SignatureProperties></Object>`;
  const officeObject =
    `<Object Id="idOfficeObject"><SignatureProperties><SignatureProperty Id="idOfficeV1Details" Target="#idPackageSignature">` +
    `<SignatureInfoV1 xmlns="${OFFICE_DIGSIG}"><SetupID></SetupID><SignatureText></SignatureText><SignatureImage></SignatureImage>` +
    `<SignatureComments>${escapeXml(options.purpose ?? '')}</SignatureComments><WindowsVersion>10.0</WindowsVersion><OfficeVersion>16.0</OfficeVersion>` +
    `<ApplicationVersion>16.0</ApplicationVersion><Monitors>1</Monitors><HorizontalResolution>1920</HorizontalResolution><VerticalResolution>1080</VerticalResolution>` +
    `<ColorDepth>32</ColorDepth><SignatureProviderId>{00000000-0000-0000-0000-000000000000}</SignatureProviderId><SignatureProviderUrl></SignatureProviderUrl>` +
    `<SignatureProviderDetails>9</SignatureProviderDetails><SignatureType>1</SignatureType></SignatureInfoV1></SignatureProperty></SignatureProperties></Object>`;
  const role = options.role
    ? `<xd:SignerRole><xd:ClaimedRoles><xd:ClaimedRole>${escapeXml(options.role)}</xd:ClaimedRole></xd:ClaimedRoles></xd:SignerRole>`
    : '';
  const xadesObject =
    `<Object><xd:QualifyingProperties xmlns:xd="${XADES}" Target="#idPackageSignature"><xd:SignedProperties Id="idSignedProperties">` +
    `<xd:SignedSignatureProperties><xd:SigningTime>${time}</xd:SigningTime><xd:SigningCertificate><xd:Cert><xd:CertDigest>${digestMethod}` +
    `<DigestValue>${digest(certificate.raw)}</DigestValue></xd:CertDigest><xd:IssuerSerial><X509IssuerName>${escapeXml(issuerName(certificate.issuer))}</X509IssuerName>` +
    `<X509SerialNumber>${BigInt(`0x${certificate.serialNumber}`).toString()}</X509SerialNumber></xd:IssuerSerial></xd:Cert></xd:SigningCertificate>` +
    `<xd:SignaturePolicyIdentifier><xd:SignaturePolicyImplied/></xd:SignaturePolicyIdentifier>${role}</xd:SignedSignatureProperties>` +
    `<xd:SignedDataObjectProperties><xd:CommitmentTypeIndication><xd:CommitmentTypeId><xd:Identifier>http://uri.etsi.org/01903/v1.2.2#ProofOfApproval</xd:Identifier>` +
    `<xd:Description>Approved this document</xd:Description></xd:CommitmentTypeId><xd:AllSignedDataObjects/></xd:CommitmentTypeIndication></xd:SignedDataObjectProperties>` +
    `</xd:SignedProperties></xd:QualifyingProperties></Object>`;
  return packageObject + officeObject + xadesObject;
}

function byId(root: Element, id: string): Element {
  const found = Array.from(root.getElementsByTagName('*')).find((element) => element.getAttribute('Id') === id);
  if (!found) throw new Error(`signature element #${id} missing`);
  return found;
}

/** Builds the XML signature part: digests the objects, then signs the canonical SignedInfo. */
function signatureXml(pkg: OpcPackage, identity: SigningIdentity, options: SignOptions): string {
  const body = objects(pkg, identity, options);
  const keyInfo = `<KeyInfo><X509Data><X509Certificate>${identity.certificate.raw.toString('base64')}</X509Certificate></X509Data></KeyInfo>`;
  const open = `<Signature xmlns="${DSIG}" Id="idPackageSignature">`;
  const draft = parseXml(`${open}${body}</Signature>`).documentElement!;
  const reference = (uri: string, type: string, transforms = '') =>
    `<Reference Type="${type}" URI="#${uri}">${transforms}${digestMethod}<DigestValue>${digest(canonicalize(byId(draft, uri)))}</DigestValue></Reference>`;
  const signedInfo =
    `<SignedInfo><CanonicalizationMethod Algorithm="${C14N}"/><SignatureMethod Algorithm="${RSA_SHA256}"/>` +
    reference('idPackageObject', OBJECT_TYPE) +
    reference('idOfficeObject', OBJECT_TYPE) +
    reference('idSignedProperties', SIGNED_PROPERTIES_TYPE, `<Transforms><Transform Algorithm="${C14N}"/></Transforms>`) +
    `</SignedInfo>`;
  const signedInfoElement = parseXml(`${open}${signedInfo}</Signature>`).documentElement!.firstChild as Element;
  const value = sign('sha256', Buffer.from(canonicalize(signedInfoElement), 'utf8'), identity.privateKey).toString('base64');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${open}${signedInfo}<SignatureValue>${value}</SignatureValue>${keyInfo}${body}</Signature>`;
}

function addRelationship(relsXml: string | undefined, id: string, type: string, target: string): string {
  const relationship = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  if (!relsXml)
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.relationships}">${relationship}</Relationships>`;
  return relsXml.replace(/<\/Relationships>\s*$/, `${relationship}</Relationships>`);
}

function freeId(used: string[], prefix: string): string {
  for (let n = used.length + 1; ; n++) if (!used.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

/**
 * Adds one OOXML digital signature to a DOCX. Earlier signatures stay valid:
 * only the signature origin's relationships and the content types change,
 * and those are outside what any signature covers.
 */
export function signDocx(docx: Uint8Array, identity: SigningIdentity, options: SignOptions): Uint8Array {
  assertValidAt(identity.certificate, options.at);
  const pkg = openPackage(docx);
  const parts = { ...pkg.parts };
  const rootRels = relationships(pkg, '_rels/.rels');
  const existing = Object.keys(parts).filter((part) => /^_xmlsignatures\/sig\d+\.xml$/.test(part));
  let n = existing.length + 1;
  while (parts[`_xmlsignatures/sig${n}.xml`]) n++;
  const sigPart = `_xmlsignatures/sig${n}.xml`;

  parts[sigPart] = new TextEncoder().encode(signatureXml(pkg, identity, options));
  let types = partText(parts['[Content_Types].xml']);
  if (!rootRels.some((rel) => rel.type === SIGNATURE_ORIGIN_TYPE)) {
    parts[ORIGIN_PART] = new Uint8Array(0);
    const id = freeId(
      rootRels.map((rel) => rel.id),
      'rId',
    );
    parts['_rels/.rels'] = new TextEncoder().encode(
      addRelationship(partText(parts['_rels/.rels']), id, SIGNATURE_ORIGIN_TYPE, ORIGIN_PART),
    );
  }
  if (pkg.contentType(ORIGIN_PART) !== ORIGIN_CONTENT_TYPE) {
    types = types.replace(/<\/Types>\s*$/, `<Default Extension="sigs" ContentType="${ORIGIN_CONTENT_TYPE}"/></Types>`);
  }
  types = types.replace(/<\/Types>\s*$/, `<Override PartName="/${sigPart}" ContentType="${SIGNATURE_CONTENT_TYPE}"/></Types>`);
  parts['[Content_Types].xml'] = new TextEncoder().encode(types);
  const originRels = parts[ORIGIN_RELS] ? partText(parts[ORIGIN_RELS]) : undefined;
  const usedIds = originRels ? relationships(pkg, ORIGIN_RELS).map((rel) => rel.id) : [];
  parts[ORIGIN_RELS] = new TextEncoder().encode(addRelationship(originRels, freeId(usedIds, 'rId'), SIGNATURE_TYPE, `sig${n}.xml`));
  if (pkg.contentType(ORIGIN_RELS) !== RELS_CONTENT_TYPE) throw new Error('package has no content type for .rels parts');
  return zipParts(parts);
}
