import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase } from '../../tests/fixtures/demoDatabase';
import { readIcs } from '../../tests/readers/ics';
import { fixedClock } from '../clock';
import { nl } from '../i18n/nl';
import { cancelMeeting } from './cancelMeeting';
import { invitationExport, invitationState } from './invitationExport';
import { updateMeeting } from './meetings';

const clock = fixedClock('2026-11-25T09:00:00Z');

describe('the invitation (.ics) to a meeting', () => {
  const temp = tempDir('mdo-invitation-');
  let handle: OpenDatabase;
  let planned: { id: number; chairId: number | null; minuteTakerId: number | null; invitees: number[] };

  beforeAll(async () => {
    await createDemoDatabase(temp.file('demo.db'));
    handle = await openDatabase(temp.file('demo.db'));
    const meeting = await handle.db
      .selectFrom('meeting')
      .select(['id', 'chairId', 'minuteTakerId'])
      .where('status', '=', 'planned')
      .executeTakeFirstOrThrow();
    const invited = await handle.db
      .selectFrom('presence')
      .select('memberId')
      .where('meetingId', '=', meeting.id)
      .where('invited', '=', 1)
      .execute();
    planned = { ...meeting, invitees: invited.map((row) => row.memberId) };
  }, 60_000);
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  const exported = async (meetingId = planned.id) => readIcs((await invitationExport(handle.db, meetingId, clock)).bytes);
  const move = (date: string, startTime: string, location = 'Kamer van de IB') =>
    updateMeeting(
      handle.db,
      planned.id,
      { date, startTime, location, chairId: planned.chairId, minuteTakerId: planned.minuteTakerId, inviteeIds: planned.invitees },
      clock,
    );

  it('holds one VEVENT in Europe/Amsterdam time with its own VTIMEZONE, the agenda’s duration and the meeting’s facts', async () => {
    const built = await invitationExport(handle.db, planned.id, clock);
    const meeting = await handle.db.selectFrom('meeting').selectAll().where('id', '=', planned.id).executeTakeFirstOrThrow();
    expect(built.name).toBe(`Uitnodiging MDO ${meeting.date}.ics`);
    expect(built.entity).toEqual({ entity: 'meeting', entityId: planned.id, schoolId: meeting.schoolId });
    const ics = readIcs(built.bytes);
    expect(ics.method).toBe('REQUEST');
    expect(ics.timezones).toEqual(['Europe/Amsterdam']);
    expect(ics.events).toHaveLength(1);
    const [event] = ics.events;
    const minutes = await handle.db
      .selectFrom('agendaItem')
      .select((eb) => eb.fn.sum<number>('plannedMinutes').as('sum'))
      .where('meetingId', '=', planned.id)
      .executeTakeFirstOrThrow();
    expect(event.tzid).toBe('Europe/Amsterdam');
    expect((Date.parse(event.end) - Date.parse(event.start)) / 60_000).toBe(Number(minutes.sum));
    expect(event.summary).toBe('MDO Demo — Basisschool De Regenboog');
    expect(event.location).toBe(meeting.location);
    expect(event.description).toContain('De agenda volgt apart.');
    expect(event.uid).toMatch(/^[0-9a-f-]{36}@mdo\.local$/);
    expect(event.sequence).toBe(0);
    // The file's lines end in CRLF, the last one too.
    expect(new TextDecoder().decode(built.bytes)).toMatch(/END:VCALENDAR\r\n$/);
  });

  it('puts the right Dutch time in summer and winter, and on both sides of the change to winter time', async () => {
    for (const [date, time, utc] of [
      ['2027-06-10', '14:00', '2027-06-10T12:00:00.000Z'],
      ['2027-01-12', '08:30', '2027-01-12T07:30:00.000Z'],
      // Winter time starts on Sunday 25 October 2026 (03:00 summer time becomes 02:00).
      ['2026-10-24', '14:00', '2026-10-24T12:00:00.000Z'],
      ['2026-10-26', '14:00', '2026-10-26T13:00:00.000Z'],
      ['2027-03-29', '09:00', '2027-03-29T07:00:00.000Z'],
    ] as const) {
      await move(date, time);
      const [event] = (await exported()).events;
      expect(event.start, `${date} ${time}`).toBe(utc);
    }
  });

  it('keeps its UID, raises SEQUENCE after a change and keeps it when nothing changed', async () => {
    const first = (await exported()).events[0];
    expect(await invitationState(handle.db, planned.id)).toEqual({ state: 'current', organizer: false });
    const again = (await exported()).events[0];
    expect(again.uid).toBe(first.uid);
    expect(again.sequence).toBe(first.sequence);
    await move('2027-02-02', '10:15', 'Personeelskamer');
    expect((await invitationState(handle.db, planned.id)).state).toBe('outdated');
    const changed = (await exported()).events[0];
    expect(changed.uid).toBe(first.uid);
    expect(changed.sequence).toBe(first.sequence + 1);
    expect(changed.location).toBe('Personeelskamer');
    expect(changed.start).toBe('2027-02-02T09:15:00.000Z');
    // An invited member's new e-mail address changes who the calendars invite: a change too.
    const partner = planned.invitees.find((id) => id !== planned.chairId)!;
    await handle.db.updateTable('member').set({ email: 'ggd@example.nl' }).where('id', '=', partner).execute();
    const withAttendee = (await exported()).events[0];
    expect(withAttendee.sequence).toBe(first.sequence + 2);
    expect(withAttendee.attendees).toContain('mailto:ggd@example.nl');
  });

  it('keeps hostile text in the place inside its own property (escaped, read back whole)', async () => {
    const hostile = 'Lokaal 3; "A,B"\\n\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:<script>alert(1)</script>';
    await move('2027-02-03', '10:00', hostile);
    const ics = await exported();
    expect(ics.events).toHaveLength(1);
    expect(ics.events[0].location).toBe(hostile.replace(/\r\n/g, '\n'));
  });

  it('names the chair as organiser only with an e-mail address, and never invites the organiser twice', async () => {
    expect(planned.chairId).not.toBeNull();
    await handle.db.updateTable('member').set({ email: null }).where('id', '=', planned.chairId!).execute();
    expect((await exported()).events[0].organizer).toBeNull();
    await handle.db.updateTable('member').set({ email: 'ib@example.nl' }).where('id', '=', planned.chairId!).execute();
    const event = (await exported()).events[0];
    expect(event.organizer).toBe('mailto:ib@example.nl');
    expect(event.attendees).not.toContain('mailto:ib@example.nl');
  });

  it('cancels a cancelled meeting with METHOD:CANCEL, the same UID and a higher SEQUENCE', async () => {
    const before = (await exported()).events[0];
    await cancelMeeting(handle.db, planned.id, clock);
    const built = await invitationExport(handle.db, planned.id, clock);
    expect(built.name).toMatch(/^Annulering MDO \d{4}-\d{2}-\d{2}\.ics$/);
    const ics = readIcs(built.bytes);
    expect(ics.method).toBe('CANCEL');
    expect(ics.events).toHaveLength(1);
    expect(ics.events[0]).toMatchObject({ uid: before.uid, sequence: before.sequence + 1, status: 'CANCELLED' });
    await expect(cancelMeeting(handle.db, planned.id, clock)).rejects.toMatchObject({ userMessage: nl.invitation.errors.notPlanned });
  });

  it('is refused for a held meeting, and a cancellation for a meeting never invited to', async () => {
    const held = await handle.db.selectFrom('meeting').select('id').where('status', '=', 'held').executeTakeFirstOrThrow();
    await expect(invitationExport(handle.db, held.id, clock)).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: nl.invitation.errors.held,
    });
    const finalized = await handle.db.selectFrom('meeting').select('id').where('status', '=', 'finalized').executeTakeFirstOrThrow();
    await handle.db.updateTable('meeting').set({ status: 'cancelled' }).where('id', '=', finalized.id).execute();
    await expect(invitationExport(handle.db, finalized.id, clock)).rejects.toMatchObject({ userMessage: nl.invitation.errors.notSent });
    const row = await handle.db
      .selectFrom('meeting')
      .select(['invitationUid', 'invitationSequence'])
      .where('id', '=', finalized.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ invitationUid: null, invitationSequence: 0 });
  });
});

