import { addDays, formatISO, parseISO } from 'date-fns';
import type { LinkedReportInput, PeriodColumn, ReportNode } from './linkedReport';
import { median, NO_THEME, type MonitoringMeasures, type TagThemeRow } from './measures';

/**
 * Random regions whose measures fit together exactly as measureAll's do:
 * per school and period, counts that obey every relation a reader knows;
 * the school's whole period as the sum (or, for counts of cases that may
 * recur, something between the largest period and the sum); gebieden and
 * the region as sums of their schools; the periods of the learning cycle as
 * the sums of the schools' periods. Success factors and obstacles come from
 * simulated cases (themes, and the periods each was tagged in).
 */

export type Random = () => number;

/** A small deterministic generator (mulberry32), so a failing seed can be replayed. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

const THEMES = ['Gezin en opvoeden', 'Gezondheid', 'Leren', 'Sociaal-emotioneel', 'Verzuim / thuiszitten'];
const TAGS: Pick<TagThemeRow, 'kind' | 'name' | 'category'>[] = [
  { kind: 'success_factor', name: 'Ouders vanaf het begin betrokken', category: 'Ouders' },
  { kind: 'success_factor', name: 'Korte lijnen tussen school en hulpverlening', category: 'Samenwerking' },
  { kind: 'success_factor', name: 'Vaste trekker', category: 'Samenwerking' },
  { kind: 'obstacle', name: 'Wachtlijst jeugdhulp', category: 'Aanbod' },
  { kind: 'obstacle', name: 'Geen toestemming van ouders', category: 'Ouders' },
];

interface Options {
  /** Typical size of a school's counts per period (small: many "<5"). */
  scale: number;
  periods: number;
  tags?: number;
  themes?: number;
}

const isoDay = (date: Date) => formatISO(date, { representation: 'date' });

function periodDates(count: number): { from: string; to: string }[] {
  const start = parseISO('2025-01-01');
  return Array.from({ length: count }, (_, index) => ({
    from: isoDay(addDays(start, index * 91)),
    to: isoDay(addDays(start, index * 91 + 90)),
  }));
}

type Flat = Omit<MonitoringMeasures, 'tags' | 'period' | 'schools' | 'generatedOn' | 'leadTime'> & { leadTimeCases: number };

function emptyFlat(asOf: string): Flat {
  return {
    cases: { newCases: 0, activeCases: 0, closedCases: 0 },
    leadCoverage: { asOf, openCases: 0, withLead: 0, share: null },
    effect: { cases: 0, yes: 0, partly: 0, no: 0, unchecked: 0, withinTarget: 0 },
    agreements: {
      agreements: 0,
      doneOnTime: 0,
      doneLate: 0,
      postponed: 0,
      notDone: 0,
      openNotDue: 0,
      openOverdue: 0,
      postponements: 0,
      postponedMoreThanOnce: 0,
    },
    leadChanges: { changes: 0, cases: 0 },
    absence: { newCases: 0, activeCases: 0, closedCases: 0 },
    parties: {
      firstDiscussions: {
        cases: 0,
        parentsPresent: 0,
        parentsInvitedAbsent: 0,
        parentsNotInvited: 0,
        parentsUnrecorded: 0,
        pupilView: 0,
        from12: 0,
        from12PupilView: 0,
      },
      consentRefusals: { cases: 0, byParents: 0, byPupil: 0 },
      parentCopies: { discussions: 0, withinTarget: 0, late: 0, notSent: 0 },
    },
    partiesFrom: { schools: 1, of: 1 },
    leadTimeCases: 0,
  };
}

/** Adds the additive counts of b to a (in place). */
function addFlat(a: Flat, b: Flat): void {
  for (const group of ['cases', 'effect', 'agreements', 'leadChanges', 'absence'] as const)
    for (const [key, value] of Object.entries(b[group])) (a[group] as unknown as Record<string, number>)[key] += value as number;
  a.leadCoverage.openCases += b.leadCoverage.openCases;
  a.leadCoverage.withLead += b.leadCoverage.withLead;
  a.leadTimeCases += b.leadTimeCases;
  for (const group of ['firstDiscussions', 'consentRefusals', 'parentCopies'] as const)
    for (const [key, value] of Object.entries(b.parties![group])) (a.parties![group] as unknown as Record<string, number>)[key] += value;
}

