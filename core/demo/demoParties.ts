import { type Faker, nl as fakerNl } from '@faker-js/faker';
import { addDays, addYears, differenceInCalendarDays, differenceInYears, format, isWeekend, parseISO, subYears } from 'date-fns';
import type { Insertable } from 'kysely';
import type { ConsentMethod, ConsentStatus, DB, ParentsPresent, PupilParticipation } from '../../db/schema';
import { type CaseStory, type StoryRandom, levelAt } from './caseStory';
import * as blocks from './storyBlocks';

// The parents and the pupil as parties of a demo case (issue 18): who they
// are, what each decided about discussing the case and sharing the verslag,
// who took part in each discussion, the pupil's own view, and when the
// ouderversie went to parents who were not there. Everything here draws from
// a stream of its own, so the pupils, cases and meetings stay where they were.
//
// The decisions follow the rule of core/services/consentGate.ts on each
// meeting's date: under 12 the parents with gezag decide, from 12 to 15 they
// and the pupil, from 16 the pupil alone. No case is discussed by name when
// that rule forbids it, except the one with a written safety concern.

/** The parents' first names, without any that a pupil may have. */
const PARENT_NAMES = (() => {
  const children = fakerNl.person?.first_name;
  const taken = new Set([...(children?.female ?? []), ...(children?.male ?? []), ...(children?.generic ?? [])]);
  const keep = (names: string[]) => names.filter((name) => !taken.has(name));
  return { female: keep(blocks.PARENT_FIRST_NAMES.female), male: keep(blocks.PARENT_FIRST_NAMES.male) };
})();

/** A showcase a case plays in its school; 'normal' for the rest. */
export type Situation = 'normal' | 'waiting' | 'safety' | 'pupilRefused' | 'turned12' | 'sixteen';

type DiscussionRow = Insertable<DB['caseDiscussion']>;

interface Pupil {
  id: number;
  lastName: string;
  dateOfBirth: string;
  groupName: string;
}

/** What the generator knows of one case once its meetings are made. */
export interface CaseFacts {
  caseId: number;
  pupil: Pupil;
  registeredOn: string;
  /** Days after registration the parents decided (drawn from the main stream as before). */
  consentDay: number;
  /** The main stream's old 5 % chance of a withdrawal: now a withdrawal after the last discussion, where that fits. */
  withdrawnDraw: boolean;
  situation: Situation;
  closed: boolean;
  story: CaseStory;
  discussions: { row: DiscussionRow; date: string; evaluation: boolean }[];
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');
const ageOn = (dateOfBirth: string, date: string) => differenceInYears(parseISO(date), parseISO(dateOfBirth));
const minDate = (...dates: string[]) => dates.reduce((a, b) => (a < b ? a : b));
const maxDate = (...dates: string[]) => dates.reduce((a, b) => (a > b ? a : b));

/** The day `count` school days (Monday to Friday) after `date`. */
export function addSchoolDays(date: string, count: number): string {
  let day = parseISO(date);
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (!isWeekend(day)) left--;
  }
  return iso(day);
}

/** School days (Monday to Friday) from the day after `from` up to and including `to`. */
export function schoolDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(parseISO(from), 1); iso(day) <= to; day = addDays(day, 1)) if (!isWeekend(day)) count++;
  return count;
}

/** Per school: which showcases are still to be given out. */
export class Showcases {
  private left: Map<Situation, number>;
  constructor(secondary: boolean) {
    // A primary school shows a pupil who turned 12 during the case and one who
    // refused at 12; 16+ only exists in the secondary schools of the large demo.
    this.left = new Map<Situation, number>(
      secondary
        ? [['sixteen', 2]]
        : [
            ['pupilRefused', 1],
            ['turned12', 1],
          ],
    );
  }

