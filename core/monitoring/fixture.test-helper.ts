import { addDays, formatISO, parseISO } from 'date-fns';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { AgreementStatus, ConsentStatus, DB, EffectResult, MeetingStatus, OwnerKind, TagKind } from '../../db/schema';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { fixedClock } from '../clock';
import { createSchool } from '../services/schools';

/**
 * A small, fixed data set for hand-computed expectations of the monitoring
 * measures and the dashboard. Rows are inserted directly (not through the
 * services) so every date is exactly what the table below says.
 *
 * Today is Wednesday 2026-11-25; the week runs to Sunday 2026-11-29.
 * Schools: A (De Linde), B (Het Anker), C (De Wilg, never asked for).
 *
 * case  school  registered  first disc.  closed      themes             trekkers (start → end)
 * C1    A       2025-11-10  2025-12-02   2026-02-10  absence            m1 12-02 → 02-10
 * C2    A       2026-01-15  2026-02-03   -           absence, family    m1 02-03 → 03-17, m2 → 05-12, m3 → …
 * C3    A       2026-02-20  2026-03-17   -           learning           m2 03-17 → …
 * C4    A       2026-03-01  2026-03-17   2026-05-20  social_emotional   m3 03-17 → 05-20
 * C5    A       2026-04-10  -            -           -                  none (registered only)
 * C6    A       2026-05-05  2026-06-16   -           learning           none
 * C7    A       2026-07-10  2026-09-01   -           health             m1 09-01 → …   (pupil 17, no consent)
 * C8    B       2025-06-01  2025-06-17   -           health             m4 → 2026-01-20, m5 2026-01-20 → …
 * C9    B       2026-06-20  2026-06-23   -           absence            m4 06-23 → …
 * C10   C       2026-02-01  2026-02-10   2026-03-01  absence            m6 → 02-20, m7 02-20 → 03-01
 * C11   A       2025-09-01  2025-09-15   2025-12-15  family             m1 → 2025-12-15
 * C12   A       2025-10-01  2025-10-07   - (reopened) -                 m1 → 2026-02-01, m3 2026-03-01 → …
 * C13   A       2026-11-01  2026-11-12   -           learning           m1 11-12 → …
 *
 * Effect checks: C1 yes 2025-12-16; C2 partly 2026-02-17; C3 yes 2026-04-28
 * and no 2026-06-16; C4 no 2026-03-31; C8 yes 2025-07-01; C9 yes 2026-06-23;
 * C10 yes 2026-02-24; C11 yes 2025-09-29; C12 yes 2025-10-21.
 * Consent: none for C5 and C7; C12 given and later withdrawn; all others given.
 */
export const FIXTURE_NOW = '2026-11-25T09:00:00Z';
export const fixtureClock = fixedClock(FIXTURE_NOW);

const clock = fixtureClock;
const stamp = FIXTURE_NOW;
const plus14 = (date: string) => formatISO(addDays(parseISO(date), 14), { representation: 'date' });

export interface MonitoringFixture {
  handle: OpenDatabase;
  db: Kysely<DB>;
  school: { a: number; b: number; c: number };
  member: Record<'m1' | 'm2' | 'm3' | 'm4' | 'm5' | 'm6' | 'm7', number>;
  cases: Record<`C${number}`, number>;
  meeting: Record<string, number>;
  agreement: Record<`A${number}`, number>;
  /** Agenda items of the next meeting (MA5, 2026-12-01), by case. */
  nextItem: { opening: number; C3: number; C5: number; C13: number; roundup: number };
  close(): Promise<void>;
}

