import { suppressCells } from './cellSuppression';
import { relationHolds, type Display, type Relation } from './suppressionAudit';
import { NO_THEME, type MonitoringMeasures, type TagThemeRow } from './measures';
import type { Cell } from './suppress';

// The counts of one report (a school, a gebied, the region, a period) as
// cells with the relations a reader knows between them, keyed by name so
// that the same count of different reports can be linked.

/** Keys of the report's counts; latent ones (never printed) start with '~'. */
export const KEY = {
  casesNew: 'cases.new',
  casesActive: 'cases.active',
  casesClosed: 'cases.closed',
  leadOpen: 'lead.open',
  leadWith: 'lead.with',
  leadWithout: 'lead.without',
  effectCases: 'effect.cases',
  effectYes: 'effect.yes',
  effectPartly: 'effect.partly',
  effectNo: 'effect.no',
  effectUnchecked: 'effect.unchecked',
  effectWithinTarget: 'effect.withinTarget',
  agreements: 'agreements.total',
  doneOnTime: 'agreements.doneOnTime',
  doneLate: 'agreements.doneLate',
  postponed: 'agreements.postponed',
  notDone: 'agreements.notDone',
  openNotDue: 'agreements.openNotDue',
  openOverdue: 'agreements.openOverdue',
  postponements: 'agreements.postponements',
  postponedMoreThanOnce: 'agreements.postponedMoreThanOnce',
  leadChanges: 'leadChanges.changes',
  leadChangeCases: 'leadChanges.cases',
  absenceNew: 'absence.new',
  absenceActive: 'absence.active',
  absenceClosed: 'absence.closed',
  partiesCases: 'parties.cases',
  parentsPresent: 'parties.parentsPresent',
  parentsInvitedAbsent: 'parties.parentsInvitedAbsent',
  parentsNotInvited: 'parties.parentsNotInvited',
  parentsUnrecorded: 'parties.parentsUnrecorded',
  pupilView: 'parties.pupilView',
  from12: 'parties.from12',
  from12PupilView: 'parties.from12PupilView',
  refusalCases: 'refusals.cases',
  refusalsByParents: 'refusals.byParents',
  refusalsByPupil: 'refusals.byPupil',
  copies: 'copies.discussions',
  copiesWithinTarget: 'copies.withinTarget',
  copiesLate: 'copies.late',
  copiesNotSent: 'copies.notSent',
} as const;

/** The counts with parents and pupil: absent from a report whose schools did not deliver them. */
export const PARTY_KEYS: readonly string[] = [
  KEY.partiesCases,
  KEY.parentsPresent,
  KEY.parentsInvitedAbsent,
  KEY.parentsNotInvited,
  KEY.parentsUnrecorded,
  KEY.pupilView,
  KEY.from12,
  KEY.from12PupilView,
  KEY.refusalCases,
  KEY.refusalsByParents,
  KEY.refusalsByPupil,
  KEY.copies,
  KEY.copiesWithinTarget,
  KEY.copiesLate,
  KEY.copiesNotSent,
];

/** The count of cases of a success factor or obstacle. */
export const tagKey = (tag: Pick<TagThemeRow, 'kind' | 'name'>) => `tag\u0000${tag.kind}\u0000${tag.name}`;
/** The same for the cases of one theme. */
export const tagThemeKey = (tag: Pick<TagThemeRow, 'kind' | 'name'>, theme: string) => `${tagKey(tag)}\u0000${theme}`;

/** Whether a key is a count of one theme of a success factor or obstacle. */
export const isThemeKey = (key: string) => key.startsWith('tag\u0000') && key.split('\u0000').length === 4;

/**
 * Counts that add up over disjoint periods (each counts events or a cohort
 * within the period): linked to the whole period when the periods split it.
 */
export const PERIOD_ADDITIVE: readonly string[] = [
  KEY.casesNew,
  KEY.casesClosed,
  KEY.effectCases,
  KEY.effectYes,
  KEY.effectPartly,
  KEY.effectNo,
  KEY.effectUnchecked,
  KEY.effectWithinTarget,
  KEY.agreements,
  KEY.doneOnTime,
  KEY.doneLate,
  KEY.postponed,
  KEY.notDone,
  KEY.openNotDue,
  KEY.openOverdue,
  KEY.postponements,
  KEY.postponedMoreThanOnce,
  KEY.leadChanges,
  KEY.absenceNew,
  KEY.absenceClosed,
  KEY.partiesCases,
  KEY.parentsPresent,
  KEY.parentsInvitedAbsent,
  KEY.parentsNotInvited,
  KEY.parentsUnrecorded,
  KEY.pupilView,
  KEY.from12,
  KEY.from12PupilView,
  KEY.copies,
  KEY.copiesWithinTarget,
  KEY.copiesLate,
  KEY.copiesNotSent,
];

