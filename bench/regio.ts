import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3-multiple-ciphers';
import { addMonths, format, parseISO, startOfQuarter, subDays } from 'date-fns';
import type { Kysely } from 'kysely';
import { today, type Clock } from '../core/clock';
import { monitoringCsv } from '../core/monitoring/csv';
import { monitoringReport } from '../core/monitoring/report';
import { combineMeasures } from '../core/regio/combine';
import { contributionSchema } from '../core/regio/contribution';
import { buildContribution, type ContributionRequest } from '../core/regio/contributionData';
import type { DB } from '../db/schema';
import { recordStatements, replayer, type RecordedStatement } from './replay';
import type { MeasuredRow } from './rows';
import { summarize, type Goals } from './stats';

// Issue 17's two regio targets: a school's contribution for the last year, for
// every school of the file; and the coordinator combining 20 schools × 8
// quarters into a report and its CSV per quarter.

const APP_VERSION = 'bench';
const EXPORT_GOALS: Goals = { maxP95: 200 };
const COMBINE_GOALS: Goals = { maxP95: 1000 };
const QUARTERS = 8;

/**
 * One school's contribution file as `export regio` makes it, as far as it is
 * built: the lead adds sealing (sign + encrypt) here, and the bench times it with it.
 */
export async function contributionFileBytes(db: Kysely<DB>, request: ContributionRequest, clock: Clock): Promise<Uint8Array> {
  return new TextEncoder().encode(JSON.stringify(await buildContribution(db, request, clock, APP_VERSION)));
}

/**
 * What `regio combine` does with the files of one period once they are open:
 * read each as the documented format, add up, the report with its
 * suppression, the CSV. The lead adds opening (decrypt + verify) here.
 */
export function combinedCsv(files: readonly Uint8Array[], clock: Clock): Uint8Array {
  const decoder = new TextDecoder();
  const contributions = files.map((file) => contributionSchema.parse(JSON.parse(decoder.decode(file))));
  return monitoringCsv(monitoringReport(combineMeasures(contributions, clock)));
}

interface BenchDb {
  db: Kysely<DB>;
  sqlite: Database.Database;
}

const schoolIdsOf = (sqlite: Database.Database) =>
  sqlite
    .prepare<[], { id: number }>('SELECT id FROM school ORDER BY id')
    .all()
    .map((row) => row.id);

/** The last year up to today, as the stuurgroep report asks for it. */
function lastYear(clock: Clock): { from: string; to: string } {
  const to = today(clock);
  return { from: `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`, to };
}

/** The last `count` whole quarters before today's, oldest first. */
function pastQuarters(clock: Clock, count: number): { from: string; to: string }[] {
  const current = startOfQuarter(parseISO(today(clock)));
  return Array.from({ length: count }, (_, index) => {
    const start = addMonths(current, -3 * (count - index));
    return { from: format(start, 'yyyy-MM-dd'), to: format(subDays(addMonths(start, 3), 1), 'yyyy-MM-dd') };
  });
}

/**
 * `regioExport`: every school's contribution for the last year, `rounds` times
 * over all schools (after one warm-up round); p95 over all those calls. The
 * floor replays the statements that read one school's numbers.
 */
export async function measureRegioExport({ db, sqlite }: BenchDb, clock: Clock, rounds: number): Promise<MeasuredRow> {
  const schoolIds = schoolIdsOf(sqlite);
  const period = lastYear(clock);
  const reads = new Map<number, RecordedStatement[]>();
  for (const schoolId of schoolIds)
    reads.set(
      schoolId,
      await recordStatements(sqlite, (recording) => buildContribution(recording, { schoolId, ...period }, clock, APP_VERSION)),
    );
  const replay = replayer(sqlite, () => undefined);
  const times: number[] = [];
  const floor: number[] = [];
  const bytes: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const schoolId of schoolIds) {
      const start = performance.now();
      const file = await contributionFileBytes(db, { schoolId, ...period }, clock);
      const done = performance.now();
      replay(reads.get(schoolId)!);
      const replayed = performance.now();
      if (round === 0) continue;
      times.push(done - start);
      floor.push(replayed - done);
      bytes.push(file.length);
    }
  }
  const measured = summarize(times);
  const f = summarize(floor);
  return {
    operation: 'regio export, 1 year, per school',
    unit: 'ms',
    calls: times.length,
    p50: measured.p50,
    p95: measured.p95,
    floorP50: f.p50,
    floorP95: f.p95,
    floor: 'its reads, replayed',
    goals: EXPORT_GOALS,
    size: { count: bytes.reduce((sum, value) => sum + value, 0) / bytes.length / 1024, of: 'kB of contribution JSON' },
    statementsPerCall: reads.get(schoolIds[0])!.length,
    detail: { schools: schoolIds.length, rounds, period, maxBytes: Math.max(...bytes) },
  };
}

/**
 * `regioCombine`: the contributions of every school for the last eight
 * quarters, built once; each call reads them, combines per quarter, and
 * writes each quarter's report as CSV. The floor is parsing the same JSON texts.
 */
export async function measureRegioCombine({ db, sqlite }: BenchDb, clock: Clock, runs: number): Promise<MeasuredRow> {
  const schoolIds = schoolIdsOf(sqlite);
  const quarters = pastQuarters(clock, QUARTERS);
  const files: Uint8Array[][] = [];
  for (const quarter of quarters) {
    const perSchool: Uint8Array[] = [];
    for (const schoolId of schoolIds) perSchool.push(await contributionFileBytes(db, { schoolId, ...quarter }, clock));
    files.push(perSchool);
  }
  const decoder = new TextDecoder();
  const times: number[] = [];
  const perQuarter: number[] = [];
  const floor: number[] = [];
  let csvBytes = 0;
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    let written = 0;
    for (const quarterFiles of files) {
      const quarterStart = performance.now();
      written += combinedCsv(quarterFiles, clock).length;
      if (run > 0) perQuarter.push(performance.now() - quarterStart);
    }
    const done = performance.now();
    // Counting the keys keeps the parse from being optimized away.
    let keys = 0;
    for (const quarterFiles of files)
      for (const file of quarterFiles) keys += Object.keys(JSON.parse(decoder.decode(file)) as object).length;
    const floorDone = performance.now();
    if (keys === 0) throw new Error('the contributions parsed to nothing');
    if (run === 0) continue;
    times.push(done - start);
    floor.push(floorDone - done);
    csvBytes = written;
  }
  const measured = summarize(times);
  const f = summarize(floor);
  const q = summarize(perQuarter);
  return {
    operation: `regio combine, ${QUARTERS} quarters, all schools`,
    unit: 'ms',
    calls: times.length,
    p50: measured.p50,
    p95: measured.p95,
    floorP50: f.p50,
    floorP95: f.p95,
    floor: 'JSON.parse of the same files',
    goals: COMBINE_GOALS,
    size: { count: schoolIds.length * quarters.length, of: 'contributions' },
    detail: { quarters, quarterP50Ms: q.p50, quarterP95Ms: q.p95, csvBytes },
  };
}
