import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { participationSchool } from '../../tests/fixtures/participationSchool';
import { fixedClock } from '../clock';
import { contract } from '../contract/contract';
import { dateOrderFailure } from '../dateOrder';
import { nl } from '../i18n/nl';
import { addCaseItem } from './agenda';
import { getCase } from './cases';
import { getChairItem } from './chair';
import { getDashboardItems } from './dashboardItems';
import { saveItemText } from './discussions';
import { closeMeeting, planMeeting, startMeeting } from './meetings';
import { finalizeMinutes } from './minutes';
import { listParentCopies, markParentCopySent, setParticipation } from './participation';
import { search } from './search';

const clock = fixedClock('2026-11-25T09:00:00Z');
const later = fixedClock('2026-12-03T09:00:00Z');

describe('who took part in a discussion, and the ouderversie for parents who were not there', () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;
  let school: Awaited<ReturnType<typeof participationSchool>>;

  beforeEach(async () => {
    temp = tempDir('mdo-participation-');
    handle = await openDatabase(temp.file('participation.db'), { create: true });
    school = await participationSchool(handle.db, clock, {
      date: '2026-11-25',
      pupils: ['Sem de Vries', 'Noor Bakker', 'Daan Visser', 'Lotte Smit'],
    });
  });
  afterEach(async () => {
    await handle.close();
    temp.remove();
  });

  const item = (index: number) => school.cases[index].agendaItemId;

  it('records parents and pupil per discussion, shows them in chair mode and on the case page, and finds the pupil’s view', async () => {
    await startMeeting(handle.db, school.meetingId, clock);
    const before = await getChairItem(handle.db, item(0));
    expect(before.participation).toEqual({ parentsPresent: null, parentsAbsentReason: '', pupilParticipation: null, pupilView: '' });

    await setParticipation(
      handle.db,
      {
        agendaItemId: item(0),
        parentsPresent: 'not_invited',
        parentsAbsentReason: ' Zorg om de veiligheid thuis ',
        pupilParticipation: 'heard',
      },
      clock,
    );
    await saveItemText(handle.db, item(0), 'pupilView', 'Sem wil graag een vaste plek in de klas.', clock);
    const chair = await getChairItem(handle.db, item(0));
    expect(chair.participation).toEqual({
      parentsPresent: 'not_invited',
      parentsAbsentReason: 'Zorg om de veiligheid thuis',
      pupilParticipation: 'heard',
      pupilView: 'Sem wil graag een vaste plek in de klas.',
    });

    // "Ja" keeps no reason.
    await setParticipation(
      handle.db,
      { agendaItemId: item(0), parentsPresent: 'yes', parentsAbsentReason: 'vergeten', pupilParticipation: 'present' },
      clock,
    );
    const detail = await getCase(handle.db, school.cases[0].caseId, clock);
    expect(detail.discussions).toEqual([
      expect.objectContaining({
        parentsPresent: 'yes',
        parentsAbsentReason: '',
        pupilParticipation: 'present',
        pupilView: 'Sem wil graag een vaste plek in de klas.',
        parentCopySentOn: null,
      }),
    ]);
    // The output schema the case page reads accepts it.
    expect(contract['cases.get'].output.safeParse(detail).success).toBe(true);
    expect(contract['chair.item'].output.safeParse(chair).success).toBe(true);

    const hits = await search(handle.db, school.schoolId, 'vaste plek');
    expect(hits.map((hit) => hit.kind)).toContain('discussion');
  });

  it('refuses "niet uitgenodigd" without a reason, a general item, and a finalized verslag', async () => {
    const parsed = contract['chair.setParticipation'].input.safeParse({
      agendaItemId: item(0),
      parentsPresent: 'not_invited',
      parentsAbsentReason: '   ',
      pupilParticipation: null,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['parentsAbsentReason'], message: nl.participation.reasonRequired });
    await expect(
      setParticipation(
        handle.db,
        { agendaItemId: item(0), parentsPresent: 'not_invited', parentsAbsentReason: ' ', pupilParticipation: null },
        clock,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'parentsAbsentReason' });

    const general = await handle.db
      .insertInto('agendaItem')
      .values({ meetingId: school.meetingId, position: 9, kind: 'general', title: 'Mededelingen', plannedMinutes: 5 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      setParticipation(
        handle.db,
        { agendaItemId: general.id, parentsPresent: 'yes', parentsAbsentReason: '', pupilParticipation: null },
        clock,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await getChairItem(handle.db, general.id)).participation).toBeNull();

    await startMeeting(handle.db, school.meetingId, clock);
    await saveItemText(handle.db, item(0), 'notes', 'Besproken.', clock);
    await closeMeeting(handle.db, { meetingId: school.meetingId, openQuestions: '', next: null }, clock);
    await finalizeMinutes(handle.db, school.meetingId, clock);
    await expect(
      setParticipation(
        handle.db,
        { agendaItemId: item(0), parentsPresent: 'yes', parentsAbsentReason: '', pupilParticipation: null },
        clock,
      ),
    ).rejects.toMatchObject({ code: 'MINUTES_FINALIZED' });
    await expect(saveItemText(handle.db, item(0), 'pupilView', 'Te laat', clock)).rejects.toMatchObject({ code: 'MINUTES_FINALIZED' });
  });

  it('lists the discussions whose parents were not there, records the day sent, and the dashboard lists what is not sent', async () => {
    await startMeeting(handle.db, school.meetingId, clock);
    const set = (index: number, parentsPresent: 'yes' | 'invited_absent' | 'not_invited' | null, reason = '') =>
      setParticipation(
        handle.db,
        { agendaItemId: item(index), parentsPresent, parentsAbsentReason: reason, pupilParticipation: null },
        clock,
      );
    await set(0, 'yes');
    await set(1, 'invited_absent', 'Ziek');
    await set(2, 'not_invited', 'Zorg om de veiligheid');
    // Daan's item is discussed without anything recorded about who took part.
    await saveItemText(handle.db, item(3), 'notes', 'Besproken.', clock);

    const copies = await listParentCopies(handle.db, school.meetingId);
    expect(copies.map((copy) => [copy.pupilName, copy.parentsPresent, copy.parentsAbsentReason, copy.sentOn])).toEqual([
      ['Noor Bakker', 'invited_absent', 'Ziek', null],
      ['Daan Visser', 'not_invited', 'Zorg om de veiligheid', null],
      ['Lotte Smit', null, '', null],
    ]);

    // While the meeting runs nothing is on the start screen yet.
    expect((await getDashboardItems(handle.db, school.schoolId, clock)).parentCopies).toEqual([]);
    await closeMeeting(handle.db, { meetingId: school.meetingId, openQuestions: '', next: null }, clock);
    const pending = (await getDashboardItems(handle.db, school.schoolId, later)).parentCopies;
    expect(pending.map((entry) => [entry.pupilName, entry.meetingDate, entry.parentsPresent])).toEqual([
      ['Noor Bakker', '2026-11-25', 'invited_absent'],
      ['Daan Visser', '2026-11-25', 'not_invited'],
      ['Lotte Smit', '2026-11-25', null],
    ]);

    const noor = school.cases[1].caseId;
    await markParentCopySent(handle.db, { meetingId: school.meetingId, caseId: noor, sentOn: '2026-12-01' }, later);
    expect((await listParentCopies(handle.db, school.meetingId)).find((copy) => copy.caseId === noor)?.sentOn).toBe('2026-12-01');
    expect((await getCase(handle.db, noor, later)).discussions[0].parentCopySentOn).toBe('2026-12-01');
    const after = (await getDashboardItems(handle.db, school.schoolId, later)).parentCopies;
    expect(after.map((entry) => entry.pupilName)).toEqual(['Daan Visser', 'Lotte Smit']);
    expect(contract['dashboard.items'].output.safeParse(await getDashboardItems(handle.db, school.schoolId, later)).success).toBe(true);

    // Undone: it asks for attention again. After vaststellen it can still be recorded.
    await markParentCopySent(handle.db, { meetingId: school.meetingId, caseId: noor, sentOn: null }, later);
    expect((await getDashboardItems(handle.db, school.schoolId, later)).parentCopies).toHaveLength(3);
    await finalizeMinutes(handle.db, school.meetingId, later);
    await markParentCopySent(handle.db, { meetingId: school.meetingId, caseId: noor, sentOn: '2026-12-03' }, later);
    expect((await getDashboardItems(handle.db, school.schoolId, later)).parentCopies).toHaveLength(2);
  });

  it('refuses a sent date before the meeting or after today, and a case not discussed in that meeting', async () => {
    await startMeeting(handle.db, school.meetingId, clock);
    await saveItemText(handle.db, item(1), 'notes', 'Besproken.', clock);
    const noor = school.cases[1].caseId;
    const refused = await markParentCopySent(handle.db, { meetingId: school.meetingId, caseId: noor, sentOn: '2026-11-24' }, clock).catch(
      (error: unknown) => error,
    );
    expect(dateOrderFailure(refused)).toMatchObject({ code: 'DATE_ORDER', message: nl.dateOrder.parentCopySentBeforeMeeting });
    await expect(
      markParentCopySent(handle.db, { meetingId: school.meetingId, caseId: noor, sentOn: '2026-11-26' }, clock),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'sentOn',
      text: nl.participation.copies.sentInFuture,
    });
    // Sem's item has no discussion (nothing recorded), so there is no ouderversie to send.
    await expect(
      markParentCopySent(handle.db, { meetingId: school.meetingId, caseId: school.cases[0].caseId, sentOn: '2026-11-25' }, clock),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const planned = await planMeeting(
      handle.db,
      school.schoolId,
      { date: '2026-12-09', startTime: '08:30', location: '', chairId: school.ib, minuteTakerId: null, inviteeIds: [] },
      clock,
    );
    await expect(markParentCopySent(handle.db, { meetingId: planned, caseId: noor, sentOn: '2026-11-25' }, clock)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('leaves anonymous discussions out, and old discussions without a record off the start screen', async () => {
    // An earlier meeting, from before who took part could be recorded: nothing recorded there.
    const earlier = await planMeeting(
      handle.db,
      school.schoolId,
      { date: '2026-11-25', startTime: '07:30', location: '', chairId: school.ib, minuteTakerId: null, inviteeIds: [] },
      clock,
    );
    const anonymous = await addCaseItem(handle.db, {
      meetingId: earlier,
      caseId: school.cases[0].caseId,
      anonymous: true,
      plannedMinutes: 10,
    });
    const byName = await addCaseItem(handle.db, {
      meetingId: earlier,
      caseId: school.cases[1].caseId,
      anonymous: false,
      plannedMinutes: 10,
    });
    await startMeeting(handle.db, earlier, clock);
    await saveItemText(handle.db, anonymous, 'notes', 'Anoniem besproken.', clock);
    await saveItemText(handle.db, byName, 'notes', 'Besproken.', clock);
    await closeMeeting(handle.db, { meetingId: earlier, openQuestions: '', next: null }, clock);
    expect((await listParentCopies(handle.db, earlier)).map((copy) => copy.caseId)).toEqual([school.cases[1].caseId]);
    // Nothing recorded anywhere yet: the old discussion does not ask for attention.
    expect((await getDashboardItems(handle.db, school.schoolId, later)).parentCopies).toEqual([]);

    // From the first meeting in which the school records who took part, unrecorded discussions count.
    const recordedMeeting = await planMeeting(
      handle.db,
      school.schoolId,
      { date: '2026-12-02', startTime: '08:30', location: '', chairId: school.ib, minuteTakerId: null, inviteeIds: [] },
      clock,
    );
    const a = await addCaseItem(handle.db, {
      meetingId: recordedMeeting,
      caseId: school.cases[2].caseId,
      anonymous: false,
      plannedMinutes: 10,
    });
    const b = await addCaseItem(handle.db, {
      meetingId: recordedMeeting,
      caseId: school.cases[3].caseId,
      anonymous: false,
      plannedMinutes: 10,
    });
    await startMeeting(handle.db, recordedMeeting, later);
    await setParticipation(
      handle.db,
      { agendaItemId: a, parentsPresent: 'yes', parentsAbsentReason: '', pupilParticipation: 'present' },
      later,
    );
    await saveItemText(handle.db, b, 'notes', 'Besproken.', later);
    await closeMeeting(handle.db, { meetingId: recordedMeeting, openQuestions: '', next: null }, later);
    expect((await getDashboardItems(handle.db, school.schoolId, later)).parentCopies.map((entry) => entry.caseId)).toEqual([
      school.cases[3].caseId,
    ]);
  });
});
