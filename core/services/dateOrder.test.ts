import { addDays, formatISO, parseISO } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW, encryptAsDemo } from '../../tests/fixtures/demoDatabase';
import { folderDialogs } from '../../tests/fixtures/folderDialogs';
import { tableRows } from '../../tests/fixtures/tableRows';
import { Backups } from '../backups/backups';
import { fixedClock } from '../clock';
import type { Channel, Input } from '../contract/contract';
import type { DateOrderRule } from '../dateOrder';
import { handlers } from '../handlers';
import { nl } from '../i18n/nl';
import { createRouter, type Handlers } from '../ipc/router';
import { NO_POLICY } from '../policy/policy';
import { DEMO_PASSPHRASE, Session } from '../session';

/*
 * Dates in order, in the services: each rule refused through the real router
 * and handlers on the encrypted demo school, as the renderer calls them, with
 * the rule's Dutch explanation (on the field to change, where there is one)
 * and nothing written. The same day is allowed everywhere. Today is the demo's
 * 25 November 2026 unless a call says otherwise.
 */

const TODAY = E2E_NOW.slice(0, 10);
const shift = (date: string, days: number) => formatISO(addDays(parseISO(date), days), { representation: 'date' });

describe('dates in order, in the services', () => {
  let temp: ReturnType<typeof tempDir>;
  let session: Session;
  let sqlite: OpenDatabase['sqlite'];
  let backups: Backups;
  /** What the router logs of each failure: channel and code, never the data. */
  let logged: string[];

  beforeEach(async () => {
    temp = tempDir('mdo-date-order-');
    await createDemoDatabase(temp.file('demo.db'));
    await encryptAsDemo(temp.file('demo.db'));
    session = new Session(temp.file('demo.db'), { clock: fixedClock(E2E_NOW) });
    await session.init();
    await session.unlock(DEMO_PASSPHRASE);
    sqlite = (session.state as Extract<Session['state'], { state: 'open' }>).handle.sqlite;
    backups = new Backups(session, { clock: fixedClock(E2E_NOW), appVersion: 'test' });
    logged = [];
  });
  afterEach(async () => {
    await session.close();
    temp.remove();
  });

  /** One call through the real router, on `today`. */
  async function call<C extends Channel>(channel: C, input: Input<C>, today = TODAY, custom: Partial<Handlers> = {}) {
    const clock = fixedClock(`${today}T09:00:00.000Z`);
    const router = createRouter(
      { ...handlers, ...custom } as Handlers,
      {
        session,
        clock,
        appVersion: 'test',
        files: folderDialogs(temp.file('exports')),
        backups,
        policy: NO_POLICY,
      },
      (entry) => logged.push(`${entry.channel}: ${entry.code}`),
    );
    return router.call(channel, input);
  }

  async function accepted<C extends Channel>(channel: C, input: Input<C>, today = TODAY) {
    const result = await call(channel, input, today);
    expect(result, channel).toMatchObject({ ok: true });
    return result.ok ? result.data : null;
  }

  /** Refused with the rule's message (and on `field`), and no row of any table changed. */
  async function refused<C extends Channel>(channel: C, input: Input<C>, rule: DateOrderRule, field?: string, today = TODAY) {
    const before = tableRows(sqlite);
    const message = nl.dateOrder[rule];
    expect(await call(channel, input, today)).toEqual({
      ok: false,
      error: { code: 'DATE_ORDER', message, ...(field ? { fields: [{ path: field, message }] } : {}) },
    });
    expect(tableRows(sqlite)).toEqual(before);
    expect(logged.at(-1)).toBe(`${channel}: DATE_ORDER`);
  }

  type Row = Record<string, string | number | null>;
  const row = (query: string, ...params: unknown[]) => sqlite.prepare(query).get(...params) as Row;
  const text = (value: Row[string]) => String(value);
  // The demo school: cases registered and not yet discussed, an active case with its trekker, the meeting last held.
  const registeredCase = () =>
    row(`SELECT s.id, s.pupil_id, s.registered_on, p.date_of_birth FROM support_case s JOIN pupil p ON p.id = s.pupil_id
         WHERE s.status = 'registered' AND NOT EXISTS (SELECT 1 FROM case_lead WHERE case_id = s.id) ORDER BY s.id`);
  const activeCase = () =>
    row(`SELECT s.id, s.registered_on, s.first_discussed_on, l.member_id, l.started_on FROM support_case s
         JOIN case_lead l ON l.case_id = s.id AND l.ended_on IS NULL WHERE s.status = 'active' ORDER BY s.id`);
  const heldMeeting = () => row(`SELECT id, date FROM meeting WHERE status = 'held'`);
  const activeMember = (except: Row[string] = null) =>
    Number(row('SELECT id FROM member WHERE active = 1 AND id IS NOT ? ORDER BY id', except).id);

  it('refuses to close a case before its registration or its first discussion; the registration day itself is fine', async () => {
    const registered = registeredCase();
    const close = { caseId: Number(registered.id), reason: 'Doel bereikt' };
    await refused('cases.close', close, 'caseClosedBeforeRegistered', undefined, shift(text(registered.registered_on), -1));

    const active = activeCase();
    const firstDiscussed = text(active.first_discussed_on);
    await refused(
      'cases.close',
      { caseId: Number(active.id), reason: 'Doel bereikt' },
      'caseClosedBeforeFirstDiscussion',
      undefined,
      shift(firstDiscussed, -1),
    );

    await accepted('cases.close', close, text(registered.registered_on));
  });

  it('refuses a trekker who starts before the case was registered, or before the current trekker began', async () => {
    const active = activeCase();
    const change = { caseId: Number(active.id), memberId: activeMember(active.member_id), reason: 'Andere hulpvraag' };
    await refused('cases.setLead', { ...change, onDate: shift(text(active.started_on), -1) }, 'leadEndsBeforeStart', 'onDate');

    const registered = registeredCase();
    const first = { caseId: Number(registered.id), memberId: activeMember(), reason: '' };
    await refused('cases.setLead', { ...first, onDate: shift(text(registered.registered_on), -1) }, 'leadStartsBeforeRegistered', 'onDate');
    // A trekker from next week: the case cannot be closed today, which would end that period before it began.
    await accepted('cases.setLead', { ...first, onDate: shift(TODAY, 7) });
    await refused('cases.close', { caseId: first.caseId, reason: 'Doel bereikt' }, 'leadEndsBeforeStart');
  });

  it('refuses to discuss a case in a meeting before its registration, and does not suggest it there', async () => {
    const held = heldMeeting();
    const fresh = row(`SELECT id FROM support_case WHERE status = 'registered' AND registered_on > ? ORDER BY id`, held.date);
    const caseId = Number(fresh.id);
    await refused(
      'agenda.addCase',
      { meetingId: Number(held.id), caseId, anonymous: true, plannedMinutes: 10 },
      'caseDiscussedBeforeRegistered',
    );
    const suggested = await accepted('agenda.suggestions', { meetingId: Number(held.id) });
    expect((suggested as { caseId: number }[]).map((suggestion) => suggestion.caseId)).not.toContain(caseId);

    // Such an item from an older version: its first note is refused, so the case gets no discussion dated before it existed.
    const { lastInsertRowid } = sqlite
      .prepare(`INSERT INTO agenda_item (meeting_id, position, kind, case_id) VALUES (?, 99, 'case', ?)`)
      .run(held.id, caseId);
    const agendaItemId = Number(lastInsertRowid);
    await refused('chair.saveText', { agendaItemId, field: 'notes', value: 'Eerste aantekening' }, 'caseDiscussedBeforeRegistered');
  });

  it("refuses a case or a consent dated before the pupil's birth, also when the date of birth is corrected afterwards", async () => {
    const newborn = { schoolId: 1, firstName: 'Toekomst', lastName: 'Kind', groupName: 'Groep 1' };
    await refused('pupils.create', { ...newborn, dateOfBirth: shift(TODAY, 1) }, 'birthAfterToday', 'dateOfBirth');
    const pupil = await accepted('pupils.create', { ...newborn, dateOfBirth: TODAY });
    const pupilId = (pupil as { id: number }).id;
    // Registered on a day before the birth (a computer whose clock is behind).
    await refused(
      'cases.create',
      { pupilId, question: 'Een hulpvraag van tien tekens.', analysis: '', themeIds: [] },
      'caseRegisteredBeforeBirth',
      undefined,
      shift(TODAY, -1),
    );

    const registered = registeredCase();
    const caseId = Number(registered.id);
    const consent = { caseId, party: 'pupil' as const, status: 'given' as const, method: 'written' as const, note: '' };
    await refused(
      'cases.recordConsent',
      { ...consent, recordedOn: shift(text(registered.date_of_birth), -1) },
      'consentBeforeBirth',
      'recordedOn',
    );
    await accepted('cases.recordConsent', { ...consent, recordedOn: shift(text(registered.registered_on), -5) });

    const name = row('SELECT first_name, last_name, group_name FROM pupil WHERE id = ?', registered.pupil_id);
    const update = {
      pupilId: Number(registered.pupil_id),
      firstName: text(name.first_name),
      lastName: text(name.last_name),
      groupName: text(name.group_name),
    };
    await refused(
      'pupils.update',
      { ...update, dateOfBirth: shift(text(registered.registered_on), 1) },
      'caseRegisteredBeforeBirth',
      'dateOfBirth',
    );
    await refused(
      'pupils.update',
      { ...update, dateOfBirth: shift(text(registered.registered_on), -2) },
      'consentBeforeBirth',
      'dateOfBirth',
    );
    await refused('pupils.update', { ...update, dateOfBirth: shift(TODAY, 1) }, 'birthAfterToday', 'dateOfBirth');
    await accepted('pupils.update', { ...update, dateOfBirth: shift(text(registered.registered_on), -5) });
  });

  it('accepts only dates from 1900 to 2199, with a Dutch message on the field', async () => {
    const plan = { schoolId: 1, startTime: '15:00', location: '', chairId: null, minuteTakerId: null, inviteeIds: [] };
    for (const date of ['1899-12-31', '2200-01-01', '0000-01-01', '9999-12-31']) {
      const before = tableRows(sqlite);
      expect(await call('meetings.plan', { ...plan, date })).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: nl.errors.VALIDATION, fields: [{ path: 'date', message: nl.forms.dateRange }] },
      });
      expect(tableRows(sqlite)).toEqual(before);
    }
    for (const date of ['1900-01-01', '2199-12-31']) await accepted('meetings.plan', { ...plan, date });
  });

  it('refuses to record an effect in a meeting before the first discussion of the case', async () => {
    const registered = registeredCase();
    const caseId = Number(registered.id);
    const plan = async (date: string) =>
      (
        (await accepted('meetings.plan', {
          schoolId: 1,
          date,
          startTime: '09:00',
          location: '',
          chairId: null,
          minuteTakerId: null,
          inviteeIds: [],
        })) as { id: number }
      ).id;
    const later = await plan(shift(text(registered.registered_on), 7));
    // On the day of registration: the same day is fine.
    const earlier = await plan(text(registered.registered_on));
    const add = async (meetingId: number) =>
      ((await accepted('agenda.addCase', { meetingId, caseId, anonymous: true, plannedMinutes: 10 })) as { id: number }).id;
    await accepted('chair.saveText', { agendaItemId: await add(later), field: 'notes', value: 'Eerste bespreking' });
    await refused('chair.recordEffect', { agendaItemId: await add(earlier), result: 'yes', note: '' }, 'effectCheckBeforeFirstDiscussion');
  });

  it('refuses an agreement due before its meeting, postponed to no later date, or done before its meeting', async () => {
    const held = heldMeeting();
    const meetingDate = text(held.date);
    const item = row(`SELECT id FROM agenda_item WHERE meeting_id = ? AND kind = 'case' ORDER BY id`, held.id);
    const agreement = { agendaItemId: Number(item.id), description: 'Gesprek met ouders', ownerKind: 'parents' as const };
    await refused('agreements.add', { ...agreement, dueOn: shift(meetingDate, -1) }, 'agreementDueBeforeMeeting', 'dueOn');
    const made = (await accepted('agreements.add', { ...agreement, dueOn: meetingDate })) as { id: number };

    await refused('agreements.postpone', { agreementId: made.id, dueOn: meetingDate }, 'agreementPostponedToEarlier', 'dueOn');
    await refused(
      'agreements.setStatus',
      { agreementId: made.id, status: 'done' },
      'agreementCompletedBeforeMeeting',
      undefined,
      shift(meetingDate, -1),
    );
    await accepted('agreements.setStatus', { agreementId: made.id, status: 'done' }, meetingDate);

    // Moving the meeting past the due date of an agreement it made.
    const meeting = row('SELECT start_time, location, chair_id, minute_taker_id FROM meeting WHERE id = ?', held.id);
    const fields = {
      meetingId: Number(held.id),
      startTime: text(meeting.start_time),
      location: text(meeting.location),
      chairId: meeting.chair_id as number | null,
      minuteTakerId: meeting.minute_taker_id as number | null,
      inviteeIds: [],
    };
    await refused('meetings.update', { ...fields, date: shift(meetingDate, 1) }, 'agreementDueBeforeMeeting', 'date');
    await accepted('meetings.update', { ...fields, date: shift(meetingDate, -1) });
  });

  it('refuses a member who leaves the kernteam before joining it', async () => {
    const member = row('SELECT id, joined_on FROM member WHERE active = 1 AND joined_on IS NOT NULL ORDER BY id');
    await refused(
      'members.setActive',
      { memberId: Number(member.id), active: false },
      'memberLeftBeforeJoined',
      undefined,
      shift(text(member.joined_on), -1),
    );
  });

  it("answers a refusal by the database's own rule with the same explanation, and other trigger refusals as before", async () => {
    const registered = registeredCase();
    // A handler that writes past the service checks: only migration 005's trigger stands in the way.
    const custom: Partial<Handlers> = {
      'cases.close': ({ caseId }) => (
        sqlite.prepare(`UPDATE support_case SET closed_on = date(registered_on, '-1 day') WHERE id = ?`).run(caseId),
        null
      ),
      'cases.reopen': () => (sqlite.prepare(`DELETE FROM audit_log`).run(), null),
    };
    const message = nl.dateOrder.caseClosedBeforeRegistered;
    expect(await call('cases.close', { caseId: Number(registered.id), reason: 'x' }, TODAY, custom)).toEqual({
      ok: false,
      error: { code: 'DATE_ORDER', message },
    });
    expect(await call('cases.reopen', { caseId: Number(registered.id) }, TODAY, custom)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
