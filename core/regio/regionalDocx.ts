import { Document, Paragraph, TextRun, type FileChild } from 'docx';
import { body, h1, h2, labelled, pageFrame, styles, title } from '../documents/blocks';
import { packDocx } from '../documents/packDocx';
import { nlMonitoring as m } from '../i18n/nlMonitoring';
import { nlRegioReport as t } from '../i18n/nlRegioReport';
import { reportCharts, type Chart } from '../monitoring/charts';
import { reportTablesDocx } from '../monitoring/reportTablesDocx';
import { cycleCharts } from '../monitoring/cycleCharts';
import type { LinkedReport } from '../monitoring/linkedReport';
import type { ReportTable } from '../monitoring/report';

// The regional report as DOCX, in the conventions of the school report: the
// region with its bar charts, then each gebied and each school (tables only),
// then the learning cycle with a line chart per table, then the legend once.

/** The tables of one level; the label column is narrower than the school report's, for the region's wider counts. */
function tablesWith(tables: readonly ReportTable[], charts: readonly Chart[], heading: (text: string) => Paragraph): FileChild[] {
  return reportTablesDocx(tables, charts, heading, 34);
}

/** The regional report as DOCX bytes; the same report on the same day gives the same bytes. */
export async function buildRegionalDocx(
  report: LinkedReport,
  document: { regionName: string; period: { from: string; to: string }; generatedOn: string },
): Promise<Uint8Array> {
  const root = report.nodes[0];
  const id = t.documentId(document.period.from, document.period.to);
  const children: FileChild[] = [
    title(t.title(document.regionName)),
    new Paragraph({ children: [new TextRun({ text: root.report.subtitle, italics: true })] }),
    ...root.report.meta.map((entry) => labelled(entry.label, entry.value)),
    h1(t.regionHeading),
    ...tablesWith(root.report.tables, await reportCharts(root.report.tables), h2),
  ];
  for (const level of ['area', 'school'] as const) {
    const nodes = report.nodes.filter((node) => node.level === level);
    if (nodes.length === 0) continue;
    children.push(h1(level === 'area' ? t.areasHeading : t.schoolsHeading));
    for (const node of nodes) {
      children.push(h2(node.path.slice(1).join(' / ')));
      if (node.entirelyHidden) children.push(...body(t.entirelyHidden));
      const shared = new Set(root.report.meta.map((entry) => `${entry.label}\u0000${entry.value}`));
      children.push(
        ...node.report.meta
          .filter((entry) => !shared.has(`${entry.label}\u0000${entry.value}`))
          .map((entry) => labelled(entry.label, entry.value)),
      );
      children.push(...tablesWith(node.report.tables, [], (text) => new Paragraph({ children: [new TextRun({ text, bold: true })] })));
    }
  }
  if (report.cycle) {
    children.push(h1(t.cycleHeading), ...body(t.cycleIntro));
    children.push(...tablesWith(report.cycle.tables, await cycleCharts(report.cycle.tables), h2));
  }
  children.push(h1(m.legend.title), ...report.legend.flatMap(body));
  const doc = new Document({
    creator: t.title(document.regionName),
    lastModifiedBy: t.title(document.regionName),
    title: `${t.title(document.regionName)} ${document.period.from} – ${document.period.to}`,
    description: id,
    styles,
    sections: [{ ...pageFrame(document.regionName, id, m.marking), children }],
  });
  return packDocx(doc, `${document.generatedOn}T00:00:00Z`);
}
