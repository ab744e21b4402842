import { unzipSync } from 'fflate';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

export const NS = {
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  relationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

export const SIGNATURE_ORIGIN_TYPE = 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin';
export const SIGNATURE_TYPE = 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature';
export const ORIGIN_CONTENT_TYPE = 'application/vnd.openxmlformats-package.digital-signature-origin';
export const SIGNATURE_CONTENT_TYPE = 'application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml';
export const RELS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';
export const WORD_MAIN_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** The file is not a Word document: not a zip, or a zip without the parts a DOCX must have. */
export class NotDocxError extends Error {
  constructor(message = 'The file is not a DOCX document.') {
    super(message);
    this.name = 'NotDocxError';
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  element: Element;
}

/** An opened OPC package: its parts by zip name (no leading slash) and their content types. */
export interface OpcPackage {
  parts: Record<string, Uint8Array>;
  contentType(partName: string): string | undefined;
}

/** Parses XML and throws instead of guessing, so a damaged part is never signed or trusted. */
export function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new NotDocxError(`A part of the document is not well-formed XML (${message}).`);
    },
  }).parseFromString(text, 'text/xml');
}

export const partText = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);

/** Opens a DOCX: a readable zip with content types and a main document part. */
export function openPackage(bytes: Uint8Array): OpcPackage {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch {
    throw new NotDocxError('The file is not a DOCX document (not a readable zip file).');
  }
  const typesXml = parts['[Content_Types].xml'];
  if (!typesXml || !parts['_rels/.rels']) throw new NotDocxError();
  const types = parseXml(partText(typesXml));
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const node of Array.from(types.getElementsByTagNameNS(NS.contentTypes, 'Default'))) {
    defaults.set((node.getAttribute('Extension') ?? '').toLowerCase(), node.getAttribute('ContentType') ?? '');
  }
  for (const node of Array.from(types.getElementsByTagNameNS(NS.contentTypes, 'Override'))) {
    overrides.set((node.getAttribute('PartName') ?? '').toLowerCase(), node.getAttribute('ContentType') ?? '');
  }
  const contentType = (partName: string) =>
    overrides.get(`/${partName}`.toLowerCase()) ?? defaults.get(partName.slice(partName.lastIndexOf('.') + 1).toLowerCase());
  const pkg = { parts, contentType };
  const main = relationships(pkg, '_rels/.rels').find((rel) => rel.type.endsWith('/officeDocument'));
  if (!main || contentType(main.target.replace(/^\//, '')) !== WORD_MAIN_CONTENT_TYPE) throw new NotDocxError();
  return pkg;
}

/** The relationships part that belongs to a part: word/document.xml → word/_rels/document.xml.rels. */
export function relsPartOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** The relationships in a .rels part, in document order; empty when the part is missing. */
export function relationships(pkg: OpcPackage, relsPart: string): Relationship[] {
  const bytes = pkg.parts[relsPart];
  if (!bytes) return [];
  const doc = parseXml(partText(bytes));
  return Array.from(doc.getElementsByTagNameNS(NS.relationships, 'Relationship')).map((element) => ({
    id: element.getAttribute('Id') ?? '',
    type: element.getAttribute('Type') ?? '',
    target: element.getAttribute('Target') ?? '',
    element,
  }));
}

/** A part is signature machinery, not content: signatures never sign each other or the origin. */
export function isSignaturePart(partName: string): boolean {
  return partName.startsWith('_xmlsignatures/');
}
