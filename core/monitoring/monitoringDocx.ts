import { Document, Paragraph, TextRun, type FileChild } from 'docx';
import { body, h1, labelled, pageFrame, styles, title } from '../documents/blocks';
import { packDocx } from '../documents/packDocx';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import type { Chart } from './charts';
import { reportTablesDocx } from './reportTablesDocx';
import type { MonitoringReport } from './report';

/**
 * The anonymous report as DOCX: the same tables as the screen and the CSV,
 * each with its chart as an image. Dated by the day it was made, so the same
 * data on the same day gives the same bytes.
 */
export async function buildMonitoringDocx(
  report: MonitoringReport,
  charts: Chart[],
  period: { from: string; to: string },
  generatedOn: string,
): Promise<Uint8Array> {
  const id = t.documentId(period.from, period.to);
  const children: FileChild[] = [
    title(report.title),
    new Paragraph({ children: [new TextRun({ text: report.subtitle, italics: true })] }),
    ...report.meta.map((entry) => labelled(entry.label, entry.value)),
  ];
  children.push(...reportTablesDocx(report.tables, charts, h1, 40));
  children.push(h1(t.legend.title), ...report.legend.flatMap(body));
  const document = new Document({
    creator: t.title,
    lastModifiedBy: t.title,
    title: `${report.title} ${period.from} – ${period.to}`,
    description: id,
    styles,
    sections: [{ ...pageFrame(t.title, id, t.marking), children }],
  });
  return packDocx(document, `${generatedOn}T00:00:00Z`);
}
