import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { buildMonitoringFixture, fixtureClock, type MonitoringFixture } from '../monitoring/fixture.test-helper';
import { measureAll, median, NO_THEME } from '../monitoring/measures';
import { combineMeasures } from './combine';
import { CONTRIBUTION_FORMAT, CONTRIBUTION_VERSION, contributionSchema, type Contribution } from './contribution';
import { buildContribution } from './contributionData';
import { withoutCategories } from './regio.test-helper';

const clock = fixedClock('2027-02-03T10:00:00Z');

// Names that sort differently in Dutch than by code point (É, IJ, case), and a
// pair that is the same text in two Unicode spellings (a tie for localeCompare).
const TAG_NAMES = [
  'Wachtlijst jeugdhulp',
  'Één aanspreekpunt',
  'Eerste gesprek',
  'ouders betrokken',
  'Ouders betrokken',
  'IJsbreker',
  'Ijsbreker',
  'Café',
  'Cafe\u0301',
];
const THEMES = ['Leren', 'leren', 'Éénoudergezin', 'Eenzaamheid', 'Verzuim / thuiszitten', 'Zorg', null];
const SCHOOLS = ['De Linde', 'de Linde', 'Het Anker', 'Één', 'Zonnebloem', 'École', 'Anker 2', 'Anker'];

const small = fc.integer({ min: 0, max: 30 });

/** The counts of one school, consistent as the schema demands (parts add up, no more checks in time than checks). */
const measuresArbitrary = (asOf: string) =>
  fc
    .record({
      cases: fc.record({ newCases: small, activeCases: small, closedCases: small }),
      openCases: small,
      withLeadShare: fc.double({ min: 0, max: 1, noNaN: true }),
      effectParts: fc.record({ yes: small, partly: small, no: small, unchecked: small }),
      withinTargetShare: fc.double({ min: 0, max: 1, noNaN: true }),
      dayPool: fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { minLength: 1, maxLength: 12 }),
      agreementParts: fc.record({
        doneOnTime: small,
        doneLate: small,
        postponed: small,
        notDone: small,
        openNotDue: small,
        openOverdue: small,
      }),
      extraPostponements: small,
      twiceShare: fc.double({ min: 0, max: 1, noNaN: true }),
      leadChanges: fc.record({ cases: small, extra: small }),
      absence: fc.record({ newCases: small, activeCases: small, closedCases: small }),
      /** Format version 2 (with parents and pupil) or 1 (an older MDO). */
      withParties: fc.boolean(),
      partyShares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
      refusals: fc.record({ byParents: small, byPupil: small, both: fc.double({ min: 0, max: 1, noNaN: true }) }),
      copies: fc.record({ withinTarget: small, late: small, notSent: small }),
      tags: fc.uniqueArray(
        fc.record({
          kind: fc.constantFrom('success_factor' as const, 'obstacle' as const),
          name: fc.constantFrom(...TAG_NAMES),
          cases: fc.integer({ min: 1, max: 12 }),
          themes: fc.uniqueArray(fc.constantFrom(...THEMES), { maxLength: 4 }),
          shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
        }),
        { selector: (tag) => `${tag.kind}/${tag.name}`, maxLength: 8 },
      ),
    })
    .chain((r) => {
      const effectCases = r.effectParts.yes + r.effectParts.partly + r.effectParts.no + r.effectParts.unchecked;
      // The lead-time cohort is the effect cohort: spread its cases over some days.
      return fc.array(fc.constantFrom(...r.dayPool), { minLength: effectCases, maxLength: effectCases }).map((days) => {
        const leadTime = [...new Set(days)].map((day) => ({ days: day, cases: days.filter((value) => value === day).length }));
        const a = r.agreementParts;
        const agreements = a.doneOnTime + a.doneLate + a.postponed + a.notDone + a.openNotDue + a.openOverdue;
        // New and closed cases are active too; verzuim cases are cases; the open cases on the peildatum were active.
        const cases = { ...r.cases, activeCases: Math.max(r.cases.activeCases, r.cases.newCases, r.cases.closedCases) };
        const absenceNew = Math.min(r.absence.newCases, cases.newCases);
        const absenceClosed = Math.min(r.absence.closedCases, cases.closedCases);
        const absence = {
          newCases: absenceNew,
          closedCases: absenceClosed,
          activeCases: Math.min(Math.max(r.absence.activeCases, absenceNew, absenceClosed), cases.activeCases),
        };
        const openCases = Math.min(r.openCases, cases.activeCases);
        const twice = Math.floor(a.postponed * r.twiceShare);
        return {
          asOf,
          cases,
          leadCoverage: { openCases, withLead: Math.floor(openCases * r.withLeadShare) },
          effect: {
            ...r.effectParts,
            cases: effectCases,
            withinTarget: Math.floor((effectCases - r.effectParts.unchecked) * r.withinTargetShare),
          },
          leadTime,
          agreements: {
            ...a,
            agreements,
            postponements: a.postponed + twice + (twice ? r.extraPostponements : 0),
            postponedMoreThanOnce: twice,
          },
          leadChanges: { cases: r.leadChanges.cases, changes: r.leadChanges.cases + r.leadChanges.extra },
          absence,
          ...(r.withParties ? { parties: partiesOf(effectCases, r.partyShares, r.refusals, r.copies) } : {}),
          tags: r.tags.map((tag) => {
            const themed = tag.themes.map((theme, index) => ({
              theme: theme as string | null,
              cases: Math.floor(tag.cases * tag.shares[index]),
            }));
            // Every case is under a theme or under none: the cells add up to at least the tag's cases.
            const unthemed = tag.cases - themed.reduce((total, cell) => total + cell.cases, 0);
            return {
              kind: tag.kind,
              name: tag.name,
              cases: tag.cases,
              byTheme: [
                ...themed.filter((cell) => cell.theme !== null),
                {
                  theme: null,
                  cases:
                    Math.max(unthemed, 0) + themed.filter((cell) => cell.theme === null).reduce((total, cell) => total + cell.cases, 0),
                },
              ].filter((cell) => cell.cases > 0),
            };
          }),
        };
      });
    });

