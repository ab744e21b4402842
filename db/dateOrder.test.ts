import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays, formatISO, parseISO } from 'date-fns';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TODAY_RULES, type DateOrderRule } from '../core/dateOrder';
import { nl } from '../core/i18n/nl';
import { DEMO_PASSPHRASE } from '../core/session';
import { tempDir } from '../tests/e2e/harness';
import { createDemoDatabase } from '../tests/fixtures/demoDatabase';
import { rowHashes } from '../tests/fixtures/tableRows';
import { keyringPath, openDatabaseKey, readKeyring } from './keyring';
import { migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { openDatabase, type OpenDatabase } from './open';

/*
 * Dates in order, in the database itself (migration 005): a direct INSERT or
 * UPDATE that puts two dates the wrong way round is refused by SQLite, whatever
 * wrote it. For each rule, fast-check generates dates around its boundary (the
 * day before, the day itself, the day after, and far off either way) on a real
 * demo file: refused exactly when the dates are reversed, the same day always
 * allowed, and a refused write leaves its table as it was.
 */

type Sqlite = OpenDatabase['sqlite'];
type Row = Record<string, string | number | null>;

const SEED = 20261125;
const RUNS = 40;

const shift = (date: string, days: number) => formatISO(addDays(parseISO(date), days), { representation: 'date' });

interface Probe {
  rule: DateOrderRule;
  /** What is written, for the test's name. */
  write: string;
  table: string;
  /**
   * Picks the rows (and prepares them, inside the probe's savepoint); returns the boundary, and
   * the earliest date that no other rule refuses.
   */
  arrange(sqlite: Sqlite): { row: Row; bound: string; floor?: string };
  /** 'later': the written date must not lie before the bound; 'earlier': it must not lie after it. */
  side: 'later' | 'earlier';
  run(sqlite: Sqlite, row: Row, date: string): void;
}

const one = (sqlite: Sqlite, query: string, ...params: unknown[]) => {
  const row = sqlite.prepare(query).get(...params) as Row | undefined;
  if (!row) throw new Error(`the demo has no row for: ${query}`);
  return row;
};
const registeredOnly = `SELECT s.id, s.school_id, s.registered_on, p.date_of_birth FROM support_case s JOIN pupil p ON p.id = s.pupil_id
  WHERE s.first_discussed_on IS NULL AND s.closed_on IS NULL AND NOT EXISTS (SELECT 1 FROM case_lead WHERE case_id = s.id) ORDER BY s.id`;
const activeCase = `SELECT id, registered_on, first_discussed_on FROM support_case WHERE status = 'active' AND closed_on IS NULL ORDER BY id`;
const agreementRow = `SELECT a.id, a.original_due_on, m.date FROM agreement a JOIN meeting m ON m.id = a.meeting_id ORDER BY a.id`;
const meetingWithAgreements = `SELECT id FROM meeting WHERE id IN (SELECT meeting_id FROM agreement) ORDER BY id`;
const text = (value: Row[string]) => String(value);

const probes: Probe[] = [
  {
    rule: 'caseClosedBeforeRegistered',
    write: 'support_case.closed_on',
    table: 'support_case',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, registeredOnly);
      return { row, bound: text(row.registered_on) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE support_case SET closed_on = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'caseClosedBeforeFirstDiscussion',
    write: 'support_case.closed_on',
    table: 'support_case',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, activeCase);
      return { row, bound: text(row.first_discussed_on), floor: text(row.registered_on) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE support_case SET closed_on = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'caseDiscussedBeforeRegistered',
    write: 'support_case.first_discussed_on',
    table: 'support_case',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, registeredOnly);
      return { row, bound: text(row.registered_on) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE support_case SET first_discussed_on = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'caseRegisteredBeforeBirth',
    write: 'a new support_case',
    table: 'support_case',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, 'SELECT id, school_id, date_of_birth FROM pupil ORDER BY id');
      return { row, bound: text(row.date_of_birth) };
    },
    run: (sqlite, row, date) =>
      sqlite
        .prepare(
          `INSERT INTO support_case (school_id, pupil_id, question, status, registered_on, created_at, updated_at)
           VALUES (?, ?, 'Probe', 'registered', ?, 'x', 'x')`,
        )
        .run(row.school_id, row.id, date),
  },
  {
    rule: 'caseRegisteredBeforeBirth',
    write: 'pupil.date_of_birth',
    table: 'pupil',
    side: 'earlier',
    arrange: (sqlite) => {
      const row = one(
        sqlite,
        `SELECT p.id, min(s.registered_on) AS registered FROM pupil p JOIN support_case s ON s.pupil_id = p.id
         LEFT JOIN consent c ON c.case_id = s.id GROUP BY p.id HAVING min(c.recorded_on) IS NULL OR min(c.recorded_on) >= min(s.registered_on)
         ORDER BY p.id`,
      );
      return { row, bound: text(row.registered) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE pupil SET date_of_birth = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'consentBeforeBirth',
    write: 'a new consent',
    table: 'consent',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, registeredOnly);
      return { row, bound: text(row.date_of_birth) };
    },
    run: (sqlite, row, date) =>
      sqlite
        .prepare(`INSERT INTO consent (case_id, party, status, recorded_on, created_at) VALUES (?, 'pupil', 'given', ?, 'x')`)
        .run(row.id, date),
  },
  {
    rule: 'consentBeforeBirth',
    write: 'consent.recorded_on',
    table: 'consent',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(
        sqlite,
        'SELECT c.id, p.date_of_birth FROM consent c JOIN support_case s ON s.id = c.case_id JOIN pupil p ON p.id = s.pupil_id ORDER BY c.id',
      );
      return { row, bound: text(row.date_of_birth) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE consent SET recorded_on = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'effectCheckBeforeFirstDiscussion',
    write: 'a new effect_check',
    table: 'effect_check',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, activeCase);
      return { row, bound: text(row.first_discussed_on) };
    },
    run: (sqlite, row, date) =>
      sqlite.prepare(`INSERT INTO effect_check (case_id, result, checked_on, created_at) VALUES (?, 'yes', ?, 'x')`).run(row.id, date),
  },
  {
    rule: 'effectCheckBeforeFirstDiscussion',
    write: 'support_case.first_discussed_on',
    table: 'support_case',
    side: 'earlier',
    arrange: (sqlite) => {
      const row = one(
        sqlite,
        `SELECT s.id, s.registered_on, min(e.checked_on) AS checked FROM support_case s JOIN effect_check e ON e.case_id = s.id
         WHERE s.closed_on IS NULL GROUP BY s.id ORDER BY s.id`,
      );
      return { row, bound: text(row.checked), floor: text(row.registered_on) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE support_case SET first_discussed_on = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'leadEndsBeforeStart',
    write: 'case_lead.ended_on',
    table: 'case_lead',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, 'SELECT id, started_on FROM case_lead ORDER BY id');
      return { row, bound: text(row.started_on) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE case_lead SET ended_on = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'leadStartsBeforeRegistered',
    write: 'a new case_lead',
    table: 'case_lead',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(
        sqlite,
        `SELECT c.*, (SELECT min(id) FROM member WHERE school_id = c.school_id) AS member_id FROM (${registeredOnly}) c`,
      );
      return { row, bound: text(row.registered_on) };
    },
    run: (sqlite, row, date) =>
      sqlite
        .prepare(`INSERT INTO case_lead (case_id, member_id, started_on, created_at) VALUES (?, ?, ?, 'x')`)
        .run(row.id, row.member_id, date),
  },
  {
    rule: 'leadStartsBeforeRegistered',
    write: 'support_case.registered_on',
    table: 'support_case',
    side: 'earlier',
    arrange: (sqlite) => {
      const row = one(sqlite, registeredOnly);
      const startedOn = shift(text(row.registered_on), 10);
      sqlite
        .prepare(
          `INSERT INTO case_lead (case_id, member_id, started_on, created_at) SELECT ?, min(id), ?, 'x' FROM member WHERE school_id = ?`,
        )
        .run(row.id, startedOn, row.school_id);
      return { row, bound: startedOn, floor: text(row.date_of_birth) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE support_case SET registered_on = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'agreementDueBeforeMeeting',
    write: 'a new agreement',
    table: 'agreement',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, 'SELECT id, school_id, date FROM meeting ORDER BY id');
      return { row, bound: text(row.date) };
    },
    run: (sqlite, row, date) =>
      sqlite
        .prepare(
          `INSERT INTO agreement (school_id, meeting_id, description, owner_kind, due_on, original_due_on, status, created_at, updated_at)
           VALUES (?, ?, 'Probe', 'parents', ?, ?, 'open', 'x', 'x')`,
        )
        .run(row.school_id, row.id, date, date),
  },
  {
    rule: 'agreementDueBeforeMeeting',
    write: 'meeting.date',
    table: 'meeting',
    side: 'earlier',
    arrange: (sqlite) => {
      const row = one(sqlite, meetingWithAgreements);
      sqlite.prepare('UPDATE agreement SET completed_on = NULL WHERE meeting_id = ?').run(row.id);
      const { due } = one(sqlite, 'SELECT min(min(due_on, original_due_on)) AS due FROM agreement WHERE meeting_id = ?', row.id);
      return { row, bound: text(due) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE meeting SET date = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'agreementPostponedToEarlier',
    write: 'agreement.due_on',
    table: 'agreement',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, agreementRow);
      return { row, bound: text(row.original_due_on), floor: text(row.date) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE agreement SET due_on = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'agreementCompletedBeforeMeeting',
    write: 'agreement.completed_on',
    table: 'agreement',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, agreementRow);
      return { row, bound: text(row.date) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE agreement SET completed_on = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'agreementCompletedBeforeMeeting',
    write: 'meeting.date',
    table: 'meeting',
    side: 'earlier',
    arrange: (sqlite) => {
      const row = one(sqlite, `SELECT id, date FROM (${meetingWithAgreements}) JOIN meeting USING (id)`);
      const completedOn = shift(text(row.date), 5);
      // Due far ahead, so only the completion limits how late the meeting may move.
      sqlite
        .prepare(`UPDATE agreement SET due_on = '2999-12-31', original_due_on = '2999-12-31', completed_on = ? WHERE meeting_id = ?`)
        .run(completedOn, row.id);
      return { row, bound: completedOn };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE meeting SET date = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'memberLeftBeforeJoined',
    write: 'member.left_on',
    table: 'member',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, 'SELECT id, joined_on FROM member WHERE joined_on IS NOT NULL ORDER BY id');
      return { row, bound: text(row.joined_on) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE member SET left_on = ? WHERE id = ?').run(date, row.id),
  },
  {
    rule: 'parentCopySentBeforeMeeting',
    write: 'case_discussion.parent_copy_sent_on',
    table: 'case_discussion',
    side: 'later',
    arrange: (sqlite) => {
      const row = one(sqlite, 'SELECT d.id, m.date FROM case_discussion d JOIN meeting m ON m.id = d.meeting_id ORDER BY d.id');
      return { row, bound: text(row.date) };
    },
    run: (sqlite, row, date) => sqlite.prepare('UPDATE case_discussion SET parent_copy_sent_on = ? WHERE id = ?').run(date, row.id),
  },
];

/** Days from the boundary: often right at it, otherwise anywhere within about ten years. */
const offset = fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -4000, max: 4000 }));