describe('no pupil data in any invitation', () => {
  const temp = tempDir('mdo-invitation-leak-');
  let handle: OpenDatabase;

  beforeAll(async () => {
    await createDemoDatabase(temp.file('demo.db'));
    handle = await openDatabase(temp.file('demo.db'));
    // Every member has an e-mail address, so every name that can be in a file is.
    const members = await handle.db.selectFrom('member').select('id').execute();
    for (const member of members)
      await handle.db
        .updateTable('member')
        .set({ email: `lid${member.id}@example.nl` })
        .where('id', '=', member.id)
        .execute();
  }, 60_000);
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('for every demo meeting: no pupil’s first or last name, initials or group anywhere in the file', async () => {
    const pupils = await handle.db.selectFrom('pupil').select(['firstName', 'lastName', 'groupName']).execute();
    // Members are professionals and may be named; a pupil who shares a first name with one must still be absent elsewhere.
    const members = (await handle.db.selectFrom('member').select('name').execute()).map((member) => member.name);
    const meetings = await handle.db.selectFrom('meeting').select(['id', 'status']).execute();
    expect(meetings.length).toBeGreaterThan(10);
    const needles = new Set<string>();
    for (const pupil of pupils) {
      needles.add(pupil.firstName);
      // The surname without tussenvoegsel too ("de Vries" → "Vries").
      needles.add(pupil.lastName);
      needles.add(pupil.lastName.split(' ').at(-1)!);
      needles.add(pupil.groupName);
      const initials = [pupil.firstName, ...pupil.lastName.split(' ')].map((part) => `${part[0]}.`).join('');
      needles.add(initials);
      needles.add(`${pupil.firstName[0]}.${pupil.lastName.split(' ').at(-1)![0]}.`);
    }
    // Every meeting, also the held and finalized ones (whose agendas hold the most cases), made plannable for this check.
    for (const meeting of meetings) {
      await handle.db.updateTable('meeting').set({ status: 'planned' }).where('id', '=', meeting.id).execute();
      const text = new TextDecoder().decode((await invitationExport(handle.db, meeting.id, clock)).bytes);
      // Unfolded, so a name cut by line folding is found too.
      const unfolded = members.reduce((rest, name) => rest.replaceAll(name, '…'), text.replace(/\r\n[ \t]/g, ''));
      expect(unfolded.length).toBeGreaterThan(0);
      expect(readIcs(text).events).toHaveLength(1);
      for (const needle of needles) {
        const pattern = new RegExp(`(^|[^\\p{L}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u');
        expect(pattern.test(unfolded), `meeting ${meeting.id}: "${needle}"`).toBe(false);
      }
    }
  });
});
