import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipParts } from './packDocx';
import { isXmlChar } from '../../tests/fixtures/xmlChar';
import { assertWellFormedXml, MalformedXmlError, xmlText } from './xmlText';

// Any code point of any plane; a surrogate on its own is a lone surrogate. Weighted towards the edges.
const anyCodePoint = fc
  .oneof(
    fc.integer({ min: 0, max: 0x10ffff }),
    fc.integer({ min: 0, max: 0x20 }),
    fc.integer({ min: 0xd7f0, max: 0xe010 }),
    fc.integer({ min: 0xfdd0, max: 0xffff }),
    fc.constantFrom(0x1fffe, 0x1ffff, 0x10fffe, 0x10ffff, 0x202e, 0x2066, 0x0301),
  )
  .map((cp) => String.fromCodePoint(cp));
const anyText = fc.array(anyCodePoint, { maxLength: 64 }).map((chars) => chars.join(''));
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('xmlText: what XML 1.0 can hold', () => {
  it('removes exactly the code points outside Char and keeps every other one in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const expected = [...text].filter((char) => isXmlChar(char.codePointAt(0)!)).join('');
        expect(xmlText(text)).toBe(expected);
        expect(xmlText(expected)).toBe(expected);
      }),
      { seed: 15, numRuns: 10_000 },
    );
  });

  it('keeps readable text, bidi controls, combining marks and the other noncharacters; drops U+FFFE, U+FFFF, controls and lone surrogates', () => {
    expect(xmlText('Quibus\uFFFE\uFFFF')).toBe('Quibus');
    expect(xmlText('a\u0000b\u0001c\u001Fd\te\nf\rg')).toBe('abcd\te\nf\rg');
    expect(xmlText('x\uD800y\uDFFFz')).toBe('xyz');
    expect(xmlText('🙂 e\u0301 \u202Eabc\u202C \u2066x\u2069 \uFDD0 \u{1FFFE} \uFFFD')).toBe(
      '🙂 e\u0301 \u202Eabc\u202C \u2066x\u2069 \uFDD0 \u{1FFFE} \uFFFD',
    );
  });
});

describe('assertWellFormedXml', () => {
  it('accepts any text once xmlText and escaping made it XML, and refuses it while a forbidden code point is left', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(() =>
          assertWellFormedXml('p.xml', `<a b="${escapeXml(xmlText(text)).replace(/"/g, '&quot;')}">${escapeXml(xmlText(text))}</a>`),
        ).not.toThrow();
        if (xmlText(text) !== text) expect(() => assertWellFormedXml('p.xml', `<a>${escapeXml(text)}</a>`)).toThrow(MalformedXmlError);
      }),
      { seed: 16, numRuns: 5_000 },
    );
  });

  it('names the part and a position, never the text (which may be personal data)', () => {
    const cases = [
      '<a>Sanne de Vries\uFFFF</a>',
      '<a><b>Sanne de Vries</a>',
      '<a>Sanne de Vries &nbsp;</a>',
      'Sanne de Vries',
      '<a x="Sanne" x="de Vries"/>',
    ];
    for (const xml of cases) {
      let error: unknown;
      try {
        assertWellFormedXml('word/document.xml', xml);
      } catch (caught) {
        error = caught;
      }
      expect(error, xml).toBeInstanceOf(MalformedXmlError);
      expect((error as Error).message).toMatch(/^word\/document\.xml is not well-formed XML \(/);
      expect((error as Error).message).not.toMatch(/Sanne|Vries/);
    }
  });

  it('is checked on every XML part before a package is zipped, so no broken document can be stored or saved', () => {
    const parts = {
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document>Quibus\uFFFE\uFFFF</w:document>'),
    };
    expect(() => zipParts(parts)).toThrow('word/document.xml is not well-formed XML (U+FFFE at offset 18)');
    // Media are not XML: their bytes are never judged as text.
    expect(zipParts({ '[Content_Types].xml': strToU8('<Types/>'), 'word/media/a.png': new Uint8Array([0xff, 0xfe, 0]) })).toBeInstanceOf(
      Uint8Array,
    );
  });
});
