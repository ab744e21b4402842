import { addDays, formatISO, parseISO } from 'date-fns';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import type { MonitoringMeasures, TagThemeRow } from './measures';
import {
  countCell,
  leadTimeCell,
  notDelivered,
  partiesComplete,
  renderMonitoringReport,
  type MonitoringReport,
  type ReportCell,
  type ReportRow,
  type ReportTable,
} from './report';
import { isThemeKey, KEY, KeyedProblem, nodeCells, PERIOD_ADDITIVE, periodCovered, tagKey, type NodeCells } from './reportCells';
import type { Cell } from './suppress';

// The region's report: the region as a whole, each gebied, each school and
// the learning cycle over the periods, suppressed together. A reader of one
// report sees all of its tables at once, so each count of a gebied is the sum
// of that count of its schools, and a hidden count must stay hidden however
// the tables are combined.

/** A part of the region with its exact measures; its children add up to it (gebieden of the region, schools of a gebied). */
export interface ReportNode {
  label: string;
  /** What the node is; by default the root is the region, a node without children a school, any other a gebied. */
  level?: NodeLevel;
  measures: MonitoringMeasures;
  children?: ReportNode[];
}

/** One period of the learning cycle (consecutive periods, region level). */
export interface PeriodColumn {
  label: string;
  measures: MonitoringMeasures;
}

export interface LinkedReportInput {
  root: ReportNode;
  /**
   * The deepest level whose success factors and obstacles are split by theme
   * (0: the region only, 1: also the gebieden; default: every level). Deeper
   * parts show each one's total only: small per-theme counts of schools
   * otherwise hide most of the region's own split.
   */
  themeDepth?: number;
  /** The learning cycle; `partitionsRootPeriod`: the periods are consecutive and together make up the root's period. */
  cycle?: { periods: PeriodColumn[]; partitionsRootPeriod: boolean };
}

export type NodeLevel = 'region' | 'area' | 'school';

export interface LinkedNodeReport {
  /** Labels from the root down to this node, the root's first. */
  path: string[];
  label: string;
  /** The root is the region, a node without children a school, anything between a gebied. */
  level: NodeLevel;
  /** 0 for the root, 1 for its children, and so on. */
  depth: number;
  report: MonitoringReport;
  /** Not one non-zero count of this node is shown (all are "<5" or "x"): listed all the same, with a note in its report's meta. */
  entirelyHidden: boolean;
}

/** One row of the learning cycle as a series over the periods, for a chart. */
export interface CycleSeries {
  /** Title of the cycle table the row belongs to. */
  table: string;
  label: string;
  /** A total or a derived number of its table, not one of its categories. */
  summary: boolean;
  /** One point per period, in order; value null when the count is not shown. */
  points: { period: string; value: number | null; text: string }[];
}

export interface LearningCycle {
  periods: string[];
  /** Whether the periods make up the report's period (the counts that add up over periods are then linked to the region's). */
  partitionsRootPeriod: boolean;
  /** One table per section of the report (cases, trekker, ...): its rows, one column per period. */
  tables: ReportTable[];
  /** Every row of those tables as a series over the periods. */
  series: CycleSeries[];
}

export interface LinkedReport {
  /** The region as a whole (the same object as nodes[0].report). */
  report: MonitoringReport;
  /** Every node, level by level: the region, then the gebieden, then the schools, each level in the order given. */
  nodes: LinkedNodeReport[];
  cycle: LearningCycle | null;
  legend: string[];
}

interface PlacedNode {
  node: ReportNode;
  scope: string;
  path: string[];
  depth: number;
  children: PlacedNode[];
  cells: NodeCells;
}

const published = (cells: NodeCells) => [...cells.cells.keys()].filter((key) => !key.startsWith('~'));
const nextDay = (date: string) => formatISO(addDays(parseISO(date), 1), { representation: 'date' });

/** The measures as a part's report shows them: without the split by theme below the theme depth. */
function shownMeasures(measures: MonitoringMeasures, depth: number, themeDepth: number): MonitoringMeasures {
  return depth <= themeDepth ? measures : { ...measures, tags: { ...measures.tags, themes: [] } };
}

