import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { fixedClock, type Clock } from '../clock';
import { measureAll } from '../monitoring/measures';
import { generateDemo } from './generateDemo';

const clock = fixedClock('2026-11-25T09:00:00Z');

describe('demo school generator', () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;
  beforeEach(async () => {
    temp = tempDir();
    handle = await openDatabase(temp.file('demo.db'), { create: true });
    await generateDemo(handle.db, { scale: 'small', clock });
  });
  afterEach(async () => {
    await handle.close();
    temp.remove();
  });

  const all = (sql: string) => handle.sqlite.prepare(sql).all() as Record<string, unknown>[];
  const one = (sql: string) => handle.sqlite.prepare(sql).get() as Record<string, number>;

  it('makes one demo school with a kernteam of six real roles, 40 pupils and about 12 cases', () => {
    expect(all('SELECT name, is_demo FROM school')).toEqual([{ name: 'Demo — Basisschool De Regenboog', is_demo: 1 }]);
    const roles = all('SELECT r.name FROM member m JOIN role r ON r.id = m.role_id WHERE m.active = 1 ORDER BY r.sort_order').map(
      (row) => row.name,
    );
    expect(roles).toEqual([
      'Intern begeleider',
      'Leerplichtambtenaar',
      'Jeugdverpleegkundige / jeugdarts GGD',
      'CJG-coach / ouder- en kindadviseur',
      'Schoolmaatschappelijk werker',
      'Consulent passend onderwijs',
    ]);
    expect(one('SELECT count(*) AS n FROM member WHERE active = 0 AND left_on IS NOT NULL').n).toBe(1);
    expect(one('SELECT count(*) AS n FROM pupil').n).toBe(40);
    expect(one('SELECT count(*) AS n FROM support_case').n).toBe(12);
    expect(all('SELECT DISTINCT status FROM support_case ORDER BY status').map((row) => row.status)).toEqual([
      'active',
      'closed',
      'registered',
    ]);
  });

  it('has past MDOs over a year and exactly one upcoming MDO with cases on its agenda', () => {
    const past = one("SELECT count(*) AS n, min(date) AS first FROM meeting WHERE date < '2026-11-25'");
    expect(past.n).toBeGreaterThanOrEqual(7);
    expect(String(past.first) < '2026-01-01').toBe(true);
    const upcoming = all("SELECT id, date, status FROM meeting WHERE date >= '2026-11-25'");
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0].status).toBe('planned');
    expect(one(`SELECT count(*) AS n FROM agenda_item WHERE meeting_id = ${upcoming[0].id} AND kind = 'case'`).n).toBeGreaterThan(0);
  });

  it('has agreements in every state: done, not done, open, overdue and postponed', () => {
    const count = (where: string) => one(`SELECT count(*) AS n FROM agreement WHERE ${where}`).n;
    expect(count("status = 'done'")).toBeGreaterThan(0);
    expect(count("status = 'not_done'")).toBeGreaterThan(0);
    expect(count("status = 'open' AND due_on >= '2026-11-25'")).toBeGreaterThan(0);
    expect(count("status = 'open' AND due_on < '2026-11-25'")).toBeGreaterThan(0);
    expect(count('postponements > 0')).toBeGreaterThan(0);
  });

  it('discusses no case without consent unless a safety concern is written down', () => {
    const discussedWithoutConsent = all(`
      SELECT c.id, c.safety_concern_reason FROM support_case c
      WHERE EXISTS (SELECT 1 FROM agenda_item a WHERE a.case_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.case_id = c.id AND k.status = 'given')`);
    expect(discussedWithoutConsent.length).toBeGreaterThan(0);
    for (const row of discussedWithoutConsent) expect(String(row.safety_concern_reason)).toMatch(/veiligheid/);
    // Every discussed case has exactly one active trekker.
    expect(
      all(`
      SELECT c.id FROM support_case c WHERE c.first_discussed_on IS NOT NULL
        AND (SELECT count(*) FROM case_lead l WHERE l.case_id = c.id AND l.ended_on IS NULL) <> 1`),
    ).toEqual([]);
  });

  it("tells each child's own story: distinct hulpvragen, notes and summaries in the demo year", () => {
    const discussed = one(`
      SELECT count(DISTINCT c.id) AS cases, count(DISTINCT c.question) AS questions FROM case_discussion d
      JOIN meeting m ON m.id = d.meeting_id JOIN support_case c ON c.id = d.case_id WHERE m.date >= '2025-11-25'`);
    expect(discussed.cases).toBeGreaterThanOrEqual(8);
    expect(discussed.questions / discussed.cases).toBeGreaterThanOrEqual(0.9);
    expect(maxCasesPerText(handle, 'summary')).toBeLessThanOrEqual(2);
    expect(maxCasesPerText(handle, 'notes')).toBeLessThanOrEqual(2);
    expect(maxCasesPerText(handle, 'conclusions')).toBeLessThanOrEqual(4);
    // Agreements repeat more in real schools ("Kindgesprek door de schoolmaatschappelijk werker"), but none dominates.
    const agreements = one('SELECT count(*) AS n, count(DISTINCT description) AS distinct_texts FROM agreement');
    expect(agreements.distinct_texts / agreements.n).toBeGreaterThan(0.6);
    // A later discussion continues the story: it never repeats the notes of an earlier one of the same case.
    expect(
      one('SELECT count(*) AS n FROM (SELECT case_id, notes FROM case_discussion GROUP BY case_id, notes HAVING count(*) > 1)').n,
    ).toBe(0);
  });

  it('gives agreements an owner that fits them: leerplicht, GGD, CJG, SMW and passend onderwijs each carry their own', () => {
    const byRole = (code: string) =>
      all(
        `SELECT a.description FROM agreement a JOIN member m ON m.id = a.owner_member_id JOIN role r ON r.id = m.role_id WHERE r.code = '${code}'`,
      ).map((row) => String(row.description));
    expect(
      byRole('attendance_officer').every((text) =>
        /[Ll]eerplicht|[Vv]erzuim|verlof|[Tt]e laat|[Tt]huiszitter|proces-verbaal|[Aa]anwezigheid|opbouwschema|Vervolg/.test(text),
      ),
    ).toBe(true);
    expect(byRole('school_social_worker').length).toBeGreaterThan(0);
    for (const row of all("SELECT description FROM agreement WHERE owner_kind = 'parents'"))
      expect(String(row.description)).not.toMatch(/jeugdarts|consulent/i);
  });

  it('records the effect mostly within two weeks, some later, some never, and every branch of the monitoring report shows', async () => {
    const days = all(`SELECT julianday(e.checked_on) - julianday(c.first_discussed_on) AS days FROM effect_check e
      JOIN support_case c ON c.id = e.case_id`).map((row) => Number(row.days));
    expect(days.filter((d) => d <= 14).length / days.length).toBeGreaterThan(0.5);
    expect(days.some((d) => d > 14)).toBe(true);
    expect(new Set(days).size).toBeGreaterThan(2);
    await expectEveryBranch(handle, clock, '2025-11-25');
  });

  it('gives the same data for the same seed and clock', async () => {
    const again = await openDatabase(temp.file('again.db'), { create: true });
    await generateDemo(again.db, { scale: 'small', clock });
    const dump = (sqlite: OpenDatabase['sqlite']) =>
      ['pupil', 'support_case', 'meeting', 'agenda_item', 'case_discussion', 'agreement', 'case_lead', 'effect_check']
        .map((table) => JSON.stringify(sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()))
        .join('\n');
    expect(dump(again.sqlite)).toBe(dump(handle.sqlite));
    await again.close();
  });

  it('makes a large board (20 schools, 10 years, some secondary) as varied as the demo', { timeout: 240_000 }, async () => {
    const large = await openDatabase(temp.file('large.db'), { create: true });
    try {
      const summary = await generateDemo(large.db, { scale: 'large', clock });
      expect(summary).toMatchObject({ schools: 20, cases: 5000 });
      const get = (sql: string) => large.sqlite.prepare(sql).get() as Record<string, number>;
      const questions = get('SELECT count(*) AS n, count(DISTINCT question) AS distinct_texts FROM support_case');
      expect(questions.distinct_texts / questions.n).toBeGreaterThan(0.97);
      // Over 5,000 cases a sentence comes back, but no summary or note is shared by more than 1 % of them.
      expect(maxCasesPerText(large, 'summary')).toBeLessThanOrEqual(50);
      expect(maxCasesPerText(large, 'notes')).toBeLessThanOrEqual(50);
      const agreements = get(
        'SELECT count(*) AS n, (SELECT count(*) FROM agreement GROUP BY description ORDER BY count(*) DESC LIMIT 1) AS top FROM agreement',
      );
      expect(agreements.top / agreements.n).toBeLessThan(0.05);
      // Secondary schools: klas 1 to 4, a mentor, no kleuters.
      const secondary = large.sqlite
        .prepare(
          `SELECT c.question, p.group_name FROM support_case c JOIN pupil p ON p.id = c.pupil_id JOIN school s ON s.id = c.school_id
          WHERE s.name NOT LIKE '%Basisschool%'`,
        )
        .all() as { question: string; group_name: string }[];
      expect(secondary.length).toBeGreaterThan(500);
      for (const row of secondary) {
        expect(row.group_name).toMatch(/^Klas [1-4][AB]$/);
        expect(row.question).not.toMatch(/kleuter|zindelijk|groep \d|de juf/);
      }
      await expectEveryBranch(large, clock, '2016-11-25');
    } finally {
      await large.close();
    }
  });

  it('makes every school bigger by a whole factor, for the benchmark of a board of big schools', async () => {
    const bigger = await openDatabase(temp.file('bigger.db'), { create: true });
    try {
      const summary = await generateDemo(bigger.db, { scale: 'small', clock, factor: 3 });
      expect(summary).toMatchObject({ schools: 1, pupils: 120, cases: 36 });
      const count = (table: string) => (bigger.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count('pupil')).toBe(120);
      expect(count('support_case')).toBe(36);
      await expect(generateDemo(bigger.db, { scale: 'small', clock, factor: 0.5 })).rejects.toThrow('factor must be a whole number');
    } finally {
      await bigger.close();
    }
  });
});

