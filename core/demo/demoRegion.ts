import { createHash } from 'node:crypto';
import { Faker, base } from '@faker-js/faker';
import { addDays, endOfQuarter, format, set, startOfQuarter, subQuarters } from 'date-fns';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { fixedClock, nowIso, type Clock } from '../clock';
import { nl } from '../i18n/nl';
import { nlRegio } from '../i18n/nlRegio';
import { CONTRIBUTION_FORMAT, CONTRIBUTION_VERSION, contributionSchema, type Contribution } from '../regio/contribution';
import { newRegioKeyPair } from '../regio/keyPairs';
import { storeContribution } from '../services/region/contributions';
import { createRegion } from '../services/region/region';

// The demo region: 16 fictional schools in 7 fictional buurten with four
// quarters of contributions, so a new coordinator sees the overview and the
// report at once. Every name is made up and marked "Demo"; the schools' signer
// keys do not exist (their fingerprints are marked demo fingerprints). Counts
// come from a small simulation of each school's cases per quarter, so every
// contribution is consistent (contributionSchema checks it) and small enough
// that suppression shows. Some schools miss a quarter; one quarter of one
// school was sent twice, the first file kept as history. Two schools still ran
// an older MDO for a while (format version 1), so the report shows what "niet
// aangeleverd" looks like.

/** Fictional buurten, each with its fictional schools (made-up names, marked Demo). */
const BUURTEN: { name: string; schools: string[] }[] = [
  { name: 'Klaprooshoek', schools: ['De Kiezelsteen', 'De Vuurvlinder', 'Het Zonnewiel'] },
  { name: 'Meeuwenveld', schools: ['De Zeeparel', 'Het Kompaswiel', 'De Wolkenfietser'] },
  { name: 'Kiezelkade', schools: ['De Lantaarnvis', 'Het Klavertje Zeven'] },
  { name: 'Wilgenweide', schools: ['De Wilgenfluit', 'De Papavertuin'] },
  { name: 'Uilenpoort', schools: ['De Nachtuil', 'Het Sterrenraam'] },
  { name: 'Vlasakker', schools: ['De Vlasbloem', 'De Molenwiek'] },
  { name: 'Zandloperbuurt', schools: ['De Zandloper', 'Het Tijdschip'] },
];

/** School index → the quarter (0 oldest … 3 newest) it did not deliver. */
const MISSING: Record<number, number> = { 2: 3, 7: 1, 12: 2 };
/** School index → the quarters (0 oldest … 3 newest) it still sent from an older MDO (format version 1, without the measures with parents and pupil). */
const FORMAT_1: Record<number, number[]> = { 5: [0, 1], 9: [0, 1, 2, 3] };
/** The school and quarter whose contribution was sent twice; the first stays as history. */
const RESENT = { school: 4, quarter: 1 };

const DEMO_VERSION = 'demo';
const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** A marked, made-up fingerprint in the usual "AB:CD:…" form: no key exists for it. */
export function demoFingerprint(school: string): string {
  const hex = createHash('sha256').update(`mdo-demo-signer:${school}`).digest('hex').toUpperCase();
  return hex.match(/../g)!.join(':');
}

interface DemoCase {
  isNew: boolean;
  closed: boolean;
  hasLead: boolean;
  themes: string[];
  firstDiscussed: boolean;
  leadDays: number;
  effect: 'yes' | 'partly' | 'no' | 'unchecked';
  withinTarget: boolean;
  handOvers: number;
  tags: { kind: 'success_factor' | 'obstacle'; name: string }[];
}

const TAGS = [
  ...nl.defaults.successFactors.map((tag) => ({ kind: 'success_factor' as const, name: tag.name })),
  ...nl.defaults.obstacles.map((tag) => ({ kind: 'obstacle' as const, name: tag.name })),
];
const THEMES = nl.defaults.themes.map((theme) => theme.name);
const ABSENCE = nl.defaults.themes.find((theme) => theme.code === 'absence')!.name;

