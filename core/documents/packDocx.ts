import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

// Zip entries get this time; 1980-01-01 is the earliest a zip can hold.
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Packs a document reproducibly: the same data gives the same bytes. The
 * creation and modification dates are set to `moment` (e.g. when the meeting
 * was held) and every zip entry gets one fixed time and a fixed order.
 */
export async function packDocx(document: Document, moment: string): Promise<Uint8Array> {
  const packed = new Uint8Array(await Packer.toBuffer(document));
  const entries = unzipSync(packed);
  const stamp = new Date(moment).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = 'docProps/core.xml';
  if (entries[core]) {
    entries[core] = strToU8(
      strFromU8(entries[core])
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`),
    );
  }
  // The docx package numbers drawings with a counter that lives as long as the process.
  const main = 'word/document.xml';
  if (entries[main]) {
    let drawing = 0;
    entries[main] = strToU8(strFromU8(entries[main]).replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`));
  }
  return zipParts(entries);
}

/** Zips package parts reproducibly: content types first, as Word writes it, the rest by name, all with one fixed time. */
export function zipParts(entries: Record<string, Uint8Array>): Uint8Array {
  const names = Object.keys(entries).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const zippable: Zippable = {};
  for (const name of names) zippable[name] = [entries[name], { mtime: ZIP_TIME, level: 6 }];
  return zipSync(zippable);
}

/** Every XML part of a DOCX as text: for leak tests and verification. */
export function xmlParts(docx: Uint8Array): Record<string, string> {
  const entries = unzipSync(docx);
  return Object.fromEntries(
    Object.entries(entries)
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
}
