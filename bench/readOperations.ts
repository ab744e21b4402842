import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock';
import { agendaSuggestions } from '../core/services/agenda';
import { getCase, listCases } from '../core/services/cases';
import { consentGate, gateFields } from '../core/services/consentGate';
import { getDashboardItems } from '../core/services/dashboardItems';
import { listMeetings } from '../core/services/meetings';
import { reportCharts } from '../core/monitoring/charts';
import type { ReportTable } from '../core/monitoring/report';
import { monitoringView } from '../core/services/monitoring';
import { listPupils } from '../core/services/pupils';
import { search } from '../core/services/search';
import type { DB } from '../db/schema';
import type { BenchApp } from './benchApp';
import type { Floors } from './floors';
import type { Operation } from './measure';
import { recordStatements, type RecordedStatement } from './replay';
import type { Goals } from './stats';

// The read operations of `npm run bench`. Each service side is the channel the
// renderer calls, through the router and the IPC serializer; each floor is the
// same SQL straight on better-sqlite3 (floors.ts), on the same connection.

const CASE_SAMPLE = 50;

// Issue 6 sets p95 < 50 ms for these; their ratio is reported, with no goal of its own.
const DASHBOARD_GOALS: Goals = { maxP95: 50 };
const SEARCH_GOALS: Goals = { maxP95: 50, maxRatio: 2 };

type Count = (sql: string, ...parameters: unknown[]) => number;

