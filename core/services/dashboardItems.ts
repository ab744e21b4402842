import { differenceInCalendarDays, endOfWeek, format, parseISO, subDays } from 'date-fns';
import { sql, type Kysely } from 'kysely';
import type { CaseStatus, DB, IsoDate, MeetingStatus, OwnerKind } from '../../db/schema';
import { today, type Clock } from '../clock';
import { AppError } from '../errors';
import { ownerLabel } from '../i18n/ownerLabel';
import { agendaSuggestions } from './agenda';
import { agreementRows } from './agreements';
import { discussionGate } from './consent';
import { nextMeeting } from './meetings';

// The start screen's work list: what needs the IB's attention, each item with
// the ids of the place where it is resolved (case page, chair item, meeting).

/** Cases open longer than this many weeks are listed, unless the caller says otherwise. */
export const DEFAULT_LONG_OPEN_WEEKS = 12;

export interface DashboardOptions {
  /** A case counts as long open from this many weeks after registration (default 12). */
  longOpenWeeks?: number;
}

/** What every case item carries: enough to open the case, or its item on the next agenda. */
export interface CaseLink {
  caseId: number;
  pupilName: string;
  groupName: string;
  status: Exclude<CaseStatus, 'closed'>;
  /** The case's agenda item in the next MDO (chair mode), or null when it is not on that agenda. */
  nextAgendaItemId: number | null;
}

export interface AgendaLine {
  agendaItemId: number;
  position: number;
  kind: 'case' | 'general';
  caseId: number | null;
  title: string;
  plannedMinutes: number;
  anonymous: boolean;
}

export interface NextMeetingItem {
  meetingId: number;
  date: IsoDate;
  startTime: string;
  location: string;
  status: MeetingStatus;
  chairName: string | null;
  agenda: AgendaLine[];
  agendaState: {
    caseItems: number;
    generalItems: number;
    anonymousCaseItems: number;
    plannedMinutes: number;
    /** Cases the agenda suggestions propose that are not on it yet (see agendaSuggestions). */
    suggestedCaseIds: number[];
    /** no_cases: no case on the agenda; suggestions_pending: suggested cases missing; ready: neither. */
    status: 'no_cases' | 'suggestions_pending' | 'ready';
  };
}

export interface AgreementItem {
  agreementId: number;
  caseId: number | null;
  /** The meeting in which the agreement was made. */
  meetingId: number;
  agendaItemId: number | null;
  /** Null for an agreement of a general agenda item. */
  pupilName: string | null;
  description: string;
  dueOn: IsoDate;
  originalDueOn: IsoDate;
  postponements: number;
  /** Calendar days past the due date (0 when due today or later). */
  daysOverdue: number;
  nextAgendaItemId: number | null;
}

export interface OwnerGroup {
  ownerKind: OwnerKind;
  /** Set when the owner is a kernteam member. */
  ownerMemberId: number | null;
  /** As written on screen: a name, or "Ouders" / "Leerling". */
  owner: string;
  agreements: AgreementItem[];
}

export interface EffectItem extends CaseLink {
  firstDiscussedOn: IsoDate;
  effectDueOn: IsoDate;
}

export interface LongOpenItem extends CaseLink {
  registeredOn: IsoDate;
  weeksOpen: number;
}

export interface ConsentItem extends CaseLink {
  /** May the case be discussed by name at the next MDO (or today, without one)? */
  gate: ReturnType<typeof discussionGate>;
}

export interface DashboardItems {
  today: IsoDate;
  /** Sunday of the current week: "this week" runs to and including it. */
  weekEnd: IsoDate;
  longOpenWeeks: number;
  nextMeeting: NextMeetingItem | null;
  agreements: {
    /** Open and past the due date, by owner. */
    overdue: OwnerGroup[];
    /** Open and due from today to the end of the week, by owner. */
    dueThisWeek: OwnerGroup[];
  };
  /** Open cases (registered or active) without an active trekker. */
  casesWithoutLead: CaseLink[];
  /** Two-week effect not yet recorded since the first discussion. */
  effectChecks: { overdue: EffectItem[]; dueThisWeek: EffectItem[] };
  /** Open cases registered at least `longOpenWeeks` weeks ago, longest first. */
  longOpenCases: LongOpenItem[];
  /** Open cases without any recorded consent decision. */
  consentMissing: ConsentItem[];
}

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
      exists(selectFrom('consent').select('consent.id').whereRef('consent.caseId', '=', 'supportCase.id')).as('hasConsent'),
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
  const gateDate = next?.date ?? now;
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
    consentMissing: openCases
      .filter((row) => !row.hasConsent)
      .map((row) => ({
        ...link(row),
        gate: discussionGate({ dateOfBirth: row.dateOfBirth, consent: null, safetyConcernReason: row.safetyConcernReason }, gateDate),
      })),
  };
}
