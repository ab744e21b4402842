import type { TagKind } from '../../db/schema';
import { today, type Clock } from '../clock';
import { AppError } from '../errors';
import {
  compareTagRows,
  leadTimeOf,
  NO_THEME,
  themeOrder,
  type CaseCounts,
  type DaysCount,
  type MonitoringMeasures,
  type TagThemeRow,
} from '../monitoring/measures';
import type { Contribution } from './contribution';

// The region's measures: the schools' exact counts added up, shaped exactly
// as measureAll shapes them for those schools in one file, so the report,
// its suppression and its CSV are the same code for a region as for a board.
// Suppression happens after this, once, on the sums.

/** SQLite's BINARY collation (UTF-8 bytes, i.e. code points), the order measureAll lists schools in. */
function codePointOrder(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let index = 0; index < Math.min(x.length, y.length); index++) {
    const difference = x[index].codePointAt(0)! - y[index].codePointAt(0)!;
    if (difference) return difference;
  }
  return x.length - y.length;
}

function sumCases(parts: readonly CaseCounts[]): CaseCounts {
  return {
    newCases: sum(parts, (part) => part.newCases),
    activeCases: sum(parts, (part) => part.activeCases),
    closedCases: sum(parts, (part) => part.closedCases),
  };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** Adds the counts of objects with the same numeric fields. */
function sumFields<T extends Record<string, number>>(parts: readonly T[]): T {
  const total: Record<string, number> = {};
  for (const part of parts) for (const [field, value] of Object.entries(part)) total[field] = (total[field] ?? 0) + value;
  return total as T;
}

/** Refuses a set of contributions that cannot be one region's picture of one period. */
function assertCombinable(contributions: readonly Contribution[]): void {
  if (contributions.length === 0) throw new AppError('VALIDATION', 'no contributions to combine');
  const [first] = contributions;
  for (const contribution of contributions) {
    if (contribution.period.from !== first.period.from || contribution.period.to !== first.period.to)
      throw new AppError(
        'VALIDATION',
        `contributions of different periods: ${first.period.from}..${first.period.to} and ${contribution.period.from}..${contribution.period.to}`,
      );
  }
  const names = new Set<string>();
  for (const { school } of contributions) {
    if (names.has(school.name)) throw new AppError('VALIDATION', `two contributions of the school '${school.name}'`);
    names.add(school.name);
  }
}

/**
 * The monitoring measures of several schools' contributions for one period:
 * exact sums, the lead-time median from the merged distribution, the latest
 * asOf. `schools` gets ids 1..n in name order (a contribution has no id);
 * tag categories are empty (a contribution has none; the report shows none).
 */
export function combineMeasures(contributions: readonly Contribution[], clock: Clock): MonitoringMeasures {
  assertCombinable(contributions);
  const measures = contributions.map((contribution) => contribution.measures);
  const asOf = measures.map((m) => m.asOf).reduce((latest, day) => (day > latest ? day : latest));

  const openCases = sum(measures, (m) => m.leadCoverage.openCases);
  const withLead = sum(measures, (m) => m.leadCoverage.withLead);

  const days = new Map<number, number>();
  for (const m of measures) for (const entry of m.leadTime) days.set(entry.days, (days.get(entry.days) ?? 0) + entry.cases);
  const distribution: DaysCount[] = [...days].map(([day, cases]) => ({ days: day, cases }));

  return {
    period: { from: contributions[0].period.from, to: contributions[0].period.to },
    schools: contributions
      .map((contribution) => contribution.school.name)
      .sort(codePointOrder)
      .map((name, index) => ({ id: index + 1, name })),
    generatedOn: today(clock),
    cases: sumCases(measures.map((m) => m.cases)),
    leadCoverage: { asOf, openCases, withLead, share: openCases ? withLead / openCases : null },
    effect: sumFields(measures.map((m) => m.effect)),
    leadTime: leadTimeOf(distribution),
    agreements: sumFields(measures.map((m) => m.agreements)),
    leadChanges: sumFields(measures.map((m) => m.leadChanges)),
    absence: sumCases(measures.map((m) => m.absence)),
    tags: combineTags(measures.flatMap((m) => m.tags)),
    ...combineParties(measures),
  };
}

/** The measures with parents and pupil of the contributions that have them (format version 2), and of how many schools they are. */
function combineParties(measures: readonly Contribution['measures'][]): Pick<MonitoringMeasures, 'parties' | 'partiesFrom'> {
  const delivered = measures.flatMap((m) => (m.parties ? [m.parties] : []));
  return {
    parties:
      delivered.length === 0
        ? null
        : {
            firstDiscussions: sumFields(delivered.map((p) => p.firstDiscussions)),
            consentRefusals: sumFields(delivered.map((p) => p.consentRefusals)),
            parentCopies: sumFields(delivered.map((p) => p.parentCopies)),
          },
    partiesFrom: { schools: delivered.length, of: measures.length },
  };
}

/** Tags matched by kind and name across schools, as tagsByTheme matches them across schools in one file. */
function combineTags(tags: readonly Contribution['measures']['tags'][number][]): MonitoringMeasures['tags'] {
  const rows = new Map<string, { kind: TagKind; name: string; cases: number; byTheme: Map<string, number> }>();
  for (const tag of tags) {
    const key = `${tag.kind}\u0000${tag.name}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { kind: tag.kind, name: tag.name, cases: 0, byTheme: new Map() }));
    row.cases += tag.cases;
    for (const cell of tag.byTheme) {
      const theme = cell.theme ?? NO_THEME;
      row.byTheme.set(theme, (row.byTheme.get(theme) ?? 0) + cell.cases);
    }
  }
  // A theme is a column when some tag has a case with it, as in tagsByTheme (whose cells are never zero).
  const themes = themeOrder([...rows.values()].flatMap((row) => [...row.byTheme].filter(([, cases]) => cases > 0).map(([theme]) => theme)));
  const combined: TagThemeRow[] = [...rows.values()]
    // tagsByTheme lists a tag only when some case had it.
    .filter((row) => row.cases > 0)
    // tagsByTheme's rows come grouped by kind and name (SQLite's order) before the stable sort: the same ties here.
    .sort((a, b) => codePointOrder(a.kind, b.kind) || codePointOrder(a.name, b.name))
    .map((row) => ({
      kind: row.kind,
      name: row.name,
      category: '',
      cases: row.cases,
      byTheme: Object.fromEntries(themes.map((theme) => [theme, row.byTheme.get(theme) ?? 0])),
    }))
    .sort(compareTagRows);
  return { themes, rows: combined };
}
