import { format, parseISO } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { fixedClock, today } from '../clock';
import { initialsOf } from '../documents/minutesData';
import { formatShortDate } from '../i18n/formatDate';
import { monitoringCsv, monitoringCsvLines } from '../monitoring/csv';
import { measureAll, NO_THEME, type MonitoringMeasures } from '../monitoring/measures';
import { monitoringReport } from '../monitoring/report';
import { combineMeasures } from './combine';
import { CONTRIBUTION_FORMAT, type Contribution } from './contribution';
import { buildContribution } from './contributionData';
import { throughJson, withoutCategories } from './regio.test-helper';

// The property: a board file with 20 schools, one contribution per
// school (through its JSON text), combined, gives the same measures and the
// same CSV, cell for cell, as the monitoring report over the 20 schools from
// that one file. And no contribution or combined CSV holds anything that
// identifies a pupil, a professional or a record.

const clock = fixedClock(E2E_NOW);
const APP_VERSION = '9.8.7-test';

const PERIODS = [
  { label: 'a quarter', from: '2026-04-01', to: '2026-06-30' },
  { label: 'a school year', from: '2025-08-01', to: '2026-07-31' },
  { label: 'a calendar year in the past', from: '2024-01-01', to: '2024-12-31' },
  { label: 'a school year running past today', from: '2026-08-01', to: '2027-07-31' },
  { label: 'a year before any activity', from: '2012-01-01', to: '2012-12-31' },
] as const;

interface PeriodResult {
  from: string;
  to: string;
  /** Per school id: the contribution as the region read it, and its JSON text. */
  sent: Map<number, { contribution: Contribution; text: string }>;
  combined: MonitoringMeasures;
  all: MonitoringMeasures;
}

const temp = tempDir('mdo-regio-property-');
let handle: OpenDatabase;
let schoolIds: number[];
const results = new Map<string, PeriodResult>();
const timings: string[] = [];

beforeAll(async () => {
  let started = performance.now();
  await createDemoDatabase(temp.file('large.db'), 'large');
  handle = await openDatabase(temp.file('large.db'));
  timings.push(`large demo ${(performance.now() - started).toFixed(0)} ms`);
  const db = handle.db;
  schoolIds = (await db.selectFrom('school').select('id').orderBy('id').execute()).map((row) => row.id);
  // Real schools keep lists of their own: one renames an obstacle (É sorts with E in Dutch, after Z by code point), another a theme;
  // and some cases have no theme (the report's last column).
  handle.sqlite
    .prepare('DELETE FROM case_theme WHERE case_id IN (SELECT id FROM support_case WHERE school_id = ? AND id % 4 = 0)')
    .run(schoolIds[4]);
  await db
    .updateTable('tag')
    .set({ name: 'Éénoudergezin zonder netwerk' })
    .where('schoolId', '=', schoolIds[2])
    .where('name', '=', 'Onduidelijk wie de trekker is')
    .execute();
  await db
    .updateTable('theme')
    .set({ name: 'Aandacht voor lezen' })
    .where('schoolId', '=', schoolIds[6])
    .where('name', '=', 'Leren')
    .execute();

  started = performance.now();
  for (const period of PERIODS) {
    const sent = new Map<number, { contribution: Contribution; text: string }>();
    for (const schoolId of schoolIds) {
      const built = await buildContribution(db, { schoolId, from: period.from, to: period.to }, clock, APP_VERSION);
      const read = throughJson(built);
      expect(read.contribution).toEqual(built);
      sent.set(schoolId, read);
    }
    const combined = combineMeasures(
      [...sent.values()].map((entry) => entry.contribution),
      clock,
    );
    const all = await measureAll(db, { from: period.from, to: period.to, schoolIds }, clock);
    results.set(period.label, { from: period.from, to: period.to, sent, combined, all });
  }
  timings.push(
    `${PERIODS.length} periods × ${schoolIds.length} contributions + combine + measureAll ${(performance.now() - started).toFixed(0)} ms`,
  );
}, 120_000);

afterAll(async () => {
  console.log(`regio property test: ${timings.join('; ')}`);
  await handle?.close();
  temp.remove();
});

