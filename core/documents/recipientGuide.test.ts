import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libreOfficeCheck } from '../../tests/readers/libreoffice';
import { dutchCommandLabel, dutchStrings, shown, writerMenuCommands } from '../../tests/readers/libreofficeDutch';
import { recipientGuide, type GuideText } from '../i18n/nlRecipientGuide';
import { recipientGuideExport } from '../services/recipientGuideExport';
import { recipientGuideMarkdown, uiText } from './recipientGuideText';

const root = path.join(import.meta.dirname, '..', '..');
const pieces = (): GuideText[] =>
  recipientGuide.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.text : block.items.flat())),
  );
const quoted = (ui: 'lo' | 'word' | 'windows') =>
  pieces().filter((piece): piece is Exclude<GuideText, string> => typeof piece !== 'string' && piece.ui === ui);

describe('the guide for recipients of a signed verslag', () => {
  it('docs/ontvangers.md is made from the same source as the DOCX (npm run docs:ontvangers writes it)', () => {
    const file = fs.readFileSync(path.join(root, 'docs', 'ontvangers.md'), 'utf8');
    expect(file, 'docs/ontvangers.md is stale: run `npm run docs:ontvangers`').toBe(recipientGuideMarkdown());
  });

  it('quotes LibreOffice only in words of its own Dutch translation (LibreOffice 7.4, libreoffice-l10n-nl)', () => {
    const translations = new Set(['sfx', 'xsc', 'svx', 'uui'].flatMap((module) => [...dutchStrings(module).values()].map(shown)));
    const sentences = [...translations];
    const lo = quoted('lo');
    expect(lo.length).toBeGreaterThan(8);
    for (const piece of lo) {
      if (piece.labels.length > 1) continue;
      const [label] = piece.labels;
      // A label is a whole translated string; a sentence may be the first line of a longer message.
      expect(translations.has(label) || sentences.some((text) => text.startsWith(label)), label).toBe(true);
    }
    // The menu path: Writer's File menu holds the Digital Signatures submenu, which holds the command.
    const menu = quoted('lo').find((piece) => piece.labels.length > 1)!;
    expect(menu.labels).toEqual(
      ['.uno:PickList', '.uno:SignaturesMenu', '.uno:Signature'].map((command) => shown(dutchCommandLabel(command))),
    );
    const menubar = writerMenuCommands();
    const file = menubar.slice(menubar.indexOf('menu:id=".uno:PickList"'), menubar.indexOf('</menu:menu>\n  <menu:menu'));
    expect(file).toMatch(/<menu:menu menu:id="\.uno:SignaturesMenu">\s*<menu:menupopup>\s*<menu:menuitem menu:id="\.uno:Signature"/);
    // The messages the guide describes are LibreOffice's own, word for word (see signing.test.ts for when it shows them).
    const sfx = dutchStrings('sfx');
    const text = recipientGuideMarkdown();
    for (const id of ['STR_SIGNATURE_NOTVALIDATED_PARTIAL_OK', 'STR_SIGNATURE_BROKEN', 'STR_SIGNATURE_SHOW'])
      expect(text).toContain(sfx.get(id));
    const xsc = dutchStrings('xsc');
    for (const id of ['digitalsignaturesdialog|invalidft', 'digitalsignaturesdialog|view', 'STR_THUMBPRINT_SHA1', 'viewcertdialog|details'])
      expect(text).toContain(shown(xsc.get(id)!));
  });

  it('exports as a one-page DOCX without school data, with every section, read back by LibreOffice', async () => {
    const built = await recipientGuideExport();
    expect(built.name).toBe('Handtekening controleren - uitleg voor ontvangers.docx');
    expect(built.entity).toBeNull();
    const rendered = libreOfficeCheck(built.bytes, { pdf: true }).pdfText!;
    // pdftotext ends every page with a form feed: one page.
    expect(rendered.split('\f').filter((page) => page.trim()).length).toBe(1);
    const pdf = rendered.replace(/\s+/g, ' ');
    for (const heading of [recipientGuide.title, ...recipientGuide.sections.map((section) => section.heading)])
      expect(pdf).toContain(heading);
    expect(pdf).toContain(uiText(quoted('word')[0]));
  });
});
