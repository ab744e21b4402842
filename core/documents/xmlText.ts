import { DOMParser } from '@xmldom/xmldom';

// XML 1.0 (fifth edition) can hold only the code points of its `Char` production:
//   #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// Anything else (C0 controls, lone surrogates, the noncharacters U+FFFE and U+FFFF)
// makes a part that Word and LibreOffice refuse to open. Every document MDO writes
// (DOCX parts, chart SVG, CSV for Excel, which keeps its cells in XML) follows this rule.
//
// Such code points are removed, not replaced by U+FFFD: none of them is readable (the docx
// package already drops C0 controls silently), and a '�' in a signed verslag looks like a
// damaged file. The database keeps what was typed (search, the AVG export and the name check
// before an erasure rely on that); only documents follow the XML rule.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text with every code point XML cannot hold removed; everything else, including
 * bidi controls, combining marks and the other noncharacters, stays as it was.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** A document part that is not well-formed XML. The message names the part and a position, never its text. */
export class MalformedXmlError extends Error {
  constructor(part: string, where: string) {
    super(`${part} is not well-formed XML (${where})`);
    this.name = 'MalformedXmlError';
  }
}

/** Throws MalformedXmlError unless `xml` is a well-formed XML document made of allowed characters only. */
export function assertWellFormedXml(part: string, xml: string): void {
  const at = xml.search(NOT_XML_CHAR);
  if (at >= 0) throw new MalformedXmlError(part, `U+${xml.codePointAt(at)!.toString(16).toUpperCase()} at offset ${at}`);
  let where = 'no position';
  try {
    new DOMParser({
      onError: (level, _message, context: { locator?: { lineNumber?: number; columnNumber?: number } } | undefined) => {
        if (level === 'warning') return;
        where = `line ${context?.locator?.lineNumber ?? '?'}, column ${context?.locator?.columnNumber ?? '?'}`;
        throw new Error(level);
      },
    }).parseFromString(xml, 'text/xml');
  } catch {
    // The parser's own message may quote the document, which holds personal data: only the position leaves.
    throw new MalformedXmlError(part, where);
  }
}
