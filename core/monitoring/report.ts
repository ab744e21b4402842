import { formatShortDate } from '../i18n/formatDate';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import { MIN_COUNT, shownValue, suppressCount, suppressGroup, type Cell } from './suppress';
import { NO_THEME, type MonitoringMeasures, type TagThemeRow } from './measures';

// The anonymous monitoring report: the measures as Dutch tables, every small
// count suppressed. What leaves this module holds no hidden number, so the
// screen, the CSV and anything else built on it can show it as it is.

export interface ReportCell {
  /** As shown: "12", "<5", "x", "83%", "17,5", "–" or "". */
  text: string;
  /** The shown number (a count, a fraction for shares, days for the median); null when nothing is shown. */
  value: number | null;
}

export interface ReportRow {
  label: string;
  /** A total or a derived number, not one of the table's categories: charts leave it out. */
  summary?: boolean;
  cells: ReportCell[];
}

export interface ReportTable {
  title: string;
  /** Header of the label column first, then one per cell. */
  columns: string[];
  rows: ReportRow[];
  /** Shown instead of rows when there are none. */
  emptyText?: string;
}

export interface MonitoringReport {
  title: string;
  subtitle: string;
  /** value as people read it; csv (ISO dates) where the CSV file writes something else. */
  meta: { label: string; value: string; csv?: string }[];
  tables: ReportTable[];
  legend: string[];
}

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

const blank: ReportCell = { text: '', value: null };
const notShown: ReportCell = { text: t.cells.notShown, value: null };

function countCell(cell: Cell): ReportCell {
  if (cell.kind === 'small') return { text: t.cells.small, value: null };
  if (cell.kind === 'hidden') return { text: t.cells.hidden, value: null };
  return { text: numberFormat.format(cell.value), value: cell.value };
}

/** A share is shown only when its count and the total are: otherwise it would give a hidden count away. */
function shareCell(cell: Cell, total: Cell | null): ReportCell {
  const part = shownValue(cell);
  const whole = total ? shownValue(total) : null;
  if (part === null || !whole) return notShown;
  return { text: percentFormat.format(part / whole), value: part / whole };
}

function row(label: string, ...cells: ReportCell[]): ReportRow {
  return { label, cells };
}

function summaryRow(label: string, ...cells: ReportCell[]): ReportRow {
  return { label, summary: true, cells };
}

/** Rows of counts that stand alone: no shown total relates them. */
function standalone(entries: [string, number][]): ReportRow[] {
  return entries.map(([label, value]) => row(label, countCell(suppressCount(value))));
}

/** A total and the counts that add up to it, each with its share of the total. */
function groupRows(totalLabel: string, total: number, entries: [string, number][]) {
  const group = suppressGroup(
    entries.map(([, value]) => value),
    total,
  );
  const rows = [
    summaryRow(totalLabel, countCell(group.total!), blank),
    ...entries.map(([label], index) => row(label, countCell(group.cells[index]), shareCell(group.cells[index], group.total))),
  ];
  return { rows, group };
}

function tagTable(title: string, tagColumn: string, themes: string[], tags: TagThemeRow[]): ReportTable {
  return {
    title,
    columns: [tagColumn, t.columns.total, ...themes.map((theme) => (theme === NO_THEME ? t.tags.noTheme : theme))],
    rows: tags.map((tag) => {
      const group = suppressGroup(
        themes.map((theme) => tag.byTheme[theme] ?? 0),
        tag.cases,
      );
      return row(tag.name, countCell(group.total!), ...group.cells.map(countCell));
    }),
    emptyText: t.tags.none,
  };
}

