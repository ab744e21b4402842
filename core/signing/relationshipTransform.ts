import type { Element } from '@xmldom/xmldom';
import { canonicalize } from './c14n';
import { NS, parseXml, partText } from './opcPackage';

export const RELATIONSHIP_TRANSFORM = 'http://schemas.openxmlformats.org/package/2006/RelationshipTransform';

/**
 * The OPC relationship transform (ECMA-376 part 2, 13.2.4.24) followed by
 * C14N: only the selected relationships, sorted by Id, with TargetMode made
 * explicit. Signing a .rels part this way lets signature relationships be
 * added later without breaking earlier signatures.
 */
export function transformRelationships(relsBytes: Uint8Array, select: { ids: string[]; types?: string[] }): string {
  const source = parseXml(partText(relsBytes));
  const ids = new Set(select.ids);
  const types = new Set(select.types ?? []);
  const chosen = Array.from(source.getElementsByTagNameNS(NS.relationships, 'Relationship'))
    .filter((element) => ids.has(element.getAttribute('Id') ?? '') || types.has(element.getAttribute('Type') ?? ''))
    .sort((a, b) => {
      const [x, y] = [a.getAttribute('Id') ?? '', b.getAttribute('Id') ?? ''];
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const output = parseXml(`<Relationships xmlns="${NS.relationships}"/>`);
  const root = output.documentElement!;
  for (const element of chosen) {
    const copy = output.createElementNS(NS.relationships, 'Relationship');
    for (const name of ['Id', 'Type', 'Target', 'TargetMode']) {
      const value = element.getAttribute(name);
      if (value !== null) copy.setAttribute(name, value);
    }
    if (!copy.hasAttribute('TargetMode')) copy.setAttribute('TargetMode', 'Internal');
    root.appendChild(copy);
  }
  return canonicalize(root as Element);
}