function tagsOf(rows: { kind: TagThemeRow['kind']; name: string; category: string; cases: number; byTheme: Record<string, number> }[]) {
  const themes = new Set<string>();
  for (const row of rows) for (const [theme, count] of Object.entries(row.byTheme)) if (count > 0) themes.add(theme);
  const themeList = [...themes].filter((theme) => theme !== NO_THEME).sort((a, b) => a.localeCompare(b, 'nl'));
  if (themes.has(NO_THEME)) themeList.push(NO_THEME);
  const kindOrder = ['success_factor', 'obstacle'];
  return {
    themes: themeList,
    rows: rows
      .filter((row) => row.cases > 0)
      .map((row) => ({ ...row, byTheme: Object.fromEntries(themeList.map((theme) => [theme, row.byTheme[theme] ?? 0])) }))
      .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || b.cases - a.cases || a.name.localeCompare(b.name, 'nl')),
  };
}

function measuresOf(
  flat: Flat,
  tags: MonitoringMeasures['tags'],
  period: { from: string; to: string },
  schools: string[],
  random: Random,
): MonitoringMeasures {
  const { leadTimeCases, ...rest } = flat;
  const open = rest.leadCoverage.openCases;
  return {
    ...structuredClone(rest),
    leadCoverage: { ...rest.leadCoverage, share: open ? rest.leadCoverage.withLead / open : null },
    period,
    schools: schools.map((name, index) => ({ id: index + 1, name })),
    generatedOn: '2027-01-15',
    leadTime: {
      cases: leadTimeCases,
      medianDays: leadTimeCases ? median(Array.from({ length: Math.min(leadTimeCases, 9) }, () => Math.floor(random() * 40))) : null,
    },
    tags,
  };
}

/** A school's counts for one period (additive ones) with the non-additive ones of that period. */
function schoolPeriod(random: Random, scale: number, asOf: string): Flat {
  const n = (max: number) => Math.floor(random() * (max + 1));
  const some = () => (random() < 0.25 ? 0 : n(Math.max(1, Math.round(scale))));
  const f = emptyFlat(asOf);
  f.cases.newCases = some();
  f.cases.closedCases = some();
  f.cases.activeCases = Math.max(f.cases.newCases, f.cases.closedCases) + some();
  f.absence.newCases = n(f.cases.newCases);
  f.absence.closedCases = n(f.cases.closedCases);
  f.absence.activeCases = Math.min(f.cases.activeCases, Math.max(f.absence.newCases, f.absence.closedCases) + n(2));
  f.leadCoverage.openCases = n(f.cases.activeCases);
  f.leadCoverage.withLead = n(f.leadCoverage.openCases);
  const e = f.effect;
  [e.yes, e.partly, e.no, e.unchecked] = [some(), n(2), n(1), n(2)];
  e.cases = e.yes + e.partly + e.no + e.unchecked;
  e.withinTarget = n(e.yes + e.partly + e.no);
  f.leadTimeCases = e.cases;
  const a = f.agreements;
  [a.doneOnTime, a.doneLate, a.postponed, a.notDone, a.openNotDue, a.openOverdue] = [some(), n(2), n(3), n(2), some(), n(2)];
  a.agreements = a.doneOnTime + a.doneLate + a.postponed + a.notDone + a.openNotDue + a.openOverdue;
  a.postponedMoreThanOnce = n(a.postponed);
  a.postponements = a.postponed + a.postponedMoreThanOnce + (a.postponedMoreThanOnce ? n(2) : 0);
  f.leadChanges.cases = n(2);
  f.leadChanges.changes = f.leadChanges.cases + (f.leadChanges.cases ? n(2) : 0);
  // With parents and pupil: the first discussions are the effect cohort.
  const p = f.parties!;
  const d = p.firstDiscussions;
  d.cases = e.cases;
  d.parentsPresent = n(d.cases);
  d.parentsInvitedAbsent = n(d.cases - d.parentsPresent);
  d.parentsNotInvited = n(d.cases - d.parentsPresent - d.parentsInvitedAbsent);
  d.parentsUnrecorded = d.cases - d.parentsPresent - d.parentsInvitedAbsent - d.parentsNotInvited;
  d.from12 = n(d.cases);
  d.from12PupilView = n(d.from12);
  d.pupilView = d.from12PupilView + n(d.cases - d.from12);
  const r = p.consentRefusals;
  [r.byParents, r.byPupil] = [n(3), n(2)];
  r.cases = Math.max(r.byParents, r.byPupil) + n(Math.min(r.byParents, r.byPupil));
  const c = p.parentCopies;
  [c.withinTarget, c.late, c.notSent] = [some(), n(2), n(2)];
  c.notSent += Math.max(0, d.parentsInvitedAbsent + d.parentsNotInvited - (c.withinTarget + c.late + c.notSent));
  c.discussions = c.withinTarget + c.late + c.notSent;
  return f;
}