function placeNodes(root: ReportNode, themeDepth: number): PlacedNode[] {
  const placed: PlacedNode[] = [];
  const rootMeasures = shownMeasures(root.measures, 0, themeDepth);
  const rootPlaced: PlacedNode = {
    node: { ...root, measures: rootMeasures },
    scope: 'n0',
    path: [root.label],
    depth: 0,
    children: [],
    cells: nodeCells(rootMeasures, { themes: true }),
  };
  placed.push(rootPlaced);
  // Breadth first: the region, then the gebieden, then the schools.
  for (let index = 0; index < placed.length; index++) {
    const parent = placed[index];
    for (const child of parent.node.children ?? []) {
      const measures = shownMeasures(child.measures, parent.depth + 1, themeDepth);
      const entry: PlacedNode = {
        node: { ...child, measures },
        scope: `n${placed.length}`,
        path: [...parent.path, child.label],
        depth: parent.depth + 1,
        children: [],
        cells: nodeCells(measures, { themes: true }),
      };
      parent.children.push(entry);
      placed.push(entry);
    }
  }
  return placed;
}

function assertSamePeriod(nodes: PlacedNode[]): void {
  const root = nodes[0].node.measures;
  for (const { node, path } of nodes) {
    const m = node.measures;
    if (m.period.from !== root.period.from || m.period.to !== root.period.to || m.leadCoverage.asOf !== root.leadCoverage.asOf)
      throw new RangeError(`${path.join(' / ')} covers another period than the region`);
  }
}

function assertPartition(root: MonitoringMeasures, periods: readonly PeriodColumn[]): void {
  const ordered = periods.every(
    (period, index) => index === 0 || nextDay(periods[index - 1].measures.period.to) === period.measures.period.from,
  );
  if (
    periods.length === 0 ||
    !ordered ||
    periods[0].measures.period.from !== root.period.from ||
    periods.at(-1)!.measures.period.to !== root.period.to
  )
    throw new RangeError('the periods do not split the report period into consecutive parts');
}

