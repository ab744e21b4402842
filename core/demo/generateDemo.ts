import { createHash } from 'node:crypto';
import { loadMinutesData } from '../documents/minutesData';
import { buildMinutesDocx } from '../documents/minutesDocx';
import { Faker, base, nl as fakerNl } from '@faker-js/faker';
import { addDays, differenceInCalendarDays, differenceInYears, format, nextTuesday, parseISO, subYears } from 'date-fns';
import type { Insertable, Kysely } from 'kysely';
import type { DB, EffectResult } from '../../db/schema';
import { type Clock } from '../clock';
import { createSchool } from '../services/schools';
import { CaseStory, StoryRandom, levelAt } from './caseStory';
import { SECONDARY_SCHOOL_NAMES, type Owner } from './storyBlocks';
import * as texts from './texts';

export type DemoScale = 'small' | 'large';

export interface DemoOptions {
  scale: DemoScale;
  clock: Clock;
  seed?: number;
  /** Multiplies every school's pupils and cases (the benchmark's 4× large board of big schools); 1 by default. */
  factor?: number;
}

export interface DemoSummary {
  schools: number;
  pupils: number;
  cases: number;
  meetings: number;
  agreements: number;
}

const SCALES: Record<DemoScale, Scale> = {
  // storeMinutes: the finalized verslagen as exact bytes, as the app keeps them; too slow for 1,760 meetings.
  small: { schools: 1, years: 1, pupils: 40, casesPerYear: 12, meetingEveryDays: 42, storeMinutes: true },
  large: { schools: 20, years: 10, pupils: 320, casesPerYear: 25, meetingEveryDays: 42, storeMinutes: false },
};

interface Scale {
  /** Klas 1-4 of a secondary school instead of groep 1-8. */
  secondary?: boolean;
  /** The school's seed, also for its case stories. */
  seed?: number;
  schools: number;
  years: number;
  pupils: number;
  casesPerYear: number;
  meetingEveryDays: number;
  storeMinutes: boolean;
}

const PARTNER_ROLES = ['ib', 'attendance_officer', 'ggd', 'cjg', 'school_social_worker', 'inclusive_education'];
const ORGANISATIONS: Record<string, string> = {
  ib: 'School',
  attendance_officer: 'Gemeente, team Leerplicht',
  ggd: 'GGD',
  cjg: 'Centrum voor Jeugd en Gezin',
  school_social_worker: 'Stichting Schoolmaatschappelijk Werk',
  inclusive_education: 'Samenwerkingsverband Passend Onderwijs',
};

const RECENT_OUTCOMES = ['open', 'postponed', 'done', 'not_done', 'done'] as const;

/** Where a case's effect is recorded: 4 in 7 within two weeks, 2 at the next MDO (late), 1 never. */
const EFFECT_PLANS = ['evaluation', 'evaluation', 'next_mdo', 'evaluation', 'missing', 'evaluation', 'next_mdo'] as const;

type Rows = { [T in keyof DB]: Insertable<DB[T]>[] };

/** Ja, deels or nee, about as often as kernteams report them. */
function effectResult(random: StoryRandom): EffectResult {
  const draw = random.next();
  return draw < 0.55 ? 'yes' : draw < 0.85 ? 'partly' : 'no';
}

/**
 * When an agreement was due and done, as in a real school: most done on time,
 * some late, some postponed first (once, now and then twice), some given up.
 * Never done before the meeting that made it, nor after today.
 */
