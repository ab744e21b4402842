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
import { readContributionFile } from '../core/regio/contributionFile';
import { identityFromPems, newRegioKeyPair, type RegioIdentity } from '../core/regio/keyPairs';
import { contributionFile } from '../core/services/regioExport';
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

/** The coordinator of the bench: one key pair, made once (RSA key generation is not what is measured). */
let coordinatorKey: RegioIdentity | undefined;
function coordinator(clock: Clock): RegioIdentity {
  if (!coordinatorKey) {
    const pair = newRegioKeyPair({ purpose: 'coordinator', name: 'Bench regio', now: clock.now() });
    coordinatorKey = identityFromPems(pair.certificatePem, pair.privateKeyPem);
  }
  return coordinatorKey;
}

/** One school's contribution file exactly as `export regio` makes it: counted, signed with the school's key, encrypted for the coordinator. */
export async function contributionFileBytes(db: Kysely<DB>, request: ContributionRequest, clock: Clock): Promise<Uint8Array> {
  return (await contributionFile(db, request, coordinator(clock).certificate, clock, APP_VERSION)).bytes;
}

/** What the region's report does with stored contributions (decrypted once, on import): read the JSON, add up, suppress, CSV. */
export function combinedCsv(contents: readonly string[], clock: Clock): Uint8Array {
  const contributions = contents.map((content) => contributionSchema.parse(JSON.parse(content)));
  return monitoringCsv(monitoringReport(combineMeasures(contributions, clock)));
}

/** What `regio combine` does with one period's files: open each (decrypt + verify signature), add up, suppress, CSV. */
export async function combinedCsvFromFiles(files: readonly Uint8Array[], clock: Clock): Promise<Uint8Array> {
  const read = await Promise.all(files.map((file) => readContributionFile(file, [coordinator(clock)])));
  return monitoringCsv(
    monitoringReport(
      combineMeasures(
        read.map((entry) => entry.contribution),
        clock,
      ),
    ),
  );
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
  const contents: string[][] = [];
  for (const quarter of quarters) {
    const perSchool: Uint8Array[] = [];
    for (const schoolId of schoolIds) perSchool.push(await contributionFileBytes(db, { schoolId, ...quarter }, clock));
    files.push(perSchool);
    // As the region database keeps them: the decrypted JSON of each file.
    contents.push(
      await Promise.all(
        perSchool.map(async (file) => JSON.stringify((await readContributionFile(file, [coordinator(clock)])).contribution)),
      ),
    );
  }
  const times: number[] = [];
  const perQuarter: number[] = [];
  const floor: number[] = [];
  let csvBytes = 0;
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    let written = 0;
    for (const quarterContents of contents) {
      const quarterStart = performance.now();
      written += combinedCsv(quarterContents, clock).length;
      if (run > 0) perQuarter.push(performance.now() - quarterStart);
    }
    const done = performance.now();
    // Counting the keys keeps the parse from being optimized away.
    let keys = 0;
    for (const quarterContents of contents)
      for (const content of quarterContents) keys += Object.keys(JSON.parse(content) as object).length;
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
    operation: `regio combine, ${QUARTERS} quarters, all schools (stored)`,
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

/**
 * `regio combine` on the command line: one quarter's files of every school,
 * each opened (RSA-OAEP, AES-256, signature checked), combined and written as
 * CSV. The floor is opening the files alone.
 */
export async function measureRegioCombineFiles({ sqlite, db }: BenchDb, clock: Clock, runs: number): Promise<MeasuredRow> {
  const schoolIds = schoolIdsOf(sqlite);
  const [quarter] = pastQuarters(clock, 1);
  const files: Uint8Array[] = [];
  for (const schoolId of schoolIds) files.push(await contributionFileBytes(db, { schoolId, ...quarter }, clock));
  const times: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    await combinedCsvFromFiles(files, clock);
    const done = performance.now();
    await Promise.all(files.map((file) => readContributionFile(file, [coordinator(clock)])));
    const opened = performance.now();
    if (run === 0) continue;
    times.push(done - start);
    floor.push(opened - done);
  }
  const measured = summarize(times);
  const f = summarize(floor);
  return {
    operation: 'regio combine, 1 quarter of .mdoregio files (CLI)',
    unit: 'ms',
    calls: times.length,
    p50: measured.p50,
    p95: measured.p95,
    floorP50: f.p50,
    floorP95: f.p95,
    floor: 'opening the files alone',
    goals: COMBINE_GOALS,
    size: { count: files.length, of: 'files' },
    detail: { quarter, totalBytes: files.reduce((sum, file) => sum + file.length, 0) },
  };
}
