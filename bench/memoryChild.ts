import type { Channel, Input, Output } from '../core/contract/contract';
import type { ChildReport } from './memoryReport';

// Run by bench/memory.ts, compiled, in a process of its own (node --expose-gc), so that its
// memory is the app's main process and nothing else:
//   app <db> <clock ISO>   the app's core as electron/main/index.ts builds it, unlocked with the
//                          demo passphrase through the router, then a working session of calls
//   floor <db>             better-sqlite3 on the same file with the key (hex in MDO_BENCH_KEY) and
//                          a quick_check: what Node and SQLite cost before the app adds anything
// The last line of stdout is the ChildReport as JSON. Modules are imported per mode, so the floor
// loads none of the app's code.

const [mode, dbPath, clockIso] = process.argv.slice(2);

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

/** Memory after a full collection: what stays, not the garbage of the last call. */
function report(calls: number): ChildReport {
  // Twice: the first collection runs finalizers that free more on the second.
  gc!();
  gc!();
  const usage = process.memoryUsage();
  return {
    mode: mode as ChildReport['mode'],
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    maxRssKb: process.resourceUsage().maxRSS,
    calls,
  };
}

async function floor(): Promise<ChildReport> {
  const { default: Database } = await import('better-sqlite3-multiple-ciphers');
  const key = Buffer.from(process.env.MDO_BENCH_KEY ?? '', 'hex');
  if (key.length !== 32) throw new Error('MDO_BENCH_KEY must hold the 32-byte database key in hex');
  const sqlite = new Database(dbPath, { fileMustExist: true, readonly: true });
  // The cipher settings of db/open.ts useKey (importing it would load Kysely and the migrations into the floor).
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
  const check = sqlite.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
  const result = report(0);
  sqlite.close();
  return result;
}

async function app(): Promise<ChildReport> {
  const path = await import('node:path');
  const { fixedClock } = await import('../core/clock');
  const { Backups } = await import('../core/backups/backups');
  const { handlers } = await import('../core/handlers');
  const { createRouter } = await import('../core/ipc/router');
  const { NO_POLICY } = await import('../core/policy/policy');
  const { DEMO_PASSPHRASE, Session } = await import('../core/session');
  const { folderDialogs } = await import('../tests/fixtures/folderDialogs');

  if (!clockIso) throw new Error('app mode needs the clock as an ISO time');
  const clock = fixedClock(clockIso);
  // As electron/main/index.ts: the default scrypt cost (the keyring was sealed with it), no OS key store.
  const session = new Session(dbPath, { clock });
  const backups = new Backups(session, { clock, appVersion: 'bench' });
  await session.init();
  const files = folderDialogs(path.join(path.dirname(dbPath), 'exports'));
  const router = createRouter(handlers, { session, clock, appVersion: 'bench', files, backups, policy: NO_POLICY });
  let calls = 0;
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    calls++;
    const result = await router.call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}`);
    return result.data as Output<C>;
  };

  try {
    if ((await call('app.info', undefined)).database.state !== 'locked') throw new Error('the database is not locked after start');
    await call('session.unlock', { passphrase: DEMO_PASSPHRASE });
    const { database } = await call('app.info', undefined);
    if (database.state !== 'open') throw new Error(`the database is ${database.state} after unlocking`);
    const schoolIds = database.schools.map((school) => school.id);

    const caseIds: number[] = [];
    const finalized: number[] = [];
    const firstNames: string[] = [];
    for (const schoolId of schoolIds) {
      const dashboard = await call('dashboard.items', { schoolId });
      if (dashboard.nextMeeting) {
        await call('meetings.get', { meetingId: dashboard.nextMeeting.meetingId });
        await call('agenda.suggestions', { meetingId: dashboard.nextMeeting.meetingId });
      }
      caseIds.push(...(await call('cases.list', { schoolId })).map((summary) => summary.id));
      const pupils = await call('pupils.list', { schoolId });
      if (pupils[0]) firstNames.push(pupils[0].firstName);
      const meetings = await call('meetings.list', { schoolId });
      finalized.push(...meetings.filter((meeting) => meeting.status === 'finalized').map((meeting) => meeting.id));
    }

    // 200 case pages spread over all schools and years.
    const pages = Math.min(200, caseIds.length);
    for (let k = 0; k < pages; k++) await call('cases.get', { caseId: caseIds[Math.floor((k * caseIds.length) / pages)] });

    // A name, a word from many notes, and two words that must both match (as bench/run.ts searches).
    for (const [index, schoolId] of schoolIds.entries())
      for (const text of [firstNames[index] ?? 'Emma', 'ouders', 'contact thuis']) await call('search.query', { schoolId, text });

    const to = clockIso.slice(0, 10);
    const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
    const monitoring = await call('monitoring.report', { schoolIds, from, to });
    await call('monitoring.charts', { tables: monitoring.report.tables });

    // One verslag (minutes) of a finalized meeting, written by the save "dialog".
    if (finalized.length === 0) throw new Error('the demo has no finalized meeting to export');
    await call('documents.export', { kind: 'minutes', meetingId: finalized.at(-1)! });
    if (files.saved.length !== 1) throw new Error('the verslag export wrote no file');

    return report(calls);
  } finally {
    await session.close();
  }
}

try {
  const result = mode === 'floor' ? await floor() : mode === 'app' ? await app() : null;
  if (!result) throw new Error(`unknown mode ${JSON.stringify(mode)}: use app or floor`);
  console.log(JSON.stringify(result));
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
}
