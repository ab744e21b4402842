import { Document, HeadingLevel, LevelFormat, Paragraph, TextRun, type FileChild } from 'docx';
import { nl } from '../i18n/nl';
import type { GuideText } from '../i18n/nlRecipientGuide';
import { pageFrame, styles } from './blocks';
import { packDocx } from './packDocx';
import { uiText } from './recipientGuideText';

const g = () => nl.recipientGuide;
const runs = (pieces: GuideText[]) =>
  pieces.map((piece) => (typeof piece === 'string' ? new TextRun(piece) : new TextRun({ text: uiText(piece), bold: true })));

/** The recipients' guide as a one-page DOCX to send along with a signed verslag; the same text as docs/ontvangers.md. */
export async function buildRecipientGuideDocx(): Promise<Uint8Array> {
  const guide = g().guide;
  const children: FileChild[] = [
    new Paragraph({ text: guide.title, heading: HeadingLevel.TITLE, spacing: { after: 120 } }),
    new Paragraph({ children: runs(guide.intro) }),
  ];
  guide.sections.forEach((section, sectionIndex) => {
    children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_2, spacing: { before: 160, after: 60 } }));
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') children.push(new Paragraph({ children: runs(block.text) }));
      else
        for (const item of block.items)
          children.push(
            new Paragraph({
              children: runs(item),
              // Each section's steps count from 1 again.
              numbering: { reference: block.kind === 'steps' ? 'steps' : 'bullets', level: 0, instance: sectionIndex },
            }),
          );
    }
  });
  const document = new Document({
    creator: 'MDO',
    title: guide.title,
    description: g().documentId,
    // One page to print and send along: a little smaller than the verslag (10 pt, tighter spacing).
    styles: {
      ...styles,
      default: { document: { run: { font: styles.default!.document!.run!.font, size: 20 }, paragraph: { spacing: { after: 80 } } } },
    },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', style: { paragraph: { indent: { left: 360, hanging: 360 } } } }],
        },
        {
          reference: 'bullets',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', style: { paragraph: { indent: { left: 360, hanging: 360 } } } }],
        },
      ],
    },
    sections: [
      {
        ...pageFrame('MDO', g().documentId, g().marking),
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children,
      },
    ],
  });
  // A fixed moment: the same guide gives the same bytes.
  return packDocx(document, '2026-12-01T00:00:00Z');
}
