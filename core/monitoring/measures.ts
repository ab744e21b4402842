import { addBusinessDays, differenceInYears, formatISO, parseISO } from 'date-fns';
import { sql, type Kysely, type QueryCreator } from 'kysely';
import type { DB, IsoDate, TagKind } from '../../db/schema';
import { today, type Clock } from '../clock';
import { AppError } from '../errors';
import { EFFECT_TARGET_DAYS } from '../services/discussions';

// The raw numbers of the monitoring report for the stuurgroep, for a period
// and a set of schools taken together. Only counts (also per number of days)
// and a median leave these functions: never an id, a name or a date of birth.
// Small counts are suppressed later, in report.ts; these are the exact figures.

export interface MonitoringPeriod {
  /** First day, 'YYYY-MM-DD', inclusive. */
  from: IsoDate;
  /** Last day, 'YYYY-MM-DD', inclusive. */
  to: IsoDate;
  schoolIds: readonly number[];
}

/** The theme code of "Verzuim / thuiszitten" in every school's default list. */
export const ABSENCE_THEME_CODE = 'absence';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses a period that the queries would silently misread. */
export function assertPeriod(period: MonitoringPeriod): void {
  if (!ISO_DATE.test(period.from) || !ISO_DATE.test(period.to)) throw new AppError('VALIDATION', 'period dates must be YYYY-MM-DD');
  if (period.from > period.to) throw new AppError('VALIDATION', 'period ends before it starts');
  if (period.schoolIds.length === 0) throw new AppError('VALIDATION', 'no schools');
}

const count = (value: string | number | bigint | null | undefined) => Number(value ?? 0);
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

export interface CaseCounts {
  /** Registered (aangemeld) within the period. */
  newCases: number;
  /** Open at some moment of the period: registered on or before its end, not closed before its start. Includes the new ones. */
  activeCases: number;
  /** Closed within the period. */
  closedCases: number;
}

/**
 * New, active and closed cases. With a theme code, only cases with that theme
 * (verzuim: `ABSENCE_THEME_CODE`).
 */
export async function caseCounts(db: Kysely<DB>, period: MonitoringPeriod, options: { themeCode?: string } = {}): Promise<CaseCounts> {
  assertPeriod(period);
  let query = db
    .selectFrom('supportCase')
    .select((eb) => [
      eb.fn.countAll().filterWhere('supportCase.registeredOn', '>=', period.from).as('newCases'),
      eb.fn.countAll().as('activeCases'),
      eb.fn.countAll().filterWhere('supportCase.closedOn', '<=', period.to).as('closedCases'),
    ])
    .where('supportCase.schoolId', 'in', [...period.schoolIds])
    .where('supportCase.registeredOn', '<=', period.to)
    .where((eb) => eb.or([eb('supportCase.closedOn', 'is', null), eb('supportCase.closedOn', '>=', period.from)]));
  if (options.themeCode !== undefined) {
    const themeCode = options.themeCode;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('caseTheme')
          .innerJoin('theme', 'theme.id', 'caseTheme.themeId')
          .select('caseTheme.caseId')
          .whereRef('caseTheme.caseId', '=', 'supportCase.id')
          .where('theme.code', '=', themeCode),
      ),
    );
  }
  const row = await query.executeTakeFirstOrThrow();
  return { newCases: count(row.newCases), activeCases: count(row.activeCases), closedCases: count(row.closedCases) };
}

export interface LeadCoverage {
  /** The day the open cases are counted: the end of the period, or today if that is earlier. */
  asOf: IsoDate;
  openCases: number;
  /** Open cases with an active trekker on that day. */
  withLead: number;
  /** withLead / openCases, or null without open cases. */
  share: number | null;
}

/**
 * Share of open cases with a trekker, on the last day of the period (or today
 * when the period runs on): read from the trekker history, so a past period
 * shows how it was then, not how it is now.
 */