/**
 * Counts of which each case counts in at least one period it took place in:
 * the whole period's count lies between the largest period's and their sum.
 */
export const periodCovered = (key: string) =>
  key === KEY.leadChangeCases ||
  // A case with refusals recorded in two periods counts in both.
  key === KEY.refusalCases ||
  key === KEY.refusalsByParents ||
  key === KEY.refusalsByPupil ||
  (key.startsWith('tag\u0000') && key.split('\u0000').length === 3);

export interface KeyedRelation {
  kind: Relation['kind'];
  total: string;
  parts: string[];
}

/** The counts of one report with the relations between them. */
export interface NodeCells {
  cells: Map<string, { value: number; latent: boolean }>;
  relations: KeyedRelation[];
  /** A cell hidden whenever its leader is hidden as "x". */
  hideWith: { cell: string; leader: string }[];
}

/**
 * The cells of one report. `themes`: with the success factor and obstacle
 * counts per theme (the periods of the learning cycle show only the totals).
 *
 * Besides the totals of the tables, a reader knows: new and closed cases are
 * among the active ones; verzuim cases are among all cases; the open cases on
 * the peildatum were active in the period (when it lies in the period); the
 * effect within 14 days is among the checked cases; trekker changes are at
 * least the cases with a change; the postponements are at least the postponed
 * agreements plus those postponed more than once (exactly the postponed
 * agreements when none was postponed twice); and a tag's cases are those
 * without a theme plus those with one, of which each theme holds some.
 * Latent cells (never printed) carry the differences.
 */
export function nodeCells(m: MonitoringMeasures, options: { themes: boolean }): NodeCells {
  const cells = new Map<string, { value: number; latent: boolean }>();
  const relations: KeyedRelation[] = [];
  const put = (key: string, value: number, latent = false) => cells.set(key, { value, latent });
  const sum = (total: string, ...parts: string[]) => relations.push({ kind: 'sum', total, parts });
  /** whole = part + (latent rest): the part is at most the whole. */
  const within = (whole: string, part: string, rest: string) => {
    put(rest, cells.get(whole)!.value - cells.get(part)!.value, true);
    sum(whole, part, rest);
  };

  put(KEY.casesNew, m.cases.newCases);
  put(KEY.casesActive, m.cases.activeCases);
  put(KEY.casesClosed, m.cases.closedCases);
  within(KEY.casesActive, KEY.casesNew, '~cases.carriedOver');
  within(KEY.casesActive, KEY.casesClosed, '~cases.stillOpen');

  put(KEY.leadOpen, m.leadCoverage.openCases);
  put(KEY.leadWith, m.leadCoverage.withLead);
  put(KEY.leadWithout, m.leadCoverage.openCases - m.leadCoverage.withLead);
  sum(KEY.leadOpen, KEY.leadWith, KEY.leadWithout);
  // Open on the peildatum and registered before it: active in the period, when the peildatum lies in it.
  if (m.leadCoverage.asOf >= m.period.from) within(KEY.casesActive, KEY.leadOpen, '~cases.notOpenOnAsOf');

  const e = m.effect;
  put(KEY.effectCases, e.cases);
  put(KEY.effectYes, e.yes);
  put(KEY.effectPartly, e.partly);
  put(KEY.effectNo, e.no);
  put(KEY.effectUnchecked, e.unchecked);
  put(KEY.effectWithinTarget, e.withinTarget);
  sum(KEY.effectCases, KEY.effectYes, KEY.effectPartly, KEY.effectNo, KEY.effectUnchecked);
  put('~effect.checked', e.yes + e.partly + e.no, true);
  sum('~effect.checked', KEY.effectYes, KEY.effectPartly, KEY.effectNo);
  within('~effect.checked', KEY.effectWithinTarget, '~effect.checkedLate');

  const a = m.agreements;
  put(KEY.agreements, a.agreements);
  put(KEY.doneOnTime, a.doneOnTime);
  put(KEY.doneLate, a.doneLate);
  put(KEY.postponed, a.postponed);
  put(KEY.notDone, a.notDone);
  put(KEY.openNotDue, a.openNotDue);
  put(KEY.openOverdue, a.openOverdue);
  sum(KEY.agreements, KEY.doneOnTime, KEY.doneLate, KEY.postponed, KEY.notDone, KEY.openNotDue, KEY.openOverdue);
  put(KEY.postponements, a.postponements);
  put(KEY.postponedMoreThanOnce, a.postponedMoreThanOnce);
  if (a.postponedMoreThanOnce === 0) sum(KEY.postponements, KEY.postponed);
  else {
    within(KEY.postponements, KEY.postponed, '~agreements.extraPostponements');
    within('~agreements.extraPostponements', KEY.postponedMoreThanOnce, '~agreements.thirdAndLaterPostponements');
    within(KEY.postponed, KEY.postponedMoreThanOnce, '~agreements.postponedOnce');
  }

  put(KEY.leadChanges, m.leadChanges.changes);
  put(KEY.leadChangeCases, m.leadChanges.cases);
  within(KEY.leadChanges, KEY.leadChangeCases, '~leadChanges.repeated');

  put(KEY.absenceNew, m.absence.newCases);
  put(KEY.absenceActive, m.absence.activeCases);
  put(KEY.absenceClosed, m.absence.closedCases);
  within(KEY.absenceActive, KEY.absenceNew, '~absence.carriedOver');
  within(KEY.absenceActive, KEY.absenceClosed, '~absence.stillOpen');
  within(KEY.casesNew, KEY.absenceNew, '~cases.newOther');
  within(KEY.casesActive, KEY.absenceActive, '~cases.activeOther');
  within(KEY.casesClosed, KEY.absenceClosed, '~cases.closedOther');

  if (m.parties) partyCells(m, put, sum, within, relations);

  for (const tag of m.tags.rows) {
    const total = tagKey(tag);
    put(total, tag.cases);
    if (!options.themes || m.tags.themes.length === 0) continue;
    for (const theme of m.tags.themes) put(tagThemeKey(tag, theme), tag.byTheme[theme] ?? 0);
    const themed = m.tags.themes.filter((theme) => theme !== NO_THEME).map((theme) => tagThemeKey(tag, theme));
    const noTheme = m.tags.themes.includes(NO_THEME) ? tagThemeKey(tag, NO_THEME) : undefined;
    if (themed.length === 0) sum(total, noTheme!);
    else if (!noTheme) relations.push({ kind: 'cover', total, parts: themed });
    else {
      // A case without a theme counts only there; the others count under each of their themes.
      const withTheme = `~${total}\u0000withTheme`;
      within(total, noTheme, withTheme);
      relations.push({ kind: 'cover', total: withTheme, parts: themed });
    }
  }

  return {
    cells,
    relations,
    hideWith: [{ cell: KEY.postponements, leader: KEY.postponed }],
  };
}