export async function buildMonitoringFixture(): Promise<MonitoringFixture> {
  const temp = tempDir('mdo-monitoring-');
  const handle = await openDatabase(temp.file('fixture.db'), { create: true });
  const db = handle.db;

  const school = {
    a: await createSchool(db, { name: 'De Linde' }, clock),
    b: await createSchool(db, { name: 'Het Anker' }, clock),
    c: await createSchool(db, { name: 'De Wilg' }, clock),
  };

  const roleId = async (schoolId: number, code: string) =>
    (await db.selectFrom('role').select('id').where('schoolId', '=', schoolId).where('code', '=', code).executeTakeFirstOrThrow()).id;
  const themeId = async (schoolId: number, code: string) =>
    (await db.selectFrom('theme').select('id').where('schoolId', '=', schoolId).where('code', '=', code).executeTakeFirstOrThrow()).id;
  const tagId = async (schoolId: number, kind: TagKind, name: string) =>
    (
      await db
        .selectFrom('tag')
        .select('id')
        .where('schoolId', '=', schoolId)
        .where('kind', '=', kind)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;

  const addMember = async (schoolId: number, name: string, role: string) =>
    (
      await db
        .insertInto('member')
        .values({
          schoolId,
          roleId: await roleId(schoolId, role),
          name,
          organisation: null,
          email: null,
          phone: null,
          joinedOn: null,
          leftOn: null,
          createdAt: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const member = {
    m1: await addMember(school.a, 'Anna Bakker', 'cjg'),
    m2: await addMember(school.a, 'Bram de Wit', 'attendance_officer'),
    m3: await addMember(school.a, 'Carla Jansen', 'school_social_worker'),
    m4: await addMember(school.b, 'Dirk Visser', 'ggd'),
    m5: await addMember(school.b, 'Eva Smit', 'cjg'),
    m6: await addMember(school.c, 'Frank Mulder', 'cjg'),
    m7: await addMember(school.c, 'Gijs de Boer', 'ggd'),
  };

  const cases = {} as MonitoringFixture['cases'];
  const addCase = async (
    name: `C${number}`,
    schoolId: number,
    input: { registered: string; first?: string; closed?: string; themes: string[]; dateOfBirth?: string },
  ) => {
    const { id: pupilId } = await db
      .insertInto('pupil')
      .values({
        schoolId,
        firstName: `Kind${name}`,
        lastName: 'Fixture',
        dateOfBirth: input.dateOfBirth ?? '2015-03-01',
        groupName: 'Groep 6',
        createdAt: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto('supportCase')
      .values({
        schoolId,
        pupilId,
        question: `Hulpvraag ${name}`,
        status: input.closed ? 'closed' : input.first ? 'active' : 'registered',
        registeredOn: input.registered,
        firstDiscussedOn: input.first ?? null,
        effectDueOn: input.first ? plus14(input.first) : null,
        closedOn: input.closed ?? null,
        closedReason: input.closed ? 'Doel bereikt' : null,
        safetyConcernReason: null,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const code of input.themes)
      await db
        .insertInto('caseTheme')
        .values({ caseId: id, themeId: await themeId(schoolId, code) })
        .execute();
    cases[name] = id;
    return id;
  };
  await addCase('C1', school.a, { registered: '2025-11-10', first: '2025-12-02', closed: '2026-02-10', themes: ['absence'] });
  await addCase('C2', school.a, { registered: '2026-01-15', first: '2026-02-03', themes: ['absence', 'family'] });
  await addCase('C3', school.a, { registered: '2026-02-20', first: '2026-03-17', themes: ['learning'] });
  await addCase('C4', school.a, { registered: '2026-03-01', first: '2026-03-17', closed: '2026-05-20', themes: ['social_emotional'] });
  await addCase('C5', school.a, { registered: '2026-04-10', themes: [] });
  await addCase('C6', school.a, { registered: '2026-05-05', first: '2026-06-16', themes: ['learning'] });
  await addCase('C7', school.a, { registered: '2026-07-10', first: '2026-09-01', themes: ['health'], dateOfBirth: '2009-05-01' });
  await addCase('C8', school.b, { registered: '2025-06-01', first: '2025-06-17', themes: ['health'] });
  await addCase('C9', school.b, { registered: '2026-06-20', first: '2026-06-23', themes: ['absence'] });
  await addCase('C10', school.c, { registered: '2026-02-01', first: '2026-02-10', closed: '2026-03-01', themes: ['absence'] });
  await addCase('C11', school.a, { registered: '2025-09-01', first: '2025-09-15', closed: '2025-12-15', themes: ['family'] });
  await addCase('C12', school.a, { registered: '2025-10-01', first: '2025-10-07', themes: [] });
  await addCase('C13', school.a, { registered: '2026-11-01', first: '2026-11-12', themes: ['learning'] });

  const leads: [`C${number}`, number, string, string | null][] = [
    ['C1', member.m1, '2025-12-02', '2026-02-10'],
    ['C2', member.m1, '2026-02-03', '2026-03-17'],
    ['C2', member.m2, '2026-03-17', '2026-05-12'],
    ['C2', member.m3, '2026-05-12', null],
    ['C3', member.m2, '2026-03-17', null],
    ['C4', member.m3, '2026-03-17', '2026-05-20'],
    ['C7', member.m1, '2026-09-01', null],
    ['C8', member.m4, '2025-06-17', '2026-01-20'],
    ['C8', member.m5, '2026-01-20', null],
    ['C9', member.m4, '2026-06-23', null],
    ['C10', member.m6, '2026-02-10', '2026-02-20'],
    ['C10', member.m7, '2026-02-20', '2026-03-01'],
    ['C11', member.m1, '2025-09-15', '2025-12-15'],
    ['C12', member.m1, '2025-10-07', '2026-02-01'],
    ['C12', member.m3, '2026-03-01', null],
    ['C13', member.m1, '2026-11-12', null],
  ];
  for (const [name, memberId, startedOn, endedOn] of leads)
    await db
      .insertInto('caseLead')
      .values({ caseId: cases[name], memberId, startedOn, endedOn, reason: 'Fixture', createdAt: stamp })
      .execute();

  const consents: [`C${number}`, ConsentStatus, string][] = [
    ['C1', 'given', '2025-11-12'],
    ['C2', 'given', '2026-01-16'],
    ['C3', 'given', '2026-02-21'],
    ['C4', 'given', '2026-03-02'],
    ['C6', 'given', '2026-05-06'],
    ['C8', 'given', '2025-06-02'],
    ['C9', 'given', '2026-06-20'],
    ['C10', 'given', '2026-02-02'],
    ['C11', 'given', '2025-09-02'],
    ['C12', 'given', '2025-10-02'],
    ['C12', 'withdrawn', '2026-01-20'],
    ['C13', 'given', '2026-11-02'],
  ];
  // The parents' decisions, as MDO recorded them before 0.3: one nameless parent party with gezag per case.
  const parentOf = new Map<string, number>();
  for (const [name, status, recordedOn] of consents) {
    if (!parentOf.has(name)) {
      const parent = await db
        .insertInto('caseParent')
        .values({ caseId: cases[name], createdAt: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      parentOf.set(name, parent.id);
    }
    await db
      .insertInto('consent')
      .values({ caseId: cases[name], parentId: parentOf.get(name)!, status, recordedOn, createdAt: stamp })
      .execute();
  }

  const effects: [`C${number}`, EffectResult, string][] = [
    ['C1', 'yes', '2025-12-16'],
    ['C2', 'partly', '2026-02-17'],
    ['C3', 'yes', '2026-04-28'],
    ['C3', 'no', '2026-06-16'],
    ['C4', 'no', '2026-03-31'],
    ['C8', 'yes', '2025-07-01'],
    ['C9', 'yes', '2026-06-23'],
    ['C10', 'yes', '2026-02-24'],
    ['C11', 'yes', '2025-09-29'],
    ['C12', 'yes', '2025-10-21'],
  ];
  for (const [name, result, checkedOn] of effects)
    await db.insertInto('effectCheck').values({ caseId: cases[name], discussionId: null, result, checkedOn, createdAt: stamp }).execute();

  const meeting: Record<string, number> = {};
  const meetings: [string, number, string, MeetingStatus][] = [
    ['MA0', school.a, '2025-12-02', 'finalized'],
    ['MA1', school.a, '2026-02-03', 'finalized'],
    ['MA2', school.a, '2026-03-17', 'finalized'],
    ['MA3', school.a, '2026-06-16', 'finalized'],
    ['MA4', school.a, '2026-09-01', 'held'],
    ['MA8', school.a, '2026-11-10', 'planned'], // never held: in the past, so not "next"
    ['MA7', school.a, '2026-11-12', 'held'],
    ['MA6', school.a, '2026-11-26', 'cancelled'],
    ['MA5', school.a, '2026-12-01', 'planned'], // the next MDO
    ['MA9', school.a, '2027-01-12', 'planned'],
    ['MB0', school.b, '2025-06-17', 'finalized'],
    ['MB1', school.b, '2026-01-20', 'finalized'],
    ['MB2', school.b, '2026-06-23', 'finalized'],
    ['MC1', school.c, '2026-02-10', 'finalized'],
  ];
  for (const [name, schoolId, date, status] of meetings) {
    meeting[name] = (
      await db
        .insertInto('meeting')
        .values({
          schoolId,
          date,
          startTime: '08:30',
          location: 'IB-kamer',
          chairId: null,
          minuteTakerId: null,
          status,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  const positions = new Map<number, number>();
  const addItem = async (meetingId: number, item: { caseId?: number; title?: string; anonymous?: boolean; minutes?: number }) => {
    const position = (positions.get(meetingId) ?? 0) + 1;
    positions.set(meetingId, position);
    return (
      await db
        .insertInto('agendaItem')
        .values({
          meetingId,
          position,
          kind: item.caseId ? 'case' : 'general',
          caseId: item.caseId ?? null,
          title: item.title ?? '',
          plannedMinutes: item.minutes ?? 10,
          anonymous: item.anonymous ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  };
  const discuss = async (meetingName: string, caseName: `C${number}`, schoolId: number, tags: [TagKind, string][]) => {
    const agendaItemId = await addItem(meeting[meetingName], { caseId: cases[caseName] });
    const { id } = await db
      .insertInto('caseDiscussion')
      .values({ agendaItemId, meetingId: meeting[meetingName], caseId: cases[caseName], updatedAt: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [kind, name] of tags)
      await db
        .insertInto('discussionTag')
        .values({ discussionId: id, tagId: await tagId(schoolId, kind, name) })
        .execute();
    return agendaItemId;
  };
  const SF1: [TagKind, string] = ['success_factor', 'Ouders vanaf het begin betrokken'];
  const SF2: [TagKind, string] = ['success_factor', 'Korte lijnen tussen school en hulpverlening'];
  const OB1: [TagKind, string] = ['obstacle', 'Wachtlijst jeugdhulp'];
  const OB2: [TagKind, string] = ['obstacle', 'Geen toestemming van ouders'];
  await discuss('MA0', 'C1', school.a, [OB1]); // before the period
  const itemC2 = await discuss('MA1', 'C2', school.a, [SF1, OB1]);
  await discuss('MA2', 'C2', school.a, [OB1]); // same case again: counted once
  await discuss('MA2', 'C3', school.a, [SF1]);
  await discuss('MA2', 'C4', school.a, [OB1]);
  await discuss('MA2', 'C12', school.a, [SF2]); // a case without theme
  await discuss('MA3', 'C6', school.a, [OB1, OB2]);
  const generalMA3 = await addItem(meeting.MA3, { title: 'Rondvraag' });
  await discuss('MB1', 'C8', school.b, [SF1]);
  await discuss('MB2', 'C9', school.b, [OB1]);
  await discuss('MC1', 'C10', school.c, [OB1]); // school C: never counted

  const nextItem = {
    opening: await addItem(meeting.MA5, { title: 'Opening en mededelingen', minutes: 5 }),
    C3: await addItem(meeting.MA5, { caseId: cases.C3, minutes: 15 }),
    C5: await addItem(meeting.MA5, { caseId: cases.C5, anonymous: true, minutes: 15 }),
    C13: await addItem(meeting.MA5, { caseId: cases.C13, minutes: 10 }),
    roundup: await addItem(meeting.MA5, { title: 'Rondvraag', minutes: 5 }),
  };

  const agreement = {} as MonitoringFixture['agreement'];
  const agreements: [
    `A${number}`,
    string,
    `C${number}` | null,
    OwnerKind,
    number | string | null,
    { due: string; original?: string; postponements?: number; status: AgreementStatus; completed?: string },
  ][] = [
    ['A1', 'MA1', 'C2', 'member', member.m1, { due: '2026-02-17', status: 'done', completed: '2026-02-15' }],
    ['A2', 'MA1', 'C2', 'parents', null, { due: '2026-02-17', status: 'done', completed: '2026-02-17' }],
    ['A3', 'MA1', 'C2', 'member', member.m2, { due: '2026-02-17', status: 'done', completed: '2026-02-20' }],
    [
      'A4',
      'MA2',
      'C3',
      'member',
      member.m2,
      { due: '2026-04-14', original: '2026-03-31', postponements: 1, status: 'done', completed: '2026-04-10' },
    ],
    ['A5', 'MA2', 'C4', 'member', member.m3, { due: '2026-04-28', original: '2026-03-31', postponements: 2, status: 'not_done' }],
    ['A6', 'MA2', 'C4', 'pupil', null, { due: '2026-03-31', status: 'not_done' }],
    ['A7', 'MA3', 'C6', 'member', member.m1, { due: '2026-06-30', status: 'open' }],
    ['A8', 'MA3', null, 'staff', 'Leerkracht groep 5', { due: '2026-12-15', status: 'open' }],
    ['A9', 'MB1', 'C8', 'member', member.m4, { due: '2026-02-03', status: 'done', completed: '2026-02-01' }],
    ['A10', 'MB2', 'C9', 'member', member.m5, { due: '2026-12-01', original: '2026-07-07', postponements: 3, status: 'open' }],
    ['A11', 'MA0', 'C1', 'member', member.m1, { due: '2025-12-16', status: 'done', completed: '2025-12-16' }],
    ['A12', 'MA4', 'C7', 'member', member.m1, { due: '2026-09-15', status: 'done', completed: '2026-09-14' }],
    ['A13', 'MC1', 'C10', 'member', member.m6, { due: '2026-02-24', status: 'open' }],
    ['A14', 'MA4', 'C7', 'member', member.m2, { due: '2026-11-27', status: 'open' }],
    ['A15', 'MA7', 'C13', 'parents', null, { due: '2026-11-25', status: 'open' }],
    ['A16', 'MA4', 'C3', 'member', member.m2, { due: '2026-11-24', original: '2026-11-10', postponements: 1, status: 'open' }],
    ['A17', 'MA7', 'C13', 'member', member.m1, { due: '2026-11-30', status: 'open' }],
  ];
  for (const [name, meetingName, caseName, ownerKind, owner, state] of agreements) {
    const meetingId = meeting[meetingName];
    const { schoolId } = await db.selectFrom('meeting').select('schoolId').where('id', '=', meetingId).executeTakeFirstOrThrow();
    agreement[name] = (
      await db
        .insertInto('agreement')
        .values({
          schoolId,
          caseId: caseName ? cases[caseName] : null,
          meetingId,
          agendaItemId: name === 'A1' ? itemC2 : name === 'A8' ? generalMA3 : null,
          description: `Afspraak ${name}`,
          ownerKind,
          ownerMemberId: ownerKind === 'member' ? (owner as number) : null,
          ownerName: ownerKind === 'staff' ? (owner as string) : '',
          dueOn: state.due,
          originalDueOn: state.original ?? state.due,
          status: state.status,
          postponements: state.postponements ?? 0,
          completedOn: state.completed ?? null,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  return {
    handle,
    db,
    school,
    member,
    cases,
    meeting,
    agreement,
    nextItem,
    close: async () => {
      await handle.close();
      temp.remove();
    },
  };
}

/**
 * Runs `work` against a Kysely that logs every query on the same SQLite
 * handle, and returns each query with SQLite's plan for it.
 */
export async function queryPlans(handle: OpenDatabase, work: (db: Kysely<DB>) => Promise<unknown>) {
  const queries: { sql: string; parameters: readonly unknown[] }[] = [];
  // Never destroyed: that would close the shared handle.
  const logging = new Kysely<DB>({
    dialect: new SqliteDialect({ database: handle.sqlite }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') queries.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  await work(logging);
  return queries.map((query) => ({
    sql: query.sql,
    plan: (handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[]).map(
      (row) => row.detail,
    ),
  }));
}

/** Plan lines that read a whole table (or a whole index) instead of searching it. */
export function fullScans(plan: string[]): string[] {
  return plan.filter((line) => /^SCAN /.test(line) && !/^SCAN (cohort|CONSTANT ROW)\b/.test(line));
}