function agreementTimeline(
  random: StoryRandom,
  outcome: (typeof RECENT_OUTCOMES)[number] | 'open',
  { due, settled, today }: { due: Date; settled: boolean; today: string },
): { dueOn: string; status: 'open' | 'done' | 'not_done'; postponements: number; completedOn: string | null } {
  const upToToday = (date: Date) => (iso(date) < today ? iso(date) : today);
  if (outcome === 'open') return { dueOn: iso(due), status: 'open', postponements: 0, completedOn: null };
  if (outcome === 'postponed') {
    const times = random.chance(0.25) ? 2 : 1;
    return { dueOn: iso(addDays(due, 14 * times)), status: 'open', postponements: times, completedOn: null };
  }
  const draw = random.next();
  if (outcome === 'not_done') {
    const postponements = settled && draw < 0.3 ? 1 : 0;
    return { dueOn: iso(addDays(due, 14 * postponements)), status: 'not_done', postponements, completedOn: null };
  }
  // Agreements are due 7 to 28 days after their meeting: five days early is still after it.
  if (draw < 0.62) return { dueOn: iso(due), status: 'done', postponements: 0, completedOn: upToToday(addDays(due, -random.int(0, 5))) };
  if (draw < 0.85 || !settled)
    return { dueOn: iso(due), status: 'done', postponements: 0, completedOn: upToToday(addDays(due, random.int(2, 20))) };
  const times = random.chance(0.2) ? 2 : 1;
  return {
    dueOn: iso(addDays(due, 14 * times)),
    status: 'done',
    postponements: times,
    completedOn: upToToday(addDays(due, random.int(5, 14 * times + 6))),
  };
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/**
 * Fills the database with fictional Dutch schools: kernteam, pupils, cases
 * with a year (or ten) of past MDOs, agreements in every state and one
 * upcoming MDO. The same seed and clock always give the same data.
 */
export async function generateDemo(db: Kysely<DB>, options: DemoOptions): Promise<DemoSummary> {
  const factor = options.factor ?? 1;
  if (!(Number.isInteger(factor) && factor >= 1)) throw new RangeError(`factor must be a whole number of at least 1, got ${factor}`);
  const preset: Scale = SCALES[options.scale];
  const scale = { ...preset, pupils: preset.pupils * factor, casesPerYear: preset.casesPerYear * factor };
  const summary: DemoSummary = { schools: 0, pupils: 0, cases: 0, meetings: 0, agreements: 0 };
  for (let index = 0; index < scale.schools; index++) {
    const seed = (options.seed ?? 2026) + index;
    const faker = new Faker({ locale: [fakerNl, base], seed });
    // A board has secondary schools too: every fifth school of the large dataset.
    const secondary = options.scale === 'large' && index % 5 === 4;
    const schoolName = secondary
      ? `Demo — ${SECONDARY_SCHOOL_NAMES[Math.floor(index / 5) % SECONDARY_SCHOOL_NAMES.length]}`
      : `Demo — Basisschool ${texts.schoolNames[index % texts.schoolNames.length]}${
          index >= texts.schoolNames.length ? ` ${Math.floor(index / texts.schoolNames.length) + 1}` : ''
        }`;
    const schoolId = await createSchool(db, { name: schoolName, city: faker.location.city(), isDemo: true }, options.clock);
    const rows = await buildSchool(db, schoolId, faker, { ...scale, secondary, seed }, options.clock);
    await db.transaction().execute(async (trx) => {
      for (const table of Object.keys(rows) as (keyof DB)[]) await insertRows(trx, table, rows[table]);
    });
    if (scale.storeMinutes) await storeFinalizedMinutes(db, schoolId);
    summary.schools++;
    summary.pupils += rows.pupil.length;
    summary.cases += rows.supportCase.length;
    summary.meetings += rows.meeting.length;
    summary.agreements += rows.agreement.length;
  }
  return summary;
}

/** Version 1 of each finalized meeting's verslag, frozen on the meeting day, without signatures. */
async function storeFinalizedMinutes(db: Kysely<DB>, schoolId: number) {
  const finalized = await db
    .selectFrom('meeting')
    .select(['id', 'date'])
    .where('schoolId', '=', schoolId)
    .where('status', '=', 'finalized')
    .execute();
  for (const meeting of finalized) {
    const docx = await buildMinutesDocx(await loadMinutesData(db, meeting.id), { date: meeting.date, signers: [] });
    const stamp = `${meeting.date}T16:00:00.000Z`;
    await db
      .insertInto('minutes')
      .values({
        meetingId: meeting.id,
        version: 1,
        status: 'finalized',
        docx,
        sha256: createHash('sha256').update(docx).digest('hex'),
        finalizedAt: stamp,
        createdAt: stamp,
      })
      .execute();
  }
}

// Every row of a table must list the same columns: a multi-row insert fills a
// missing column with NULL, not with its default.
async function insertRows<T extends keyof DB>(db: Kysely<DB>, table: T, rows: Insertable<DB[T]>[]) {
  // SQLite limits bound parameters per statement; 200 rows stay well below it.
  for (let start = 0; start < rows.length; start += 200) {
    // Kysely cannot narrow a generic table name; the rows are typed per table above.
    await db
      .insertInto(table)
      .values(rows.slice(start, start + 200) as never)
      .execute();
  }
}

async function nextIds(db: Kysely<DB>) {
  const max = async (
    table:
      | 'member'
      | 'pupil'
      | 'supportCase'
      | 'meeting'
      | 'agendaItem'
      | 'caseDiscussion'
      | 'agreement'
      | 'caseLead'
      | 'caseParent'
      | 'consent'
      | 'effectCheck',
  ) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    let next = Number(row?.id ?? 0);
    return () => ++next;
  };
  return {
    member: await max('member'),
    pupil: await max('pupil'),
    supportCase: await max('supportCase'),
    meeting: await max('meeting'),
    agendaItem: await max('agendaItem'),
    caseDiscussion: await max('caseDiscussion'),
    agreement: await max('agreement'),
    caseLead: await max('caseLead'),
    caseParent: await max('caseParent'),
    consent: await max('consent'),
    effectCheck: await max('effectCheck'),
  };
}

