import { differenceInCalendarDays, endOfWeek, format, parseISO, subDays } from 'date-fns';
import { sql, type Kysely } from 'kysely';
import type { DB, OwnerKind } from '../../db/schema';
import { today, type Clock } from '../clock';
import type { z } from 'zod';
import type {
  agendaLine,
  agreementItem,
  caseLink,
  consentItem,
  dashboardItems,
  effectItem,
  longOpenItem,
  nextMeetingItem,
  ownerGroup,
} from '../contract/entities';
import { AppError } from '../errors';
import { ownerLabel } from '../i18n/ownerLabel';
import { agendaSuggestions } from './agenda';
import { agreementRows } from './agreements';
import { gatesFor } from './consent';
import { gateFields } from './consentGate';
import { nextMeeting } from './meetings';
import { pendingParentCopies } from './participation';

// The start screen's work list: what needs the IB's attention, each item with
// the ids of the place where it is resolved (case page, chair item, meeting).

/** Cases open longer than this many weeks are listed, unless the caller says otherwise. */
export const DEFAULT_LONG_OPEN_WEEKS = 12;

export interface DashboardOptions {
  /** A case counts as long open from this many weeks after registration (default 12). */
  longOpenWeeks?: number;
}

// The shapes come from the IPC contract, the one source for main and renderer.
export type CaseLink = z.infer<typeof caseLink>;
export type AgendaLine = z.infer<typeof agendaLine>;
export type NextMeetingItem = z.infer<typeof nextMeetingItem>;
export type AgreementItem = z.infer<typeof agreementItem>;
export type OwnerGroup = z.infer<typeof ownerGroup>;
export type EffectItem = z.infer<typeof effectItem>;
export type LongOpenItem = z.infer<typeof longOpenItem>;
export type ConsentItem = z.infer<typeof consentItem>;
export type DashboardItems = z.infer<typeof dashboardItems>;

const isoDay = (date: Date) => format(date, 'yyyy-MM-dd');

function groupByOwner(items: (AgreementItem & { ownerKind: OwnerKind; ownerMemberId: number | null; owner: string })[]): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  for (const { ownerKind, ownerMemberId, owner, ...item } of items) {
    const key = `${ownerKind}:${ownerMemberId ?? owner}`;
    if (!groups.has(key)) groups.set(key, { ownerKind, ownerMemberId, owner, agreements: [] });
    groups.get(key)!.agreements.push(item);
  }
  return [...groups.values()].sort((a, b) => a.owner.localeCompare(b.owner, 'nl'));
}

