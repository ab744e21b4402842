import { today, type Clock } from '../clock';
import { reportCharts } from '../monitoring/charts';
import { monitoringCsv } from '../monitoring/csv';
import { buildMonitoringDocx } from '../monitoring/monitoringDocx';
import { monitoringReport } from '../monitoring/report';
import { combineMeasures } from './combine';
import type { Contribution } from './contribution';

// The coordinator's report as a file, from contributions already read and
// checked: the exact sums, then suppression once, as DOCX or CSV in the
// conventions of the school report. Without gebieden its tables are exactly
// those `export monitoring` writes for the same schools in one file.

export interface RegionalReportRequest {
  format: 'docx' | 'csv';
  /** A `school;gebied` CSV: adds the per-gebied sections. */
  groups?: Uint8Array;
}

export interface RegionalReportFile {
  bytes: Uint8Array;
  period: { from: string; to: string };
  schools: number;
  /** Periods in the file (1 without a learning cycle). */
  periods: number;
  /** What the person running it should know (English, for the CLI). */
  notes: string[];
}

/** The period the report is about: the latest one the contributions cover. */
export function latestPeriod(contributions: readonly Contribution[]): { from: string; to: string } {
  return contributions
    .map((contribution) => contribution.period)
    .reduce((latest, period) => (period.to > latest.to || (period.to === latest.to && period.from > latest.from) ? period : latest));
}

/** The regional report of the latest period the contributions cover, as file bytes. */
export async function regionalReportFile(
  contributions: readonly Contribution[],
  request: RegionalReportRequest,
  clock: Clock,
): Promise<RegionalReportFile> {
  const period = latestPeriod(contributions);
  const current = contributions.filter((contribution) => contribution.period.from === period.from && contribution.period.to === period.to);
  const notes: string[] = [];
  const older = contributions.length - current.length;
  if (older > 0) notes.push(`${older} contribution(s) of earlier periods are not in this report; combine each period on its own.`);
  const measures = combineMeasures(current, clock);
  const report = monitoringReport(measures);
  const bytes =
    request.format === 'csv'
      ? monitoringCsv(report)
      : await buildMonitoringDocx(report, await reportCharts(report.tables), period, today(clock));
  return { bytes, period, schools: current.length, periods: 1, notes };
}