/** The anonymous report for the stuurgroep, from the exact measures. */
export function monitoringReport(m: MonitoringMeasures): MonitoringReport {
  const measureCount = [t.columns.measure, t.columns.count];
  const measureCountShare = [t.columns.measure, t.columns.count, t.columns.share];

  const lead = groupRows(t.lead.open(formatShortDate(m.leadCoverage.asOf)), m.leadCoverage.openCases, [
    [t.lead.withLead, m.leadCoverage.withLead],
    [t.lead.withoutLead, m.leadCoverage.openCases - m.leadCoverage.withLead],
  ]);

  const effect = groupRows(t.effect.cohort, m.effect.cases, [
    [t.effect.yes, m.effect.yes],
    [t.effect.partly, m.effect.partly],
    [t.effect.no, m.effect.no],
    [t.effect.unchecked, m.effect.unchecked],
  ]);
  const withinTarget = suppressCount(m.effect.withinTarget);

  const leadTime =
    m.leadTime.cases === 0 || m.leadTime.medianDays === null
      ? notShown
      : m.leadTime.cases < MIN_COUNT
        ? { text: t.leadTime.tooFew, value: null }
        : { text: numberFormat.format(m.leadTime.medianDays), value: m.leadTime.medianDays };

  const a = m.agreements;
  const agreements = groupRows(t.agreements.total, a.agreements, [
    [t.agreements.doneOnTime, a.doneOnTime],
    [t.agreements.doneLate, a.doneLate],
    [t.agreements.postponed, a.postponed],
    [t.agreements.notDone, a.notDone],
    [t.agreements.openNotDue, a.openNotDue],
    [t.agreements.openOverdue, a.openOverdue],
  ]);
  // When nothing was postponed twice, the number of postponements equals the
  // number of postponed agreements: hide it whenever that count is hidden.
  const postponedHidden = agreements.group.cells[2].kind === 'hidden';
  const postponements: Cell = postponedHidden ? { kind: 'hidden' } : suppressCount(a.postponements);

  const successFactors = m.tags.rows.filter((tag) => tag.kind === 'success_factor');
  const obstacles = m.tags.rows.filter((tag) => tag.kind === 'obstacle');

  return {
    title: t.title,
    subtitle: t.subtitle,
    meta: [
      {
        label: t.meta.period,
        value: t.meta.periodText(formatShortDate(m.period.from), formatShortDate(m.period.to)),
        csv: t.meta.periodText(m.period.from, m.period.to),
      },
      { label: t.meta.schools, value: m.schools.map((school) => school.name).join(', ') },
      { label: t.meta.generatedOn, value: formatShortDate(m.generatedOn), csv: m.generatedOn },
      { label: t.meta.asOf, value: formatShortDate(m.leadCoverage.asOf), csv: m.leadCoverage.asOf },
    ],
    tables: [
      {
        title: t.cases.title,
        columns: measureCount,
        rows: standalone([
          [t.cases.new, m.cases.newCases],
          [t.cases.active, m.cases.activeCases],
          [t.cases.closed, m.cases.closedCases],
        ]),
      },
      { title: t.lead.title, columns: measureCountShare, rows: lead.rows },
      {
        title: t.effect.title,
        columns: measureCountShare,
        rows: [...effect.rows, summaryRow(t.effect.withinTarget, countCell(withinTarget), shareCell(withinTarget, effect.group.total))],
      },
      { title: t.leadTime.title, columns: [t.columns.measure, t.columns.value], rows: [row(t.leadTime.median, leadTime)] },
      {
        title: t.agreements.title,
        columns: measureCountShare,
        rows: [
          ...agreements.rows,
          summaryRow(t.agreements.postponements, countCell(postponements), blank),
          summaryRow(t.agreements.postponedMoreThanOnce, countCell(suppressCount(a.postponedMoreThanOnce)), blank),
        ],
      },
      {
        title: t.leadChanges.title,
        columns: measureCount,
        rows: standalone([
          [t.leadChanges.changes, m.leadChanges.changes],
          [t.leadChanges.cases, m.leadChanges.cases],
        ]),
      },
      {
        title: t.absence.title,
        columns: measureCount,
        rows: standalone([
          [t.absence.new, m.absence.newCases],
          [t.absence.active, m.absence.activeCases],
          [t.absence.closed, m.absence.closedCases],
        ]),
      },
      tagTable(t.tags.successFactors, t.columns.successFactor, m.tags.themes, successFactors),
      tagTable(t.tags.obstacles, t.columns.obstacle, m.tags.themes, obstacles),
    ],
    legend: [t.legend.small, t.legend.hidden, t.legend.notShown, t.legend.casesCounted],
  };
}