export async function leadCoverage(db: Kysely<DB>, period: MonitoringPeriod, clock: Clock): Promise<LeadCoverage> {
  assertPeriod(period);
  const asOf = minDate(period.to, today(clock));
  const row = await db
    .selectFrom('supportCase')
    .select((eb) => [
      eb.fn.countAll().as('openCases'),
      eb.fn
        .countAll()
        .filterWhere(({ exists, selectFrom }) =>
          exists(
            selectFrom('caseLead')
              .select('caseLead.id')
              .whereRef('caseLead.caseId', '=', 'supportCase.id')
              .where('caseLead.startedOn', '<=', asOf)
              .where((inner) => inner.or([inner('caseLead.endedOn', 'is', null), inner('caseLead.endedOn', '>', asOf)])),
          ),
        )
        .as('withLead'),
    ])
    .where('supportCase.schoolId', 'in', [...period.schoolIds])
    .where('supportCase.registeredOn', '<=', asOf)
    .where((eb) => eb.or([eb('supportCase.closedOn', 'is', null), eb('supportCase.closedOn', '>', asOf)]))
    .executeTakeFirstOrThrow();
  const openCases = count(row.openCases);
  const withLead = count(row.withLead);
  return { asOf, openCases, withLead, share: openCases ? withLead / openCases : null };
}

/** Cases first discussed within the period: the cohort of the effect and lead-time measures. */
function firstDiscussedIn(db: QueryCreator<DB>, period: MonitoringPeriod) {
  return db
    .selectFrom('supportCase')
    .where('supportCase.schoolId', 'in', [...period.schoolIds])
    .where('supportCase.firstDiscussedOn', '>=', period.from)
    .where('supportCase.firstDiscussedOn', '<=', period.to);
}

export interface EffectOutcome {
  /** Cases first discussed within the period. */
  cases: number;
  yes: number;
  partly: number;
  no: number;
  /** No effect check recorded since the first discussion. */
  unchecked: number;
  /** Of the checked ones: recorded no later than 14 days after the first discussion. */
  withinTarget: number;
}

/**
 * The two-week effect of the cases first discussed in the period: the result
 * of the first effect check on or after the first discussion (ja / deels /
 * nee), and whether it was recorded within 14 days.
 */
export async function effectOutcome(db: Kysely<DB>, period: MonitoringPeriod): Promise<EffectOutcome> {
  assertPeriod(period);
  const row = await db
    // Materialized: otherwise SQLite inlines the cohort and runs each check subquery once per aggregate.
    .with(
      (cte) => cte('cohort').materialized(),
      (qc) =>
        firstDiscussedIn(qc, period).select((eb) => {
          const firstCheck = () =>
            eb
              .selectFrom('effectCheck')
              .whereRef('effectCheck.caseId', '=', 'supportCase.id')
              .whereRef('effectCheck.checkedOn', '>=', 'supportCase.firstDiscussedOn')
              .orderBy('effectCheck.checkedOn')
              .orderBy('effectCheck.id')
              .limit(1);
          return [
            sql<string>`date(support_case.first_discussed_on, ${`+${EFFECT_TARGET_DAYS} days`})`.as('targetOn'),
            firstCheck().select('effectCheck.result').as('result'),
            firstCheck().select('effectCheck.checkedOn').as('checkedOn'),
          ];
        }),
    )
    .selectFrom('cohort')
    .select((eb) => [
      eb.fn.countAll().as('cases'),
      eb.fn.countAll().filterWhere('cohort.result', '=', 'yes').as('yes'),
      eb.fn.countAll().filterWhere('cohort.result', '=', 'partly').as('partly'),
      eb.fn.countAll().filterWhere('cohort.result', '=', 'no').as('no'),
      eb.fn.countAll().filterWhere('cohort.result', 'is', null).as('unchecked'),
      eb.fn.countAll().filterWhereRef('cohort.checkedOn', '<=', 'cohort.targetOn').as('withinTarget'),
    ])
    .executeTakeFirstOrThrow();
  return {
    cases: count(row.cases),
    yes: count(row.yes),
    partly: count(row.partly),
    no: count(row.no),
    unchecked: count(row.unchecked),
    withinTarget: count(row.withinTarget),
  };
}

/** The middle value (the mean of the two middle values for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** How many cases waited a given number of whole days. */
export interface DaysCount {
  days: number;
  cases: number;
}

