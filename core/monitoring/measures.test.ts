import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { fixedClock } from '../clock';
import { generateDemo } from '../demo/generateDemo';
import { getDashboardItems } from '../services/dashboardItems';
import { buildMonitoringFixture, fixtureClock, fullScans, queryPlans, type MonitoringFixture } from './fixture.test-helper';
import {
  ABSENCE_THEME_CODE,
  agreementOutcome,
  caseCounts,
  effectOutcome,
  leadChanges,
  leadCoverage,
  measureAll,
  median,
  medianOfDistribution,
  leadTimeDistribution,
  NO_THEME,
  registrationToDiscussion,
  tagsByTheme,
  type MonitoringMeasures,
  type MonitoringPeriod,
} from './measures';

// Expectations below are counted by hand from the table in fixture.test-helper.ts.
describe('monitoring measures on a fixed data set', () => {
  let f: MonitoringFixture;
  let period: MonitoringPeriod;
  beforeAll(async () => {
    f = await buildMonitoringFixture();
    period = { from: '2026-01-01', to: '2026-06-30', schoolIds: [f.school.a, f.school.b] };
  });
  afterAll(async () => {
    await f.close();
  });

  it('counts new, active and closed cases of the chosen schools only', async () => {
    // New: C2 C3 C4 C5 C6 C9. Active: those + C1 (closed in the period), C8, C12. Closed: C1 C4.
    expect(await caseCounts(f.db, period)).toEqual({ newCases: 6, activeCases: 9, closedCases: 2 });
    expect(await caseCounts(f.db, { ...period, schoolIds: [f.school.a] })).toEqual({ newCases: 5, activeCases: 7, closedCases: 2 });
    // Verzuim: C1 (closed in the period), C2 and C9 (new); C10 is school C.
    expect(await caseCounts(f.db, period, { themeCode: ABSENCE_THEME_CODE })).toEqual({ newCases: 2, activeCases: 3, closedCases: 1 });
  });

  it('reads the share of open cases with a trekker from the history, on the last day of the period', async () => {
    // Open on 2026-06-30: C2 C3 C5 C6 C8 C9 C12; without a trekker: C5 and C6.
    expect(await leadCoverage(f.db, period, fixtureClock)).toEqual({ asOf: '2026-06-30', openCases: 7, withLead: 5, share: 5 / 7 });
    // A period that runs on is counted today: C7 and C13 joined, both with a trekker.
    expect(await leadCoverage(f.db, { ...period, from: '2026-07-01', to: '2026-12-31' }, fixtureClock)).toEqual({
      asOf: '2026-11-25',
      openCases: 9,
      withLead: 7,
      share: 7 / 9,
    });
  });

  it('takes the first effect check after the first discussion, and whether it came within 14 days', async () => {
    // Cohort C2 C3 C4 C6 C9: partly (on time), yes (late; the later "no" is ignored), no (day 14), none, yes (same day).
    expect(await effectOutcome(f.db, period)).toEqual({ cases: 5, yes: 2, partly: 1, no: 1, unchecked: 1, withinTarget: 3 });
  });

  it('gives the median days from registration to first discussion', async () => {
    // C2 19, C3 25, C4 16, C6 42, C9 3 days.
    expect(await registrationToDiscussion(f.db, period)).toEqual({ cases: 5, medianDays: 19 });
    expect(await registrationToDiscussion(f.db, { ...period, schoolIds: [f.school.b] })).toEqual({ cases: 1, medianDays: 3 });
    expect(median([])).toBeNull();
    expect(median([4, 1, 10, 2])).toBe(3);
    expect(await leadTimeDistribution(f.db, period)).toEqual([
      { days: 3, cases: 1 },
      { days: 16, cases: 1 },
      { days: 19, cases: 1 },
      { days: 25, cases: 1 },
      { days: 42, cases: 1 },
    ]);
  });

  it('takes the median of a distribution as the median of its values written out', () => {
    expect(medianOfDistribution([])).toBeNull();
    expect(medianOfDistribution([{ days: 7, cases: 0 }])).toBeNull();
    expect(
      medianOfDistribution([
        { days: 10, cases: 1 },
        { days: 2, cases: 2 },
        { days: 4, cases: 1 },
      ]),
    ).toBe(3);
    fc.assert(
      fc.property(
        fc.array(fc.record({ days: fc.integer({ min: 0, max: 400 }), cases: fc.integer({ min: 0, max: 6 }) }), { maxLength: 30 }),
        (distribution) => {
          const values = distribution.flatMap((entry) => Array<number>(entry.cases).fill(entry.days));
          expect(medianOfDistribution(distribution)).toBe(median(values));
        },
      ),
    );
  });

  it('sorts the agreements made in the period into on time, late, postponed, not done and open', async () => {
    // A1 A2 A9 on time; A3 late; A4 A5 A10 postponed (1 + 2 + 3 times); A6 not done; A8 open; A7 open and overdue.
    expect(await agreementOutcome(f.db, period, fixtureClock)).toEqual({
      agreements: 10,
      doneOnTime: 3,
      doneLate: 1,
      postponed: 3,
      notDone: 1,
      openNotDue: 1,
      openOverdue: 1,
      postponements: 6,
      postponedMoreThanOnce: 2,
    });
  });

  it('counts hand-overs of the trekker, not first trekkers or a new one after reopening', async () => {
    // C2 twice (03-17, 05-12) and C8 (01-20); C12's new trekker after reopening is no hand-over; C10 is school C.
    expect(await leadChanges(f.db, period)).toEqual({ changes: 3, cases: 2 });
    expect(await leadChanges(f.db, { ...period, to: '2026-03-31' })).toEqual({ changes: 2, cases: 2 });
  });

  it('counts success factors and obstacles per case theme, in cases', async () => {
    const zero = { 'Gezin en opvoeden': 0, Gezondheid: 0, Leren: 0, 'Sociaal-emotioneel': 0, 'Verzuim / thuiszitten': 0, [NO_THEME]: 0 };
    expect(await tagsByTheme(f.db, period)).toEqual({
      themes: ['Gezin en opvoeden', 'Gezondheid', 'Leren', 'Sociaal-emotioneel', 'Verzuim / thuiszitten', NO_THEME],
      rows: [
        {
          kind: 'success_factor',
          name: 'Ouders vanaf het begin betrokken',
          category: 'Ouders',
          cases: 3, // C2 C3 C8
          byTheme: { ...zero, 'Gezin en opvoeden': 1, Gezondheid: 1, Leren: 1, 'Verzuim / thuiszitten': 1 },
        },
        {
          kind: 'success_factor',
          name: 'Korte lijnen tussen school en hulpverlening',
          category: 'Samenwerking',
          cases: 1, // C12, no theme
          byTheme: { ...zero, [NO_THEME]: 1 },
        },
        {
          kind: 'obstacle',
          name: 'Wachtlijst jeugdhulp',
          category: 'Aanbod',
          cases: 4, // C2 (twice), C4, C6, C9; C1 before the period, C10 school C
          byTheme: { ...zero, 'Gezin en opvoeden': 1, Leren: 1, 'Sociaal-emotioneel': 1, 'Verzuim / thuiszitten': 2 },
        },
        {
          kind: 'obstacle',
          name: 'Geen toestemming van ouders',
          category: 'Ouders',
          cases: 1, // C6
          byTheme: { ...zero, Leren: 1 },
        },
      ],
    });
  });

  it('puts every measure and the school names in one result', async () => {
    const all = await measureAll(f.db, { ...period, schoolIds: [f.school.b, f.school.a, f.school.a] }, fixtureClock);
    expect(all.schools).toEqual([
      { id: f.school.a, name: 'De Linde' },
      { id: f.school.b, name: 'Het Anker' },
    ]);
    expect(all.generatedOn).toBe('2026-11-25');
    expect(all.cases.newCases).toBe(6);
    expect(all.absence.activeCases).toBe(3);
  });

  it('refuses a bad period or an unknown school', async () => {
    await expect(caseCounts(f.db, { ...period, from: '2026-7-1' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(caseCounts(f.db, { ...period, from: '2026-07-01' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(caseCounts(f.db, { ...period, schoolIds: [] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(measureAll(f.db, { ...period, schoolIds: [f.school.a, 9999] }, fixtureClock)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('searches indexes: no query reads a whole table', async () => {
    const plans = await queryPlans(f.handle, (db) => measureAll(db, period, fixtureClock));
    expect(plans.length).toBeGreaterThanOrEqual(9);
    for (const { sql, plan } of plans) expect(fullScans(plan), `${sql}\n${plan.join('\n')}`).toEqual([]);
  });
});

describe('monitoring measures on the demo school', () => {
  it('run without error and give plausible numbers', async () => {
    const temp = tempDir();
    const handle = await openDatabase(temp.file('demo.db'), { create: true });
    try {
      const clock = fixedClock('2026-11-25T09:00:00Z');
      await generateDemo(handle.db, { scale: 'small', clock });
      const schoolIds = (await handle.db.selectFrom('school').select('id').execute()).map((row) => row.id);
      const m = await measureAll(handle.db, { from: '2025-11-26', to: '2026-11-25', schoolIds }, clock);
      const one = (sql: string) => (handle.sqlite.prepare(sql).get() as { n: number }).n;

      expect(m.cases.newCases).toBe(one("SELECT count(*) AS n FROM support_case WHERE registered_on >= '2025-11-26'"));
      expect(m.cases.activeCases).toBeGreaterThanOrEqual(m.cases.newCases);
      expect(m.cases.activeCases).toBeLessThanOrEqual(12);
      expect(m.cases.closedCases).toBe(one('SELECT count(*) AS n FROM support_case WHERE closed_on IS NOT NULL'));
      expect(m.leadCoverage.openCases).toBe(one("SELECT count(*) AS n FROM support_case WHERE status <> 'closed'"));
      expect(m.leadCoverage.withLead).toBe(
        one(
          `SELECT count(*) AS n FROM case_lead l JOIN support_case c ON c.id = l.case_id WHERE l.ended_on IS NULL AND c.status <> 'closed'`,
        ),
      );
      expect(m.leadCoverage.share).toBeGreaterThan(0.5);

      const { cases, yes, partly, no, unchecked, withinTarget } = m.effect;
      expect(cases).toBeGreaterThan(0);
      expect(yes + partly + no + unchecked).toBe(cases);
      expect(withinTarget).toBeLessThanOrEqual(cases - unchecked);
      expect(m.leadTime.cases).toBe(cases);
      expect(m.leadTime.medianDays).toBeGreaterThan(0);
      expect(m.leadTime.medianDays).toBeLessThan(60); // an MDO every six weeks

      const a = m.agreements;
      expect(a.agreements).toBeGreaterThan(0);
      expect(a.doneOnTime + a.doneLate + a.postponed + a.notDone + a.openNotDue + a.openOverdue).toBe(a.agreements);
      expect(a.postponed).toBeGreaterThan(0);
      expect(a.postponements).toBeGreaterThanOrEqual(a.postponed);
      expect(m.leadChanges.changes).toBeGreaterThanOrEqual(m.leadChanges.cases);
      expect(m.absence.activeCases).toBeLessThanOrEqual(m.cases.activeCases);
      expect(m.tags.rows.length).toBeGreaterThan(0);
      for (const row of m.tags.rows) expect(Math.max(...Object.values(row.byTheme))).toBeLessThanOrEqual(row.cases);
    } finally {
      await handle.close();
      temp.remove();
    }
  });
});

describe('monitoring measures on the large demo (20 schools, 10 years)', () => {
  it('answer quickly: timings per measure', { timeout: 180_000 }, async () => {
    const temp = tempDir();
    const handle = await openDatabase(temp.file('large.db'), { create: true });
    try {
      const clock = fixedClock('2026-11-25T09:00:00Z');
      const started = performance.now();
      const summary = await generateDemo(handle.db, { scale: 'large', clock });
      const buildMs = performance.now() - started;
      const schoolIds = (await handle.db.selectFrom('school').select('id').execute()).map((row) => row.id);
      const year: MonitoringPeriod = { from: '2025-11-26', to: '2026-11-25', schoolIds };
      const decade: MonitoringPeriod = { from: '2016-11-26', to: '2026-11-25', schoolIds };
      const db = handle.db;
      const measures: [string, (period: MonitoringPeriod) => Promise<unknown>][] = [
        ['caseCounts', (period) => caseCounts(db, period)],
        ['caseCounts verzuim', (period) => caseCounts(db, period, { themeCode: ABSENCE_THEME_CODE })],
        ['leadCoverage', (period) => leadCoverage(db, period, clock)],
        ['effectOutcome', (period) => effectOutcome(db, period)],
        ['registrationToDiscussion', (period) => registrationToDiscussion(db, period)],
        ['agreementOutcome', (period) => agreementOutcome(db, period, clock)],
        ['leadChanges', (period) => leadChanges(db, period)],
        ['tagsByTheme', (period) => tagsByTheme(db, period)],
        ['measureAll', (period) => measureAll(db, period, clock)],
      ];
      const time = async (run: () => Promise<unknown>) => {
        const start = performance.now();
        const result = await run();
        return { ms: performance.now() - start, result };
      };
      const lines = [
        `large demo: ${JSON.stringify(summary)}, built in ${buildMs.toFixed(0)} ms`,
        `${'measure (20 schools)'.padEnd(26)} ${'1 year'.padStart(9)} ${'10 years'.padStart(9)}`,
      ];
      let decadeResult: MonitoringMeasures | undefined;
      for (const [name, run] of measures) {
        const oneYear = await time(() => run(year));
        const tenYears = await time(() => run(decade));
        if (name === 'measureAll') decadeResult = tenYears.result as MonitoringMeasures;
        lines.push(`${name.padEnd(26)} ${oneYear.ms.toFixed(1).padStart(6)} ms ${tenYears.ms.toFixed(1).padStart(6)} ms`);
      }
      const dashboard = await time(() => getDashboardItems(db, schoolIds[0], clock));
      lines.push(`${'getDashboardItems (1 school)'.padEnd(26)} ${dashboard.ms.toFixed(1).padStart(6)} ms`);
      console.log(lines.join('\n'));
      expect(decadeResult!.cases.activeCases).toBe(summary.cases);
      expect(decadeResult!.agreements.agreements).toBeGreaterThan(10_000);

      const plans = await queryPlans(handle, (logging) => measureAll(logging, decade, clock));
      for (const { sql, plan } of plans) expect(fullScans(plan), `${sql}\n${plan.join('\n')}`).toEqual([]);
    } finally {
      await handle.close();
      temp.remove();
    }
  });
});
