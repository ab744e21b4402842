import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backups } from '../backups/backups';
import { fixedClock } from '../clock';
import type { IpcResult } from '../contract/result';
import { handlers } from '../handlers';
import { nl } from '../i18n/nl';
import { createRouter, type Router } from '../ipc/router';
import { NO_POLICY } from '../policy/policy';
import { Session } from '../session';
import { tempDir } from '../../tests/e2e/harness';
import { docxTableRows, docxText, expectedActions, isRedactedDescription, type ExpectedAction } from '../../tests/fixtures/actionLists';
import { createDemoDatabase, E2E_NOW, TEST_KDF_PARAMS } from '../../tests/fixtures/demoDatabase';
import { folderDialogs } from '../../tests/fixtures/folderDialogs';
import { nlSharedCase } from '../i18n/nlSharedCase';
import { actionListFileName } from './actionListExport';

const t = nl.actionList.docs;

// Each kernteam member's own action list, through the real router and save dialog
// on the demo board file (two schools), checked against plain SQL on the database.
describe('eigen actielijst per kernteamlid', () => {
  const temp = tempDir('mdo-action-lists-');
  let session: Session;
  let router: Router;
  let sqlite: Parameters<typeof expectedActions>[0];
  let dialogs: ReturnType<typeof folderDialogs>;
  const call = async <T>(channel: string, payload: unknown) => (await router.call(channel as never, payload)) as IpcResult<T>;

  beforeAll(async () => {
    await createDemoDatabase(temp.file('board.db'), 'board');
    session = new Session(temp.file('board.db'), { kdfParams: TEST_KDF_PARAMS });
    await session.init();
    await session.unlock('wachtwoord van het bestuur');
    const clock = fixedClock(E2E_NOW);
    dialogs = folderDialogs(temp.file('exports'));
    router = createRouter(handlers, {
      session,
      clock,
      appVersion: 'action-lists',
      files: dialogs,
      backups: new Backups(session, { clock, appVersion: 'action-lists' }),
      policy: NO_POLICY,
    });
    sqlite = (session.state as Extract<Session['state'], { state: 'open' }>).handle.sqlite;
    // Beyond the demo: an overdue, twice postponed agreement naming the pupil in full in the held meeting,
    // one made in the planned meeting after it, and a general one (no case).
    const item = sqlite
      .prepare(
        `SELECT ai.id, ai.case_id AS caseId, p.first_name AS firstName, p.last_name AS lastName FROM agenda_item ai
           JOIN support_case c ON c.id = ai.case_id JOIN pupil p ON p.id = c.pupil_id WHERE ai.meeting_id = 9 ORDER BY ai.position LIMIT 1`,
      )
      .get() as { id: number; caseId: number; firstName: string; lastName: string };
    const insert = sqlite.prepare(
      `INSERT INTO agreement (school_id, case_id, meeting_id, agenda_item_id, description, owner_kind, owner_member_id, owner_name,
         due_on, original_due_on, status, postponements, completed_on, created_at, updated_at)
       VALUES (1, ?, ?, ?, ?, 'member', ?, '', ?, ?, 'open', ?, NULL, ?, ?)`,
    );
    insert.run(
      item.caseId,
      9,
      item.id,
      `Bellen met ${item.firstName} ${item.lastName} & moeder over <rooster>`,
      2,
      '2026-11-20',
      '2026-11-06',
      2,
      E2E_NOW,
      E2E_NOW,
    );
    insert.run(item.caseId, 10, null, `Terugkoppeling over ${item.firstName}`, 3, '2026-12-15', '2026-12-15', 0, E2E_NOW, E2E_NOW);
    insert.run(null, 9, null, 'Folder over de sociale kaart rondsturen', 5, '2026-12-10', '2026-12-10', 0, E2E_NOW, E2E_NOW);
  }, 120_000);
  afterAll(async () => {
    await session.close();
    temp.remove();
  });

  async function exportList(meetingId: number, memberId: number): Promise<Uint8Array> {
    const result = await call<{ fileName: string }>('documents.export', { kind: 'actions', meetingId, memberId });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    return fs.readFileSync(dialogs.saved.at(-1)!);
  }

  function expectList(docx: Uint8Array, expected: ExpectedAction[], what: string) {
    const text = docxText(docx);
    expect(text, what).toContain(`${t.actions}: ${t.count(expected.length)}`);
    const rows = docxTableRows(docx);
    expect(rows.length, what).toBe(expected.length);
    if (expected.length === 0) expect(text, what).toContain(t.none);
    expected.forEach((action, index) => {
      const [label, description, due] = rows[index];
      expect(isRedactedDescription(description, action), `${what}: "${description}" for "${action.description}"`).toBe(true);
      if (action.groupName === null) expect(label, what).toBe(nlSharedCase.general);
      else expect(label, what).toMatch(new RegExp(`^(Anonieme casus|[\\p{L}.]+) \\(${action.groupName}\\)$`, 'u'));
      expect(due, what).toContain(
        new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(action.dueOn)),
      );
      for (const name of [action.firstName, action.lastName]) if (name && name.length > 1) expect(text, what).not.toContain(name);
    });
  }

  it('holds exactly the open agreements of each member of the demo kernteam, for several meetings', async () => {
    const members = sqlite.prepare('SELECT id FROM member WHERE school_id = 1 ORDER BY id').pluck().all() as number[];
    expect(members.length).toBeGreaterThanOrEqual(6);
    let total = 0;
    for (const meetingId of [1, 5, 9, 10]) {
      for (const memberId of members) {
        const expected = expectedActions(sqlite, meetingId, memberId);
        total += expected.length;
        expectList(await exportList(meetingId, memberId), expected, `meeting ${meetingId}, member ${memberId}`);
      }
    }
    // The demo and the extra agreements above give the check something to find.
    expect(total).toBeGreaterThan(10);
  }, 120_000);

  it('marks overdue and postponed agreements, names the file after the member only, and audits by member id', async () => {
    const docx = await exportList(9, 2);
    const rows = docxTableRows(docx);
    const postponed = rows.find((row) => row[1].startsWith('Bellen met'))!;
    expect(postponed[2]).toBe(`20 november 2026 (${t.overdue}) — ${t.postponed('6 november 2026', 2)}`);
    expect(postponed[1]).toContain('& moeder over <rooster>');
    expect(postponed[3]).toBe('3 november 2026');
    expect(dialogs.saved.at(-1)).toMatch(/Acties Jonah Bosch MDO 2026-11-03\.docx$/);
    const audit = sqlite
      .prepare("SELECT entity, entity_id AS entityId FROM audit_log WHERE action = 'export.actions' ORDER BY id DESC LIMIT 1")
      .get();
    expect(audit).toEqual({ entity: 'member', entityId: 2 });
  });

  it('offers a list to everyone invited or owning open agreements, with the same counts as the documents', async () => {
    for (const meetingId of [9, 10]) {
      const result = await call<{ memberId: number; openActions: number }[]>('meetings.actionLists', { meetingId });
      expect(result.ok).toBe(true);
      const rows = result.ok ? result.data : [];
      const invited = sqlite
        .prepare('SELECT member_id FROM presence WHERE meeting_id = ? AND invited = 1')
        .pluck()
        .all(meetingId) as number[];
      for (const memberId of invited) expect(rows.map((row) => row.memberId)).toContain(memberId);
      for (const row of rows)
        expect(row.openActions, `member ${row.memberId}`).toBe(expectedActions(sqlite, meetingId, row.memberId).length);
      const owners = sqlite.prepare('SELECT id FROM member WHERE school_id = 1').pluck().all() as number[];
      for (const memberId of owners)
        if (expectedActions(sqlite, meetingId, memberId).length > 0) expect(rows.map((row) => row.memberId)).toContain(memberId);
    }
  });

  it("refuses a member of another school than the meeting's", async () => {
    const other = sqlite.prepare('SELECT id FROM member WHERE school_id = 2 ORDER BY id LIMIT 1').pluck().get() as number;
    const before = dialogs.saved.length;
    const result = await call('documents.export', { kind: 'actions', meetingId: 9, memberId: other });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
    expect(dialogs.saved.length).toBe(before);
  });

  it('keeps characters file names cannot hold out of the suggested name', () => {
    expect(actionListFileName('A/B: "Jansen"?', '2026-12-14')).toBe('Acties A B Jansen MDO 2026-12-14.docx');
    expect(actionListFileName('é'.repeat(300), '2026-12-14')).toBe(`Acties ${'é'.repeat(50)} MDO 2026-12-14.docx`);
  });
});