/** The measures with parents and pupil of a school whose effect cohort is `cohort`, consistent as the schema demands. */
function partiesOf(
  cohort: number,
  shares: number[],
  refusals: { byParents: number; byPupil: number; both: number },
  copies: { withinTarget: number; late: number; notSent: number },
) {
  const part = (of: number, index: number) => Math.floor(of * shares[index]);
  const parentsPresent = part(cohort, 0);
  const parentsInvitedAbsent = part(cohort - parentsPresent, 1);
  const parentsNotInvited = part(cohort - parentsPresent - parentsInvitedAbsent, 2);
  const from12 = part(cohort, 3);
  const from12PupilView = part(from12, 4);
  const withoutParents = Math.max(copies.withinTarget + copies.late + copies.notSent, parentsInvitedAbsent + parentsNotInvited);
  return {
    firstDiscussions: {
      cases: cohort,
      parentsPresent,
      parentsInvitedAbsent,
      parentsNotInvited,
      parentsUnrecorded: cohort - parentsPresent - parentsInvitedAbsent - parentsNotInvited,
      pupilView: from12PupilView + part(cohort - from12, 5),
      from12,
      from12PupilView,
    },
    consentRefusals: {
      byParents: refusals.byParents,
      byPupil: refusals.byPupil,
      // A case refused by both counts once.
      cases: Math.max(refusals.byParents, refusals.byPupil) + Math.floor(Math.min(refusals.byParents, refusals.byPupil) * refusals.both),
    },
    parentCopies: {
      ...copies,
      notSent: withoutParents - copies.withinTarget - copies.late,
      discussions: withoutParents,
    },
  };
}

/** One region's contributions for one period: distinct schools, each with its own asOf. */
const regionArbitrary = fc.uniqueArray(fc.constantFrom(...SCHOOLS), { minLength: 1, maxLength: SCHOOLS.length }).chain((schools) =>
  fc.tuple(
    ...schools.map((school) =>
      fc.constantFrom('2026-12-31', '2026-11-25', '2026-10-02').chain((asOf) =>
        measuresArbitrary(asOf).map((measures) =>
          contributionSchema.parse({
            format: CONTRIBUTION_FORMAT,
            formatVersion: measures.parties ? CONTRIBUTION_VERSION : 1,
            app: { name: 'MDO', version: '1.0.0' },
            school: { name: school },
            period: { from: '2026-10-01', to: '2026-12-31' },
            createdAt: `${asOf}T12:00:00.000Z`,
            measures,
          }),
        ),
      ),
    ),
  ),
);

const sumOf = (contributions: Contribution[], value: (m: Contribution['measures']) => number) =>
  contributions.reduce((total, contribution) => total + value(contribution.measures), 0);

/** Dutch order as the report promises it, written out independently of measures.ts. */
const kindRank = { success_factor: 0, obstacle: 1 } as const;

