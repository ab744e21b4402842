import { differenceInYears, parseISO } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { fixedClock, type Clock } from '../clock';
import { measureAll } from '../monitoring/measures';
import { schoolDaysBetween } from './demoParties';
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

  it('discusses no case by name when the consent rule forbids it on the meeting date, unless a safety concern is written down', () => {
    const items = byNameItems(handle);
    expect(items.length).toBeGreaterThan(20);
    expect(forbidden(items, 'asOfMeeting')).toEqual([]);
    // The upcoming and the last held MDO (still open in chair mode) pass with every decision recorded until today.
    expect(forbidden(items, 'latest').filter((item) => ['planned', 'held'].includes(item.status))).toEqual([]);
    // One case is discussed although the parents refused: a safety concern is written down.
    const exceptions = items.filter((item) => gateOf(item, 'asOfMeeting') !== 'allowed');
    expect(exceptions.length).toBeGreaterThan(0);
    for (const item of exceptions) expect(item.safetyConcernReason).toMatch(/veiligheid/);
    // Every discussed case has exactly one active trekker.
    expect(
      all(`
      SELECT c.id FROM support_case c WHERE c.first_discussed_on IS NOT NULL
        AND (SELECT count(*) FROM case_lead l WHERE l.case_id = c.id AND l.ended_on IS NULL) <> 1`),
    ).toEqual([]);
  });

  it('shows parents and pupil as parties: named parents with and without gezag, and every consent situation', () => {
    const items = byNameItems(handle);
    const cases = caseStates(handle, '2026-11-25');
    const ages = new Set(items.map((item) => band(item.age)));
    expect([...ages].sort()).toEqual(['from12', 'under12']);
    // Every parent has a name and a relation; at least one case with two parents with gezag, one with a parent without.
    expect(one("SELECT count(*) AS n FROM case_parent WHERE name = '' OR relation = ''").n).toBe(0);
    expect(
      one(
        'SELECT count(*) AS n FROM support_case c WHERE (SELECT count(*) FROM case_parent p WHERE p.case_id = c.id AND p.has_authority = 1) = 2',
      ).n,
    ).toBeGreaterThan(0);
    // A father without gezag said no: recorded, not counted, and the case is discussed by name.
    const notCounted = one(`SELECT k.case_id AS caseId FROM consent k JOIN case_parent p ON p.id = k.parent_id
      WHERE p.has_authority = 0 AND k.status = 'refused'`);
    expect(items.some((item) => item.caseId === notCounted.caseId && gateOf(item, 'asOfMeeting') === 'allowed')).toBe(true);
    // The waiting case: a pupil of 13 whose parents said yes, the pupil not yet.
    expect(cases.filter((state) => state.age === 13 && state.parents === 'given' && state.pupil === null)).toHaveLength(1);
    // A pupil who turned 12 after the last discussion and refused; a withdrawn decision; the parents who refused where a safety concern is written down.
    expect(cases.filter((state) => state.age >= 12 && state.pupil === 'refused')).toHaveLength(1);
    expect(cases.filter((state) => state.withdrawn).length).toBeGreaterThan(0);
    expect(cases.filter((state) => state.parents === 'refused' && state.safety)).toHaveLength(1);
    // A pupil of 12 who said yes next to the parents, and was there or heard.
    const along = cases.filter((state) => state.age === 12 && state.pupil === 'given' && state.parents === 'given');
    expect(along.length).toBeGreaterThan(0);
    // How and what: every method, the kernteam discussion, sharing the verslag with named partners.
    expect(all('SELECT DISTINCT method FROM consent ORDER BY method').map((row) => row.method)).toEqual(['digital', 'oral', 'written']);
    expect(
      one("SELECT count(*) AS n FROM consent WHERE status = 'given' AND covers_discussion = 1 AND share_with LIKE '[\"%'").n,
    ).toBeGreaterThan(0);
    expect(one("SELECT count(*) AS n FROM consent WHERE scope <> ''").n).toBe(0);
  });

  it('records who took part in each discussion, the pupil view in several cases, and ouderversies sent on time, late and not yet', () => {
    const present = all('SELECT DISTINCT parents_present AS v FROM case_discussion ORDER BY v').map((row) => row.v);
    expect(present).toEqual(['invited_absent', 'not_invited', 'yes']);
    expect(one("SELECT count(*) AS n FROM case_discussion WHERE parents_present = 'not_invited' AND parents_absent_reason = ''").n).toBe(0);
    expect(one("SELECT count(*) AS n FROM case_discussion WHERE parents_present <> 'not_invited' AND parents_absent_reason <> ''").n).toBe(
      0,
    );
    expect(all('SELECT DISTINCT pupil_participation AS v FROM case_discussion ORDER BY v').map((row) => row.v)).toEqual([
      'heard',
      'none',
      'present',
    ]);
    expect(one("SELECT count(DISTINCT case_id) AS n FROM case_discussion WHERE pupil_view <> ''").n).toBeGreaterThanOrEqual(3);
    expect(one("SELECT count(*) AS n FROM case_discussion WHERE pupil_view <> '' AND pupil_participation = 'none'").n).toBe(0);
    // The pupil's view is found by search, like the notes.
    const view = String(one("SELECT pupil_view AS v FROM case_discussion WHERE pupil_view <> '' LIMIT 1").v);
    expect(
      one(`SELECT count(*) AS n FROM search_index WHERE kind = 'discussion' AND body LIKE '%${view.replace(/'/g, "''")}%'`).n,
    ).toBeGreaterThan(0);
    // Ouderversies for parents who were not there: within 5 school days, later, and those of the last MDO not yet.
    const copies = all(`SELECT m.date, m.status, d.parent_copy_sent_on AS sent FROM case_discussion d JOIN meeting m ON m.id = d.meeting_id
      WHERE d.parents_present <> 'yes'`);
    const days = copies.filter((row) => row.sent).map((row) => schoolDaysBetween(String(row.date), String(row.sent)));
    expect(days.filter((n) => n <= 5).length).toBeGreaterThan(days.length / 2);
    expect(days.some((n) => n > 5)).toBe(true);
    expect(days.every((n) => n >= 1)).toBe(true);
    const notYet = copies.filter((row) => !row.sent);
    expect(notYet.length).toBeGreaterThan(0);
    for (const row of notYet) expect(row.status).toBe('held');
    expect(one("SELECT count(*) AS n FROM case_discussion WHERE parents_present = 'yes' AND parent_copy_sent_on IS NOT NULL").n).toBe(0);
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
      [
        'pupil',
        'support_case',
        'meeting',
        'agenda_item',
        'case_discussion',
        'agreement',
        'case_lead',
        'effect_check',
        'case_parent',
        'consent',
      ]
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
      // Every age band on the meeting date, 16+ in the secondary schools, and the rule holds for all 20 schools.
      const items = byNameItems(large);
      expect(forbidden(items, 'asOfMeeting')).toEqual([]);
      expect(forbidden(items, 'latest').filter((item) => ['planned', 'held'].includes(item.status))).toEqual([]);
      expect(new Set(items.map((item) => band(item.age)))).toEqual(new Set(['under12', 'from12', 'from16']));
      const sixteen = items.filter((item) => item.age >= 16 && item.status !== 'planned');
      expect(new Set(sixteen.map((item) => item.schoolId)).size).toBe(4);
      // From 16 the pupil decides alone: those cases have the pupil's yes, and some no decision of the parents at all.
      for (const item of sixteen)
        expect(item.decisions.some((decision) => decision.party === 'pupil' && decision.status === 'given')).toBe(true);
      expect(sixteen.some((item) => item.decisions.every((decision) => decision.party === 'pupil'))).toBe(true);
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

type Band = 'under12' | 'from12' | 'from16';
const band = (age: number): Band => (age < 12 ? 'under12' : age < 16 ? 'from12' : 'from16');

interface Decision {
  party: 'parent' | 'pupil';
  parentId: number | null;
  status: string;
  coversDiscussion: number;
  recordedOn: string;
}

interface ByNameItem {
  caseId: number;
  schoolId: number;
  date: string;
  status: string;
  age: number;
  safetyConcernReason: string | null;
  /** The parents with gezag of the case. */
  authority: number[];
  /** The case's decisions, oldest first. */
  decisions: Decision[];
}

/** Every case on an agenda by name, with what the consent rule needs to judge it. */
function byNameItems(handle: OpenDatabase): ByNameItem[] {
  const authority = new Map<number, number[]>();
  for (const row of handle.sqlite.prepare('SELECT id, case_id FROM case_parent WHERE has_authority = 1 ORDER BY id').all() as {
    id: number;
    case_id: number;
  }[])
    authority.set(row.case_id, [...(authority.get(row.case_id) ?? []), row.id]);
  const decisions = new Map<number, Decision[]>();
  for (const row of handle.sqlite
    .prepare(
      `SELECT case_id AS caseId, party, parent_id AS parentId, status, covers_discussion AS coversDiscussion, recorded_on AS recordedOn
       FROM consent ORDER BY recorded_on, id`,
    )
    .all() as (Decision & { caseId: number })[])
    decisions.set(row.caseId, [...(decisions.get(row.caseId) ?? []), row]);
  const rows = handle.sqlite
    .prepare(
      `SELECT a.case_id AS caseId, m.school_id AS schoolId, m.date, m.status, p.date_of_birth AS dob, c.safety_concern_reason AS safetyConcernReason
       FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id JOIN support_case c ON c.id = a.case_id JOIN pupil p ON p.id = c.pupil_id
       WHERE a.kind = 'case' AND a.anonymous = 0`,
    )
    .all() as (Omit<ByNameItem, 'age' | 'authority' | 'decisions'> & { dob: string })[];
  return rows.map(({ dob, ...row }) => ({
    ...row,
    age: differenceInYears(parseISO(row.date), parseISO(dob)),
    authority: authority.get(row.caseId) ?? [],
    decisions: decisions.get(row.caseId) ?? [],
  }));
}

/**
 * The rule of PLAN-18 (core/services/consentGate.ts) on the meeting date: under 12 every parent with gezag,
 * from 12 also the pupil, from 16 the pupil alone, each by its latest decision: given and covering the discussion.
 * 'asOfMeeting' counts only decisions recorded by then; 'latest' every decision (what the app sees today).
 */
function gateOf(item: ByNameItem, which: 'asOfMeeting' | 'latest'): 'allowed' | 'safety_concern' | 'needs_consent' {
  const known = which === 'latest' ? item.decisions : item.decisions.filter((decision) => decision.recordedOn <= item.date);
  const counts = (match: (decision: Decision) => boolean) => {
    const latest = known.filter(match).at(-1);
    return latest?.status === 'given' && latest.coversDiscussion === 1;
  };
  const parents = item.authority.length > 0 && item.authority.every((id) => counts((decision) => decision.parentId === id));
  const pupil = counts((decision) => decision.party === 'pupil');
  const allowed = { under12: parents, from12: parents && pupil, from16: pupil }[band(item.age)];
  return allowed ? 'allowed' : item.safetyConcernReason ? 'safety_concern' : 'needs_consent';
}

const forbidden = (items: ByNameItem[], which: 'asOfMeeting' | 'latest') => items.filter((item) => gateOf(item, which) === 'needs_consent');

/** Per case today: the pupil's age, the parents' joint state (with gezag), the pupil's latest decision, a withdrawal. */
function caseStates(handle: OpenDatabase, today: string) {
  const cases = handle.sqlite
    .prepare(`SELECT c.id, p.date_of_birth AS dob, c.safety_concern_reason AS safety FROM support_case c JOIN pupil p ON p.id = c.pupil_id`)
    .all() as { id: number; dob: string; safety: string | null }[];
  const latest = handle.sqlite.prepare(
    `SELECT k.party, k.status, p.has_authority AS authority FROM consent k LEFT JOIN case_parent p ON p.id = k.parent_id
     WHERE k.case_id = ? AND k.id = (SELECT k2.id FROM consent k2 WHERE k2.case_id = k.case_id AND k2.party = k.party
       AND k2.parent_id IS k.parent_id ORDER BY k2.recorded_on DESC, k2.id DESC LIMIT 1)`,
  );
  return cases.map((row) => {
    const decisions = latest.all(row.id) as { party: string; status: string; authority: number | null }[];
    const parents = decisions
      .filter((decision) => decision.party === 'parent' && decision.authority === 1)
      .map((decision) => decision.status);
    return {
      caseId: row.id,
      age: differenceInYears(parseISO(today), parseISO(row.dob)),
      safety: !!row.safety,
      parents: parents.length
        ? parents.every((status) => status === 'given')
          ? 'given'
          : parents.find((status) => status !== 'given')
        : null,
      pupil: decisions.find((decision) => decision.party === 'pupil')?.status ?? null,
      withdrawn: decisions.some((decision) => decision.status === 'withdrawn'),
    };
  });
}