  /**
   * The showcase for a case, decided before its story is told: the pupil's
   * age is set here when the showcase needs one (a repeater in groep 8, a
   * 16-year-old in klas 4), and the story then tells the right groep or klas.
   */
  choose(
    random: StoryRandom,
    input: {
      pupil: Pupil;
      /** The pupil has no earlier case in the demo: its age may still be set. */
      firstCase: boolean;
      waiting: boolean;
      safety: boolean;
      closed: boolean;
      /** Dates of the case's past discussions (an evaluation meeting follows the first within 14 days). */
      past: string[];
      /** On, or possibly on, the upcoming agenda. */
      upcoming: boolean;
      today: string;
      secondary: boolean;
    },
  ): Situation {
    const { pupil, past, today } = input;
    if (input.safety) return 'safety';
    if (input.waiting) {
      // The new case waiting for consent: the parents said yes, the pupil (13) not yet.
      if (input.firstCase) setAge(pupil, addDays(subYears(parseISO(today), 13), -random.int(30, 250)), today, input.secondary);
      return 'waiting';
    }
    if (!input.firstCase || !past.length) return 'normal';
    const lastByName = maxDate(past.at(-1)!, iso(addDays(parseISO(past[0]), 14)));
    const recent = past[0] >= iso(addDays(parseISO(today), -330));
    if (this.take('pupilRefused', !input.closed && !input.upcoming && lastByName <= iso(addDays(parseISO(today), -21)) && recent)) {
      // Turned 12 after the case's last discussion, then asked: refused.
      const span = differenceInCalendarDays(parseISO(today), parseISO(lastByName)) - 8;
      setAge(pupil, subYears(addDays(parseISO(lastByName), 1 + random.int(0, span)), 12), today, input.secondary);
      return 'pupilRefused';
    }
    for (const [situation, years] of [
      ['turned12', 12],
      ['sixteen', 16],
    ] as const) {
      if (this.take(situation, !input.closed && recent)) {
        // The birthday falls in the last year, before the first discussion: the pupil decides along from then on.
        const span = differenceInCalendarDays(parseISO(past[0]), addDays(parseISO(today), -360)) - 1;
        setAge(pupil, subYears(addDays(parseISO(today), -360 + random.int(0, span)), years), today, input.secondary);
        return situation;
      }
    }
    return 'normal';
  }

  private take(situation: Situation, fits: boolean): boolean {
    const left = this.left.get(situation) ?? 0;
    if (!fits || left <= 0) return false;
    this.left.set(situation, left - 1);
    return true;
  }
}

/** Sets a pupil's date of birth and the groep or klas that goes with it today (a repeater stays in groep 8 or klas 4). */
function setAge(pupil: Pupil, birth: Date, today: string, secondary: boolean) {
  pupil.dateOfBirth = iso(birth);
  const label = levelAt(ageOn(pupil.dateOfBirth, today), secondary).groupLabel;
  pupil.groupName = pupil.groupName.replace(/\d+/, label.replace(/\D+/, ''));
}

export interface PartiesContext {
  rows: { caseParent: Insertable<DB['caseParent']>[]; consent: Insertable<DB['consent']>[] };
  ids: { caseParent: () => number; consent: () => number };
  random: StoryRandom;
  faker: Faker;
  today: string;
  stamp: string;
  secondary: boolean;
  /** The kernteam's partner organisations: what a decision may share the verslag with. */
  partners: string[];
  /** The upcoming MDO and the cases on its agenda by name. */
  upcoming: { date: string; caseIds: Set<number> };
  /** The last MDO held: its ouderversies are not sent yet. */
  lastHeld: string;
}

interface Parent {
  id: number;
  relation: string;
  hasAuthority: boolean;
}

const PARENT_METHODS: ConsentMethod[] = ['written', 'written', 'digital', 'digital', 'oral'];
const PUPIL_METHODS: ConsentMethod[] = ['oral', 'oral', 'written'];