describe('combining contributions', () => {
  it('adds the counts and takes the median of all cases, as a naive sum over schools does', () => {
    fc.assert(
      fc.property(regionArbitrary, (contributions) => {
        const m = combineMeasures(contributions, clock);
        for (const group of ['cases', 'absence', 'effect', 'agreements', 'leadChanges', 'leadCoverage'] as const) {
          for (const field of Object.keys(contributions[0].measures[group]))
            expect((m[group] as unknown as Record<string, number>)[field], `${group}.${field}`).toBe(
              sumOf(contributions, (c) => (c[group] as Record<string, number>)[field]),
            );
        }
        const open = m.leadCoverage.openCases;
        expect(m.leadCoverage.share).toBe(open ? m.leadCoverage.withLead / open : null);
        expect(m.leadCoverage.asOf).toBe(
          contributions
            .map((c) => c.measures.asOf)
            .sort()
            .at(-1),
        );

        // With parents and pupil: the sums over the schools that delivered them (format version 2), and how many did.
        const delivered = contributions.filter((c) => c.measures.parties);
        expect(m.partiesFrom).toEqual({ schools: delivered.length, of: contributions.length });
        if (delivered.length === 0) expect(m.parties).toBeNull();
        for (const group of ['firstDiscussions', 'consentRefusals', 'parentCopies'] as const)
          for (const field of Object.keys(delivered[0]?.measures.parties?.[group] ?? {}))
            expect((m.parties![group] as unknown as Record<string, number>)[field], `parties.${group}.${field}`).toBe(
              delivered.reduce((total, c) => total + (c.measures.parties![group] as unknown as Record<string, number>)[field], 0),
            );

        const allDays = contributions.flatMap((c) => c.measures.leadTime.flatMap((entry) => Array<number>(entry.cases).fill(entry.days)));
        expect(m.leadTime).toEqual({ cases: allDays.length, medianDays: median(allDays) });

        expect(m.period).toEqual({ from: '2026-10-01', to: '2026-12-31' });
        expect(m.generatedOn).toBe('2027-02-03');
        const names = contributions.map((c) => c.school.name);
        expect(m.schools.map((school) => school.name).sort()).toEqual([...names].sort());
        expect(m.schools.map((school) => school.id)).toEqual(names.map((_, index) => index + 1));

        // Tags: per kind and name, the sum of cases and of each theme's cases.
        const expected = new Map<string, { cases: number; byTheme: Map<string, number> }>();
        for (const tag of contributions.flatMap((c) => c.measures.tags)) {
          const key = `${tag.kind}/${tag.name}`;
          const entry = expected.get(key) ?? { cases: 0, byTheme: new Map<string, number>() };
          entry.cases += tag.cases;
          for (const cell of tag.byTheme)
            entry.byTheme.set(cell.theme ?? NO_THEME, (entry.byTheme.get(cell.theme ?? NO_THEME) ?? 0) + cell.cases);
          expected.set(key, entry);
        }
        const usedThemes = new Set(
          [...expected.values()].flatMap((entry) => [...entry.byTheme].filter(([, n]) => n > 0).map(([theme]) => theme)),
        );
        expect(new Set(m.tags.themes)).toEqual(usedThemes);
        expect(m.tags.themes.length).toBe(usedThemes.size);
        const named = m.tags.themes.filter((theme) => theme !== NO_THEME);
        if (usedThemes.has(NO_THEME)) expect(m.tags.themes.at(-1)).toBe(NO_THEME);
        for (let index = 1; index < named.length; index++)
          expect(named[index - 1].localeCompare(named[index], 'nl')).toBeLessThanOrEqual(0);

        expect(m.tags.rows.map((row) => `${row.kind}/${row.name}`).sort()).toEqual([...expected.keys()].sort());
        for (const row of m.tags.rows) {
          const entry = expected.get(`${row.kind}/${row.name}`)!;
          expect(row.cases).toBe(entry.cases);
          expect(row.category).toBe('');
          expect(Object.keys(row.byTheme)).toEqual(m.tags.themes);
          for (const theme of m.tags.themes) expect(row.byTheme[theme]).toBe(entry.byTheme.get(theme) ?? 0);
        }
        for (let index = 1; index < m.tags.rows.length; index++) {
          const [a, b] = [m.tags.rows[index - 1], m.tags.rows[index]];
          const order = kindRank[a.kind] - kindRank[b.kind] || b.cases - a.cases || a.name.localeCompare(b.name, 'nl');
          expect(order, `${a.name} before ${b.name}`).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever order the contributions come in', () => {
    fc.assert(
      fc.property(
        regionArbitrary.chain((contributions) =>
          fc.tuple(fc.constant(contributions), fc.shuffledSubarray(contributions, { minLength: contributions.length })),
        ),
        ([contributions, shuffled]) => {
          expect(combineMeasures(shuffled, clock)).toEqual(combineMeasures(contributions, clock));
          // Even the order of keys, which the CSV's columns follow.
          expect(JSON.stringify(combineMeasures(shuffled, clock))).toBe(JSON.stringify(combineMeasures(contributions, clock)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses no contributions, different periods and the same school twice', () => {
    const [one] = fc.sample(regionArbitrary, { numRuns: 1, seed: 17 });
    const first = one[0];
    expect(() => combineMeasures([], clock)).toThrowError(
      expect.objectContaining({ code: 'VALIDATION', message: 'VALIDATION: no contributions to combine' }),
    );
    const otherPeriod = { ...first, school: { name: 'Een andere school' }, period: { from: '2026-07-01', to: '2026-09-30' } };
    expect(() => combineMeasures([first, otherPeriod], clock)).toThrowError(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/different periods/) }),
    );
    const sameEnd = { ...otherPeriod, period: { from: '2026-10-02', to: '2026-12-31' } };
    expect(() => combineMeasures([first, sameEnd], clock)).toThrowError(expect.objectContaining({ code: 'VALIDATION' }));
    const again = { ...first, createdAt: '2027-01-05T08:00:00.000Z' };
    expect(() => combineMeasures([first, again], clock)).toThrowError(
      expect.objectContaining({ code: 'VALIDATION', message: `VALIDATION: two contributions of the school '${first.school.name}'` }),
    );
  });
});

describe('contributions of the hand-counted fixture', () => {
  let f: MonitoringFixture;
  beforeAll(async () => {
    f = await buildMonitoringFixture();
  });
  afterAll(async () => {
    await f.close();
  });
  const period = { from: '2026-01-01', to: '2026-06-30' };

  it('add up to what the report over both schools counts, with the median of all five lead times', async () => {
    const contributions = [
      await buildContribution(f.db, { schoolId: f.school.b, ...period }, fixtureClock, '1.2.3'),
      await buildContribution(f.db, { schoolId: f.school.a, ...period }, fixtureClock, '1.2.3'),
    ];
    expect(contributions[1]).toMatchObject({
      format: 'mdo-regiobijdrage',
      formatVersion: 2,
      app: { name: 'MDO', version: '1.2.3' },
      school: { name: 'De Linde' },
      period,
      createdAt: '2026-11-25T09:00:00.000Z',
    });
    // Hand-counted in fixture.test-helper.ts: C2 19, C3 25, C4 16, C6 42 days (De Linde), C9 3 (Het Anker).
    expect(contributions[0].measures.leadTime).toEqual([{ days: 3, cases: 1 }]);
    expect(contributions[1].measures.leadTime.map((entry) => entry.days)).toEqual([16, 19, 25, 42]);
    const combined = combineMeasures(contributions, fixtureClock);
    expect(combined.leadTime).toEqual({ cases: 5, medianDays: 19 });
    const all = await measureAll(f.db, { ...period, schoolIds: [f.school.a, f.school.b] }, fixtureClock);
    expect(combined).toEqual(withoutCategories({ ...all, schools: all.schools.map((school, index) => ({ ...school, id: index + 1 })) }));
  });

  it('keeps only the theme cells with cases, and null for cases without a theme', async () => {
    const contribution = await buildContribution(f.db, { schoolId: f.school.a, ...period }, fixtureClock, '1.2.3');
    const cells = contribution.measures.tags.flatMap((tag) => tag.byTheme);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.cases).toBeGreaterThan(0);
    // C12, a case of De Linde without a theme, had "Korte lijnen" recorded.
    expect(contribution.measures.tags.find((tag) => tag.name === 'Korte lijnen tussen school en hulpverlening')?.byTheme).toEqual([
      { theme: null, cases: 1 },
    ]);
  });

  it('refuses a school that is not in the file', async () => {
    await expect(buildContribution(f.db, { schoolId: 9999, ...period }, fixtureClock, '1.2.3')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      buildContribution(f.db, { schoolId: f.school.a, from: '2026-07-01', to: '2026-01-01' }, fixtureClock, '1.2.3'),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