/**
 * The median of values given as a distribution (value → how often), the same
 * number `median` gives over the values written out: a region adds schools'
 * distributions and takes the median once, never a median of medians.
 */
export function medianOfDistribution(distribution: readonly DaysCount[]): number | null {
  const sorted = [...distribution].filter((entry) => entry.cases > 0).sort((a, b) => a.days - b.days);
  const total = sorted.reduce((sum, entry) => sum + entry.cases, 0);
  if (total === 0) return null;
  // The value at a 0-based rank in the sorted list of all values.
  const at = (rank: number) => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.cases;
      if (rank < seen) return entry.days;
    }
    throw new Error('rank beyond the distribution');
  };
  const middle = Math.floor(total / 2);
  return total % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

export interface LeadTime {
  /** Cases first discussed within the period (the same cohort as the effect measure). */
  cases: number;
  /** Median calendar days from registration (aanmelding) to first discussion. */
  medianDays: number | null;
}

/**
 * Cases first discussed in the period by whole calendar days from
 * registration to first discussion, fewest days first: the distribution the
 * median comes from, and what a school sends its region.
 */
export async function leadTimeDistribution(db: Kysely<DB>, period: MonitoringPeriod): Promise<DaysCount[]> {
  assertPeriod(period);
  const days = sql<number>`cast(round(julianday(support_case.first_discussed_on) - julianday(support_case.registered_on)) as integer)`;
  const rows = await firstDiscussedIn(db, period)
    .select((eb) => [days.as('days'), eb.fn.countAll().as('cases')])
    .groupBy(days)
    .orderBy(days)
    .execute();
  return rows.map((row) => ({ days: Number(row.days), cases: count(row.cases) }));
}

/** How long a new case waits for its first discussion: the median over the cases first discussed in the period. */
export async function registrationToDiscussion(db: Kysely<DB>, period: MonitoringPeriod): Promise<LeadTime> {
  return leadTimeOf(await leadTimeDistribution(db, period));
}

/** The lead-time measure from its distribution (one school's, or a region's summed). */
export function leadTimeOf(distribution: readonly DaysCount[]): LeadTime {
  return { cases: distribution.reduce((sum, entry) => sum + entry.cases, 0), medianDays: medianOfDistribution(distribution) };
}

export interface AgreementOutcome {
  /** Agreements made in meetings held within the period. The six groups below add up to it. */
  agreements: number;
  /** Done by the due date, never postponed. */
  doneOnTime: number;
  /** Done after the due date, never postponed. */
  doneLate: number;
  /** Postponed at least once, whatever happened after. */
  postponed: number;
  /** Marked not done, never postponed. */
  notDone: number;
  /** Still open and not yet due today, never postponed. */
  openNotDue: number;
  /** Still open and past the due date today, never postponed. */
  openOverdue: number;
  /** All postponements of these agreements together. */
  postponements: number;
  postponedMoreThanOnce: number;
}

/**
 * What became of the agreements made in the period. Postponing sets a later
 * due date and counts up `agreement.postponements`, so due_on is the latest
 * due date and original_due_on the first. Open agreements are judged today.
 */
