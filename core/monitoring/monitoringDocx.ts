import { Document, ImageRun, Paragraph, TextRun, type FileChild } from 'docx';
import { body, h1, labelled, pageFrame, styles, table, title } from '../documents/blocks';
import { packDocx } from '../documents/packDocx';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import { chartPng, type Chart } from './charts';
import type { MonitoringReport } from './report';

// Word shows an image at 96 pixels per inch; the chart is drawn at that size and rasterized at twice it.
const SHOWN_WIDTH = 600;

function chartImage(chart: Chart): Paragraph {
  const scale = SHOWN_WIDTH / chart.width;
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: chartPng(chart),
        transformation: { width: SHOWN_WIDTH, height: Math.round(chart.height * scale) },
        altText: { name: t.screen.chartAlt(''), description: chart.description, title: chart.description },
      }),
    ],
  });
}

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
  for (const [index, reportTable] of report.tables.entries()) {
    children.push(h1(reportTable.title));
    const chart = charts.find((candidate) => candidate.table === index);
    if (chart) children.push(chartImage(chart));
    if (reportTable.rows.length === 0) {
      children.push(...body(reportTable.emptyText ?? ''));
      continue;
    }
    const others = reportTable.columns.length - 1;
    const labelWidth = others > 2 ? 40 : 60;
    children.push(
      table(
        reportTable.columns,
        reportTable.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)]),
        [labelWidth, ...Array.from({ length: others }, () => (100 - labelWidth) / others)],
      ),
    );
  }
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