/** The most cases that share one text of a case discussion field. */
function maxCasesPerText(handle: OpenDatabase, field: 'notes' | 'summary' | 'conclusions'): number {
  const row = handle.sqlite
    .prepare(`SELECT count(DISTINCT case_id) AS n FROM case_discussion WHERE ${field} <> '' GROUP BY ${field} ORDER BY n DESC LIMIT 1`)
    .get() as { n: number };
  return row.n;
}

/** Every count of the monitoring report that a real kernteam would see is there: none stays at zero. */
async function expectEveryBranch(handle: OpenDatabase, clock: Clock, from: string) {
  const schoolIds = (await handle.db.selectFrom('school').select('id').execute()).map((row) => row.id);
  const measures = await measureAll(handle.db, { from, to: '2026-11-25', schoolIds }, clock);
  const { effect, agreements, leadChanges } = measures;
  expect(effect).toMatchObject({ yes: expect.any(Number) });
  for (const [branch, count] of Object.entries({
    'effect ja': effect.yes,
    'effect deels': effect.partly,
    'effect nee': effect.no,
    'effect niet vastgelegd': effect.unchecked,
    'effect binnen 14 dagen': effect.withinTarget,
    'effect later vastgelegd': effect.cases - effect.unchecked - effect.withinTarget,
    'op tijd gedaan': agreements.doneOnTime,
    'te laat gedaan': agreements.doneLate,
    uitgesteld: agreements.postponed,
    'vaker dan eens uitgesteld': agreements.postponedMoreThanOnce,
    'niet gedaan': agreements.notDone,
    'open, nog niet verlopen': agreements.openNotDue,
    'open en verlopen': agreements.openOverdue,
    'trekker gewisseld': leadChanges.changes,
  })) {
    expect(count, branch).toBeGreaterThan(0);
  }
  const postponedThenDone = handle.sqlite
    .prepare("SELECT count(*) AS n FROM agreement WHERE postponements > 0 AND status = 'done'")
    .get() as {
    n: number;
  };
  expect(postponedThenDone.n, 'uitgesteld en daarna gedaan').toBeGreaterThan(0);
}