export async function agreementOutcome(db: Kysely<DB>, period: MonitoringPeriod, clock: Clock): Promise<AgreementOutcome> {
  assertPeriod(period);
  const now = today(clock);
  const row = await db
    .selectFrom('meeting')
    .innerJoin('agreement', 'agreement.meetingId', 'meeting.id')
    .select((eb) => {
      const never = (status: 'open' | 'done' | 'not_done') =>
        eb.fn.countAll().filterWhere((f) => f.and([f('agreement.postponements', '=', 0), f('agreement.status', '=', status)]));
      return [
        eb.fn.countAll().as('agreements'),
        never('done')
          .filterWhere(sql<boolean>`coalesce(agreement.completed_on, agreement.due_on) <= agreement.due_on`)
          .as('doneOnTime'),
        never('done').filterWhereRef('agreement.completedOn', '>', 'agreement.dueOn').as('doneLate'),
        eb.fn.countAll().filterWhere('agreement.postponements', '>', 0).as('postponed'),
        never('not_done').as('notDone'),
        never('open').filterWhere('agreement.dueOn', '>=', now).as('openNotDue'),
        never('open').filterWhere('agreement.dueOn', '<', now).as('openOverdue'),
        eb.fn.coalesce(eb.fn.sum<number>('agreement.postponements'), sql<number>`0`).as('postponements'),
        eb.fn.countAll().filterWhere('agreement.postponements', '>', 1).as('postponedMoreThanOnce'),
      ];
    })
    .where('meeting.schoolId', 'in', [...period.schoolIds])
    .where('meeting.date', '>=', period.from)
    .where('meeting.date', '<=', period.to)
    .executeTakeFirstOrThrow();
  return {
    agreements: count(row.agreements),
    doneOnTime: count(row.doneOnTime),
    doneLate: count(row.doneLate),
    postponed: count(row.postponed),
    notDone: count(row.notDone),
    openNotDue: count(row.openNotDue),
    openOverdue: count(row.openOverdue),
    postponements: count(row.postponements),
    postponedMoreThanOnce: count(row.postponedMoreThanOnce),
  };
}

export interface LeadChanges {
  /** Hand-overs: a trekker period that started the day the previous one of the same case ended. */
  changes: number;
  /** Cases with at least one hand-over. */
  cases: number;
}

/**
 * Trekker changes within the period. The first trekker of a case is not a
 * change, nor is a new trekker after a closed case was reopened (the old
 * period ended when the case closed, not when the new one started).
 */
export async function leadChanges(db: Kysely<DB>, period: MonitoringPeriod): Promise<LeadChanges> {
  assertPeriod(period);
  const row = await db
    .selectFrom('supportCase')
    .innerJoin('caseLead', 'caseLead.caseId', 'supportCase.id')
    .select((eb) => [eb.fn.countAll().as('changes'), eb.fn.count('caseLead.caseId').distinct().as('cases')])
    .where('supportCase.schoolId', 'in', [...period.schoolIds])
    .where('caseLead.startedOn', '>=', period.from)
    .where('caseLead.startedOn', '<=', period.to)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('caseLead as previous')
          .select('previous.id')
          .whereRef('previous.caseId', '=', 'caseLead.caseId')
          .whereRef('previous.endedOn', '=', 'caseLead.startedOn')
          .whereRef('previous.id', '!=', 'caseLead.id'),
      ),
    )
    .executeTakeFirstOrThrow();
  return { changes: count(row.changes), cases: count(row.cases) };
}

/** Column key for cases without any theme. */
export const NO_THEME = '';

export interface TagThemeRow {
  kind: TagKind;
  name: string;
  category: string;
  /** Cases for which the tag was recorded in a discussion within the period. */
  cases: number;
  /** The same per case theme (theme name, or NO_THEME); a case with two themes counts under both. */
  byTheme: Record<string, number>;
}

export interface TagsByTheme {
  /** Theme names that occur, in Dutch alphabetical order; NO_THEME last. */
  themes: string[];
  /** Success factors first, then obstacles; each by number of cases, then name. */
  rows: TagThemeRow[];
}

/**
 * Success factors and obstacles recorded in discussions of meetings within
 * the period, counted in cases, per case theme. Tags and themes are matched
 * by name across schools (every school has its own copy of the lists).
 */