/** The learning cycle's tables from how each period's counts are shown (one column per period). */
export function cycleTables(
  root: MonitoringMeasures,
  periods: readonly PeriodColumn[],
  cell: (index: number, key: string) => Cell,
): ReportTable[] {
  const labels = periods.map((period) => period.label);
  const countRows = (entries: [string, string, boolean?][]) =>
    entries.map(([label, key, summary]) => ({
      label,
      ...(summary ? { summary: true } : {}),
      cells: periods.map((_, index) => countCell(cell(index, key))),
    }));
  const section = (title: string, entries: [string, string, boolean?][]): ReportTable => ({
    title,
    columns: [t.columns.measure, ...labels],
    rows: countRows(entries),
  });
  const tagSection = (title: string, column: string, kind: TagThemeRow['kind']): ReportTable => {
    // The region's order first (by cases), then tags seen only in a period, by name.
    const names = root.tags.rows.filter((tag) => tag.kind === kind).map((tag) => tag.name);
    const extra = periods.flatMap((period) =>
      period.measures.tags.rows.filter((tag) => tag.kind === kind && !names.includes(tag.name)).map((tag) => tag.name),
    );
    const all = [...names, ...[...new Set(extra)].sort((a, b) => a.localeCompare(b, 'nl'))];
    return {
      title,
      columns: [column, ...labels],
      rows: countRows(all.map((name) => [name, tagKey({ kind, name })])),
      emptyText: t.tags.none,
    };
  };
  const leadTimes: ReportCell[] = periods.map((period, index) => leadTimeCell(period.measures, cell(index, KEY.effectCases)));
  // With parents and pupil: "niet aangeleverd" for a period none of whose schools delivered them.
  const deliveredRow: ReportRow[] = periods.every((period) => partiesComplete(period.measures))
    ? []
    : [
        {
          label: t.parties.deliveredBy,
          summary: true,
          cells: periods.map(({ measures }) => ({
            text: measures.parties
              ? t.parties.deliveredText(measures.partiesFrom.schools, measures.partiesFrom.of)
              : t.parties.notDelivered,
            value: null,
          })),
        },
      ];
  const partySection = (title: string, entries: [string, string, boolean?][]): ReportTable => ({
    title,
    columns: [t.columns.measure, ...labels],
    rows: [
      ...deliveredRow,
      ...entries.map(([label, key, summary]) => ({
        label,
        ...(summary ? { summary: true } : {}),
        cells: periods.map((period, index) => (period.measures.parties ? countCell(cell(index, key)) : notDelivered)),
      })),
    ],
  });
  return [
    section(t.cases.title, [
      [t.cases.new, KEY.casesNew],
      [t.cases.active, KEY.casesActive],
      [t.cases.closed, KEY.casesClosed],
    ]),
    section(t.lead.title, [
      [t.linked.openOnAsOf, KEY.leadOpen, true],
      [t.lead.withLead, KEY.leadWith],
      [t.lead.withoutLead, KEY.leadWithout],
    ]),
    section(t.effect.title, [
      [t.effect.cohort, KEY.effectCases, true],
      [t.effect.yes, KEY.effectYes],
      [t.effect.partly, KEY.effectPartly],
      [t.effect.no, KEY.effectNo],
      [t.effect.unchecked, KEY.effectUnchecked],
      [t.effect.withinTarget, KEY.effectWithinTarget, true],
    ]),
    { title: t.leadTime.title, columns: [t.columns.measure, ...labels], rows: [{ label: t.leadTime.median, cells: leadTimes }] },
    section(t.agreements.title, [
      [t.agreements.total, KEY.agreements, true],
      [t.agreements.doneOnTime, KEY.doneOnTime],
      [t.agreements.doneLate, KEY.doneLate],
      [t.agreements.postponed, KEY.postponed],
      [t.agreements.notDone, KEY.notDone],
      [t.agreements.openNotDue, KEY.openNotDue],
      [t.agreements.openOverdue, KEY.openOverdue],
      [t.agreements.postponements, KEY.postponements, true],
      [t.agreements.postponedMoreThanOnce, KEY.postponedMoreThanOnce, true],
    ]),
    section(t.leadChanges.title, [
      [t.leadChanges.changes, KEY.leadChanges],
      [t.leadChanges.cases, KEY.leadChangeCases],
    ]),
    section(t.absence.title, [
      [t.absence.new, KEY.absenceNew],
      [t.absence.active, KEY.absenceActive],
      [t.absence.closed, KEY.absenceClosed],
    ]),
    partySection(t.parties.parentsTitle, [
      [t.parties.cohort, KEY.partiesCases, true],
      [t.parties.parentsPresent, KEY.parentsPresent],
      [t.parties.parentsInvitedAbsent, KEY.parentsInvitedAbsent],
      [t.parties.parentsNotInvited, KEY.parentsNotInvited],
      [t.parties.parentsUnrecorded, KEY.parentsUnrecorded],
    ]),
    partySection(t.parties.pupilTitle, [
      [t.parties.cohort, KEY.partiesCases, true],
      [t.parties.pupilView, KEY.pupilView, true],
      [t.parties.from12, KEY.from12, true],
      [t.parties.from12PupilView, KEY.from12PupilView, true],
    ]),
    partySection(t.parties.refusalsTitle, [
      [t.parties.refusalCases, KEY.refusalCases, true],
      [t.parties.byParents, KEY.refusalsByParents],
      [t.parties.byPupil, KEY.refusalsByPupil],
    ]),
    partySection(t.parties.copiesTitle, [
      [t.parties.copies, KEY.copies, true],
      [t.parties.copiesWithinTarget, KEY.copiesWithinTarget],
      [t.parties.copiesLate, KEY.copiesLate],
      [t.parties.copiesNotSent, KEY.copiesNotSent],
    ]),
    tagSection(t.tags.successFactors, t.columns.successFactor, 'success_factor'),
    tagSection(t.tags.obstacles, t.columns.obstacle, 'obstacle'),
  ];
}