describe('dates in order, in the database', () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;

  beforeAll(async () => {
    temp = tempDir('mdo-date-order-');
    await createDemoDatabase(temp.file('demo.db'));
    handle = await openDatabase(temp.file('demo.db'));
  });
  afterAll(async () => {
    await handle?.close();
    temp.remove();
  });

  it('has a probe for every rule, and a Dutch explanation for every rule a trigger names', () => {
    const triggers = handle.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger'`).pluck().all() as string[];
    const named = new Set(triggers.flatMap((sql) => [...sql.matchAll(/'date order: (\w+)'/g)].map((match) => match[1])));
    expect([...named, ...TODAY_RULES].sort()).toEqual(Object.keys(nl.dateOrder).sort());
    expect(new Set(probes.map((probe) => probe.rule))).toEqual(named);
  });

  it.each(probes.map((probe) => [probe.rule, probe.write, probe] as const))(
    '%s: a direct write of %s is refused exactly when the dates are reversed',
    (rule, _write, probe) => {
      const { sqlite } = handle;
      const seen = { refused: 0, allowed: 0 };
      fc.assert(
        fc.property(offset, (days) => {
          sqlite.exec('SAVEPOINT probe');
          try {
            const { row, bound, floor } = probe.arrange(sqlite);
            const date = shift(bound, days);
            fc.pre(!floor || date >= floor);
            const reversed = probe.side === 'later' ? date < bound : date > bound;
            const before = rowHashes(sqlite, probe.table);
            if (reversed) {
              expect(() => probe.run(sqlite, row, date)).toThrow(
                expect.objectContaining({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: `date order: ${rule}` }),
              );
              expect(rowHashes(sqlite, probe.table)).toEqual(before);
              seen.refused++;
            } else {
              probe.run(sqlite, row, date);
              seen.allowed++;
            }
          } finally {
            sqlite.exec('ROLLBACK TO probe; RELEASE probe');
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
      expect(seen.refused).toBeGreaterThan(0);
      expect(seen.allowed).toBeGreaterThan(0);
    },
  );
});

describe('dates out of order from before migration 005', () => {
  it('do not stop the migration, stay as they were, and only a new impossible date is refused', async () => {
    // Release 0.1.0's own demo database (schema 4): today's demo generator writes tables that version did not have.
    const temp = tempDir('mdo-date-order-old-');
    const file = temp.file('old.db');
    fs.copyFileSync(fileURLToPath(new URL('../tests/fixtures/releases/mdo-0.1.0.db', import.meta.url)), file);
    fs.copyFileSync(keyringPath(fileURLToPath(new URL('../tests/fixtures/releases/mdo-0.1.0.db', import.meta.url))), keyringPath(file));
    const key = await openDatabaseKey(readKeyring(file)!, DEMO_PASSPHRASE);
    const old = await openDatabase(file, { key: key!, migrate: false });
    try {
      const sqlite = old.sqlite;
      expect(schemaVersion(sqlite)).toBe(4);
      // What an older version could store: a case closed before it was registered, an agreement due before its meeting.
      const { id: caseId } = one(sqlite, 'SELECT id FROM support_case WHERE closed_on IS NOT NULL ORDER BY id');
      sqlite.prepare(`UPDATE support_case SET closed_on = date(registered_on, '-3 days') WHERE id = ?`).run(caseId);
      const { id: agreementId } = one(sqlite, 'SELECT id FROM agreement ORDER BY id');
      sqlite.prepare(`UPDATE agreement SET due_on = '2000-01-01', original_due_on = '2000-01-01' WHERE id = ?`).run(agreementId);
      const kept = { cases: rowHashes(sqlite, 'support_case'), agreements: rowHashes(sqlite, 'agreement') };

      expect(migrate(sqlite)).toEqual({ from: 4, to: migrations.length });
      expect({ cases: rowHashes(sqlite, 'support_case'), agreements: rowHashes(sqlite, 'agreement') }).toEqual(kept);
      // Other changes to those rows still work, and so does reopening the case.
      sqlite.prepare(`UPDATE support_case SET question = 'Aangepaste hulpvraag', closed_on = NULL WHERE id = ?`).run(caseId);
      sqlite.prepare(`UPDATE agreement SET description = 'Aangepast', status = 'not_done' WHERE id = ?`).run(agreementId);
      expect(() => sqlite.prepare(`UPDATE agreement SET due_on = '2000-02-01' WHERE id = ?`).run(agreementId)).toThrow(
        'date order: agreementDueBeforeMeeting',
      );
    } finally {
      await old.close();
      temp.remove();
    }
  });
});