export async function tagsByTheme(db: Kysely<DB>, period: MonitoringPeriod): Promise<TagsByTheme> {
  assertPeriod(period);
  const tagged = () =>
    db
      .selectFrom('meeting')
      // Through the agenda item: case_discussion has no index on meeting_id.
      .innerJoin('agendaItem', 'agendaItem.meetingId', 'meeting.id')
      .innerJoin('caseDiscussion', 'caseDiscussion.agendaItemId', 'agendaItem.id')
      .innerJoin('discussionTag', 'discussionTag.discussionId', 'caseDiscussion.id')
      .innerJoin('tag', 'tag.id', 'discussionTag.tagId')
      .where('meeting.schoolId', 'in', [...period.schoolIds])
      .where('meeting.date', '>=', period.from)
      .where('meeting.date', '<=', period.to)
      .groupBy(['tag.kind', 'tag.name']);
  const totals = await tagged()
    .select((eb) => [
      'tag.kind',
      'tag.name',
      eb.fn.min('tag.category').as('category'),
      eb.fn.count('caseDiscussion.caseId').distinct().as('cases'),
    ])
    .execute();
  const cells = await tagged()
    .leftJoin('caseTheme', 'caseTheme.caseId', 'caseDiscussion.caseId')
    .leftJoin('theme', 'theme.id', 'caseTheme.themeId')
    .groupBy('theme.name')
    .select((eb) => ['tag.kind', 'tag.name', 'theme.name as theme', eb.fn.count('caseDiscussion.caseId').distinct().as('cases')])
    .execute();

  const key = (kind: TagKind, name: string) => `${kind}\u0000${name}`;
  const byTag = new Map<string, Map<string, number>>();
  for (const cell of cells) {
    if (!byTag.has(key(cell.kind, cell.name))) byTag.set(key(cell.kind, cell.name), new Map());
    byTag.get(key(cell.kind, cell.name))!.set(cell.theme ?? NO_THEME, count(cell.cases));
  }
  const themeList = themeOrder(cells.map((cell) => cell.theme ?? NO_THEME));
  return {
    themes: themeList,
    rows: totals
      .map((total) => ({
        kind: total.kind,
        name: total.name,
        category: total.category,
        cases: count(total.cases),
        byTheme: Object.fromEntries(themeList.map((theme) => [theme, byTag.get(key(total.kind, total.name))?.get(theme) ?? 0])),
      }))
      .sort(compareTagRows),
  };
}

/** The theme columns: each name once, in Dutch alphabetical order, NO_THEME last. */
export function themeOrder(themes: Iterable<string>): string[] {
  const unique = new Set(themes);
  const list = [...unique].filter((theme) => theme !== NO_THEME).sort((a, b) => a.localeCompare(b, 'nl'));
  if (unique.has(NO_THEME)) list.push(NO_THEME);
  return list;
}

const KIND_ORDER: readonly TagKind[] = ['success_factor', 'obstacle'];

/** Success factors first, then obstacles; each by number of cases, then name (Dutch order). */
export function compareTagRows(a: Pick<TagThemeRow, 'kind' | 'name' | 'cases'>, b: Pick<TagThemeRow, 'kind' | 'name' | 'cases'>): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.cases - a.cases || a.name.localeCompare(b.name, 'nl');
}

/** Working days an ouderversie may take to reach parents who were not at the discussion (Monday to Friday). */
export const PARENT_COPY_TARGET_SCHOOL_DAYS = 5;

/** The age from which the pupil's own view is expected (the pupil decides on consent with the parents from 12). */
export const PUPIL_VIEW_AGE = 12;

export interface FirstDiscussions {
  /** Cases first discussed within the period (the cohort of the effect measure). */
  cases: number;
  /** Whether the parents were at that first discussion: the four add up to `cases`. */
  parentsPresent: number;
  parentsInvitedAbsent: number;
  parentsNotInvited: number;
  /** Not recorded (or no discussion of that day found). */
  parentsUnrecorded: number;
  /** The pupil's own view recorded at the first discussion. */
  pupilView: number;
  /** Of the cohort: the pupil 12 or older on the day of the first discussion. */
  from12: number;
  /** Of those: the pupil's own view recorded. */
  from12PupilView: number;
}

export interface ConsentRefusals {
  /** Cases with a decision "geweigerd" or "ingetrokken" recorded within the period, by any party. */
  cases: number;
  /** Of those, by a parent or carer; by the pupil. A case can count in both. */
  byParents: number;
  byPupil: number;
}

export interface ParentCopies {
  /** Discussions in meetings within the period where the parents were not there (or it was not recorded). The three add up to it. */
  discussions: number;
  /** The ouderversie sent no later than 5 school days after the meeting. */
  withinTarget: number;
  /** Sent later. */
  late: number;
  /** Not sent (as of today). */
  notSent: number;
}