describe('20 contributions combined equal the monitoring report over the 20 schools of one file', () => {
  it.each(PERIODS.map((period) => period.label))('%s', (label) => {
    const { combined, all } = results.get(label)!;
    expect(all.schools).toHaveLength(20);
    if (label === 'a year before any activity') {
      expect(all.cases.activeCases).toBe(0);
      expect(all.tags.rows).toEqual([]);
    } else {
      expect(all.cases.activeCases).toBeGreaterThan(0);
      expect(all.leadTime.cases).toBeGreaterThan(0);
      expect(all.tags.rows.map((row) => row.name)).toContain('Éénoudergezin zonder netwerk');
      expect(all.tags.themes).toContain('Aandacht voor lezen');
      expect(all.tags.themes.at(-1)).toBe(NO_THEME);
    }
    if (label === 'a school year running past today') expect(all.leadCoverage.asOf).toBe(today(clock));

    // The region has no school ids: its schools are numbered in the order measureAll lists them (by name).
    expect(combined).toEqual(withoutCategories({ ...all, schools: all.schools.map((school, index) => ({ ...school, id: index + 1 })) }));
    // The whole CSV, title and meta included (the school names, generatedOn and asOf are the same), cell for cell.
    const combinedCsv = monitoringCsvLines(monitoringReport(combined));
    const boardCsv = monitoringCsvLines(monitoringReport(all));
    expect(combinedCsv.length).toBeGreaterThan(40);
    expect(combinedCsv).toEqual(boardCsv);
    expect(Buffer.from(monitoringCsv(monitoringReport(combined))).equals(Buffer.from(monitoringCsv(monitoringReport(all))))).toBe(true);
  });

  it('needs the exact sums: in the quarter, counts that every school would show as "<5" are shown in the region', () => {
    const { sent, combined } = results.get('a quarter')!;
    const perSchool = [...sent.values()].map((entry) => entry.contribution.measures);
    const groups = ['cases', 'absence', 'effect', 'agreements', 'leadChanges'] as const;
    const recovered = groups.flatMap((group) =>
      Object.entries(combined[group])
        .filter(([field, total]) => total >= 5 && perSchool.every((m) => (m[group] as Record<string, number>)[field] < 5))
        .map(([field]) => `${group}.${field}`),
    );
    expect(recovered.length, recovered.join(', ')).toBeGreaterThan(2);
  });
});

