import { formatShortDate } from '../i18n/formatDate';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import { MIN_COUNT, shownValue, type Cell } from './suppress';
import { KEY, KeyedProblem, nodeCells, tagKey, tagThemeKey } from './reportCells';
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

export const blank: ReportCell = { text: '', value: null };
export const notShown: ReportCell = { text: t.cells.notShown, value: null };

export function countCell(cell: Cell): ReportCell {
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

/** A total and the counts that add up to it, each with its share of the total. */
function groupRows(cell: CellOf, totalLabel: string, totalKey: string, entries: [string, string][]): ReportRow[] {
  const total = cell(totalKey);
  return [
    summaryRow(totalLabel, countCell(total), blank),
    ...entries.map(([label, key]) => row(label, countCell(cell(key)), shareCell(cell(key), total))),
  ];
}

function tagTable(cell: CellOf, title: string, tagColumn: string, themes: string[], tags: TagThemeRow[]): ReportTable {
  return {
    title,
    columns: [tagColumn, t.columns.total, ...themes.map((theme) => (theme === NO_THEME ? t.tags.noTheme : theme))],
    rows: tags.map((tag) =>
      row(tag.name, countCell(cell(tagKey(tag))), ...themes.map((theme) => countCell(cell(tagThemeKey(tag, theme))))),
    ),
    emptyText: t.tags.none,
  };
}

/** How a count of the report is shown, by its key (reportCells.ts). */
export type CellOf = (key: string) => Cell;

/**
 * The median lead time, only over five cases or more, and never beside a
 * hidden cohort count: whether it is shown would tell that count's size.
 */
export function leadTimeCell(m: MonitoringMeasures, cohort: Cell): ReportCell {
  if (m.leadTime.cases === 0 || m.leadTime.medianDays === null || cohort.kind === 'hidden') return notShown;
  if (m.leadTime.cases < MIN_COUNT) return { text: t.leadTime.tooFew, value: null };
  return { text: numberFormat.format(m.leadTime.medianDays), value: m.leadTime.medianDays };
}

/** The report's tables from the measures and how each count is shown (already suppressed). */
export function renderMonitoringReport(m: MonitoringMeasures, cell: CellOf): MonitoringReport {
  const measureCount = [t.columns.measure, t.columns.count];
  const measureCountShare = [t.columns.measure, t.columns.count, t.columns.share];
  const counts = (entries: [string, string][]) => entries.map(([label, key]) => row(label, countCell(cell(key))));
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
        rows: counts([
          [t.cases.new, KEY.casesNew],
          [t.cases.active, KEY.casesActive],
          [t.cases.closed, KEY.casesClosed],
        ]),
      },
      {
        title: t.lead.title,
        columns: measureCountShare,
        rows: groupRows(cell, t.lead.open(formatShortDate(m.leadCoverage.asOf)), KEY.leadOpen, [
          [t.lead.withLead, KEY.leadWith],
          [t.lead.withoutLead, KEY.leadWithout],
        ]),
      },
      {
        title: t.effect.title,
        columns: measureCountShare,
        rows: [
          ...groupRows(cell, t.effect.cohort, KEY.effectCases, [
            [t.effect.yes, KEY.effectYes],
            [t.effect.partly, KEY.effectPartly],
            [t.effect.no, KEY.effectNo],
            [t.effect.unchecked, KEY.effectUnchecked],
          ]),
          summaryRow(
            t.effect.withinTarget,
            countCell(cell(KEY.effectWithinTarget)),
            shareCell(cell(KEY.effectWithinTarget), cell(KEY.effectCases)),
          ),
        ],
      },
      {
        title: t.leadTime.title,
        columns: [t.columns.measure, t.columns.value],
        rows: [row(t.leadTime.median, leadTimeCell(m, cell(KEY.effectCases)))],
      },
      {
        title: t.agreements.title,
        columns: measureCountShare,
        rows: [
          ...groupRows(cell, t.agreements.total, KEY.agreements, [
            [t.agreements.doneOnTime, KEY.doneOnTime],
            [t.agreements.doneLate, KEY.doneLate],
            [t.agreements.postponed, KEY.postponed],
            [t.agreements.notDone, KEY.notDone],
            [t.agreements.openNotDue, KEY.openNotDue],
            [t.agreements.openOverdue, KEY.openOverdue],
          ]),
          summaryRow(t.agreements.postponements, countCell(cell(KEY.postponements)), blank),
          summaryRow(t.agreements.postponedMoreThanOnce, countCell(cell(KEY.postponedMoreThanOnce)), blank),
        ],
      },
      {
        title: t.leadChanges.title,
        columns: measureCount,
        rows: counts([
          [t.leadChanges.changes, KEY.leadChanges],
          [t.leadChanges.cases, KEY.leadChangeCases],
        ]),
      },
      {
        title: t.absence.title,
        columns: measureCount,
        rows: counts([
          [t.absence.new, KEY.absenceNew],
          [t.absence.active, KEY.absenceActive],
          [t.absence.closed, KEY.absenceClosed],
        ]),
      },
      ...partyTables(m, cell),
      tagTable(cell, t.tags.successFactors, t.columns.successFactor, m.tags.themes, successFactors),
      tagTable(cell, t.tags.obstacles, t.columns.obstacle, m.tags.themes, obstacles),
    ],
    legend: [
      t.legend.small,
      t.legend.hidden,
      t.legend.notShown,
      t.legend.casesCounted,
      t.parties.legendCounted,
      ...(partiesComplete(m) ? [] : [t.parties.legendNotDelivered]),
    ],
  };
}

