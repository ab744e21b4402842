import { xmlText } from '../documents/xmlText';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import type { MonitoringReport } from './report';

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

/** The report's lines: title, meta (dates in ISO, as every CSV MDO writes), then each table (title, header, rows) after an empty line, then the legend. */
export function monitoringCsvLines(report: MonitoringReport): string[][] {
  const lines: string[][] = [[report.title], [report.subtitle], ...report.meta.map((entry) => [entry.label, entry.csv ?? entry.value])];
  for (const table of report.tables) {
    lines.push([], [table.title], table.columns);
    if (table.rows.length === 0 && table.emptyText) lines.push([table.emptyText]);
    for (const row of table.rows) lines.push([row.label, ...row.cells.map((cell) => cell.text)]);
  }
  lines.push([], [t.legend.title], ...report.legend.map((text) => [text]));
  return lines;
}

/** The monitoring report as a CSV file's bytes: UTF-8 with BOM, ';', CRLF. */
export function monitoringCsv(report: MonitoringReport): Uint8Array {
  return new TextEncoder().encode(BOM + csvText(monitoringCsvLines(report)));
}
