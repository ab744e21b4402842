import { createHash } from 'node:crypto';
import { loadMinutesData } from '../documents/minutesData';
import { buildMinutesDocx } from '../documents/minutesDocx';
import { Faker, base, nl as fakerNl } from '@faker-js/faker';
import { addDays, differenceInCalendarDays, format, nextTuesday, parseISO, subYears } from 'date-fns';
import type { Insertable, Kysely } from 'kysely';
import type { DB, EffectResult } from '../../db/schema';
import { type Clock } from '../clock';
import { createSchool } from '../services/schools';
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

type Rows = { [T in keyof DB]: Insertable<DB[T]>[] };

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
    const faker = new Faker({ locale: [fakerNl, base], seed: (options.seed ?? 2026) + index });
    const schoolName = `Demo — Basisschool ${texts.schoolNames[index % texts.schoolNames.length]}${
      index >= texts.schoolNames.length ? ` ${Math.floor(index / texts.schoolNames.length) + 1}` : ''
    }`;
    const schoolId = await createSchool(db, { name: schoolName, city: faker.location.city(), isDemo: true }, options.clock);
    const rows = await buildSchool(db, schoolId, faker, scale, options.clock);
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

  const rows = {
    member: [],
    pupil: [],
    supportCase: [],
    caseTheme: [],
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
  const pupils = Array.from({ length: scale.pupils }, () => {
    const group = faker.number.int({ min: 1, max: 8 });
    const birth = addDays(subYears(now, group + 4), -faker.number.int({ min: 0, max: 364 }));
    const pupil = {
      id: ids.pupil(),
      schoolId,
      firstName: faker.person.firstName(),
      lastName: faker.person.lastName(),
      dateOfBirth: iso(birth),
      groupName: `Groep ${group}${scale.pupils > 100 ? pick(['A', 'B']) : ''}`,
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
    const question = pick(texts.questionsByTheme[caseThemes[0].code ?? 'learning']).replaceAll('{name}', pupil.firstName);
    for (const theme of caseThemes) rows.caseTheme.push({ caseId, themeId: theme.id });

    // Consent: mostly given; in each school one case without consent waits,
    // and one is discussed without consent because of a safety concern.
    const withoutConsent = index === caseCount - 1;
    const safetyConcern = index === Math.floor(caseCount / 2);
    if (!withoutConsent && !safetyConcern) {
      const consentOn = iso(addDays(parseISO(registeredOn), faker.number.int({ min: 0, max: 4 })));
      const withdrawn = chance(0.05);
      rows.consent.push({
        id: ids.consent(),
        caseId,
        status: 'given',
        scope: 'Delen met het kernteam',
        recordedOn: consentOn,
        note: '',
        createdAt: stamp,
      });
      if (withdrawn) {
        rows.consent.push({
          id: ids.consent(),
          caseId,
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
    rows.supportCase.push({
      id: caseId,
      schoolId,
      pupilId: pupil.id,
      question,
      analysis: '',
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
    let leadMember = pick(members.filter((member) => member.code !== 'ib')).id;
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
        rows.caseLead.push({
          id: ids.caseLead(),
          caseId,
          memberId: leadMember,
          startedOn: pastDiscussions[1].date,
          endedOn: null,
          reason: pick(texts.leadChangeReasons),
          createdAt: stamp,
        });
      }
    }

    for (const [round, meeting] of pastDiscussions.entries()) {
      const agendaItemId = addAgendaItem(meeting.id, { kind: 'case', caseId, minutes: pick([10, 15, 20]) });
      const discussionId = ids.caseDiscussion();
      rows.caseDiscussion.push({
        id: discussionId,
        agendaItemId,
        meetingId: meeting.id,
        caseId,
        notes: `Leerkracht vertelt over ${pupil.firstName} in de groep. ${pick(texts.summaries).replaceAll('{name}', pupil.firstName)}`,
        summary: pick(texts.summaries).replaceAll('{name}', pupil.firstName),
        conclusions: pick(texts.conclusions),
        updatedAt: stamp,
      });
      if (chance(0.6)) rows.discussionTag.push({ discussionId, tagId: pick(tags).id });

      // Effect check at the second discussion, two weeks after the first.
      if (round === 1 && effectDue) {
        const result = faker.helpers.weightedArrayElement<EffectResult>([
          { weight: 55, value: 'yes' },
          { weight: 30, value: 'partly' },
          { weight: 15, value: 'no' },
        ]);
        rows.effectCheck.push({
          id: ids.effectCheck(),
          caseId,
          discussionId,
          result,
          note: texts.effectNotes[result],
          checkedOn: meeting.date,
          createdAt: stamp,
        });
      }

      for (let n = faker.number.int({ min: 1, max: 3 }); n > 0; n--) {
        const due = addDays(parseISO(meeting.date), pick([7, 14, 21, 28]));
        const owner = chance(0.75) ? 'member' : chance(0.7) ? 'parents' : 'pupil';
        const description =
          owner === 'member'
            ? pick(texts.agreementTexts)
            : pick(owner === 'parents' ? texts.parentAgreementTexts : texts.pupilAgreementTexts);
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
        const postponed = outcome === 'postponed';
        const dueOn = postponed ? iso(addDays(due, 14)) : iso(due);
        rows.agreement.push({
          id: ids.agreement(),
          schoolId,
          caseId,
          meetingId: meeting.id,
          agendaItemId,
          description: description.replaceAll('{name}', pupil.firstName),
          ownerKind: owner,
          ownerMemberId: owner === 'member' ? (chance(0.6) ? leadMember : pick(members).id) : null,
          ownerName: '',
          dueOn,
          originalDueOn: iso(due),
          status: outcome === 'postponed' ? 'open' : outcome,
          postponements: postponed ? 1 : 0,
          completedOn: outcome === 'done' ? (iso(due) < todayIso ? iso(due) : todayIso) : null,
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
  for (const meeting of allMeetings) addAgendaItem(meeting.id, { kind: 'general', title: 'Rondvraag', minutes: 5 });
  return rows;
}
