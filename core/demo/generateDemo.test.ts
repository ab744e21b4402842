import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { fixedClock } from '../clock';
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

  it('gives the same data for the same seed and clock', async () => {
    const again = await openDatabase(temp.file('again.db'), { create: true });
    await generateDemo(again.db, { scale: 'small', clock });
    const dump = (sqlite: OpenDatabase['sqlite']) =>
      ['pupil', 'support_case', 'meeting', 'agenda_item', 'agreement', 'case_lead', 'effect_check']
        .map((table) => JSON.stringify(sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()))
        .join('\n');
    expect(dump(again.sqlite)).toBe(dump(handle.sqlite));
    await again.close();
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
