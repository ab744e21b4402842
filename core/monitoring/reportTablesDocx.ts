import { ImageRun, Paragraph, type FileChild } from 'docx';
import { body, table } from '../documents/blocks';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import { chartPng, type Chart } from './charts';
import type { ReportTable } from './report';

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
 * Report tables as DOCX blocks, each under its heading with its chart (when one is
 * given for it): the school report and the regional report print them alike.
 * `labelPercent` is the label column's width when there are more than two counts.
 */
export function reportTablesDocx(
  tables: readonly ReportTable[],
  charts: readonly Chart[],
  heading: (text: string) => Paragraph,
  labelPercent: number,
): FileChild[] {
  const children: FileChild[] = [];
  for (const [index, reportTable] of tables.entries()) {
    children.push(heading(reportTable.title));
    const chart = charts.find((candidate) => candidate.table === index);
    if (chart) children.push(chartImage(chart));
    if (reportTable.rows.length === 0) {
      children.push(...body(reportTable.emptyText ?? ''));
      continue;
    }
    const others = reportTable.columns.length - 1;
    const labelWidth = others > 2 ? labelPercent : 60;
    children.push(
      table(
        reportTable.columns,
        reportTable.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)]),
        [labelWidth, ...Array.from({ length: others }, () => (100 - labelWidth) / others)],
      ),
    );
  }
  return children;
}
