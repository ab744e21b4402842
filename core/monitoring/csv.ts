import { xmlText } from '../documents/xmlText';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import type { LinkedReport } from './linkedReport';
import type { MonitoringReport, ReportTable } from './report';

// CSV as Dutch Excel opens it by double-click: UTF-8 with a byte order mark,
// ';' between fields (the comma is the decimal sign), CRLF after every line.

const SEPARATOR = ';';
const NEWLINE = '\r\n';
const BOM = '\uFEFF';

/**
 * One field: quoted when it holds the separator, a quote or a line break
 * (quotes doubled). Text that a spreadsheet would run as a formula (a theme
 * or tag name typed as "=...", "+...", "-..." or "@...") gets a leading
 * apostrophe, so opening the file never executes anything. Code points XML
 * cannot hold are removed first (Excel keeps cells in XML and trips over
 * them), so none of them can hide a formula from that check either.
 */
export function csvField(value: string): string {
  const text = xmlText(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Lines of fields as CSV text, without the byte order mark. */
export function csvText(lines: readonly (readonly string[])[]): string {
  return lines.map((fields) => fields.map(csvField).join(SEPARATOR) + NEWLINE).join('');
}

/** One table's lines after an empty line: title, header, rows (or the text for no rows). */
export function tableCsvLines(table: ReportTable): string[][] {
  const lines: string[][] = [[], [table.title], table.columns];
  if (table.rows.length === 0 && table.emptyText) lines.push([table.emptyText]);
  for (const row of table.rows) lines.push([row.label, ...row.cells.map((cell) => cell.text)]);
  return lines;
}

const metaLines = (report: MonitoringReport) => report.meta.map((entry) => [entry.label, entry.csv ?? entry.value]);
const legendLines = (legend: readonly string[]) => [[], [t.legend.title], ...legend.map((text) => [text])];

/** The report's lines: title, meta (dates in ISO, as every CSV MDO writes), then each table (title, header, rows) after an empty line, then the legend. */
export function monitoringCsvLines(report: MonitoringReport): string[][] {
  return [[report.title], [report.subtitle], ...metaLines(report), ...report.tables.flatMap(tableCsvLines), ...legendLines(report.legend)];
}

/**
 * The region's report as lines: title and meta of the region, then each part
 * under its own heading (the region, each gebied, each school; a part's meta
 * other than the region's, such as its schools or the note that all its
 * counts are hidden, under the heading), then the learning cycle, then the
 * legend once.
 */
export function linkedReportCsvLines(report: LinkedReport): string[][] {
  const root = report.nodes[0].report;
  const lines: string[][] = [[root.title], [root.subtitle], ...metaLines(root)];
  for (const node of report.nodes) {
    lines.push([], [t.linked.heading(t.linked.level[node.level], node.path.join(' / '))]);
    if (node.depth > 0) {
      const shared = new Set(root.meta.map((entry) => `${entry.label}\u0000${entry.csv ?? entry.value}`));
      lines.push(...metaLines(node.report).filter(([label, value]) => !shared.has(`${label}\u0000${value}`)));
    }
    lines.push(...node.report.tables.flatMap(tableCsvLines));
  }
  if (report.cycle) {
    lines.push([], [t.linked.cycleTitle]);
    lines.push(...report.cycle.tables.flatMap(tableCsvLines));
  }
  lines.push(...legendLines(report.legend));
  return lines;
}

/** The region's report as a CSV file's bytes: UTF-8 with BOM, ';', CRLF. */
export function linkedReportCsv(report: LinkedReport): Uint8Array {
  return new TextEncoder().encode(BOM + csvText(linkedReportCsvLines(report)));
}

/** The monitoring report as a CSV file's bytes: UTF-8 with BOM, ';', CRLF. */
export function monitoringCsv(report: MonitoringReport): Uint8Array {
  return new TextEncoder().encode(BOM + csvText(monitoringCsvLines(report)));
}