/**
 * The counts with parents and pupil and what a reader knows of them: the
 * parents' four answers add up to the cases first discussed, which are the
 * effect cohort when every school delivered them (else among it); the pupils
 * of 12 and older are among that cohort, their recorded views among them and
 * among all recorded views; a refusal case was refused by a parent, the
 * pupil or both; the first discussions without parents (invited or not) are
 * among the discussions without parents; the ouderversies split in three.
 */
function partyCells(
  m: MonitoringMeasures,
  put: (key: string, value: number, latent?: boolean) => void,
  sum: (total: string, ...parts: string[]) => void,
  within: (whole: string, part: string, rest: string) => void,
  relations: KeyedRelation[],
): void {
  const { firstDiscussions: f, consentRefusals: r, parentCopies: c } = m.parties!;
  put(KEY.partiesCases, f.cases);
  put(KEY.parentsPresent, f.parentsPresent);
  put(KEY.parentsInvitedAbsent, f.parentsInvitedAbsent);
  put(KEY.parentsNotInvited, f.parentsNotInvited);
  put(KEY.parentsUnrecorded, f.parentsUnrecorded);
  sum(KEY.partiesCases, KEY.parentsPresent, KEY.parentsInvitedAbsent, KEY.parentsNotInvited, KEY.parentsUnrecorded);
  if (m.partiesFrom.schools === m.partiesFrom.of) sum(KEY.effectCases, KEY.partiesCases);
  else within(KEY.effectCases, KEY.partiesCases, '~parties.notDelivered');

  put(KEY.pupilView, f.pupilView);
  put(KEY.from12, f.from12);
  put(KEY.from12PupilView, f.from12PupilView);
  put('~parties.under12', f.cases - f.from12, true);
  put('~parties.under12PupilView', f.pupilView - f.from12PupilView, true);
  put('~parties.under12NoView', f.cases - f.from12 - (f.pupilView - f.from12PupilView), true);
  put('~parties.from12NoView', f.from12 - f.from12PupilView, true);
  sum(KEY.partiesCases, KEY.from12, '~parties.under12');
  sum(KEY.from12, KEY.from12PupilView, '~parties.from12NoView');
  sum('~parties.under12', '~parties.under12PupilView', '~parties.under12NoView');
  sum(KEY.pupilView, KEY.from12PupilView, '~parties.under12PupilView');

  put(KEY.refusalCases, r.cases);
  put(KEY.refusalsByParents, r.byParents);
  put(KEY.refusalsByPupil, r.byPupil);
  relations.push({ kind: 'cover', total: KEY.refusalCases, parts: [KEY.refusalsByParents, KEY.refusalsByPupil] });

  put(KEY.copies, c.discussions);
  put(KEY.copiesWithinTarget, c.withinTarget);
  put(KEY.copiesLate, c.late);
  put(KEY.copiesNotSent, c.notSent);
  sum(KEY.copies, KEY.copiesWithinTarget, KEY.copiesLate, KEY.copiesNotSent);
  put('~parties.firstWithoutParents', f.parentsInvitedAbsent + f.parentsNotInvited, true);
  sum('~parties.firstWithoutParents', KEY.parentsInvitedAbsent, KEY.parentsNotInvited);
  within(KEY.copies, '~parties.firstWithoutParents', '~copies.otherWithoutParents');
}

