import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { fixedClock, type Clock } from '../core/clock';
import { generateDemo, type DemoSummary } from '../core/demo/generateDemo';
import { agendaSuggestions } from '../core/services/agenda';
import { getCase } from '../core/services/cases';
import { discussionGate } from '../core/services/consent';
import { search } from '../core/services/search';
import { getDashboardItems } from '../core/services/dashboardItems';
import { measureAll } from '../core/monitoring/measures';
import { openDatabase, type OpenDatabase } from '../db/open';
import { autosaveOperation, openEncryptedCopy } from './autosave';
import { backupTable, measureBackup, type BackupResult } from './backup';
import { exportSignTable, measureExportSign, type ExportSignResult } from './exportSign';
import { prepareFloors, type Floors } from './floors';
import { recordStatements, type RecordedStatement } from './replay';
import { GOALS, missedGoals, ratio, summarize, type Goals } from './stats';
import { formatTable } from './table';

// `npm run bench`: latency of the heaviest reads on the large demo, and of one
// acknowledged autosave, each next to its raw-SQL floor. It reports; a missed
// goal does not fail the command.

const NOW = '2026-11-25T09:00:00Z';
const WARMUP = 20;
const ITERATIONS = 300;
const CASE_SAMPLE = 50;
const RESULTS_DIR = path.resolve(import.meta.dirname, '..', 'bench-results');

interface Operation {
  name: string;
  /** The targets of this operation, when not the default for list and page views. */
  goals?: Goals;
  /** What the calls rotate over, for the JSON report. */
  inputs: unknown[];
  service(iteration: number): Promise<unknown>;
  floor(iteration: number): unknown;
  /** Throws unless the floor returns the same rows as the service for every input. */
  verify(): Promise<void>;
}

