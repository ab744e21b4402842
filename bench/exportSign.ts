import { performance } from 'node:perf_hooks';
import type { Clock } from '../core/clock';
import { loadMinutesData } from '../core/documents/minutesData';
import { buildMinutesDocx } from '../core/documents/minutesDocx';
import { createCertificate, readP12 } from '../core/signing/certificates';
import { signDocx } from '../core/signing/signDocx';
import type { OpenDatabase } from '../db/open';
import { summarize } from './stats';
import { formatTable } from './table';

const CASES = 20;
const WARMUP = 5;
const ITERATIONS = 40;
export const EXPORT_SIGN_GOAL_P50_MS = 300;

export interface ExportSignResult {
  operation: string;
  cases: number;
  calls: number;
  bytes: number;
  buildP50Ms: number;
  buildP95Ms: number;
  signP50Ms: number;
  signP95Ms: number;
  totalP50Ms: number;
  totalP95Ms: number;
  /** Signing time per document build time (p50 over p50). */
  signToBuild: number;
  status: 'ok' | 'MISS';
}

/**
 * Grows one held meeting of the large demo to twenty discussed cases, then
 * times building its verslag and signing it. Run last: it adds agenda items.
 */
export async function measureExportSign({ db, sqlite }: OpenDatabase, clock: Clock): Promise<ExportSignResult> {
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
  const build: number[] = [];
  const sign: number[] = [];
  let bytes = 0;
  for (let iteration = 0; iteration < WARMUP + ITERATIONS; iteration++) {
    const start = performance.now();
    const docx = await buildMinutesDocx(await loadMinutesData(db, meeting.id), { date: stamp.slice(0, 10), signers: [] });
    const built = performance.now();
    const signed = signDocx(docx, identity, { at: clock.now(), role: 'Voorzitter' });
    const done = performance.now();
    if (iteration < WARMUP) continue;
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
  return {
    operation: 'verslag export + sign',
    cases,
    calls: ITERATIONS,
    bytes,
    buildP50Ms: b.p50,
    buildP95Ms: b.p95,
    signP50Ms: s.p50,
    signP95Ms: s.p95,
    totalP50Ms: total.p50,
    totalP95Ms: total.p95,
    signToBuild: s.p50 / b.p50,
    status: total.p50 < EXPORT_SIGN_GOAL_P50_MS ? 'ok' : 'MISS',
  };
}

export function exportSignTable(result: ExportSignResult): string {
  const ms = (value: number) => value.toFixed(1);
  return (
    `\n\nDocuments: ${result.cases}-case verslag (${Math.round(result.bytes / 1024)} kB signed), ${result.calls} calls, times in ms; goal p50 < ${EXPORT_SIGN_GOAL_P50_MS} ms\n` +
    formatTable(
      ['operation', 'build p50', 'sign p50', 'total p50', 'total p95', 'sign/build', 'status'],
      [
        [
          result.operation,
          ms(result.buildP50Ms),
          ms(result.signP50Ms),
          ms(result.totalP50Ms),
          ms(result.totalP95Ms),
          `${result.signToBuild.toFixed(2)}x`,
          result.status,
        ],
      ],
      [false, true, true, true, true, true, false],
    )
  );
}
