import { differenceInCalendarMonths, parseISO } from 'date-fns';
import type { Clock } from '../clock';
import { formatShortDate } from '../i18n/formatDate';
import { nlRegioReport as t } from '../i18n/nlRegioReport';
import {
  linkedMonitoringReport,
  type LinkedReport,
  type LinkedReportInput,
  type PeriodColumn,
  type ReportNode,
} from '../monitoring/linkedReport';
import type { MonitoringMeasures } from '../monitoring/measures';
import { combineMeasures } from './combine';
import type { Contribution } from './contribution';

// The region's report from the contributions it holds: the region, its
// gebieden and its schools for one period, and the learning cycle over the
// periods of the same length up to it, suppressed together.

/** A contribution with where it belongs in the region. */
export interface PlacedContribution {
  contribution: Contribution;
  /** The name the region knows the school by. */
  schoolName: string;
  /** The school's gebied, or null. */
  areaName: string | null;
}

export interface Period {
  from: string;
  to: string;
}

const samePeriod = (a: Period, b: Period) => a.from === b.from && a.to === b.to;
const byName = (a: string, b: string) => a.localeCompare(b, 'nl');
/** Whole months a period spans (a quarter 3, a school year 12): periods of one length form a learning cycle. */
const lengthOf = (period: Period) => differenceInCalendarMonths(parseISO(period.to), parseISO(period.from));

/** How a period is named in the learning cycle: "K3 2026" for a calendar quarter, "2025-2026" for a school year, else its dates. */
export function periodLabel(period: Period): string {
  const [fromYear, fromMonth, fromDay] = period.from.split('-').map(Number);
  const [toYear, toMonth] = period.to.split('-').map(Number);
  const endsMonth = period.to === new Date(Date.UTC(toYear, toMonth, 0)).toISOString().slice(0, 10);
  if (fromDay === 1 && endsMonth && fromYear === toYear && (fromMonth - 1) % 3 === 0 && toMonth === fromMonth + 2)
    return `K${(fromMonth + 2) / 3} ${fromYear}`;
  if (fromDay === 1 && endsMonth && fromMonth === 8 && toMonth === 7 && toYear === fromYear + 1) return `${fromYear}-${toYear}`;
  return `${formatShortDate(period.from)} – ${formatShortDate(period.to)}`;
}

/** Every node of one period judged on the same day as the region, so a late export does not set a school apart. */
function asOfRegion(measures: MonitoringMeasures, asOf: string): MonitoringMeasures {
  return { ...measures, leadCoverage: { ...measures.leadCoverage, asOf } };
}

/**
 * The region's report for `period`: the region, with `parts` its gebieden
 * (when any school has one) and schools, and the learning cycle when there are
 * earlier periods of the same length.
 */
export function regionalReport(input: RegionalInput, clock: Clock): LinkedReport {
  const full = regionalReportInput(input, clock);
  const areas = full.root.children ?? [];
  // Gebieden (or, without gebieden, the region) first, without their schools.
  const grouped = areas.some((area) => area.children);
  const withoutSchools: LinkedReportInput = {
    ...full,
    root: { ...full.root, children: grouped ? areas.map((area) => ({ ...area, children: undefined })) : undefined },
  };
  let report = linkedMonitoringReport(withoutSchools);
  if (!input.parts) return report;
  // Per school only where that hides nothing more above it: the schools are added when the region's
  // and the gebieden's tables stay exactly as they were without them (one more suppression, not one per gebied:
  // the report is computed while the coordinator waits).
  const upper = (linked: LinkedReport) =>
    JSON.stringify(linked.nodes.filter((node) => node.level !== 'school').map((node) => node.report.tables));
  const tried = linkedMonitoringReport(full);
  const schools = tried.nodes.filter((node) => node.level === 'school');
  if (upper(tried) === upper(report) && schools.some((node) => !node.entirelyHidden)) report = tried;
  return report;
}

export interface RegionalInput {
  regionName: string;
  items: readonly PlacedContribution[];
  period: Period;
  parts: boolean;
}

/** The tree of exact measures the regional report suppresses: the region, its parts and the cycle. */
export function regionalReportInput(input: RegionalInput, clock: Clock): LinkedReportInput {
  const current = input.items.filter((item) => samePeriod(item.contribution.period, input.period));
  if (current.length === 0) throw new RangeError('no contributions for this period');
  const rootMeasures = combineMeasures(
    current.map((item) => item.contribution),
    clock,
  );
  const asOf = rootMeasures.leadCoverage.asOf;
  const schoolNode = (item: PlacedContribution): ReportNode => ({
    label: item.schoolName,
    level: 'school',
    measures: asOfRegion(combineMeasures([item.contribution], clock), asOf),
  });
  const schools = [...current].sort((a, b) => byName(a.schoolName, b.schoolName));
  let children: ReportNode[] | undefined = input.parts ? schools.map(schoolNode) : undefined;
  if (input.parts && current.some((item) => item.areaName !== null)) {
    const areas = [...new Set(current.map((item) => item.areaName))].sort((a, b) => (a === null ? 1 : b === null ? -1 : byName(a, b)));
    children = areas.map((area) => {
      const inArea = schools.filter((item) => item.areaName === area);
      return {
        label: area ?? t.noArea,
        level: 'area' as const,
        measures: asOfRegion(
          combineMeasures(
            inArea.map((item) => item.contribution),
            clock,
          ),
          asOf,
        ),
        children: inArea.map(schoolNode),
      };
    });
  }

  // The learning cycle: the periods of the same length up to this one (at most eight), region level.
  const periods = [
    ...new Map(
      input.items.map((item) => [`${item.contribution.period.from}/${item.contribution.period.to}`, item.contribution.period]),
    ).values(),
  ]
    .filter((period) => lengthOf(period) === lengthOf(input.period) && period.to <= input.period.to)
    .sort((a, b) => a.from.localeCompare(b.from))
    .slice(-8);
  const cycle: PeriodColumn[] = periods.map((period) => ({
    label: periodLabel(period),
    measures: combineMeasures(
      input.items.filter((item) => samePeriod(item.contribution.period, period)).map((item) => item.contribution),
      clock,
    ),
  }));
  return {
    root: { label: input.regionName || t.regionLabel, measures: rootMeasures, children },
    // Theme columns only for the region: split by theme, a gebied's small counts would hide the region's own.
    themeDepth: 0,
    cycle: cycle.length > 1 ? { periods: cycle, partitionsRootPeriod: false } : undefined,
  };
}