interface Result {
  operation: string;
  inputs: unknown[];
  calls: number;
  statementsPerCall: number;
  p50Ms: number;
  p95Ms: number;
  floorP50Ms: number;
  floorP95Ms: number;
  ratio: number;
  status: 'ok' | 'MISS';
  missed: string[];
  goals: Goals;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdo-bench-'));
  try {
    const file = path.join(dir, 'bench.db');
    const clock = fixedClock(NOW);
    console.error('Generating the large demo (20 schools x 10 years)...');
    const dataset = await createDemo(file, clock);
    // Autosave writes: it gets its own copy, taken while the file is closed.
    const autosaveFile = path.join(dir, 'autosave.db');
    fs.copyFileSync(file, autosaveFile);
    const backupSource = path.join(dir, 'backup-plain.db');
    fs.copyFileSync(file, backupSource);
    // Reopened like the app opens its file: no caches left over from writing it.
    const handle = await openDatabase(file);
    try {
      const floors = prepareFloors(handle.sqlite);
      const operations = chooseOperations(handle, floors, clock);
      const results: Result[] = [];
      for (const operation of operations) {
        console.error(`Measuring ${operation.name}...`);
        await operation.verify();
        results.push(await measure(operation, floors));
      }
      console.error('Measuring autosave commit (on an encrypted copy)...');
      results.push(await measureAutosave(autosaveFile, clock));
      console.error('Measuring backup (on an encrypted copy)...');
      const backup = await measureBackup(backupSource, dir);
      console.error('Measuring verslag export + sign...');
      const documents = await measureExportSign(handle, clock);
      console.log(report(dataset, results) + exportSignTable(documents) + '\n\n' + backupTable(backup));
      const written = writeJson(dataset, handle, results, documents, backup);
      console.error(`Wrote ${path.relative(process.cwd(), written)} and bench-results/latest.json`);
    } finally {
      await handle.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function measureAutosave(file: string, clock: Clock): Promise<Result> {
  const handle = await openEncryptedCopy(file);
  try {
    const counter = { n: 0 };
    const operation = await autosaveOperation(handle, clock, counter);
    await operation.verify();
    return await measure(operation, { statements: () => counter.n });
  } finally {
    await handle.close();
  }
}

async function createDemo(file: string, clock: Clock): Promise<DemoSummary> {
  const handle = await openDatabase(file, { create: true });
  try {
    return await generateDemo(handle.db, { scale: 'large', clock });
  } finally {
    await handle.close();
  }
}

function chooseOperations({ db, sqlite }: OpenDatabase, floors: Floors, clock: Clock): Operation[] {
  const meeting = sqlite
    .prepare<[], { id: number; schoolId: number }>(
      "SELECT id, school_id AS schoolId FROM meeting WHERE status = 'planned' ORDER BY school_id, date LIMIT 1",
    )
    .get();
  if (!meeting) throw new Error('the demo data has no planned meeting');
  const schoolId = meeting.schoolId;

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
  const queries = [firstName, 'ouders', 'lezen rekenen'];

  const at = <T>(list: T[], iteration: number) => list[iteration % list.length];

  return [
    {
      name: 'agenda suggestions',
      inputs: [{ meetingId: meeting.id }],
      service: () => agendaSuggestions(db, meeting.id),
      floor: () => floors.agendaSuggestions(meeting.id),
      verify: async () => {
        const fromService = await agendaSuggestions(db, meeting.id);
        const { meetingDate, suggestions } = floors.agendaSuggestions(meeting.id);
        const fromFloor = suggestions.map(({ dateOfBirth, consent, safetyConcernReason, ...rest }) => ({
          ...rest,
          gate: discussionGate({ dateOfBirth, consent, safetyConcernReason }, meetingDate),
        }));
        const byCase = (a: { caseId: number }, b: { caseId: number }) => a.caseId - b.caseId;
        if (fromService.length === 0) throw new Error(`agenda suggestions for meeting ${meeting.id} are empty: nothing to measure`);
        assertSame('agenda suggestions', `meeting ${meeting.id}`, [...fromService].sort(byCase), fromFloor.sort(byCase));
      },
    },
    {
      name: 'case page',
      inputs: caseIds.map((caseId) => ({ caseId })),
      service: (iteration) => getCase(db, at(caseIds, iteration), clock),
      floor: (iteration) => floors.getCase(at(caseIds, iteration)),
      verify: async () => {
        for (const caseId of caseIds) {
          const { themes, consent, consents, leads, discussions, agreements, effectChecks, ...fromService } = await getCase(
            db,
            caseId,
            clock,
          );
          const floor = floors.getCase(caseId);
          const row = Object.fromEntries(Object.keys(floor.row).map((key) => [key, fromService[key as keyof typeof fromService]]));
          assertSame(
            'case page',
            `case ${caseId}`,
            { row, themes, consent, consents, leads, discussions, agreements, effectChecks },
            floor,
          );
        }
      },
    },
    {
      name: 'global search',
      inputs: queries.map((text) => ({ schoolId, text })),
      service: (iteration) => search(db, schoolId, at(queries, iteration)),
      floor: (iteration) => floors.search(schoolId, at(queries, iteration)),
      verify: async () => {
        for (const text of queries) {
          const fromService = await search(db, schoolId, text);
          if (fromService.length === 0) throw new Error(`search for '${text}' finds nothing in the demo data: choose another query`);
          assertSame('global search', `'${text}'`, fromService, floors.search(schoolId, text));
        }
      },
    },
    ...replayOperations(db, sqlite, floors, clock),
  ];
}

// Issue 6 sets p95 < 50 ms for these; their ratio is reported, with no goal of its own.
const DASHBOARD_GOALS: Goals = { maxP95Ms: 50, maxRatio: Number.POSITIVE_INFINITY };

/** Dashboard (every school in turn) and one year of monitoring over all schools, against their replayed statements. */
function replayOperations(db: OpenDatabase['db'], sqlite: OpenDatabase['sqlite'], floors: Floors, clock: Clock): Operation[] {
  const schoolIds = sqlite
    .prepare<[], { id: number }>('SELECT id FROM school ORDER BY id')
    .all()
    .map((row) => row.id);
  const to = clock.now().toISOString().slice(0, 10);
  const year = { from: `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`, to, schoolIds };
  const dashboardStatements: RecordedStatement[][] = [];
  let monitoringStatements: RecordedStatement[] = [];
  const at = <T>(list: T[], iteration: number) => list[iteration % list.length];
  return [
    {
      name: 'dashboard',
      goals: DASHBOARD_GOALS,
      inputs: schoolIds.map((schoolId) => ({ schoolId })),
      service: (iteration) => getDashboardItems(db, at(schoolIds, iteration), clock),
      floor: (iteration) => floors.replay(at(dashboardStatements, iteration)),
      verify: async () => {
        for (const schoolId of schoolIds) {
          dashboardStatements.push(await recordStatements(sqlite, (recording) => getDashboardItems(recording, schoolId, clock)));
          const items = await getDashboardItems(db, schoolId, clock);
          if (!items.nextMeeting) throw new Error(`school ${schoolId} has no next meeting on its dashboard: nothing to measure`);
        }
      },
    },
    {
      name: 'monitoring, 1 year, all schools',
      goals: DASHBOARD_GOALS,
      inputs: [year],
      service: () => measureAll(db, year, clock),
      floor: () => floors.replay(monitoringStatements),
      verify: async () => {
        monitoringStatements = await recordStatements(sqlite, (recording) => measureAll(recording, year, clock));
        const measures = await measureAll(db, year, clock);
        if (measures.cases.newCases === 0) throw new Error('no new cases in the last year of the demo: nothing to measure');
      },
    },
  ];
}

// A floor that returns less than the service would make the ratio flatter the service.
function assertSame(operation: string, input: string, fromService: unknown, fromFloor: unknown): void {
  if (!isDeepStrictEqual(fromService, fromFloor))
    throw new Error(`the raw-SQL floor for ${operation} (${input}) does not return the same rows as the service`);
}

async function measure(operation: Operation, floors: Pick<Floors, 'statements'>): Promise<Result> {
  for (let iteration = 0; iteration < WARMUP; iteration++) {
    await operation.service(iteration);
    operation.floor(iteration);
  }
  const serviceMs: number[] = [];
  const floorMs: number[] = [];
  const timeService = async (iteration: number) => {
    const start = performance.now();
    await operation.service(iteration);
    serviceMs.push(performance.now() - start);
  };
  const timeFloor = (iteration: number) => {
    const start = performance.now();
    operation.floor(iteration);
    floorMs.push(performance.now() - start);
  };
  const statementsBefore = floors.statements();
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    // Taking turns at going first keeps a cache warmed by one side from favouring the other.
    if (iteration % 2 === 0) {
      await timeService(iteration);
      timeFloor(iteration);
    } else {
      timeFloor(iteration);
      await timeService(iteration);
    }
  }
  const service = summarize(serviceMs);
  const floor = summarize(floorMs);
  const slowdown = ratio(service.p95, floor.p95);
  const missed = missedGoals(service.p95, slowdown, operation.goals);
  return {
    operation: operation.name,
    inputs: operation.inputs,
    calls: ITERATIONS,
    statementsPerCall: (floors.statements() - statementsBefore) / ITERATIONS,
    p50Ms: service.p50,
    p95Ms: service.p95,
    floorP50Ms: floor.p50,
    floorP95Ms: floor.p95,
    ratio: slowdown,
    status: missed.length ? 'MISS' : 'ok',
    missed,
    goals: operation.goals ?? GOALS,
  };
}

function report(dataset: DemoSummary, results: Result[]): string {
  const ms = (value: number) => value.toFixed(2);
  const title =
    `MDO bench: large demo (${dataset.schools} schools, ${dataset.pupils} pupils, ${dataset.cases} cases, ${dataset.meetings} meetings), ` +
    `${ITERATIONS} calls per operation after ${WARMUP} warm-up, times in ms\n` +
    `Goals per row: p95 in ms, and the ratio of p95 to the raw-SQL floor (better-sqlite3 prepared statements;\n` +
    `for dashboard and monitoring the floor replays the statements the service sent;\n` +
    `for autosave commit it is the service's UPDATE in a transaction on the same encrypted connection, synchronous=FULL)\n`;
  const table = formatTable(
    ['operation', 'p50', 'p95', 'floor p50', 'floor p95', 'ratio', 'stmts/call', 'goal p95', 'goal ratio', 'status'],
    results.map((result) => [
      result.operation,
      ms(result.p50Ms),
      ms(result.p95Ms),
      ms(result.floorP50Ms),
      ms(result.floorP95Ms),
      `${result.ratio.toFixed(2)}x`,
      result.statementsPerCall.toFixed(1),
      `< ${result.goals.maxP95Ms}`,
      Number.isFinite(result.goals.maxRatio) ? `<= ${result.goals.maxRatio}x` : '-',
      result.status,
    ]),
    [false, true, true, true, true, true, true, true, true, false],
  );
  return title + table;
}

function writeJson(
  dataset: DemoSummary,
  { sqlite }: OpenDatabase,
  results: Result[],
  documents: ExportSignResult,
  backup: BackupResult,
): string {
  const now = new Date();
  const json = JSON.stringify(
    {
      createdAt: now.toISOString(),
      dataset: { scale: 'large', clock: NOW, ...dataset },
      goals: GOALS,
      warmup: WARMUP,
      iterations: ITERATIONS,
      environment: {
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cpus: os.cpus().length,
        sqlite: sqlite.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get()?.version,
      },
      results,
      documents: [documents],
      backup,
    },
    null,
    2,
  );
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  // Colons are not allowed in Windows file names.
  const file = path.join(RESULTS_DIR, `bench-${now.toISOString().replaceAll(':', '-')}.json`);
  fs.writeFileSync(file, json + '\n');
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json + '\n');
  return file;
}

try {
  await main();
} catch (error) {
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  // The first line of the stack repeats the message.
  if (error instanceof Error && error.stack) console.error(error.stack.split('\n').slice(1).join('\n'));
  process.exitCode = 1;
}
