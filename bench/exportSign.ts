import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { Clock } from '../core/clock';
import type { DB } from '../db/schema';
import { loadMinutesData } from '../core/documents/minutesData';
import { buildMinutesDocx } from '../core/documents/minutesDocx';
import { createCertificate, readP12 } from '../core/signing/certificates';
import { signDocx } from '../core/signing/signDocx';
import { recordStatements, replayer } from './replay';
import type { MeasuredRow } from './rows';
import { summarize, type Goals } from './stats';

const CASES = 20;
const WARMUP = 5;
const ITERATIONS = 40;
const GOALS: Goals = { maxP50: 300 };

/**
 * Grows one held meeting of the demo to at least twenty discussed cases (a
 * bigger demo may have more), then times building its verslag and signing it. Run last: it adds agenda items.
 * The floor replays the statements that read the verslag's data: all else is
 * building the DOCX and signing it.
 */
export async function measureExportSign({ db, sqlite }: { db: Kysely<DB>; sqlite: Database.Database }, clock: Clock): Promise<MeasuredRow> {
  const meeting = sqlite
    .prepare<[], { id: number; schoolId: number }>(
      "SELECT id, school_id AS schoolId FROM meeting WHERE status = 'held' ORDER BY date DESC LIMIT 1",
    )
    .get();
  if (!meeting) throw new Error('the demo data has no held meeting');
  const onAgenda = sqlite
    .prepare<[number], { n: number }>("SELECT count(*) AS n FROM agenda_item WHERE meeting_id = ? AND kind = 'case'")
    .get(meeting.id)!.n;
  const extra = sqlite
    .prepare<[number, number, number], { id: number }>(
      `SELECT id FROM support_case WHERE school_id = ? AND id NOT IN (SELECT case_id FROM agenda_item WHERE meeting_id = ? AND case_id IS NOT NULL) ORDER BY id DESC LIMIT ?`,
    )
    .all(meeting.schoolId, meeting.id, Math.max(0, CASES - onAgenda));
  const insert = sqlite.prepare(
    `INSERT INTO agenda_item (meeting_id, position, kind, case_id, notes)
     VALUES (?, ?, 'case', ?, 'Besproken met ouders en school; afspraken gemaakt over lezen en aanwezigheid.')`,
  );
  const stamp = clock.now().toISOString();
  sqlite.transaction(() => extra.forEach((row, index) => insert.run(meeting.id, 100 + index, row.id)))();

  const identity = readP12(
    createCertificate({
      name: 'Bench IB',
      role: 'Intern begeleider',
      organisation: 'Bench',
      passphrase: 'bench-wachtwoord',
      now: clock.now(),
    }),
    'bench-wachtwoord',
  );
  const reads = await recordStatements(sqlite, (recording) => loadMinutesData(recording, meeting.id));
  // What a verslag shows grows with its cases, notes and agreements: the size of its data.
  const dataKb = JSON.stringify(await loadMinutesData(db, meeting.id)).length / 1024;
  const replay = replayer(sqlite, () => undefined);
  const build: number[] = [];
  const sign: number[] = [];
  const floor: number[] = [];
  let bytes = 0;
  for (let iteration = 0; iteration < WARMUP + ITERATIONS; iteration++) {
    const start = performance.now();
    const docx = await buildMinutesDocx(await loadMinutesData(db, meeting.id), { date: stamp.slice(0, 10), signers: [] });
    const built = performance.now();
    const signed = signDocx(docx, identity, { at: clock.now(), role: 'Voorzitter' });
    const done = performance.now();
    replay(reads);
    const replayed = performance.now();
    if (iteration < WARMUP) continue;
    floor.push(replayed - done);
    build.push(built - start);
    sign.push(done - built);
    bytes = signed.length;
  }
  const cases = sqlite
    .prepare<[number], { n: number }>("SELECT count(*) AS n FROM agenda_item WHERE meeting_id = ? AND kind = 'case'")
    .get(meeting.id)!.n;
  const b = summarize(build);
  const s = summarize(sign);
  const total = summarize(build.map((value, index) => value + sign[index]));
  const f = summarize(floor);
  return {
    operation: 'verslag export + sign',
    unit: 'ms',
    calls: ITERATIONS,
    p50: total.p50,
    p95: total.p95,
    floorP50: f.p50,
    floorP95: f.p95,
    floor: 'its reads, replayed',
    goals: GOALS,
    size: { count: dataKb, of: 'kB of verslag data' },
    detail: { cases, bytes, buildP50Ms: b.p50, buildP95Ms: b.p95, signP50Ms: s.p50, signP95Ms: s.p95 },
  };
}