interface School {
  name: string;
  whole: Flat;
  periods: Flat[];
  tags: { whole: Map<string, TagCount>; periods: Map<string, TagCount>[] };
}

interface TagCount {
  kind: TagThemeRow['kind'];
  name: string;
  category: string;
  cases: number;
  byTheme: Record<string, number>;
}

function randomSchool(random: Random, name: string, options: Options, dates: { from: string; to: string }[], root: { to: string }): School {
  const periods = dates.map((period) => schoolPeriod(random, options.scale, period.to));
  const whole = emptyFlat(root.to);
  periods.forEach((period) => addFlat(whole, period));
  // Counts of cases that may recur over periods: between the largest period's and the sum.
  const between = (values: number[], cap = Number.POSITIVE_INFINITY) => {
    const low = Math.max(0, ...values);
    const high = Math.min(
      cap,
      values.reduce((x, y) => x + y, 0),
    );
    return low + Math.floor(random() * (high - low + 1));
  };
  whole.cases.activeCases = Math.max(whole.cases.newCases, whole.cases.closedCases) + Math.floor(random() * 3);
  whole.absence.activeCases = Math.min(
    whole.cases.activeCases,
    Math.max(whole.absence.newCases, whole.absence.closedCases) + Math.floor(random() * 2),
  );
  whole.leadCoverage.openCases = Math.floor(random() * (whole.cases.activeCases + 1));
  whole.leadCoverage.withLead = Math.floor(random() * (whole.leadCoverage.openCases + 1));
  whole.leadChanges.cases = between(
    periods.map((period) => period.leadChanges.cases),
    whole.leadChanges.changes,
  );
  // A case can have refusals in several periods: by each party, and in all, between the largest period and the sum.
  const refusals = whole.parties!.consentRefusals;
  const ofPeriods = (pick: (flat: Flat) => number) => periods.map(pick);
  refusals.byParents = between(ofPeriods((period) => period.parties!.consentRefusals.byParents));
  refusals.byPupil = between(ofPeriods((period) => period.parties!.consentRefusals.byPupil));
  refusals.cases = between(
    [refusals.byParents, refusals.byPupil, ...ofPeriods((period) => period.parties!.consentRefusals.cases)],
    Math.min(
      refusals.byParents + refusals.byPupil,
      periods.reduce((sum, period) => sum + period.parties!.consentRefusals.cases, 0),
    ),
  );

  const themes = THEMES.slice(0, options.themes ?? THEMES.length);
  const tags = TAGS.slice(0, options.tags ?? TAGS.length);
  const wholeTags = new Map<string, TagCount>();
  const periodTags = dates.map(() => new Map<string, TagCount>());
  const count = (map: Map<string, TagCount>, tag: (typeof TAGS)[number], caseThemes: string[]) => {
    const key = `${tag.kind}|${tag.name}`;
    if (!map.has(key)) map.set(key, { ...tag, cases: 0, byTheme: {} });
    const entry = map.get(key)!;
    entry.cases++;
    for (const theme of caseThemes) entry.byTheme[theme] = (entry.byTheme[theme] ?? 0) + 1;
  };
  for (const tag of tags) {
    const cases = random() < 0.3 ? 0 : Math.floor(random() * (options.scale + 2));
    for (let index = 0; index < cases; index++) {
      const caseThemes = themes.filter(() => random() < 0.3);
      const withNone = caseThemes.length === 0 ? [NO_THEME] : caseThemes;
      count(wholeTags, tag, withNone);
      const tagged = dates.map(() => random() < 0.3);
      if (!tagged.some(Boolean)) tagged[Math.floor(random() * dates.length)] = true;
      tagged.forEach((yes, period) => yes && count(periodTags[period], tag, withNone));
    }
  }
  return { name, whole, periods, tags: { whole: wholeTags, periods: periodTags } };
}