/** With parents and pupil: who took part in the first discussion, the pupil's view, refused consent, the ouderversie. */
export interface PartyMeasures {
  firstDiscussions: FirstDiscussions;
  consentRefusals: ConsentRefusals;
  parentCopies: ParentCopies;
}

/**
 * Who took part in each case's first discussion in the period: the parents
 * (ja / uitgenodigd maar niet gekomen / niet uitgenodigd / niet vastgelegd)
 * and whether the pupil's own view was recorded, overall and for pupils of
 * 12 or older on that day. The first discussion is the case's discussion in
 * a meeting of its own school on its first-discussion day.
 */
export async function firstDiscussions(db: Kysely<DB>, period: MonitoringPeriod): Promise<FirstDiscussions> {
  assertPeriod(period);
  const rows = await firstDiscussedIn(db, period)
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select((eb) => {
      const first = () =>
        eb
          .selectFrom('caseDiscussion')
          .innerJoin('meeting', 'meeting.id', 'caseDiscussion.meetingId')
          .whereRef('caseDiscussion.caseId', '=', 'supportCase.id')
          .whereRef('meeting.date', '=', 'supportCase.firstDiscussedOn')
          .whereRef('meeting.schoolId', '=', 'supportCase.schoolId')
          .orderBy('caseDiscussion.id')
          .limit(1);
      return [
        'supportCase.firstDiscussedOn as on',
        'pupil.dateOfBirth',
        first().select('caseDiscussion.parentsPresent').as('parentsPresent'),
        first()
          .select(sql<number>`trim(case_discussion.pupil_view) != ''`.as('viewed'))
          .as('pupilView'),
      ];
    })
    .execute();
  const result: FirstDiscussions = {
    cases: rows.length,
    parentsPresent: 0,
    parentsInvitedAbsent: 0,
    parentsNotInvited: 0,
    parentsUnrecorded: 0,
    pupilView: 0,
    from12: 0,
    from12PupilView: 0,
  };
  for (const row of rows) {
    if (row.parentsPresent === 'yes') result.parentsPresent++;
    else if (row.parentsPresent === 'invited_absent') result.parentsInvitedAbsent++;
    else if (row.parentsPresent === 'not_invited') result.parentsNotInvited++;
    else result.parentsUnrecorded++;
    const viewed = Number(row.pupilView ?? 0) === 1;
    // Full years on the day, as the consent rules count them.
    const from12 = differenceInYears(parseISO(row.on!), parseISO(row.dateOfBirth)) >= PUPIL_VIEW_AGE;
    if (viewed) result.pupilView++;
    if (from12) result.from12++;
    if (from12 && viewed) result.from12PupilView++;
  }
  return result;
}

/** Cases with consent refused or withdrawn (a decision recorded within the period), by any party, and by whom. */
export async function consentRefusals(db: Kysely<DB>, period: MonitoringPeriod): Promise<ConsentRefusals> {
  assertPeriod(period);
  const row = await db
    .selectFrom('supportCase')
    .innerJoin('consent', 'consent.caseId', 'supportCase.id')
    .select((eb) => [
      eb.fn.count('consent.caseId').distinct().as('cases'),
      sql<number>`count(DISTINCT CASE WHEN consent.party = 'parent' THEN consent.case_id END)`.as('byParents'),
      sql<number>`count(DISTINCT CASE WHEN consent.party = 'pupil' THEN consent.case_id END)`.as('byPupil'),
    ])
    .where('supportCase.schoolId', 'in', [...period.schoolIds])
    .where('consent.status', 'in', ['refused', 'withdrawn'])
    .where('consent.recordedOn', '>=', period.from)
    .where('consent.recordedOn', '<=', period.to)
    .executeTakeFirstOrThrow();
  return { cases: count(row.cases), byParents: count(row.byParents), byPupil: count(row.byPupil) };
}

/** The last day an ouderversie of a meeting on `date` is on time: 5 school days (Monday to Friday) later. */
export function parentCopyDueOn(date: IsoDate): IsoDate {
  return formatISO(addBusinessDays(parseISO(date), PARENT_COPY_TARGET_SCHOOL_DAYS), { representation: 'date' });
}