const at = <T>(list: readonly T[], iteration: number) => list[iteration % list.length];
const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Every read operation of the bench on the open app, with the inputs it rotates over. */
export function readOperations(app: BenchApp, floors: Floors, clock: Clock): Operation[] {
  const { sqlite, db } = app;
  const count: Count = (sql, ...parameters) => (sqlite.prepare(sql).get(...parameters) as { n: number }).n;
  const meeting = sqlite
    .prepare<[], { id: number; schoolId: number }>(
      "SELECT id, school_id AS schoolId FROM meeting WHERE status = 'planned' ORDER BY school_id, date LIMIT 1",
    )
    .get();
  if (!meeting) throw new Error('the demo data has no planned meeting');
  const schoolId = meeting.schoolId;
  const schoolIds = sqlite
    .prepare<[], { id: number }>('SELECT id FROM school ORDER BY id')
    .all()
    .map((row) => row.id);
  // The last year of all schools, as the stuurgroep report asks for it.
  const to = clock.now().toISOString().slice(0, 10);
  const year = { from: `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`, to, schoolIds };

  // Spread over all schools and years: old closed cases and fresh ones alike.
  const allCases = sqlite
    .prepare<[], { id: number }>('SELECT id FROM support_case ORDER BY id')
    .all()
    .map((row) => row.id);
  const caseIds = Array.from({ length: CASE_SAMPLE }, (_, k) => allCases[Math.floor((k * allCases.length) / CASE_SAMPLE)]);

  const firstName = sqlite
    .prepare<[number], { firstName: string }>(
      'SELECT first_name AS firstName FROM pupil WHERE school_id = ? GROUP BY first_name ORDER BY count(*) DESC, first_name LIMIT 1',
    )
    .get(schoolId)?.firstName;
  if (!firstName) throw new Error(`school ${schoolId} has no pupils`);
  // A name, a word from many notes, and two words that must both match.
  const queries = [firstName, 'ouders', 'contact thuis'];

  // What a school's views summarize: its pupils, cases, discussions and agreements.
  const schoolRows = (id: number) =>
    count('SELECT count(*) AS n FROM pupil WHERE school_id = ?', id) +
    count('SELECT count(*) AS n FROM support_case WHERE school_id = ?', id) +
    count('SELECT count(*) AS n FROM case_discussion d JOIN support_case c ON c.id = d.case_id WHERE c.school_id = ?', id) +
    count('SELECT count(*) AS n FROM agreement a JOIN support_case c ON c.id = a.case_id WHERE c.school_id = ?', id);

  return [
    {
      name: 'agenda suggestions',
      floorIs: 'same SQL, prepared',
      inputs: [{ meetingId: meeting.id }],
      service: () => app.call('agenda.suggestions', { meetingId: meeting.id }),
      floor: () => floors.agendaSuggestions(meeting.id),
      size: () => ({
        count: count("SELECT count(*) AS n FROM support_case WHERE school_id = ? AND status != 'closed'", schoolId),
        of: 'open cases',
      }),
      verify: async () => {
        const fromService = await agendaSuggestions(db, meeting.id);
        const { meetingDate, suggestions } = floors.agendaSuggestions(meeting.id);
        const fromFloor = suggestions.map(({ dateOfBirth, parties, safetyConcernReason, ...rest }) => ({
          ...rest,
          ...gateFields(consentGate({ dateOfBirth, safetyConcernReason, ...parties }, meetingDate)),
        }));
        const byCase = (a: { caseId: number }, b: { caseId: number }) => a.caseId - b.caseId;
        if (fromService.length === 0) throw new Error(`agenda suggestions for meeting ${meeting.id} are empty: nothing to measure`);
        assertSame('agenda suggestions', `meeting ${meeting.id}`, [...fromService].sort(byCase), fromFloor.sort(byCase));
      },
    },
    {
      name: 'case page',
      floorIs: 'same SQL, prepared',
      inputs: caseIds.map((caseId) => ({ caseId })),
      service: (iteration) => app.call('cases.get', { caseId: at(caseIds, iteration) }),
      floor: (iteration) => floors.getCase(at(caseIds, iteration)),
      size: () => ({
        count: average(
          caseIds.map(
            (caseId) =>
              count('SELECT count(*) AS n FROM case_discussion WHERE case_id = ?', caseId) +
              count('SELECT count(*) AS n FROM agreement WHERE case_id = ?', caseId),
          ),
        ),
        of: 'discussions + agreements of the case',
      }),
      verify: async () => {
        for (const caseId of caseIds) {
          const { themes, consents, leads, discussions, agreements, effectChecks, partnerOrganisations, ...fromService } = await getCase(
            db,
            caseId,
            clock,
          );
          const floor = floors.getCase(caseId);
          const row = Object.fromEntries(Object.keys(floor.row).map((key) => [key, fromService[key as keyof typeof fromService]]));
          assertSame(
            'case page',
            `case ${caseId}`,
            {
              row,
              themes,
              consents,
              parents: fromService.parents.map(({ latest: _, ...parent }) => ({ ...parent, hasAuthority: parent.hasAuthority ? 1 : 0 })),
              partnerOrganisations,
              leads,
              discussions,
              agreements,
              effectChecks,
            },
            floor,
          );
        }
      },
    },
    {
      name: 'global search',
      goals: SEARCH_GOALS,
      floorIs: 'same SQL, prepared',
      inputs: queries.map((text) => ({ schoolId, text })),
      service: (iteration) => app.call('search.query', { schoolId, text: at(queries, iteration) }),
      floor: (iteration) => floors.search(schoolId, at(queries, iteration)),
      size: () => ({ count: schoolRows(schoolId), of: "rows of the school's index" }),
      verify: async () => {
        for (const text of queries) {
          const fromService = await search(db, schoolId, text);
          if (fromService.length === 0) throw new Error(`search for '${text}' finds nothing in the demo data: choose another query`);
          assertSame('global search', `'${text}'`, fromService, floors.search(schoolId, text));
        }
      },
    },
    replayed(app, floors, {
      name: 'meeting list',
      channel: 'meetings.list',
      inputs: [{ schoolId }],
      run: (recording) => listMeetings(recording, schoolId),
      // Each line counts the meeting's cases: its agenda items are read too.
      size: () => ({
        count:
          count('SELECT count(*) AS n FROM meeting WHERE school_id = ?', schoolId) +
          count('SELECT count(*) AS n FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id WHERE m.school_id = ?', schoolId),
        of: 'meetings + agenda items',
      }),
    }),
    replayed(app, floors, {
      name: 'case list',
      channel: 'cases.list',
      inputs: [{ schoolId }],
      run: (recording) => listCases(recording, schoolId),
      size: () => ({ count: count('SELECT count(*) AS n FROM support_case WHERE school_id = ?', schoolId), of: 'cases' }),
    }),
    replayed(app, floors, {
      name: 'pupil list',
      channel: 'pupils.list',
      inputs: [{ schoolId }],
      run: (recording) => listPupils(recording, schoolId),
      size: () => ({ count: count('SELECT count(*) AS n FROM pupil WHERE school_id = ?', schoolId), of: 'pupils' }),
    }),
    replayed(app, floors, {
      name: 'dashboard',
      goals: DASHBOARD_GOALS,
      channel: 'dashboard.items',
      inputs: schoolIds.map((id) => ({ schoolId: id })),
      run: (recording, input) => getDashboardItems(recording, (input as { schoolId: number }).schoolId, clock),
      size: () => ({ count: average(schoolIds.map(schoolRows)), of: 'rows of the school' }),
    }),
    monitoringYear(app, floors, clock, year, count),
    monitoringCharts(app, year),
  ];
}