/** Adds every case's parents and decisions, and who took part in each of its discussions. */
export function addParties(context: PartiesContext, facts: CaseFacts[]) {
  let withoutAuthorityRefused = false;
  let withdrawals = 0;
  const withdrawable: CaseFacts[] = [];
  /** Per case: the parents with gezag who said yes, and whether the pupil did. */
  const gave = new Map<number, { parents: number[]; pupil: boolean }>();
  for (const fact of facts) {
    const parents = household(context, fact);
    const byName = [
      ...fact.discussions.map((discussion) => discussion.date),
      ...(context.upcoming.caseIds.has(fact.caseId) ? [context.upcoming.date] : []),
    ].sort();
    // Recorded on or after registration, before the first discussion, never after today.
    const consentOn = minDate(iso(addDays(parseISO(fact.registeredOn), fact.consentDay)), byName[0] ?? context.today, context.today);
    const dob = fact.pupil.dateOfBirth;
    const decide = (party: Parent | 'pupil', status: ConsentStatus, on: string, note = '') => {
      const pupil = party === 'pupil';
      const given = status === 'given';
      if (given) {
        const entry = gave.get(fact.caseId) ?? { parents: [], pupil: false };
        if (pupil) entry.pupil = true;
        else if (party.hasAuthority) entry.parents.push(party.id);
        gave.set(fact.caseId, entry);
      }
      context.rows.consent.push({
        id: context.ids.consent(),
        caseId: fact.caseId,
        status,
        scope: '',
        recordedOn: on,
        note,
        createdAt: context.stamp,
        party: pupil ? 'pupil' : 'parent',
        parentId: pupil ? null : party.id,
        method: context.random.pick(pupil ? PUPIL_METHODS : PARENT_METHODS),
        coversDiscussion: 1,
        shareWith: JSON.stringify(given ? context.random.some(context.partners, context.random.int(0, 3)).sort() : []),
      });
    };
    const withAuthority = parents.filter((parent) => parent.hasAuthority);
    const withoutAuthority = parents.filter((parent) => !parent.hasAuthority);

    if (fact.situation === 'safety') {
      // The parents said no; the case is discussed because of the written safety concern.
      decide(withAuthority[0], 'refused', consentOn, blocks.CONSENT_NOTES.safetyRefused);
    } else {
      const needParents = !byName.length || byName.some((date) => ageOn(dob, date) < 16);
      const firstFrom12 = byName.find((date) => ageOn(dob, date) >= 12);
      if (needParents) {
        for (const [index, parent] of withAuthority.entries()) {
          // Now and then the second parent signs a few days later, still before the first discussion.
          const later = index > 0 && context.random.chance(0.25) ? context.random.int(1, 4) : 0;
          decide(parent, 'given', minDate(iso(addDays(parseISO(consentOn), later)), byName[0] ?? context.today, context.today));
        }
      }
      const showRefusal = !withoutAuthorityRefused && fact.situation === 'normal' && byName.length > 0;
      for (const parent of withoutAuthority) {
        if (showRefusal && !withoutAuthorityRefused && parent.relation === 'vader') {
          // Recorded and shown, never counted: the case is still discussed.
          withoutAuthorityRefused = true;
          decide(parent, 'refused', consentOn, blocks.CONSENT_NOTES.parentWithoutAuthority);
        } else if (context.random.chance(0.4)) decide(parent, 'given', consentOn);
      }
      if (fact.situation === 'pupilRefused') {
        const birthday12 = iso(addYears(parseISO(dob), 12));
        const on = minDate(iso(addDays(parseISO(birthday12), context.random.int(3, 20))), context.today);
        decide('pupil', 'refused', on, blocks.CONSENT_NOTES.pupilRefused);
      } else if (firstFrom12) {
        // Asked once the pupil decides along: at registration, or at the 12th birthday.
        const birthday12 = iso(addYears(parseISO(dob), 12));
        decide('pupil', 'given', minDate(maxDate(consentOn, birthday12), firstFrom12, context.today), blocks.CONSENT_NOTES.pupilAsked);
      }
      // Only after its last discussion: never one on the upcoming agenda or discussed in the last MDO (still open in chair mode).
      if (
        fact.situation === 'normal' &&
        !fact.closed &&
        byName.length &&
        byName.at(-1)! < context.lastHeld &&
        !context.upcoming.caseIds.has(fact.caseId)
      )
        withdrawable.push(fact);
    }
    participation(context, fact);
  }
  // The last MDO lists at least one case whose parents were not there: its ouderversie is still to be sent.
  const lastMeeting = facts.flatMap((fact) => fact.discussions).filter((discussion) => discussion.date === context.lastHeld);
  if (lastMeeting.length && lastMeeting.every((discussion) => discussion.row.parentsPresent === 'yes'))
    lastMeeting[0].row.parentsPresent = 'invited_absent';
  // A withdrawal after the last discussion, where the old draw said so; at least one per school.
  const drawn = withdrawable.filter((fact) => fact.withdrawnDraw);
  for (const fact of drawn.length ? drawn : withdrawable.slice(-1)) {
    const last = maxDate(...fact.discussions.map((discussion) => discussion.date));
    const on = minDate(iso(addDays(parseISO(last), context.random.int(5, 40))), context.today);
    const age = ageOn(fact.pupil.dateOfBirth, on);
    const { parents, pupil: pupilGave } = gave.get(fact.caseId) ?? { parents: [], pupil: false };
    // Whoever counts on that day takes it back: the pupil from 16 (or now and then from 12), else a parent with gezag.
    const byPupil = age >= 16 || (age >= 12 && pupilGave && context.random.chance(0.4)) || !parents.length;
    if (byPupil && !pupilGave) continue;
    context.rows.consent.push({
      id: context.ids.consent(),
      caseId: fact.caseId,
      status: 'withdrawn',
      scope: '',
      recordedOn: on,
      note: byPupil ? blocks.CONSENT_NOTES.pupilWithdrawn : blocks.CONSENT_NOTES.parentWithdrawn,
      createdAt: context.stamp,
      party: byPupil ? 'pupil' : 'parent',
      parentId: byPupil ? null : context.random.pick(parents),
      method: context.random.pick(byPupil ? PUPIL_METHODS : PARENT_METHODS),
      coversDiscussion: 1,
      shareWith: '[]',
    });
    withdrawals++;
  }
  return { withdrawals };
}

