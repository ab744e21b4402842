import type { Element } from '@xmldom/xmldom';
import { C14nCanonicalization } from 'xml-crypto';

/** Inclusive Canonical XML 1.0, the algorithm Word and LibreOffice use in OOXML signatures. */
export const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';

const c14n = new C14nCanonicalization();

/**
 * Canonicalizes an element as a document subset: namespaces declared on its
 * ancestors are in scope and so appear on the element, as xmlsec1 and
 * LibreOffice render it.
 */
export function canonicalize(element: Element): string {
  const inScope = new Map<string, string>();
  for (let node = element.parentNode; node && node.nodeType === node.ELEMENT_NODE; node = node.parentNode) {
    const attributes = (node as Element).attributes;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i];
      const prefix = attribute.name === 'xmlns' ? '' : attribute.prefix === 'xmlns' ? attribute.localName : null;
      if (prefix !== null && !inScope.has(prefix)) inScope.set(prefix, attribute.value);
    }
  }
  // An unprefixed element renders its own default namespace; only a prefixed one inherits it explicitly.
  if (!element.prefix) inScope.delete('');
  const ancestorNamespaces = [...inScope].map(([prefix, namespaceURI]) => ({ prefix, namespaceURI }));
  return c14n.process(element as unknown as Node, { ancestorNamespaces });
}