async function buildSchool(db: Kysely<DB>, schoolId: number, faker: Faker, scale: Scale, clock: Clock): Promise<Rows> {
  const ids = await nextIds(db);
  const now = clock.now();
  const todayIso = iso(now);
  const stamp = now.toISOString();
  const roles = await db.selectFrom('role').select(['id', 'code']).where('schoolId', '=', schoolId).execute();
  const themes = await db.selectFrom('theme').select(['id', 'code']).where('schoolId', '=', schoolId).execute();
  const tags = await db.selectFrom('tag').select(['id', 'kind']).where('schoolId', '=', schoolId).execute();
  const roleId = (code: string) => roles.find((role) => role.code === code)!.id;
  const pick = <T>(list: readonly T[]) => faker.helpers.arrayElement(list);
  const chance = (p: number) => faker.number.float({ min: 0, max: 1 }) < p;
  // The main stream decides who, when and how many; the stories and the finer
  // numbers have streams of their own. Where a text used to be drawn from the
  // main stream, one number is still drawn, so every pupil, case and meeting
  // stays where the tests and screenshots expect it.
  const keepInStep = () => void faker.number.int();
  const schoolRandom = new StoryRandom((scale.seed ?? 2026) * 7919);

  const rows = {
    member: [],
    pupil: [],
    supportCase: [],
    caseTheme: [],
    caseParent: [],
    consent: [],
    caseLead: [],
    meeting: [],
    presence: [],
    agendaItem: [],
    caseDiscussion: [],
    agreement: [],
    effectCheck: [],
    discussionTag: [],
  } as unknown as Rows;

  // Kernteam: six partners, plus one former CJG-coach whose history stays.
  const start = subYears(now, scale.years);
  const members = PARTNER_ROLES.map((code) => ({ id: ids.member(), code }));
  for (const member of members) {
    rows.member.push({
      id: member.id,
      schoolId,
      roleId: roleId(member.code),
      name: `${faker.person.firstName()} ${faker.person.lastName()}`,
      organisation: ORGANISATIONS[member.code],
      email: null,
      phone: null,
      active: 1,
      joinedOn: iso(start),
      leftOn: null,
      createdAt: stamp,
    });
  }
  const formerId = ids.member();
  rows.member.push({
    id: formerId,
    schoolId,
    roleId: roleId('cjg'),
    name: `${faker.person.firstName()} ${faker.person.lastName()}`,
    organisation: ORGANISATIONS.cjg,
    email: null,
    phone: null,
    active: 0,
    joinedOn: iso(start),
    leftOn: iso(addDays(now, -150)),
    createdAt: stamp,
  });
  const memberOf = (code: string) => members.find((member) => member.code === code)!.id;
  const ib = memberOf('ib');

  // Pupils in groups 1 to 8; age fits the group.
  // A secondary school maps the same draw to klas 1 to 4.
  const pupils = Array.from({ length: scale.pupils }, () => {
    const group = faker.number.int({ min: 1, max: 8 });
    const year = scale.secondary ? Math.ceil(group / 2) : group;
    const birth = addDays(subYears(now, year + (scale.secondary ? 11 : 4)), -faker.number.int({ min: 0, max: 364 }));
    const pupil = {
      id: ids.pupil(),
      schoolId,
      firstName: faker.person.firstName(),
      lastName: faker.person.lastName(),
      dateOfBirth: iso(birth),
      groupName: `${scale.secondary ? 'Klas' : 'Groep'} ${year}${scale.pupils > 100 ? pick(['A', 'B']) : ''}`,
      createdAt: stamp,
    };
    rows.pupil.push(pupil);
    return pupil;
  });

  // Past meetings every six weeks on a Tuesday, and one upcoming in the coming week.
  const meetings: { id: number; date: string }[] = [];
  for (let date = nextTuesday(start); differenceInCalendarDays(now, date) > 0; date = addDays(date, scale.meetingEveryDays)) {
    meetings.push({ id: ids.meeting(), date: iso(date) });
  }
  const upcoming = { id: ids.meeting(), date: iso(nextTuesday(addDays(now, 1))) };
  const allMeetings = [...meetings, upcoming];
  for (const meeting of allMeetings) {
    const isPast = meeting !== upcoming;
    rows.meeting.push({
      id: meeting.id,
      schoolId,
      date: meeting.date,
      startTime: pick(['08:30', '13:15', '14:30']),
      location: pick(texts.locations),
      chairId: ib,
      minuteTakerId: memberOf('school_social_worker'),
      status: isPast ? (meeting === meetings.at(-1) ? 'held' : 'finalized') : 'planned',
      createdAt: stamp,
      updatedAt: stamp,
    });
    for (const member of members) {
      rows.presence.push({
        meetingId: meeting.id,
        memberId: member.id,
        status: isPast ? (chance(0.85) ? 'present' : chance(0.7) ? 'excused' : 'absent') : null,
      });
    }
  }
  let recentOutcome = 0;
  let effectTurn = 0;
  const agendaCount = new Map<number, number>();
  const addAgendaItem = (meetingId: number, item: { kind: 'case' | 'general'; caseId?: number; title?: string; minutes: number }) => {
    const position = (agendaCount.get(meetingId) ?? 0) + 1;
    agendaCount.set(meetingId, position);
    const id = ids.agendaItem();
    rows.agendaItem.push({
      id,
      meetingId,
      position,
      kind: item.kind,
      caseId: item.caseId ?? null,
      title: item.title ?? '',
      plannedMinutes: item.minutes,
    });
    return id;
  };
  for (const meeting of meetings) addAgendaItem(meeting.id, { kind: 'general', title: 'Opening en mededelingen', minutes: 5 });
  addAgendaItem(upcoming.id, { kind: 'general', title: 'Opening en mededelingen', minutes: 5 });

  // Two weeks after an MDO, a short evaluation meeting records the effect of
  // the cases discussed there for the first time (the app records an effect
  // check in a meeting). Only between MDOs: the last MDO before today stays
  // the one whose verslag is still to be finalized.
  const evaluations = new Map<number, { id: number; date: string }>();
  const evaluationDays = new Map(meetings.map((meeting) => [meeting.id, schoolRandom.pick([7, 8, 10, 13, 14, 14, 14])]));
  const lastHeld = meetings.at(-1)!.date;
  // When the last MDO is more than four weeks ago, all its agreements would be
  // due by now: some are made "until the next MDO" instead.
  const longAgo = differenceInCalendarDays(now, parseISO(lastHeld)) > 28;
  const evaluationAfter = (meeting: { id: number; date: string }) => {
    // Some kernteams look back after one week, most after two.
    const date = iso(addDays(parseISO(meeting.date), evaluationDays.get(meeting.id) ?? 14));
    if (date >= lastHeld) return undefined;
    if (!evaluations.has(meeting.id)) {
      const evaluation = { id: ids.meeting(), date };
      evaluations.set(meeting.id, evaluation);
      rows.meeting.push({
        id: evaluation.id,
        schoolId,
        date,
        startTime: schoolRandom.pick(['08:15', '12:30', '15:00']),
        location: texts.locations[0],
        chairId: ib,
        minuteTakerId: memberOf('school_social_worker'),
        status: 'finalized',
        createdAt: stamp,
        updatedAt: stamp,
      });
      for (const member of members) {
        rows.presence.push({
          meetingId: evaluation.id,
          memberId: member.id,
          status: schoolRandom.chance(0.8) ? 'present' : schoolRandom.chance(0.7) ? 'excused' : 'absent',
        });
      }
      addAgendaItem(evaluation.id, { kind: 'general', title: 'Opening en mededelingen', minutes: 5 });
    }
    return evaluations.get(meeting.id)!;
  };

  // Cases: registered over the whole period, discussed in the meetings after.
  const caseCount = scale.casesPerYear * scale.years;
  const upcomingCases: number[] = [];
  // Each pupil has at most one case until every pupil has had one.
  const casePupils = faker.helpers.shuffle([...pupils]);
  for (let index = 0; index < caseCount; index++) {
    const caseId = ids.supportCase();
    // The last two cases are fresh: registered after the last meeting.
    const fresh = index >= caseCount - 2;
    const registered = fresh
      ? addDays(parseISO(meetings.at(-1)!.date), faker.number.int({ min: 1, max: 10 }))
      : addDays(
          start,
          Math.floor(((index + faker.number.float({ min: 0, max: 0.9 })) / caseCount) * (differenceInCalendarDays(now, start) - 50)),
        );
    const registeredOn = iso(registered < now ? registered : now);
    // Next in turn, or over ten years the next one already born by then: no case before a pupil's birth.
    const turn = index % casePupils.length;
    const pupil = [...casePupils.slice(turn), ...casePupils.slice(0, turn)].find((candidate) => candidate.dateOfBirth < registeredOn);
    if (!pupil) throw new Error(`demo: no pupil was born before ${registeredOn}`);
    const caseThemes = faker.helpers.arrayElements(themes, { min: 1, max: 2 });
    const storySeed = faker.number.int({ min: 0, max: 2 ** 32 - 1 });
    for (const theme of caseThemes) rows.caseTheme.push({ caseId, themeId: theme.id });

    // Consent: mostly given; in each school one case without consent waits,
    // and one is discussed without consent because of a safety concern.
    const withoutConsent = index === caseCount - 1;
    const safetyConcern = index === Math.floor(caseCount / 2);
    if (!withoutConsent && !safetyConcern) {
      const consentOn = iso(addDays(parseISO(registeredOn), faker.number.int({ min: 0, max: 4 })));
      const withdrawn = chance(0.05);
      // Minimal until the demo shows every consent situation (issue 18): the parents as one party with
      // gezag, and from 11 at registration the pupil too (12 or older at a later meeting decides with them).
      const parentId = ids.caseParent();
      rows.caseParent.push({ id: parentId, caseId, name: '', relation: '', hasAuthority: 1, createdAt: stamp });
      const parties = [
        { party: 'parent' as const, parentId },
        ...(differenceInYears(parseISO(registeredOn), parseISO(pupil.dateOfBirth)) >= 11
          ? [{ party: 'pupil' as const, parentId: null }]
          : []),
      ];
      for (const party of parties) {
        rows.consent.push({
          id: ids.consent(),
          caseId,
          ...party,
          status: 'given',
          scope: 'Delen met het kernteam',
          recordedOn: consentOn,
          note: '',
          createdAt: stamp,
        });
      }
      if (withdrawn) {
        rows.consent.push({
          id: ids.consent(),
          caseId,
          party: 'parent',
          parentId,
          status: 'withdrawn',
          scope: 'Delen met het kernteam',
          recordedOn: iso(addDays(parseISO(consentOn), 30)),
          note: 'Ouders trekken toestemming in.',
          createdAt: stamp,
        });
      }
    }

    const discussionMeetings = withoutConsent
      ? []
      : fresh
        ? [upcoming]
        : allMeetings.filter((meeting) => meeting.date > registeredOn).slice(0, faker.number.int({ min: 1, max: 4 }));
    const pastDiscussions = discussionMeetings.filter((meeting) => meeting !== upcoming);
    const firstDiscussed = pastDiscussions[0]?.date ?? null;
    const effectDue = firstDiscussed ? iso(addDays(parseISO(firstDiscussed), 14)) : null;
    const lastDiscussed = pastDiscussions.at(-1)?.date;
    const closed = !!lastDiscussed && pastDiscussions.length >= 3 && differenceInCalendarDays(now, parseISO(lastDiscussed)) > 60;
    let leadMember = pick(members.filter((member) => member.code !== 'ib')).id;
    const roleOf = (memberId: number) => members.find((member) => member.id === memberId)?.code ?? 'ib';
    const random = new StoryRandom(storySeed);
    const story = new CaseStory(random, {
      name: pupil.firstName,
      ...levelAt(differenceInYears(parseISO(registeredOn), parseISO(pupil.dateOfBirth)), !!scale.secondary),
      themes: caseThemes.map((theme) => theme.code ?? ''),
      leadRole: roleOf(leadMember),
      safetyConcern,
    });
    rows.supportCase.push({
      id: caseId,
      schoolId,
      pupilId: pupil.id,
      question: story.question,
      analysis: firstDiscussed ? story.analysis : '',
      status: closed ? 'closed' : firstDiscussed ? 'active' : 'registered',
      registeredOn,
      firstDiscussedOn: firstDiscussed,
      effectDueOn: effectDue,
      closedOn: closed ? iso(addDays(parseISO(lastDiscussed!), 7)) : null,
      safetyConcernReason: safetyConcern ? texts.safetyConcernReason : null,
      createdAt: stamp,
      updatedAt: stamp,
    });

    // Trekker from the first discussion; sometimes handed over later.
    const firstLead = leadMember;
    if (firstDiscussed) {
      const handOver = pastDiscussions.length >= 2 && chance(0.3);
      const leadId = ids.caseLead();
      rows.caseLead.push({
        id: leadId,
        caseId,
        memberId: leadMember,
        startedOn: firstDiscussed,
        endedOn: handOver ? pastDiscussions[1].date : null,
        reason: 'Eerste bespreking',
        createdAt: stamp,
      });
      if (handOver) {
        leadMember = pick(members.filter((member) => member.id !== leadMember && member.code !== 'ib')).id;
        keepInStep();
        rows.caseLead.push({
          id: ids.caseLead(),
          caseId,
          memberId: leadMember,
          startedOn: pastDiscussions[1].date,
          endedOn: null,
          reason: story.leadChange(roleOf(leadMember)),
          createdAt: stamp,
        });
      }
    }

    // The effect two weeks on: mostly recorded in the evaluation meeting,
    // some only at the next MDO (late), some never.
    // Cases take turns, so that every school shows every branch of the monitoring report.
    const effect = effectResult(random);
    const effectPlan = pastDiscussions.length ? EFFECT_PLANS[effectTurn++ % EFFECT_PLANS.length] : 'missing';
    const evaluation = pastDiscussions.length && effectPlan === 'evaluation' ? evaluationAfter(pastDiscussions[0]) : undefined;
    if (evaluation) {
      const agendaItemId = addAgendaItem(evaluation.id, { kind: 'case', caseId, minutes: 5 });
      const discussionId = ids.caseDiscussion();
      rows.caseDiscussion.push({
        id: discussionId,
        agendaItemId,
        meetingId: evaluation.id,
        caseId,
        ...story.evaluation(effect, roleOf(firstLead)),
        updatedAt: stamp,
      });
      rows.effectCheck.push({
        id: ids.effectCheck(),
        caseId,
        discussionId,
        result: effect,
        note: story.effectNote(effect),
        checkedOn: evaluation.date,
        createdAt: stamp,
      });
    }

    for (const [round, meeting] of pastDiscussions.entries()) {
      const agendaItemId = addAgendaItem(meeting.id, { kind: 'case', caseId, minutes: pick([10, 15, 20]) });
      const discussionId = ids.caseDiscussion();
      keepInStep();
      keepInStep();
      keepInStep();
      const last = round === pastDiscussions.length - 1;
      const trend =
        closed && last
          ? 'progress'
          : effect === 'no' && round === 1
            ? 'setback'
            : random.chance(effect === 'yes' ? 0.8 : effect === 'partly' ? 0.55 : 0.4)
              ? 'progress'
              : 'setback';
      const text =
        round === 0
          ? story.firstDiscussion(PARTNER_ROLES)
          : story.followUp(trend, { closing: closed && last, leadRole: roleOf(round >= 1 ? leadMember : firstLead) });
      rows.caseDiscussion.push({ id: discussionId, agendaItemId, meetingId: meeting.id, caseId, ...text, updatedAt: stamp });
      if (chance(0.6)) rows.discussionTag.push({ discussionId, tagId: pick(tags).id });

      // Recorded late: at the next MDO, six weeks after the first discussion.
      if (round === 1 && effectDue) {
        keepInStep();
        if (effectPlan === 'next_mdo') {
          rows.effectCheck.push({
            id: ids.effectCheck(),
            caseId,
            discussionId,
            result: effect,
            note: story.effectNote(effect),
            checkedOn: meeting.date,
            createdAt: stamp,
          });
        }
      }

      for (let n = faker.number.int({ min: 1, max: 3 }); n > 0; n--) {
        const usualDue = addDays(parseISO(meeting.date), pick([7, 14, 21, 28]));
        const due =
          longAgo && meeting.date === lastHeld && random.chance(0.5) ? addDays(parseISO(meeting.date), random.pick([49, 56])) : usualDue;
        const owner = chance(0.75) ? 'member' : chance(0.7) ? 'parents' : 'pupil';
        // (The old list for pupils had one text: Faker draws nothing for it.)
        if (owner !== 'pupil') keepInStep();
        const overdue = due < now;
        const later = round < pastDiscussions.length - 1;
        // Older agreements are settled; recent ones may be open, overdue or postponed.
        // Recent overdue ones cycle through every state, so each demo school shows them all.
        const outcome =
          later || closed
            ? chance(0.85)
              ? 'done'
              : 'not_done'
            : overdue
              ? RECENT_OUTCOMES[recentOutcome++ % RECENT_OUTCOMES.length]
              : 'open';
        const ownerMemberId = owner === 'member' ? (chance(0.6) ? leadMember : pick(members).id) : null;
        rows.agreement.push({
          id: ids.agreement(),
          schoolId,
          caseId,
          meetingId: meeting.id,
          agendaItemId,
          description: story.agreement(ownerMemberId ? (roleOf(ownerMemberId) as Owner) : (owner as Owner)),
          ownerKind: owner,
          ownerMemberId,
          ownerName: '',
          originalDueOn: iso(due),
          ...agreementTimeline(random, outcome, { due, settled: later || closed, today: todayIso }),
          createdAt: stamp,
          updatedAt: stamp,
        });
      }
    }
    if (
      !closed &&
      !withoutConsent &&
      (fresh ||
        (pastDiscussions.length > 0 && discussionMeetings.includes(upcoming)) ||
        (!!lastDiscussed && lastDiscussed === meetings.at(-1)!.date))
    ) {
      upcomingCases.push(caseId);
    }
  }

  for (const caseId of upcomingCases.slice(-6)) addAgendaItem(upcoming.id, { kind: 'case', caseId, minutes: 15 });
  for (const meeting of [...allMeetings, ...evaluations.values()])
    addAgendaItem(meeting.id, { kind: 'general', title: 'Rondvraag', minutes: 5 });
  return rows;
}