/** Whether every school of the report delivered the measures with parents and pupil. */
export const partiesComplete = (m: MonitoringMeasures) => m.parties !== null && m.partiesFrom.schools === m.partiesFrom.of;

export const notDelivered: ReportCell = { text: t.parties.notDelivered, value: null };

/** The tables with parents and pupil: "niet aangeleverd" throughout without them, and from how many schools when not from all. */
function partyTables(m: MonitoringMeasures, cell: CellOf): ReportTable[] {
  const measureCountShare = [t.columns.measure, t.columns.count, t.columns.share];
  const delivered = m.parties !== null;
  const count = (key: string) => (delivered ? countCell(cell(key)) : notDelivered);
  const share = (key: string, total: string) => (delivered ? shareCell(cell(key), cell(total)) : blank);
  const part = (label: string, key: string, total: string) => row(label, count(key), share(key, total));
  const from: ReportRow[] =
    delivered && !partiesComplete(m)
      ? [summaryRow(t.parties.deliveredBy, { text: t.parties.deliveredText(m.partiesFrom.schools, m.partiesFrom.of), value: null }, blank)]
      : [];
  return [
    {
      title: t.parties.parentsTitle,
      columns: measureCountShare,
      rows: [
        ...from,
        summaryRow(t.parties.cohort, count(KEY.partiesCases), blank),
        part(t.parties.parentsPresent, KEY.parentsPresent, KEY.partiesCases),
        part(t.parties.parentsInvitedAbsent, KEY.parentsInvitedAbsent, KEY.partiesCases),
        part(t.parties.parentsNotInvited, KEY.parentsNotInvited, KEY.partiesCases),
        part(t.parties.parentsUnrecorded, KEY.parentsUnrecorded, KEY.partiesCases),
      ],
    },
    {
      title: t.parties.pupilTitle,
      columns: measureCountShare,
      // Counts of different groups, not categories of one: no chart.
      rows: [
        ...from,
        summaryRow(t.parties.cohort, count(KEY.partiesCases), blank),
        summaryRow(t.parties.pupilView, count(KEY.pupilView), share(KEY.pupilView, KEY.partiesCases)),
        summaryRow(t.parties.from12, count(KEY.from12), blank),
        summaryRow(t.parties.from12PupilView, count(KEY.from12PupilView), share(KEY.from12PupilView, KEY.from12)),
      ],
    },
    {
      title: t.parties.refusalsTitle,
      columns: measureCountShare,
      rows: [
        ...from,
        summaryRow(t.parties.refusalCases, count(KEY.refusalCases), blank),
        part(t.parties.byParents, KEY.refusalsByParents, KEY.refusalCases),
        part(t.parties.byPupil, KEY.refusalsByPupil, KEY.refusalCases),
      ],
    },
    {
      title: t.parties.copiesTitle,
      columns: measureCountShare,
      rows: [
        ...from,
        summaryRow(t.parties.copies, count(KEY.copies), blank),
        part(t.parties.copiesWithinTarget, KEY.copiesWithinTarget, KEY.copies),
        part(t.parties.copiesLate, KEY.copiesLate, KEY.copies),
        part(t.parties.copiesNotSent, KEY.copiesNotSent, KEY.copies),
      ],
    },
  ];
}

/**
 * The anonymous report for the stuurgroep, from the exact measures: every
 * count suppressed together (cellSuppression.ts), so that no shown number
 * pins or narrows a hidden one.
 */
export function monitoringReport(m: MonitoringMeasures): MonitoringReport {
  const problem = new KeyedProblem();
  problem.addReport('', nodeCells(m, { themes: true }), t.title);
  const cell = problem.suppress();
  return renderMonitoringReport(m, (key) => cell('', key));
}