/** One school's quarter as measured: counts over simulated cases, so every part adds up. */
function measuresOf(faker: Faker, size: number, asOf: string): Contribution['measures'] {
  const int = (min: number, max: number) => faker.number.int({ min, max });
  const chance = (p: number) => faker.number.float({ min: 0, max: 1 }) < p;
  const active = int(Math.max(1, size - 3), size + 3);
  const cases: DemoCase[] = Array.from({ length: active }, () => {
    const themes = faker.helpers.arrayElements(THEMES, chance(0.15) ? 0 : chance(0.7) ? 1 : 2);
    const firstDiscussed = chance(0.45);
    const effect = !firstDiscussed ? 'unchecked' : chance(0.12) ? 'unchecked' : chance(0.55) ? 'yes' : chance(0.65) ? 'partly' : 'no';
    return {
      isNew: chance(0.45),
      closed: chance(0.3),
      hasLead: chance(0.85),
      themes,
      firstDiscussed,
      leadDays: int(3, 35),
      effect,
      withinTarget: effect !== 'unchecked' && chance(0.7),
      handOvers: chance(0.15) ? int(1, 2) : 0,
      tags: faker.helpers.arrayElements(TAGS, firstDiscussed ? int(0, 3) : 0),
    };
  });
  const count = (list: DemoCase[], test: (c: DemoCase) => boolean) => list.filter(test).length;
  const caseCounts = (list: DemoCase[]) => ({
    newCases: count(list, (c) => c.isNew),
    activeCases: list.length,
    closedCases: count(list, (c) => c.closed),
  });
  const cohort = cases.filter((c) => c.firstDiscussed);
  const leadDays = new Map<number, number>();
  for (const c of cohort) leadDays.set(c.leadDays, (leadDays.get(c.leadDays) ?? 0) + 1);
  // Agreements of the quarter's meetings, each in exactly one of six groups.
  const agreementGroups = { doneOnTime: 0, doneLate: 0, postponed: 0, notDone: 0, openNotDue: 0, openOverdue: 0 };
  let postponements = 0;
  let postponedMoreThanOnce = 0;
  const agreements = int(cohort.length, cohort.length * 3 + 2);
  for (let i = 0; i < agreements; i++) {
    const group = faker.helpers.weightedArrayElement([
      { weight: 50, value: 'doneOnTime' as const },
      { weight: 12, value: 'doneLate' as const },
      { weight: 12, value: 'postponed' as const },
      { weight: 8, value: 'notDone' as const },
      { weight: 10, value: 'openNotDue' as const },
      { weight: 8, value: 'openOverdue' as const },
    ]);
    agreementGroups[group]++;
    if (group === 'postponed') {
      const times = chance(0.25) ? 2 : 1;
      postponements += times;
      if (times > 1) postponedMoreThanOnce++;
    }
  }
  const tags = TAGS.map((tag) => {
    const tagged = cohort.filter((c) => c.tags.some((t) => t.kind === tag.kind && t.name === tag.name));
    const byTheme = new Map<string | null, number>();
    for (const c of tagged) for (const theme of c.themes.length ? c.themes : [null]) byTheme.set(theme, (byTheme.get(theme) ?? 0) + 1);
    return { ...tag, cases: tagged.length, byTheme: [...byTheme].map(([theme, n]) => ({ theme, cases: n })) };
  }).filter((tag) => tag.cases > 0);
  return {
    asOf,
    cases: caseCounts(cases),
    leadCoverage: { openCases: count(cases, (c) => !c.closed), withLead: count(cases, (c) => !c.closed && c.hasLead) },
    effect: {
      cases: cohort.length,
      yes: count(cohort, (c) => c.effect === 'yes'),
      partly: count(cohort, (c) => c.effect === 'partly'),
      no: count(cohort, (c) => c.effect === 'no'),
      unchecked: count(cohort, (c) => c.effect === 'unchecked'),
      withinTarget: count(cohort, (c) => c.withinTarget),
    },
    leadTime: [...leadDays].sort((a, b) => a[0] - b[0]).map(([days, n]) => ({ days, cases: n })),
    agreements: { agreements, ...agreementGroups, postponements, postponedMoreThanOnce },
    leadChanges: { changes: cases.reduce((sum, c) => sum + c.handOvers, 0), cases: count(cases, (c) => c.handOvers > 0) },
    absence: caseCounts(cases.filter((c) => c.themes.includes(ABSENCE))),
    tags,
  };
}

/**
 * One school's quarter with parents and pupil, over its cases first discussed in the quarter. A faker of
 * its own (seeded by school and quarter), so the other numbers of the demo stay as they were.
 */
function partiesOf(seed: string, cohort: number): NonNullable<Contribution['measures']['parties']> {
  const faker = new Faker({ locale: [base], seed: createHash('sha256').update(seed).digest().readUInt32BE(0) });
  const int = (min: number, max: number) => faker.number.int({ min, max: Math.max(min, max) });
  const parentsPresent = int(Math.floor(cohort / 3), cohort);
  const parentsInvitedAbsent = int(0, cohort - parentsPresent);
  const parentsNotInvited = int(0, Math.min(1, cohort - parentsPresent - parentsInvitedAbsent));
  const from12 = int(0, Math.floor(cohort / 3));
  const from12PupilView = int(0, from12);
  const byParents = int(0, 1);
  const byPupil = int(0, from12 > 0 ? 1 : 0);
  const withoutParents = cohort - parentsPresent + int(0, 3);
  const withinTarget = int(Math.floor(withoutParents / 2), withoutParents);
  const late = int(0, withoutParents - withinTarget);
  return {
    firstDiscussions: {
      cases: cohort,
      parentsPresent,
      parentsInvitedAbsent,
      parentsNotInvited,
      parentsUnrecorded: cohort - parentsPresent - parentsInvitedAbsent - parentsNotInvited,
      pupilView: from12PupilView + int(0, Math.floor((cohort - from12) / 4)),
      from12,
      from12PupilView,
    },
    consentRefusals: { cases: Math.max(byParents, byPupil), byParents, byPupil },
    parentCopies: { discussions: withoutParents, withinTarget, late, notSent: withoutParents - withinTarget - late },
  };
}

