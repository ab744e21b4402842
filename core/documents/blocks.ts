import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
} from 'docx';
import { nl } from '../i18n/nl';

// Building blocks shared by every document, so the verslag, the parent
// version and the dossier look alike in Word and LibreOffice.

const FONT = 'Calibri';

export const styles: IStylesOptions = {
  default: { document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120 } } } },
  paragraphStyles: [
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      run: { size: 36, bold: true, color: '2B3A8C' },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: 'Heading1',
      name: 'Heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 28, bold: true, color: '2B3A8C' },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
    },
    {
      id: 'Heading2',
      name: 'Heading 2',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 24, bold: true },
      paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
    },
  ],
};

export const title = (text: string) => new Paragraph({ text, heading: HeadingLevel.TITLE });
export const h1 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
export const h2 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });

/** Paragraphs for free text: one per line the user typed. */
export function body(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: 'A0A7B4' };

/** A full-width table with a shaded header row; column widths in percent. */
export function table(headers: string[], rows: string[][], widths: number[]): Table {
  const cell = (text: string, header: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      shading: header ? { fill: 'E8EBF7' } : undefined,
      borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((text, index) => cell(text, true, widths[index])) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, index) => cell(text, false, widths[index])) })),
    ],
  });
}

/** "Vertrouwelijk" (or another marking) and the school in the header; "pagina X van Y" and the document id in the footer. */
export function pageFrame(schoolName: string, documentId: string, marking: string = nl.docs.confidential) {
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: marking.toUpperCase(), bold: true, color: 'B3261E' }), new TextRun(`  ·  ${schoolName}`)],
          }),
        ],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ children: [`${nl.docs.page} `, PageNumber.CURRENT, ` ${nl.docs.of} `, PageNumber.TOTAL_PAGES], size: 18 }),
              new TextRun({ text: `  ·  ${nl.docs.documentId} ${documentId}`, size: 18, color: '5C636A' }),
            ],
          }),
        ],
      }),
    },
  };
}