/** Everything on the start screen that asks for action, for one school. */
export async function getDashboardItems(
  db: Kysely<DB>,
  schoolId: number,
  clock: Clock,
  options: DashboardOptions = {},
): Promise<DashboardItems> {
  const longOpenWeeks = options.longOpenWeeks ?? DEFAULT_LONG_OPEN_WEEKS;
  if (!Number.isInteger(longOpenWeeks) || longOpenWeeks < 1) throw new AppError('VALIDATION', 'longOpenWeeks');
  const school = await db.selectFrom('school').select('id').where('id', '=', schoolId).executeTakeFirst();
  if (!school) throw new AppError('NOT_FOUND', 'school');

  const now = today(clock);
  const weekEnd = isoDay(endOfWeek(parseISO(now), { weekStartsOn: 1 }));
  const longOpenFrom = isoDay(subDays(parseISO(now), longOpenWeeks * 7));

  const meeting = await nextMeeting(db, schoolId, clock);
  const onNextAgenda = new Map<number, number>();
  let next: NextMeetingItem | null = null;
  if (meeting) {
    const agenda: AgendaLine[] = meeting.agenda.map((item) => ({
      agendaItemId: item.id,
      position: item.position,
      kind: item.kind,
      caseId: item.caseId,
      title: item.title,
      plannedMinutes: item.plannedMinutes,
      anonymous: item.anonymous,
    }));
    for (const item of agenda) if (item.caseId !== null) onNextAgenda.set(item.caseId, item.agendaItemId);
    const suggestedCaseIds = (await agendaSuggestions(db, meeting.id)).map((suggestion) => suggestion.caseId);
    const caseItems = agenda.filter((item) => item.kind === 'case');
    next = {
      meetingId: meeting.id,
      date: meeting.date,
      startTime: meeting.startTime,
      location: meeting.location,
      status: meeting.status,
      chairName: meeting.chairName,
      agenda,
      agendaState: {
        caseItems: caseItems.length,
        generalItems: agenda.length - caseItems.length,
        anonymousCaseItems: caseItems.filter((item) => item.anonymous).length,
        plannedMinutes: agenda.reduce((sum, item) => sum + item.plannedMinutes, 0),
        suggestedCaseIds,
        status: caseItems.length === 0 ? 'no_cases' : suggestedCaseIds.length ? 'suggestions_pending' : 'ready',
      },
    };
  }
  const nextItem = (caseId: number | null) => (caseId === null ? null : (onNextAgenda.get(caseId) ?? null));

  const agreementList = await agreementRows(db)
    .leftJoin('supportCase', 'supportCase.id', 'agreement.caseId')
    .leftJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select(sql<string | null>`pupil.first_name || ' ' || pupil.last_name`.as('pupilName'))
    .where('agreement.schoolId', '=', schoolId)
    .where('agreement.status', '=', 'open')
    .where('agreement.dueOn', '<=', weekEnd)
    .execute();
  const agreementItems = agreementList.map((row) => ({
    agreementId: row.id,
    caseId: row.caseId,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    pupilName: row.pupilName,
    description: row.description,
    dueOn: row.dueOn,
    originalDueOn: row.originalDueOn,
    postponements: row.postponements,
    daysOverdue: Math.max(0, differenceInCalendarDays(parseISO(now), parseISO(row.dueOn))),
    nextAgendaItemId: nextItem(row.caseId),
    ownerKind: row.ownerKind,
    ownerMemberId: row.ownerMemberId,
    owner: ownerLabel(row),
  }));

  const openCases = await db
    .selectFrom('supportCase')
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select(({ exists, selectFrom }) => [
      'supportCase.id',
      'supportCase.status',
      'supportCase.registeredOn',
      'supportCase.firstDiscussedOn',
      'supportCase.effectDueOn',
      'supportCase.safetyConcernReason',
      sql<string>`pupil.first_name || ' ' || pupil.last_name`.as('pupilName'),
      'pupil.groupName',
      'pupil.dateOfBirth',
      exists(
        selectFrom('caseLead')
          .select('caseLead.id')
          .whereRef('caseLead.caseId', '=', 'supportCase.id')
          .where('caseLead.endedOn', 'is', null),
      ).as('hasLead'),
      // As on the case page: a check on or after the first discussion answers the two-week target.
      exists(
        selectFrom('effectCheck')
          .select('effectCheck.id')
          .whereRef('effectCheck.caseId', '=', 'supportCase.id')
          .whereRef('effectCheck.checkedOn', '>=', 'supportCase.firstDiscussedOn'),
      ).as('effectChecked'),
    ])
    .where('supportCase.schoolId', '=', schoolId)
    .where('supportCase.status', 'in', ['registered', 'active'])
    .orderBy('supportCase.registeredOn')
    .orderBy('supportCase.id')
    .execute();

  const link = (row: (typeof openCases)[number]): CaseLink => ({
    caseId: row.id,
    pupilName: row.pupilName,
    groupName: row.groupName,
    status: row.status as CaseLink['status'],
    nextAgendaItemId: nextItem(row.id),
  });
  // Judged on the next meeting's date (else today): who has to decide depends on the pupil's age then.
  const gateDate = next?.date ?? now;
  const gates = await gatesFor(
    db,
    openCases.map((row) => ({ id: row.id, dateOfBirth: row.dateOfBirth, safetyConcernReason: row.safetyConcernReason })),
    gateDate,
  );
  const effectItems = openCases
    .filter((row) => row.effectDueOn !== null && row.firstDiscussedOn !== null && !row.effectChecked)
    .map((row) => ({ ...link(row), firstDiscussedOn: row.firstDiscussedOn!, effectDueOn: row.effectDueOn! }))
    .sort((a, b) => a.effectDueOn.localeCompare(b.effectDueOn) || a.caseId - b.caseId);

  return {
    today: now,
    weekEnd,
    longOpenWeeks,
    nextMeeting: next,
    agreements: {
      overdue: groupByOwner(agreementItems.filter((item) => item.dueOn < now)),
      dueThisWeek: groupByOwner(agreementItems.filter((item) => item.dueOn >= now)),
    },
    casesWithoutLead: openCases.filter((row) => !row.hasLead).map(link),
    effectChecks: {
      overdue: effectItems.filter((item) => item.effectDueOn < now),
      dueThisWeek: effectItems.filter((item) => item.effectDueOn >= now && item.effectDueOn <= weekEnd),
    },
    longOpenCases: openCases
      .filter((row) => row.registeredOn <= longOpenFrom)
      .map((row) => ({
        ...link(row),
        registeredOn: row.registeredOn,
        weeksOpen: Math.floor(differenceInCalendarDays(parseISO(now), parseISO(row.registeredOn)) / 7),
      })),
    // A party that has to decide and has not yet; a refusal is a decision, not a missing one.
    consentMissing: openCases
      .filter((row) => gates.get(row.id)!.missing.length > 0)
      .map((row) => ({ ...link(row), ...gateFields(gates.get(row.id)!) })),
    parentCopies: await pendingParentCopies(db, schoolId),
  };
}