/** The four whole quarters before the clock's current one, oldest first. */
export function demoQuarters(clock: Clock): { from: string; to: string; end: Date }[] {
  const current = startOfQuarter(clock.now());
  return [4, 3, 2, 1].map((back) => {
    const start = subQuarters(current, back);
    return { from: iso(start), to: iso(endOfQuarter(start)), end: endOfQuarter(start) };
  });
}

export interface DemoRegionSummary {
  schools: number;
  areas: number;
  contributions: number;
}

/**
 * Fills a new database as the demo region: the region with a real coordinator key
 * pair, its buurten and schools, trusted (demo) signers and four quarters of
 * contributions. The same seed and clock give the same numbers.
 */
export async function generateDemoRegion(db: Kysely<DB>, options: { clock: Clock; seed?: number }): Promise<DemoRegionSummary> {
  const { clock } = options;
  const t = nlRegio.demo;
  const faker = new Faker({ locale: [base], seed: options.seed ?? 2026 });
  const keyPair = newRegioKeyPair({ purpose: 'coordinator', name: t.coordinatorName, organisation: t.regionName, now: clock.now() });
  await createRegion(db, { name: t.regionName, isDemo: true }, keyPair, clock);
  const now = nowIso(clock);
  const schools: { id: number; name: string; size: number }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const buurt of BUURTEN) {
      const area = await trx
        .insertInto('regionArea')
        .values({ name: buurt.name, createdAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const school of buurt.schools) {
        const name = `Demo — Basisschool ${school}`;
        const { id } = await trx
          .insertInto('regionSchool')
          .values({ name, areaId: area.id, createdAt: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('regionSigner')
          .values({ fingerprint: demoFingerprint(name), subject: t.signerSubject(name), regionSchoolId: id, acceptedAt: now })
          .execute();
        // Open cases per quarter: most schools have a handful, a few more.
        schools.push({
          id,
          name,
          size: faker.helpers.weightedArrayElement([
            { weight: 3, value: 4 },
            { weight: 3, value: 7 },
            { weight: 1, value: 12 },
          ]),
        });
      }
    }
  });
  let contributions = 0;
  const latest = clock.now().getTime();
  for (const [quarter, period] of demoQuarters(clock).entries()) {
    for (const [index, school] of schools.entries()) {
      if (MISSING[index] === quarter) {
        faker.number.int(); // keep the other schools' numbers as they are
        continue;
      }
      // Made a few days after the quarter, during office hours; never after the clock's now.
      const madeOn = set(addDays(period.end, faker.number.int({ min: 4, max: 24 })), {
        hours: faker.number.int({ min: 8, max: 16 }),
        minutes: faker.number.int({ min: 0, max: 59 }),
        seconds: 0,
        milliseconds: 0,
      });
      const made = new Date(Math.min(madeOn.getTime(), latest - 3_600_000));
      const received = new Date(Math.min(addDays(made, faker.number.int({ min: 0, max: 3 })).getTime(), latest));
      const measures = measuresOf(faker, school.size, period.to);
      const formatOne = FORMAT_1[index]?.includes(quarter) ?? false;
      const contribution: Contribution = contributionSchema.parse({
        format: CONTRIBUTION_FORMAT,
        formatVersion: formatOne ? 1 : CONTRIBUTION_VERSION,
        app: { name: 'MDO', version: DEMO_VERSION },
        school: { name: school.name },
        period: { from: period.from, to: period.to },
        createdAt: made.toISOString(),
        measures: formatOne ? measures : { ...measures, parties: partiesOf(`${school.name}/${period.from}`, measures.effect.cases) },
      });
      const versions = [contribution];
      if (RESENT.school === index && RESENT.quarter === quarter) {
        // The school found an agreement it had not recorded and sent the quarter again a week later.
        const { agreements } = contribution.measures;
        versions.push({
          ...contribution,
          createdAt: addDays(made, 7).toISOString(),
          measures: {
            ...contribution.measures,
            agreements: { ...agreements, agreements: agreements.agreements + 1, doneOnTime: agreements.doneOnTime + 1 },
          },
        });
      }
      for (const version of versions) {
        const content = JSON.stringify(version);
        const fileSha256 = createHash('sha256').update(content).digest('hex');
        const at = new Date(Math.min(Date.parse(version.createdAt) + (received.getTime() - made.getTime()), latest));
        await storeContribution(
          db,
          {
            contribution: contributionSchema.parse(version),
            signer: { fingerprint: demoFingerprint(school.name), subject: t.signerSubject(school.name), certificatePem: '' },
            fileSha256,
          },
          fixedClock(at.toISOString()),
        );
        contributions++;
      }
    }
  }
  return { schools: schools.length, areas: BUURTEN.length, contributions };
}
