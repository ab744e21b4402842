import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { assertWellFormedXml, xmlText } from './xmlText';

// Zip entries get this time; 1980-01-01 is the earliest a zip can hold.
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Whether a package part is XML (content, properties, relationships) rather than media. */
export const isXmlPart = (name: string) => /\.(xml|rels)$/.test(name);

/**
 * Packs a document reproducibly: the same data gives the same bytes. The
 * creation and modification dates are set to `moment` (e.g. when the meeting
 * was held) and every zip entry gets one fixed time and a fixed order.
 */
export async function packDocx(document: Document, moment: string): Promise<Uint8Array> {
  const entries = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  const stamp = new Date(moment).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const [name, bytes] of Object.entries(entries)) {
    if (!isXmlPart(name)) continue;
    // Typed text reaches runs, tables, headers, footers, properties and alt texts alike; the docx
    // package drops only C0 controls, so what else XML cannot hold is removed here, once for all.
    let xml = xmlText(strFromU8(bytes));
    if (name === 'docProps/core.xml') {
      xml = xml
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    }
    if (name === 'word/document.xml') {
      // The docx package numbers drawings with a counter that lives as long as the process.
      let drawing = 0;
      xml = xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`);
    }
    entries[name] = strToU8(xml);
  }
  return zipParts(entries);
}

/**
 * Zips package parts reproducibly: content types first, as Word writes it, the rest by name,
 * all with one fixed time. Refuses (MalformedXmlError) to zip an XML part that is not
 * well-formed, so no broken document is ever stored, signed or handed to the save dialog.
 */
export function zipParts(entries: Record<string, Uint8Array>): Uint8Array {
  const names = Object.keys(entries).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const zippable: Zippable = {};
  for (const name of names) {
    if (isXmlPart(name)) assertWellFormedXml(name, strFromU8(entries[name]));
    zippable[name] = [entries[name], { mtime: ZIP_TIME, level: 6 }];
  }
  return zipSync(zippable);
}

/** Throws MalformedXmlError unless every XML part of a packed DOCX is well-formed: for stored bytes, packed by an older MDO. */
export function assertWellFormedDocx(docx: Uint8Array): void {
  for (const [name, xml] of Object.entries(xmlParts(docx))) assertWellFormedXml(name, xml);
}

/** Every XML part of a DOCX as text: for leak tests and verification. */
export function xmlParts(docx: Uint8Array): Record<string, string> {
  const entries = unzipSync(docx);
  return Object.fromEntries(
    Object.entries(entries)
      .filter(([name]) => isXmlPart(name))
      .map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
}
