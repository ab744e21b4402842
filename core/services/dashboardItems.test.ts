import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { fixedClock } from '../clock';
import { generateDemo } from '../demo/generateDemo';
import { buildMonitoringFixture, fixtureClock, fullScans, queryPlans, type MonitoringFixture } from '../monitoring/fixture.test-helper';
import { getDashboardItems } from './dashboardItems';

// School A of the monitoring fixture (see the table in fixture.test-helper.ts),
// on Wednesday 2026-11-25; the week ends on Sunday 2026-11-29.
describe('dashboard items', () => {
  let f: MonitoringFixture;
  beforeAll(async () => {
    f = await buildMonitoringFixture();
  });
  afterAll(async () => {
    await f.close();
  });

  it('shows the next MDO (not a cancelled or stale one) with its agenda and what is missing from it', async () => {
    const items = await getDashboardItems(f.db, f.school.a, fixtureClock);
    expect(items).toMatchObject({ today: '2026-11-25', weekEnd: '2026-11-29', longOpenWeeks: 12 });
    expect(items.nextMeeting).toMatchObject({ meetingId: f.meeting.MA5, date: '2026-12-01', status: 'planned' });
    expect(items.nextMeeting!.agenda.map((item) => [item.agendaItemId, item.kind, item.caseId, item.anonymous])).toEqual([
      [f.nextItem.opening, 'general', null, false],
      [f.nextItem.C3, 'case', f.cases.C3, false],
      [f.nextItem.C5, 'case', f.cases.C5, true],
      [f.nextItem.C13, 'case', f.cases.C13, false],
      [f.nextItem.roundup, 'general', null, false],
    ]);
    // Suggested but not on the agenda: C6 (overdue A7) and C7 (A14 due before the MDO, effect check due).
    expect(items.nextMeeting!.agendaState).toEqual({
      caseItems: 3,
      generalItems: 2,
      anonymousCaseItems: 1,
      plannedMinutes: 50,
      suggestedCaseIds: [f.cases.C6, f.cases.C7].sort((a, b) => a - b),
      status: 'suggestions_pending',
    });
  });

  it('groups overdue agreements and those due this week by owner, with the ids to resolve them', async () => {
    const { agreements } = await getDashboardItems(f.db, f.school.a, fixtureClock);
    const brief = (groups: typeof agreements.overdue) =>
      groups.map((group) => ({
        owner: group.owner,
        ownerKind: group.ownerKind,
        ownerMemberId: group.ownerMemberId,
        agreements: group.agreements.map((a) => [a.agreementId, a.caseId, a.meetingId, a.dueOn, a.daysOverdue, a.nextAgendaItemId]),
      }));
    // A7 (C6, due 06-30) and A16 (C3, due 11-24, postponed once); A13 of school C is not shown.
    expect(brief(agreements.overdue)).toEqual([
      {
        owner: 'Anna Bakker',
        ownerKind: 'member',
        ownerMemberId: f.member.m1,
        agreements: [[f.agreement.A7, f.cases.C6, f.meeting.MA3, '2026-06-30', 148, null]],
      },
      {
        owner: 'Bram de Wit',
        ownerKind: 'member',
        ownerMemberId: f.member.m2,
        agreements: [[f.agreement.A16, f.cases.C3, f.meeting.MA4, '2026-11-24', 1, f.nextItem.C3]],
      },
    ]);
    expect(agreements.overdue[1].agreements[0]).toMatchObject({
      originalDueOn: '2026-11-10',
      postponements: 1,
      pupilName: 'KindC3 Fixture',
    });
    // A15 due today and A14 on Friday; A17 (Monday) and A8 (December) are later.
    expect(brief(agreements.dueThisWeek)).toEqual([
      {
        owner: 'Bram de Wit',
        ownerKind: 'member',
        ownerMemberId: f.member.m2,
        agreements: [[f.agreement.A14, f.cases.C7, f.meeting.MA4, '2026-11-27', 0, null]],
      },
      {
        owner: 'Ouders',
        ownerKind: 'parents',
        ownerMemberId: null,
        agreements: [[f.agreement.A15, f.cases.C13, f.meeting.MA7, '2026-11-25', 0, f.nextItem.C13]],
      },
    ]);
  });

  it('lists open cases without a trekker and two-week effects that are due or overdue', async () => {
    const items = await getDashboardItems(f.db, f.school.a, fixtureClock);
    expect(items.casesWithoutLead).toEqual([
      { caseId: f.cases.C5, pupilName: 'KindC5 Fixture', groupName: 'Groep 6', status: 'registered', nextAgendaItemId: f.nextItem.C5 },
      { caseId: f.cases.C6, pupilName: 'KindC6 Fixture', groupName: 'Groep 6', status: 'active', nextAgendaItemId: null },
    ]);
    const effect = (list: typeof items.effectChecks.overdue) =>
      list.map((item) => [item.caseId, item.firstDiscussedOn, item.effectDueOn, item.nextAgendaItemId]);
    expect(effect(items.effectChecks.overdue)).toEqual([
      [f.cases.C6, '2026-06-16', '2026-06-30', null],
      [f.cases.C7, '2026-09-01', '2026-09-15', null],
    ]);
    expect(effect(items.effectChecks.dueThisWeek)).toEqual([[f.cases.C13, '2026-11-12', '2026-11-26', f.nextItem.C13]]);
  });

  it('lists cases open longer than the chosen number of weeks, longest first', async () => {
    const weeks = async (longOpenWeeks?: number) =>
      (await getDashboardItems(f.db, f.school.a, fixtureClock, { longOpenWeeks })).longOpenCases.map((item) => [
        item.caseId,
        item.registeredOn,
        item.weeksOpen,
      ]);
    const all = [
      [f.cases.C12, '2025-10-01', 60],
      [f.cases.C2, '2026-01-15', 44],
      [f.cases.C3, '2026-02-20', 39],
      [f.cases.C5, '2026-04-10', 32],
      [f.cases.C6, '2026-05-05', 29],
      [f.cases.C7, '2026-07-10', 19],
    ];
    expect(await weeks()).toEqual(all); // 12 weeks: C13 (3 weeks) is not listed
    expect(await weeks(20)).toEqual(all.slice(0, 5));
    expect(await weeks(19)).toEqual(all); // exactly 19 weeks and 5 days: listed
    await expect(getDashboardItems(f.db, f.school.a, fixtureClock, { longOpenWeeks: 0 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('lists open cases without recorded consent, with what that means for the next MDO', async () => {
    const items = await getDashboardItems(f.db, f.school.a, fixtureClock);
    // C5 (11 years old) waits for the parents; C7 (17) for the pupil, who decides alone from 16 (since 0.3).
    // C12's consent was withdrawn: that is a decision, not a missing one.
    expect(items.consentMissing.map((item) => [item.caseId, item.gate, item.nextAgendaItemId, item.gateDetail.missing])).toEqual([
      [f.cases.C5, 'needs_consent', f.nextItem.C5, [{ kind: 'parentsWithAuthority' }]],
      [f.cases.C7, 'needs_consent', null, [{ kind: 'pupil' }]],
    ]);
  });

  it('shows another school only its own items, and refuses an unknown school', async () => {
    const items = await getDashboardItems(f.db, f.school.b, fixtureClock);
    expect(items.nextMeeting).toBeNull();
    expect(items.agreements).toEqual({ overdue: [], dueThisWeek: [] });
    expect(items.casesWithoutLead).toEqual([]);
    expect(items.longOpenCases.map((item) => item.caseId)).toEqual([f.cases.C8, f.cases.C9]);
    await expect(getDashboardItems(f.db, 9999, fixtureClock)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('searches indexes: no query reads a whole table', async () => {
    const plans = await queryPlans(f.handle, (db) => getDashboardItems(db, f.school.a, fixtureClock));
    for (const { sql, plan } of plans) expect(fullScans(plan), `${sql}\n${plan.join('\n')}`).toEqual([]);
  });

  it('works on the demo school: something to do, and every item links to a case of that school', async () => {
    const temp = tempDir();
    const handle = await openDatabase(temp.file('demo.db'), { create: true });
    try {
      const clock = fixedClock('2026-11-25T09:00:00Z');
      await generateDemo(handle.db, { scale: 'small', clock });
      const { id: schoolId } = await handle.db.selectFrom('school').select('id').executeTakeFirstOrThrow();
      const items = await getDashboardItems(handle.db, schoolId, clock);
      expect(items.nextMeeting?.agendaState.caseItems).toBeGreaterThan(0);
      expect(items.agreements.overdue.length).toBeGreaterThan(0);
      // The demo keeps one case waiting for consent.
      expect(items.consentMissing.length).toBeGreaterThan(0);
      const caseIds = new Set(
        (
          await handle.db.selectFrom('supportCase').select('id').where('schoolId', '=', schoolId).where('status', '!=', 'closed').execute()
        ).map((row) => row.id),
      );
      const linked = [
        ...items.casesWithoutLead,
        ...items.effectChecks.overdue,
        ...items.effectChecks.dueThisWeek,
        ...items.longOpenCases,
        ...items.consentMissing,
      ];
      for (const item of linked) expect(caseIds.has(item.caseId)).toBe(true);
    } finally {
      await handle.close();
      temp.remove();
    }
  });
});