/**
 * The parents' right to information: of the discussions in meetings within
 * the period where the parents were recorded as not there (uitgenodigd maar
 * niet gekomen, niet uitgenodigd), by name, whether the ouderversie was sent within
 * 5 school days, later, or not (yet).
 */
export async function parentCopies(db: Kysely<DB>, period: MonitoringPeriod): Promise<ParentCopies> {
  assertPeriod(period);
  const rows = await db
    .selectFrom('meeting')
    // Through the agenda item: case_discussion has no index on meeting_id.
    .innerJoin('agendaItem', 'agendaItem.meetingId', 'meeting.id')
    .innerJoin('caseDiscussion', 'caseDiscussion.agendaItemId', 'agendaItem.id')
    .select(['meeting.date', 'caseDiscussion.parentCopySentOn'])
    .where('meeting.schoolId', 'in', [...period.schoolIds])
    .where('meeting.date', '>=', period.from)
    .where('meeting.date', '<=', period.to)
    // Recorded as not there; an unrecorded discussion (one from before 0.3, say) is not held against the school.
    .where('caseDiscussion.parentsPresent', 'in', ['invited_absent', 'not_invited'])
    // Anonymous discussions are left out, as on the closing page: there is no pupil to write to.
    .where('caseDiscussion.discussedByName', '=', 1)
    .execute();
  const result: ParentCopies = { discussions: rows.length, withinTarget: 0, late: 0, notSent: 0 };
  for (const row of rows) {
    if (row.parentCopySentOn === null) result.notSent++;
    else if (row.parentCopySentOn <= parentCopyDueOn(row.date)) result.withinTarget++;
    else result.late++;
  }
  return result;
}

/** The measures with parents and pupil for one period and set of schools. */
export async function partyMeasures(db: Kysely<DB>, period: MonitoringPeriod): Promise<PartyMeasures> {
  return {
    firstDiscussions: await firstDiscussions(db, period),
    consentRefusals: await consentRefusals(db, period),
    parentCopies: await parentCopies(db, period),
  };
}

export interface MonitoringMeasures {
  period: { from: IsoDate; to: IsoDate };
  schools: { id: number; name: string }[];
  generatedOn: IsoDate;
  cases: CaseCounts;
  leadCoverage: LeadCoverage;
  effect: EffectOutcome;
  leadTime: LeadTime;
  agreements: AgreementOutcome;
  leadChanges: LeadChanges;
  /** Cases with the theme verzuim / thuiszitten. */
  absence: CaseCounts;
  tags: TagsByTheme;
  /** With parents and pupil; null when none of the schools delivered them (a region's contributions of format version 1). */
  parties: PartyMeasures | null;
  /** Of how many schools `parties` are: every school of a file; a region counts the contributions that had them. */
  partiesFrom: { schools: number; of: number };
}

/** Every measure of the monitoring report for one period and set of schools. */
export async function measureAll(db: Kysely<DB>, period: MonitoringPeriod, clock: Clock): Promise<MonitoringMeasures> {
  assertPeriod(period);
  const schoolIds = [...new Set(period.schoolIds)];
  const schools = await db.selectFrom('school').select(['id', 'name']).where('id', 'in', schoolIds).orderBy('name').execute();
  if (schools.length !== schoolIds.length) throw new AppError('NOT_FOUND', 'school');
  const scope = { ...period, schoolIds };
  return {
    period: { from: period.from, to: period.to },
    schools,
    generatedOn: today(clock),
    cases: await caseCounts(db, scope),
    leadCoverage: await leadCoverage(db, scope, clock),
    effect: await effectOutcome(db, scope),
    leadTime: await registrationToDiscussion(db, scope),
    agreements: await agreementOutcome(db, scope, clock),
    leadChanges: await leadChanges(db, scope),
    absence: await caseCounts(db, scope, { themeCode: ABSENCE_THEME_CODE }),
    tags: await tagsByTheme(db, scope),
    parties: await partyMeasures(db, scope),
    partiesFrom: { schools: schools.length, of: schools.length },
  };
}
