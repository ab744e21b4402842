import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type Clock } from '../clock';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import type { FileDialogs } from '../ipc/fileDialogs';
import { reportCharts } from '../monitoring/charts';
import { monitoringCsv } from '../monitoring/csv';
import { measureAll, type MonitoringPeriod } from '../monitoring/measures';
import { buildMonitoringDocx } from '../monitoring/monitoringDocx';
import { monitoringReport, type ReportTable } from '../monitoring/report';
import { recordAudit } from './audit';

/** The anonymous report for a period and schools: the tables the Monitoring screen shows first. */
export async function monitoringView(db: Kysely<DB>, period: MonitoringPeriod, clock: Clock) {
  return { report: monitoringReport(await measureAll(db, period, clock)) };
}

/** The charts of a report's tables, which the screen shows once drawn. */
export async function monitoringCharts(tables: readonly ReportTable[]) {
  const charts = await reportCharts(tables);
  return { charts: charts.map(({ table, svg, description }) => ({ table, svg, description })) };
}

/** The report as file bytes: DOCX with the charts as images, or CSV for Dutch Excel. */
export async function monitoringFile(db: Kysely<DB>, period: MonitoringPeriod, format: 'docx' | 'csv', clock: Clock): Promise<Uint8Array> {
  const measures = await measureAll(db, period, clock);
  const report = monitoringReport(measures);
  if (format === 'csv') return monitoringCsv(report);
  return buildMonitoringDocx(report, await reportCharts(report.tables), period, measures.generatedOn);
}

/** Saves the report through the save dialog; the audit log records only that it happened. */
export async function exportMonitoring(
  db: Kysely<DB>,
  request: MonitoringPeriod & { format: 'docx' | 'csv' },
  files: FileDialogs,
  clock: Clock,
): Promise<{ fileName: string | null }> {
  const bytes = await monitoringFile(db, request, request.format, clock);
  const fileName = await files.save(t.fileName(request.from, request.to, request.format), bytes);
  if (fileName) await recordAudit(db, { action: 'export.monitoring', entity: 'report' }, clock);
  return { fileName };
}