/** Every string value in parsed JSON, and every key, with where it sits. */
function walk(value: unknown, at: string, strings: { at: string; value: string }[], keys: string[]): void {
  if (typeof value === 'string') strings.push({ at, value });
  else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${at}[${index}]`, strings, keys));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      keys.push(key);
      walk(item, `${at}.${key}`, strings, keys);
    }
}

const words = (text: string) => new Set(text.split(/[^\p{L}\p{M}'-]+/u).filter(Boolean));

describe('what leaves a school, and what the region writes', () => {
  let forbidden: {
    needles: Set<string>;
    nameWords: Set<string>;
    /** Dates of meetings and of birth, each with the ways MDO writes a date. */
    dates: Map<string, string[]>;
  };
  const schoolNames = new Map<number, string>();
  const lists = new Map<number, Set<string>>();

  beforeAll(() => {
    const all = <T>(sql: string) => handle.sqlite.prepare(sql).all() as T[];
    const texts = all<{ text: string }>(
      `SELECT question AS text FROM support_case UNION SELECT analysis FROM support_case UNION SELECT closed_reason FROM support_case
       UNION SELECT safety_concern_reason FROM support_case UNION SELECT notes FROM case_discussion UNION SELECT summary FROM case_discussion
       UNION SELECT conclusions FROM case_discussion UNION SELECT description FROM agreement UNION SELECT owner_name FROM agreement
       UNION SELECT notes FROM agenda_item UNION SELECT title FROM agenda_item UNION SELECT note FROM effect_check
       UNION SELECT note FROM consent UNION SELECT reason FROM case_lead UNION SELECT open_questions FROM meeting
       UNION SELECT location FROM meeting UNION SELECT name FROM member UNION SELECT email FROM member UNION SELECT phone FROM member`,
    ).map((row) => row.text);
    const pupils = all<{ firstName: string; lastName: string; dateOfBirth: string }>(
      'SELECT first_name AS firstName, last_name AS lastName, date_of_birth AS dateOfBirth FROM pupil',
    );
    const needles = new Set<string>();
    for (const text of texts) if (text && text.trim()) needles.add(text.trim());
    const nameWords = new Set<string>();
    const birthDates = new Set<string>();
    for (const pupil of pupils) {
      needles.add(`${pupil.firstName} ${pupil.lastName}`);
      needles.add(initialsOf(pupil.firstName, pupil.lastName));
      birthDates.add(pupil.dateOfBirth);
      nameWords.add(pupil.firstName);
      // The surname proper: particles such as "de" and "van" are ordinary words.
      nameWords.add(pupil.lastName.split(/\s+/).at(-1)!);
    }
    // The school's own name and lists are meant to be sent; a first name that is also a word of them ("De Linde") is no leak.
    const ownWords = all<{ name: string }>('SELECT name FROM school UNION SELECT name FROM theme UNION SELECT name FROM tag').flatMap(
      (row) => [...words(row.name)],
    );
    for (const word of ownWords) nameWords.delete(word);
    const meetingDates = new Set(all<{ date: string }>('SELECT DISTINCT date FROM meeting').map((row) => row.date));
    const dates = new Map(
      [...meetingDates, ...birthDates].map((date) => [date, [date, format(parseISO(date), 'd-M-yyyy'), formatShortDate(date)]]),
    );
    forbidden = { needles, nameWords, dates };
    expect(needles.size).toBeGreaterThan(1000);
    for (const row of all<{ id: number; name: string }>('SELECT id, name FROM school')) schoolNames.set(row.id, row.name);
    for (const schoolId of schoolIds)
      lists.set(
        schoolId,
        new Set(
          all<{ name: string; schoolId: number }>('SELECT name, school_id AS schoolId FROM theme UNION ALL SELECT name, school_id FROM tag')
            .filter((row) => row.schoolId === schoolId)
            .map((row) => row.name),
        ),
      );
  });

  /** What a text must not hold: names, initials, free text, dates of birth or meetings other than the allowed days. */
  function assertNothingIdentifying(text: string, allowedDates: readonly string[], what: string): void {
    for (const needle of forbidden.needles) if (text.includes(needle)) expect.fail(`${what} holds "${needle}"`);
    const inText = words(text);
    for (const word of forbidden.nameWords) if (inText.has(word)) expect.fail(`${what} holds the pupil name "${word}"`);
    // A period boundary may be someone's birthday or a meeting day: it is the period all the same.
    for (const [date, forms] of forbidden.dates) {
      if (allowedDates.includes(date)) continue;
      for (const written of forms) if (text.includes(written)) expect.fail(`${what} holds the date ${written}`);
    }
  }

  it.each(PERIODS.map((period) => period.label))('every contribution of %s holds counts and list names only', (label) => {
    const { sent, from, to } = results.get(label)!;
    for (const [schoolId, { contribution, text }] of sent) {
      const strings: { at: string; value: string }[] = [];
      const keys: string[] = [];
      walk(JSON.parse(text), '$', strings, keys);
      const { asOf } = contribution.measures;
      expect([to, today(clock)]).toContain(asOf);
      const school = schoolNames.get(schoolId)!;
      const allowed = new Set([
        CONTRIBUTION_FORMAT,
        'MDO',
        APP_VERSION,
        school,
        from,
        to,
        asOf,
        contribution.createdAt,
        'success_factor',
        'obstacle',
        ...lists.get(schoolId)!,
      ]);
      for (const { at, value } of strings) expect(allowed.has(value), `${school} ${at} = "${value}"`).toBe(true);
      expect(contribution.createdAt).toBe(clock.now().toISOString());
      // No field names a record: every number is a count or a number of days.
      for (const key of keys) expect(key, `${school} has a key ${key}`).not.toMatch(/id$/i);
      assertNothingIdentifying(text, [from, to, asOf], `${school}'s contribution for ${label}`);
    }
  });

  it.each(PERIODS.map((period) => period.label))('the combined CSV of %s names no one and shows no count from 1 to 4', (label) => {
    const { combined, from, to } = results.get(label)!;
    const csv = new TextDecoder().decode(monitoringCsv(monitoringReport(combined)));
    assertNothingIdentifying(csv, [from, to, combined.leadCoverage.asOf, combined.generatedOn], `the combined CSV of ${label}`);
    const cells = csv.split('\r\n').flatMap((line) => line.split(';'));
    expect(cells.length).toBeGreaterThan(40);
    expect(cells.filter((cell) => /^[1-4]$/.test(cell.trim()))).toEqual([]);
  });
});