function mergeTags(maps: Map<string, TagCount>[]): TagCount[] {
  const merged = new Map<string, TagCount>();
  for (const map of maps)
    for (const [key, tag] of map) {
      if (!merged.has(key)) merged.set(key, { ...tag, cases: 0, byTheme: {} });
      const entry = merged.get(key)!;
      entry.cases += tag.cases;
      for (const [theme, value] of Object.entries(tag.byTheme)) entry.byTheme[theme] = (entry.byTheme[theme] ?? 0) + value;
    }
  return [...merged.values()];
}

/**
 * A random region: `areas` gebieden holding `schools` schools between them
 * (at least one each; areas 0: the schools sit right under the region), and
 * `options.periods` quarters of learning cycle that split the period.
 */
export function randomRegion(random: Random, shape: { areas: number; schools: number }, options: Options): LinkedReportInput {
  const dates = periodDates(options.periods);
  const whole = { from: dates[0].from, to: dates.at(-1)!.to };
  const schools = Array.from({ length: shape.schools }, (_, index) => randomSchool(random, `School ${index + 1}`, options, dates, whole));
  const node = (label: string, members: School[], children?: ReportNode[]): ReportNode => {
    const flat = emptyFlat(whole.to);
    for (const school of members) addFlat(flat, school.whole);
    // Non-additive over periods, additive over schools.
    flat.cases.activeCases = members.reduce((sum, school) => sum + school.whole.cases.activeCases, 0);
    flat.absence.activeCases = members.reduce((sum, school) => sum + school.whole.absence.activeCases, 0);
    flat.leadCoverage.openCases = members.reduce((sum, school) => sum + school.whole.leadCoverage.openCases, 0);
    flat.leadCoverage.withLead = members.reduce((sum, school) => sum + school.whole.leadCoverage.withLead, 0);
    flat.leadChanges.cases = members.reduce((sum, school) => sum + school.whole.leadChanges.cases, 0);
    const measures = measuresOf(
      flat,
      tagsOf(mergeTags(members.map((school) => school.tags.whole))),
      whole,
      members.map((school) => school.name),
      random,
    );
    return children ? { label, measures, children } : { label, measures };
  };
  let children: ReportNode[];
  if (shape.areas === 0) children = schools.map((school) => node(school.name, [school]));
  else {
    const groups: School[][] = Array.from({ length: shape.areas }, () => []);
    schools.forEach((school, index) => groups[index < shape.areas ? index : Math.floor(random() * shape.areas)].push(school));
    children = groups.map((members, index) =>
      node(
        `Gebied ${index + 1}`,
        members,
        members.map((school) => node(school.name, [school])),
      ),
    );
  }
  const root = node('Regio', schools, children);
  const periods: PeriodColumn[] = dates.map((period, index) => {
    const flat = emptyFlat(period.to);
    for (const school of schools) addFlat(flat, school.periods[index]);
    return {
      label: `K${index + 1}`,
      measures: measuresOf(
        flat,
        tagsOf(mergeTags(schools.map((school) => school.tags.periods[index]))),
        period,
        schools.map((school) => school.name),
        random,
      ),
    };
  });
  return { root, cycle: { periods, partitionsRootPeriod: true } };
}
