import { today, type Clock } from '../clock';
import { reportCharts } from '../monitoring/charts';
import { linkedReportCsv, monitoringCsv } from '../monitoring/csv';
import { buildMonitoringDocx } from '../monitoring/monitoringDocx';
import { monitoringReport } from '../monitoring/report';
import { nocase, parseSchoolsCsv } from '../services/region/schoolsCsv';
import { combineMeasures } from './combine';
import type { Contribution } from './contribution';
import { buildRegionalDocx } from './regionalDocx';
import { regionalReport, type PlacedContribution } from './regionalReport';

// `regio combine`'s report as a file, from contributions already read and
// checked: the exact sums, then suppression once, as DOCX or CSV in the
// conventions of the school report. One period without gebieden gives exactly
// the tables `export monitoring` writes for the same schools in one file;
// gebieden add their sections, earlier periods the learning cycle.

export interface RegionalReportRequest {
  format: 'docx' | 'csv';
  /** A `school;gebied` CSV: adds the per-gebied sections. */
  groups?: Uint8Array;
}

export interface RegionalReportFile {
  bytes: Uint8Array;
  period: { from: string; to: string };
  schools: number;
  /** Periods in the learning cycle (1: none). */
  periods: number;
  /** What the person running it should know (English, for the CLI). */
  notes: string[];
}

/** Thrown for a --groups file that cannot be read: its problems, one per line, as the app shows them. */
export class GroupsFileError extends Error {
  constructor(readonly problems: string[]) {
    super('the groups file cannot be read');
  }
}

/** The period the report is about: the latest one the contributions cover. */
export function latestPeriod(contributions: readonly Contribution[]): { from: string; to: string } {
  return contributions
    .map((contribution) => contribution.period)
    .reduce((latest, period) => (period.to > latest.to || (period.to === latest.to && period.from > latest.from) ? period : latest));
}

/** Each contribution with its gebied from the groups file (null when the file does not name its school). */
function place(contributions: readonly Contribution[], groups: Uint8Array | undefined, notes: string[]): PlacedContribution[] {
  const areaOf = new Map<string, string | null>();
  if (groups) {
    const parsed = parseSchoolsCsv(groups);
    if (!parsed.ok) throw new GroupsFileError(parsed.problems);
    for (const school of parsed.schools) areaOf.set(nocase(school.school), school.area);
  }
  const missing = new Set<string>();
  const placed = contributions.map((contribution) => {
    const key = nocase(contribution.school.name);
    if (groups && !areaOf.has(key)) missing.add(contribution.school.name);
    return { contribution, schoolName: contribution.school.name, areaName: areaOf.get(key) ?? null };
  });
  for (const name of missing) notes.push(`${name} is not in the groups file; it is counted without a gebied.`);
  return placed;
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
  const items = place(contributions, request.groups, notes);
  const periods = new Set(contributions.map((contribution) => `${contribution.period.from}/${contribution.period.to}`)).size;
  if (periods === 1 && !request.groups) {
    const measures = combineMeasures(current, clock);
    const report = monitoringReport(measures);
    const bytes =
      request.format === 'csv'
        ? monitoringCsv(report)
        : await buildMonitoringDocx(report, await reportCharts(report.tables), period, today(clock));
    return { bytes, period, schools: current.length, periods: 1, notes };
  }
  const report = regionalReport({ regionName: '', items, period, parts: request.groups !== undefined }, clock);
  const cyclePeriods = report.cycle?.periods.length ?? 1;
  if (periods > cyclePeriods)
    notes.push(`${periods - cyclePeriods} period(s) of another length or after ${period.to} are not in this report.`);
  const bytes =
    request.format === 'csv'
      ? linkedReportCsv(report)
      : await buildRegionalDocx(report, { regionName: '', period, generatedOn: today(clock) });
  return { bytes, period, schools: current.length, periods: cyclePeriods, notes };
}