/** The suppression problem of a linked report: for tests and audits, the same one the report is built from. */
export function linkedProblem(input: LinkedReportInput) {
  const themeDepth = input.themeDepth ?? Number.POSITIVE_INFINITY;
  const nodes = placeNodes(input.root, themeDepth);
  assertSamePeriod(nodes);
  const problem = new KeyedProblem();
  for (const placed of nodes) problem.addReport(placed.scope, placed.cells, placed.path.join(' / '));

  // A count of a node is the sum of that count of its children (a case belongs to one school).
  for (const parent of nodes) {
    if (parent.children.length === 0) continue;
    // The counts the children print add up to the parent's: its split by theme only when they print theirs too.
    const keys = new Set(parent.children.flatMap((placed) => published(placed.cells)));
    for (const key of published(parent.cells)) if (!isThemeKey(key) || parent.depth < themeDepth) keys.add(key);
    for (const key of keys)
      problem.relate(
        'sum',
        problem.cellOrZero(parent.scope, key),
        parent.children.map((child) => problem.cellOrZero(child.scope, key)),
        `${parent.path.join(' / ')} and its parts: ${key}`,
      );
  }

  const periods = input.cycle?.periods ?? [];
  const periodScope = (index: number) => `p${index}`;
  periods.forEach((period, index) => problem.addReport(periodScope(index), nodeCells(period.measures, { themes: false }), period.label));
  if (input.cycle?.partitionsRootPeriod) {
    assertPartition(input.root.measures, periods);
    const rootScope = nodes[0].scope;
    const keys = new Set([nodes[0].cells, ...periods.map((period) => nodeCells(period.measures, { themes: false }))].flatMap(published));
    for (const key of keys) {
      const additive = PERIOD_ADDITIVE.includes(key);
      if (!additive && !periodCovered(key)) continue;
      problem.relate(
        additive ? 'sum' : 'cover',
        problem.cellOrZero(rootScope, key),
        periods.map((_, index) => problem.cellOrZero(periodScope(index), key)),
        `the periods and the whole: ${key}`,
      );
    }
  }
  // A period of the cycle that is the report's own period shows the region's counts once more: each is
  // one count in two places, so it is hidden in both or in neither.
  const rootPeriod = input.root.measures.period;
  if (!input.cycle?.partitionsRootPeriod)
    periods.forEach((period, index) => {
      if (period.measures.period.from !== rootPeriod.from || period.measures.period.to !== rootPeriod.to) return;
      for (const key of published(nodeCells(period.measures, { themes: false })))
        problem.relate(
          'sum',
          problem.cellOrZero(nodes[0].scope, key),
          [problem.cellOrZero(periodScope(index), key)],
          `the report's own period in the cycle: ${key}`,
        );
    });
  return { problem, nodes, periodScope };
}

/** Whether every non-zero count of a node is hidden. */
function entirelyHidden(cells: NodeCells, cell: (key: string) => Cell): boolean {
  const keys = published(cells).filter((key) => cells.cells.get(key)!.value > 0);
  return keys.length > 0 && keys.every((key) => cell(key).kind !== 'shown');
}

/**
 * The region's anonymous report: the region, every gebied and school, and
 * the learning cycle, suppressed as one (no table, nor any combination of
 * them, pins or narrows a hidden count).
 */
export function linkedMonitoringReport(input: LinkedReportInput): LinkedReport {
  const { problem, nodes, periodScope } = linkedProblem(input);
  const cell = problem.suppress();

  const nodeReports = nodes.map((placed): LinkedNodeReport => {
    const of = (key: string) => cell(placed.scope, key);
    const report = renderMonitoringReport(placed.node.measures, of);
    const hidden = entirelyHidden(placed.cells, of);
    if (hidden) report.meta.push({ label: t.linked.note, value: t.linked.entirelyHidden });
    return {
      path: placed.path,
      label: placed.node.label,
      level: placed.node.level ?? (placed.depth === 0 ? 'region' : placed.children.length === 0 ? 'school' : 'area'),
      depth: placed.depth,
      report,
      entirelyHidden: hidden,
    };
  });

  let cycle: LearningCycle | null = null;
  if (input.cycle) {
    const periods = input.cycle.periods;
    const tables = cycleTables(input.root.measures, periods, (index, key) => cell(periodScope(index), key));
    cycle = {
      periods: periods.map((period) => period.label),
      partitionsRootPeriod: input.cycle.partitionsRootPeriod,
      tables,
      series: tables.flatMap((table) =>
        table.rows.map((row) => ({
          table: table.title,
          label: row.label,
          summary: row.summary ?? false,
          points: row.cells.map((reportCell, index) => ({ period: periods[index].label, value: reportCell.value, text: reportCell.text })),
        })),
      ),
    };
  }

  return { report: nodeReports[0].report, nodes: nodeReports, cycle, legend: [...nodeReports[0].report.legend, t.linked.together] };
}