interface Replayed {
  name: string;
  goals?: Goals;
  channel: string;
  inputs: unknown[];
  /** The service the channel runs, on the Kysely it is given (a recording one, to learn its statements). */
  run(db: Kysely<DB>, input: unknown): Promise<unknown>;
  size(): { count: number; of: string };
}

/** A channel whose floor replays the statements its service sent for each input (replay.ts). */
function replayed(app: BenchApp, floors: Floors, spec: Replayed): Operation {
  const statements: RecordedStatement[][] = [];
  return {
    name: spec.name,
    goals: spec.goals,
    floorIs: 'its statements, replayed',
    inputs: spec.inputs,
    service: (iteration) => app.call(spec.channel, at(spec.inputs, iteration)),
    floor: (iteration) => floors.replay(at(statements, iteration)),
    size: spec.size,
    verify: async () => {
      for (const input of spec.inputs) {
        statements.push(await recordStatements(app.sqlite, (recording) => spec.run(recording, input)));
        const shown = await app.call(spec.channel, input);
        if (Array.isArray(shown) && shown.length === 0)
          throw new Error(`${spec.name} for ${JSON.stringify(input)} is empty: nothing to measure`);
      }
    },
  };
}

type Period = { from: string; to: string; schoolIds: number[] };

/** One year of monitoring over all schools. */
function monitoringYear(app: BenchApp, floors: Floors, clock: Clock, year: Period, count: Count): Operation {
  return replayed(app, floors, {
    name: 'monitoring, 1 year, all schools',
    goals: DASHBOARD_GOALS,
    channel: 'monitoring.report',
    inputs: [year],
    run: (recording) => monitoringView(recording, year, clock),
    size: () => ({
      count: count(
        'SELECT count(*) AS n FROM support_case WHERE registered_on <= ? AND (closed_on IS NULL OR closed_on >= ?)',
        year.to,
        year.from,
      ),
      of: 'cases open in the year',
    }),
  });
}

/** The charts of that report, which the Monitoring screen asks for once it shows the numbers. */
function monitoringCharts(app: BenchApp, year: Period): Operation {
  let tables: ReportTable[] = [];
  let drawnKb = 0;
  return {
    name: 'monitoring charts (Vega SVG)',
    goals: DASHBOARD_GOALS,
    // No SQL at all: the floor is Vega drawing the same charts, so the ratio is what the channel adds.
    floorIs: 'the same charts, drawn directly',
    inputs: [year],
    service: () => app.call('monitoring.charts', { tables }),
    floor: () => reportCharts(tables),
    size: () => ({ count: drawnKb, of: 'kB of SVG drawn' }),
    verify: async () => {
      tables = ((await app.call('monitoring.report', year)) as { report: { tables: ReportTable[] } }).report.tables;
      const { charts } = (await app.call('monitoring.charts', { tables })) as { charts: { svg: string }[] };
      if (charts.length === 0) throw new Error('the monitoring report has no charts: nothing to measure');
      // A table whose counts are all hidden below five gets no chart; each chart costs its axes as well as its bars.
      drawnKb = charts.reduce((sum, chart) => sum + chart.svg.length, 0) / 1024;
    },
  };
}

// A floor that returns less than the service would make the ratio flatter the service.
function assertSame(operation: string, input: string, fromService: unknown, fromFloor: unknown): void {
  if (!isDeepStrictEqual(fromService, fromFloor))
    throw new Error(`the raw-SQL floor for ${operation} (${input}) does not return the same rows as the service`);
}