/**
 * Cells of several reports in one suppression problem: each report's cells
 * under its own scope, and relations within and between the reports.
 */
export class KeyedProblem {
  readonly values: number[] = [];
  readonly latent: number[] = [];
  readonly relations: Relation[] = [];
  readonly hideWith: { cell: number; leader: number }[] = [];
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly explained: string[] = [];

  private static id(scope: string, key: string) {
    return `${scope}\u0001${key}`;
  }

  /** Adds one report's cells and relations under `scope`. */
  addReport(scope: string, node: NodeCells, name: string): void {
    for (const [key, { value, latent }] of node.cells) {
      const cell = this.values.push(value) - 1;
      this.index.set(KeyedProblem.id(scope, key), cell);
      this.names[cell] = `${name}: ${key}`;
      if (latent) this.latent.push(cell);
    }
    for (const relation of node.relations)
      this.relate(
        relation.kind,
        this.cell(scope, relation.total)!,
        relation.parts.map((part) => this.cell(scope, part)!),
        `${name}: ${relation.total}`,
      );
    for (const { cell, leader } of node.hideWith) this.hideWith.push({ cell: this.cell(scope, cell)!, leader: this.cell(scope, leader)! });
  }

  /** The cell of a count, if that report has it. */
  cell(scope: string, key: string): number | undefined {
    return this.index.get(KeyedProblem.id(scope, key));
  }

  /** The count, or a shown 0 that no table prints: a report without a tag or theme has none of it. */
  cellOrZero(scope: string, key: string): number {
    const existing = this.cell(scope, key);
    if (existing !== undefined) return existing;
    const cell = this.values.push(0) - 1;
    this.index.set(KeyedProblem.id(scope, key), cell);
    this.names[cell] = `${scope}: ${key} (none)`;
    return cell;
  }

  /** Which report and count a cell is, for messages and tests. */
  describe(cell: number): string {
    return (this.names[cell] ?? `cell ${cell}`).replaceAll('\u0000', ' / ');
  }

  relate(kind: Relation['kind'], total: number, parts: number[], explanation: string): void {
    this.relations.push({ kind, total, parts });
    this.explained.push(explanation);
  }

  /** Refuses counts that break a relation, naming it: suppression would be meaningless on them. */
  assertConsistent(): void {
    this.values.forEach((value, cell) => {
      if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a count: ${this.describe(cell)} = ${value}`);
    });
    this.relations.forEach((relation, index) => {
      if (!relationHolds(relation, (cell) => this.values[cell]))
        throw new RangeError(`the counts do not fit together (${this.explained[index].replaceAll('\u0000', ' / ')})`);
    });
  }

  /** Suppresses every cell together (refusing counts that do not fit together); returns how each count is shown. */
  suppress(): (scope: string, key: string) => Cell {
    this.assertConsistent();
    const { display, audit } = suppressCells({
      values: this.values,
      latent: this.latent,
      relations: this.relations,
      hideWith: this.hideWith,
    });
    // Never happens while the solver proves what it should; a report that might leak is not made.
    if (!audit.ok)
      throw new Error(`suppression could not be proven safe for ${audit.violations.map((cell) => this.describe(cell)).join(', ')}`);
    return (scope, key) => {
      const cell = this.cell(scope, key);
      if (cell === undefined) return { kind: 'shown', value: 0 };
      return asCell(display[cell], this.values[cell]);
    };
  }
}

function asCell(display: Display, value: number): Cell {
  if (display === 'shown') return { kind: 'shown', value };
  if (display === 'small') return { kind: 'small' };
  return { kind: 'hidden' };
}