/** The parents and carers of a case, fitting who cares for the pupil in its story. */
function household(context: PartiesContext, fact: CaseFacts): Parent[] {
  const { faker, random } = context;
  const lastName = fact.pupil.lastName;
  const person = (sex: 'female' | 'male', family = faker.person.lastName()) => `${random.pick(PARENT_NAMES[sex])} ${family}`;
  const members: { name: string; relation: string; hasAuthority: boolean }[] = [];
  const mother = () => person('female', random.chance(0.3) ? lastName : faker.person.lastName());
  switch (fact.story.caregiverRole) {
    case 'moeder':
      members.push({ name: mother(), relation: 'moeder', hasAuthority: true });
      // After a divorce the father often keeps gezag; sometimes he never had it.
      if (random.chance(0.5)) members.push({ name: person('male', lastName), relation: 'vader', hasAuthority: random.chance(0.4) });
      break;
    case 'vader':
      members.push({ name: person('male', lastName), relation: 'vader', hasAuthority: true });
      if (random.chance(0.6)) members.push({ name: mother(), relation: 'moeder', hasAuthority: true });
      break;
    case 'oma':
      members.push({ name: person('female'), relation: 'oma', hasAuthority: false });
      members.push({ name: mother(), relation: 'moeder', hasAuthority: true });
      break;
    case 'pleegouders': {
      const family = faker.person.lastName();
      members.push({ name: person('female', family), relation: 'pleegmoeder', hasAuthority: false });
      members.push({ name: person('male', family), relation: 'pleegvader', hasAuthority: false });
      members.push({ name: person(random.chance(0.5) ? 'female' : 'male'), relation: 'voogd (jeugdbescherming)', hasAuthority: true });
      break;
    }
    default:
      if (random.chance(0.1)) {
        members.push({ name: person('female', lastName), relation: 'moeder', hasAuthority: true });
        members.push({ name: person('female'), relation: 'moeder', hasAuthority: true });
      } else {
        members.push({ name: mother(), relation: 'moeder', hasAuthority: true });
        members.push({ name: person('male', lastName), relation: 'vader', hasAuthority: true });
      }
  }
  return members.map((member) => {
    const id = context.ids.caseParent();
    context.rows.caseParent.push({
      id,
      caseId: fact.caseId,
      name: member.name,
      relation: member.relation,
      hasAuthority: member.hasAuthority ? 1 : 0,
      createdAt: context.stamp,
    });
    return { id, relation: member.relation, hasAuthority: member.hasAuthority };
  });
}

/** Who took part in each discussion, the pupil's view, and when the ouderversie was sent. */
function participation(context: PartiesContext, fact: CaseFacts) {
  const { random } = context;
  const discussions = [...fact.discussions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const [index, { row, date, evaluation }] of discussions.entries()) {
    const age = ageOn(fact.pupil.dateOfBirth, date);
    let parentsPresent: ParentsPresent;
    let reason = '';
    if (evaluation) {
      parentsPresent = 'not_invited';
      reason = blocks.EVALUATION_NOT_INVITED;
    } else if (fact.situation === 'safety') {
      parentsPresent = 'not_invited';
      reason = blocks.SAFETY_NOT_INVITED;
    } else {
      const draw = random.next();
      const present = index === 0 ? 0.55 : 0.4;
      parentsPresent = draw < present ? 'yes' : draw < 0.85 ? 'invited_absent' : 'not_invited';
      if (parentsPresent === 'not_invited') reason = random.pick(blocks.NOT_INVITED_REASONS);
    }
    let pupil: PupilParticipation = 'none';
    if (!evaluation) {
      const draw = random.next();
      const showcase = fact.situation === 'turned12' || fact.situation === 'sixteen';
      if (age >= 12) pupil = draw < (age >= 16 ? 0.7 : 0.45) ? 'present' : draw < 0.8 || showcase ? 'heard' : 'none';
      else pupil = draw < 0.05 && age >= 8 ? 'present' : draw < (age >= 8 ? 0.45 : 0.25) ? 'heard' : 'none';
    }
    const view = pupil !== 'none' && random.chance(0.75) ? fact.story.pupilView(random, levelAt(age, context.secondary).level) : '';
    row.parentsPresent = parentsPresent;
    row.parentsAbsentReason = reason;
    row.pupilParticipation = pupil;
    row.pupilView = view;
    row.parentCopySentOn = parentsPresent === 'yes' ? null : sentOn(random, date, context);
  }
}

/** When the ouderversie went out: most within 5 school days, some later; those of the last MDO not yet. */
function sentOn(random: StoryRandom, date: string, context: PartiesContext): string | null {
  if (date >= context.lastHeld) return null;
  const day = addSchoolDays(date, random.chance(0.75) ? random.int(1, 5) : random.int(6, 15));
  return minDate(day, context.today);
}
