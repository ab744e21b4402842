import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { fixedClock } from '../clock';
import { AppError } from '../errors';
import { addCaseItem, agendaSuggestions, removeAgendaItem, reorderAgenda, listAgenda } from './agenda';
import { addAgreement, postponeAgreement, setAgreementStatus } from './agreements';
import { closeCase, createCase, getCase } from './cases';
import { getChairItem } from './chair';
import { recordConsent, setSafetyConcern } from './consent';
import { consentOfAll } from './consent.test-helper';
import { recordEffectCheck, saveItemText } from './discussions';
import { setLead } from './leads';
import { actionList, closeMeeting, planMeeting } from './meetings';
import { createMember, listRoles } from './members';
import { createPupil } from './pupils';
import { createSchool } from './schools';
import { search } from './search';

const clock = fixedClock('2026-11-25T09:00:00Z');

describe('running an MDO: the rules', () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;
  let schoolId: number;
  let ib: number;
  let attendance: number;
  let cjg: number;

  beforeEach(async () => {
    temp = tempDir();
    handle = await openDatabase(temp.file('flow.db'), { create: true });
    schoolId = await createSchool(handle.db, { name: 'De Linde' }, clock);
    const roles = await listRoles(handle.db, schoolId);
    const role = (code: string) => roles.find((r) => r.code === code)!.id;
    ib = (await createMember(handle.db, { schoolId, name: 'Ilse Bakker', roleId: role('ib') }, clock)).id;
    attendance = (await createMember(handle.db, { schoolId, name: 'Lars Plicht', roleId: role('attendance_officer') }, clock)).id;
    cjg = (await createMember(handle.db, { schoolId, name: 'Carla Jansen', roleId: role('cjg') }, clock)).id;
  });
  afterEach(async () => {
    await handle.close();
    temp.remove();
  });

  async function pupilCase(dateOfBirth: string, name = 'Sem', consent = true) {
    const pupilId = await createPupil(
      handle.db,
      schoolId,
      { firstName: name, lastName: 'de Vries', dateOfBirth, groupName: 'Groep 6' },
      clock,
    );
    const caseId = await createCase(
      handle.db,
      pupilId,
      { question: `${name} verzuimt vaak op maandag.`, analysis: '', themeIds: [] },
      clock,
    );
    if (consent) await consentOfAll(handle.db, caseId, clock, { recordedOn: '2026-11-20' });
    return caseId;
  }
  const plan = (date: string) =>
    planMeeting(
      handle.db,
      schoolId,
      { date, startTime: '08:30', location: 'IB-kamer', chairId: ib, minuteTakerId: cjg, inviteeIds: [attendance] },
      clock,
    );

  it('keeps exactly one active trekker and the history of every change with date and reason', async () => {
    const caseId = await pupilCase('2016-03-01');
    await setLead(handle.db, { caseId, memberId: attendance, reason: '', onDate: '2026-11-25' }, clock);
    await expect(setLead(handle.db, { caseId, memberId: cjg, reason: ' ', onDate: '2026-12-01' }, clock)).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    });
    await setLead(handle.db, { caseId, memberId: cjg, reason: 'Hulpvraag ligt thuis', onDate: '2026-12-01' }, clock);
    const detail = await getCase(handle.db, caseId, clock);
    expect(detail.lead).toMatchObject({ memberId: cjg, startedOn: '2026-12-01', endedOn: null, reason: 'Hulpvraag ligt thuis' });
    expect(detail.leads.map((lead) => [lead.memberName, lead.startedOn, lead.endedOn])).toEqual([
      ['Lars Plicht', '2026-11-25', '2026-12-01'],
      ['Carla Jansen', '2026-12-01', null],
    ]);
    // Closed after the second trekker started: a trekker's period cannot end before it began.
    await closeCase(handle.db, caseId, 'Doel bereikt', fixedClock('2026-12-02T09:00:00Z'));
    expect((await getCase(handle.db, caseId, clock)).lead).toBeNull();
    await expect(setLead(handle.db, { caseId, memberId: ib, reason: 'x', onDate: '2026-12-02' }, clock)).rejects.toMatchObject({
      code: 'CASE_CLOSED',
    });
  });

  it('refuses a pupil under 16 without consent by name, but allows anonymous discussion or a written safety concern', async () => {
    const caseId = await pupilCase('2015-05-05', 'Sem', false);
    const meetingId = await plan('2026-12-01');
    await expect(addCaseItem(handle.db, { meetingId, caseId, anonymous: false, plannedMinutes: 15 })).rejects.toMatchObject({
      code: 'CONSENT_REQUIRED',
    });
    const anonymousId = await addCaseItem(handle.db, { meetingId, caseId, anonymous: true, plannedMinutes: 15 });
    expect((await listAgenda(handle.db, meetingId)).find((item) => item.id === anonymousId)?.title).toBe('Anonieme casus (Groep 6)');

    const safetyCase = await pupilCase('2015-05-05', 'Noor', false);
    await setSafetyConcern(handle.db, safetyCase, 'Signalen volgens de meldcode', clock);
    await addCaseItem(handle.db, { meetingId, caseId: safetyCase, anonymous: false, plannedMinutes: 15 });
    expect((await getCase(handle.db, safetyCase, clock)).gate).toBe('safety_concern');

    const consentCase = await pupilCase('2015-05-05', 'Daan');
    await addCaseItem(handle.db, { meetingId, caseId: consentCase, anonymous: false, plannedMinutes: 15 });
    const parentId = (await handle.db.selectFrom('caseParent').select('id').where('caseId', '=', consentCase).executeTakeFirstOrThrow()).id;
    await recordConsent(
      handle.db,
      {
        caseId: consentCase,
        party: 'parent',
        parentId,
        status: 'withdrawn',
        method: 'oral',
        coversDiscussion: true,
        shareWith: [],
        recordedOn: '2026-11-24',
        note: 'Ouders trekken in',
      },
      clock,
    );
    expect((await getCase(handle.db, consentCase, clock)).gate).toBe('needs_consent');

    // Sixteen or older without a recorded decision of the pupil: not by name either (it was allowed before 0.3).
    const sixteen = await pupilCase('2010-01-01', 'Lotte', false);
    await expect(addCaseItem(handle.db, { meetingId, caseId: sixteen, anonymous: false, plannedMinutes: 15 })).rejects.toMatchObject({
      code: 'CONSENT_REQUIRED',
      userMessage: expect.stringContaining('de leerling (16 jaar)'),
    });
  });

  it('sets the two-week effect date on the first discussion and shows it until checked', async () => {
    const caseId = await pupilCase('2012-01-01');
    const meetingId = await plan('2026-12-01');
    const itemId = await addCaseItem(handle.db, { meetingId, caseId, anonymous: false, plannedMinutes: 15 });
    expect((await getCase(handle.db, caseId, clock)).effectDueOn).toBeNull();
    await saveItemText(handle.db, itemId, 'notes', 'Moeder vertelt over de ochtenden.', clock);
    const detail = await getCase(handle.db, caseId, clock);
    expect(detail).toMatchObject({ status: 'active', firstDiscussedOn: '2026-12-01', effectDueOn: '2026-12-15', effectPending: true });

    const next = await plan('2026-12-15');
    expect((await agendaSuggestions(handle.db, next)).find((s) => s.caseId === caseId)?.reasons).toContain('effect_check_due');
    const nextItem = await addCaseItem(handle.db, { meetingId: next, caseId, anonymous: false, plannedMinutes: 15 });
    await saveItemText(handle.db, nextItem, 'notes', 'Tweede bespreking.', clock);
    expect((await getCase(handle.db, caseId, clock)).effectDueOn).toBe('2026-12-15');
    expect((await getChairItem(handle.db, nextItem)).case?.effectPending).toBe(true);
    await recordEffectCheck(handle.db, nextItem, 'partly', 'Vaker op school', clock);
    expect((await getChairItem(handle.db, nextItem)).case?.effectPending).toBe(false);
    expect(await getCase(handle.db, caseId, clock)).toMatchObject({
      effectPending: false,
      effectChecks: [{ result: 'partly', checkedOn: '2026-12-15' }],
    });
  });

  it('carries open agreements over to the next meeting and counts postponements', async () => {
    const caseId = await pupilCase('2012-01-01');
    const first = await plan('2026-12-01');
    const itemId = await addCaseItem(handle.db, { meetingId: first, caseId, anonymous: false, plannedMinutes: 15 });
    const visit = await addAgreement(
      handle.db,
      { agendaItemId: itemId, description: 'Huisbezoek', ownerKind: 'member', ownerMemberId: attendance, dueOn: '2026-12-08' },
      clock,
    );
    const bed = await addAgreement(
      handle.db,
      { agendaItemId: itemId, description: 'Op tijd naar bed', ownerKind: 'parents', dueOn: '2026-12-08' },
      clock,
    );
    await closeMeeting(
      handle.db,
      { meetingId: first, openQuestions: '', next: { date: '2026-12-15', startTime: '08:30', location: 'IB-kamer' } },
      clock,
    );
    const actions = await actionList(handle.db, first);
    expect(actions.map((group) => [group.owner, group.agreements.map((a) => a.description)])).toEqual([
      ['Lars Plicht', ['Huisbezoek']],
      ['Ouders', ['Op tijd naar bed']],
    ]);

    const next = (await handle.db.selectFrom('meeting').select('id').where('date', '=', '2026-12-15').executeTakeFirstOrThrow()).id;
    const suggestion = (await agendaSuggestions(handle.db, next)).find((s) => s.caseId === caseId);
    expect(suggestion).toMatchObject({ openAgreements: 2, overdueAgreements: 2 });
    expect(suggestion?.reasons).toContain('overdue_agreements');
    const nextItem = await addCaseItem(handle.db, { meetingId: next, caseId, anonymous: false, plannedMinutes: 15 });
    expect((await getChairItem(handle.db, nextItem)).carriedOver.map((a) => a.description).sort()).toEqual([
      'Huisbezoek',
      'Op tijd naar bed',
    ]);

    // Done as seen in the next meeting: not before the meeting that made the agreement.
    await setAgreementStatus(handle.db, bed, 'done', fixedClock('2026-12-15T09:00:00Z'));
    await postponeAgreement(handle.db, visit, '2026-12-22', clock);
    await expect(postponeAgreement(handle.db, visit, '2026-12-20', clock)).rejects.toBeInstanceOf(AppError);
    await postponeAgreement(handle.db, visit, '2027-01-12', clock);
    const after = (await getCase(handle.db, caseId, clock)).agreements;
    expect(after.find((a) => a.id === visit)).toMatchObject({
      status: 'open',
      dueOn: '2027-01-12',
      originalDueOn: '2026-12-08',
      postponements: 2,
    });
    expect(after.find((a) => a.id === bed)).toMatchObject({ status: 'done', completedOn: '2026-12-15' });
  });

  it('keeps agenda order, refuses to drop an item with notes, and finds notes by search', async () => {
    const a = await pupilCase('2012-01-01', 'Ayoub');
    const b = await pupilCase('2012-01-01', 'Bente');
    const meetingId = await plan('2026-12-01');
    const itemA = await addCaseItem(handle.db, { meetingId, caseId: a, anonymous: false, plannedMinutes: 10 });
    const itemB = await addCaseItem(handle.db, { meetingId, caseId: b, anonymous: false, plannedMinutes: 10 });
    const ids = (await listAgenda(handle.db, meetingId)).map((item) => item.id);
    expect((await listAgenda(handle.db, meetingId)).map((item) => item.title)).toEqual([
      'Opening en mededelingen',
      'Ayoub de Vries',
      'Bente de Vries',
      'Rondvraag',
    ]);
    await reorderAgenda(handle.db, meetingId, [ids[0], itemB, itemA, ids[3]]);
    expect((await listAgenda(handle.db, meetingId)).map((item) => item.title)).toEqual([
      'Opening en mededelingen',
      'Bente de Vries',
      'Ayoub de Vries',
      'Rondvraag',
    ]);
    await expect(reorderAgenda(handle.db, meetingId, [itemA, itemB])).rejects.toMatchObject({ code: 'VALIDATION' });

    await saveItemText(handle.db, itemA, 'notes', 'Schoolmaatschappelijk werk start kindgesprekken.', clock);
    await expect(removeAgendaItem(handle.db, itemA)).rejects.toMatchObject({ code: 'DISCUSSION_HAS_CONTENT' });
    const removed = await removeAgendaItem(handle.db, itemB);
    expect(removed).toMatchObject({ caseId: b, kind: 'case' });

    const hits = await search(handle.db, schoolId, 'kindgesprek');
    expect(hits).toEqual([expect.objectContaining({ kind: 'discussion', caseId: a, title: 'Ayoub de Vries' })]);
    expect((await search(handle.db, schoolId, 'bente'))[0]).toMatchObject({ kind: 'pupil', title: 'Bente de Vries', caseId: b });
    expect(await search(handle.db, schoolId, '" OR * (')).toEqual([]);
  });
});
