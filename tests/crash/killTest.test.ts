import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3-multiple-ciphers';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptInPlace } from '../../db/encrypt';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../../db/migrate';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { createDemoDatabase } from '../fixtures/demoDatabase';

// Crash safety (issue 8): a child process (writer.ts) writes through the real services on an
// encrypted demo database and reports each write before it starts and after it committed. This
// file SIGKILLs it at random moments and, after every kill, reopens the file with the key and
// checks it: integrity_check ok, and every tracked value is the last acknowledged one or, for the
// one write that was under way, its new value, never half of it. The same file is carried through
// all kills, so damage would pile up rather than be reset.
//
// MDO_KILL_SEED=<n> replays the random choices of a failed run (the kill moments themselves
// depend on timing); MDO_KILLS=<n> changes the number of kills.

const KILLS = Number(process.env.MDO_KILLS ?? 200);
const MAX_DELAY_MS = 80;
const SEED = Number(process.env.MDO_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));

type Value = unknown;
type State = Map<string, Value>;

interface Write {
  kind: string;
  ref: string;
  effects: Record<string, Value>;
}

/** Which table a kind of write changes (the first part of a state key). */
const ENTITY: Record<string, string> = {
  note: 'item',
  status: 'agreement',
  postpone: 'agreement',
  add: 'agreement',
  presence: 'presence',
  meeting: 'meeting',
};

function keysOf(write: Write): [string, Value][] {
  const entity = ENTITY[write.kind];
  if (!entity) throw new Error(`unknown kind of write: ${write.kind}`);
  return Object.entries(write.effects).map(([field, value]) => [`${entity}:${write.ref}:${field}`, value]);
}

/** The same name for an agreement as the writer's: its id, or for one the test added, its unique description. */
function agreementRef(id: number, description: string): string {
  return description.startsWith('kill-') ? description : String(id);
}

/**
 * Everything the writer can change, as `entity:ref:field` -> value. A value that is not there
 * reads as null: a case item without a discussion has empty texts, an agreement not yet added
 * has no fields.
 */
function readState(sqlite: Database.Database): State {
  const state: State = new Map();
  const put = (entity: string, ref: string | number, fields: Record<string, Value>) => {
    for (const [field, value] of Object.entries(fields)) if (value !== null) state.set(`${entity}:${ref}:${field}`, value);
  };
  const items = sqlite
    .prepare<[], { id: number; kind: string; itemNotes: string; notes: string; summary: string; conclusions: string }>(
      `SELECT ai.id, ai.kind, ai.notes AS itemNotes, coalesce(cd.notes, '') AS notes, coalesce(cd.summary, '') AS summary,
         coalesce(cd.conclusions, '') AS conclusions
       FROM agenda_item ai LEFT JOIN case_discussion cd ON cd.agenda_item_id = ai.id`,
    )
    .all();
  for (const { id, kind, itemNotes, ...texts } of items) {
    // General items keep their notes on the item; case items in their discussion.
    if (kind === 'general') put('item', id, { notes: itemNotes });
    else put('item', id, { ...texts, itemNotes });
  }
  const agreements = sqlite
    .prepare<[], { id: number; description: string } & Record<string, Value>>(
      `SELECT id, description, agenda_item_id AS agendaItemId, status, due_on AS dueOn, postponements, completed_on AS completedOn
       FROM agreement`,
    )
    .all();
  for (const { id, description, ...fields } of agreements) put('agreement', agreementRef(id, description), fields);
  const presence = sqlite
    .prepare<[], { meetingId: number; memberId: number; status: string | null }>(
      'SELECT meeting_id AS meetingId, member_id AS memberId, status FROM presence',
    )
    .all();
  for (const { meetingId, memberId, status } of presence) put('presence', `${meetingId}-${memberId}`, { status });
  const meetings = sqlite
    .prepare<[], { id: number; invitees: string } & Record<string, Value>>(
      `SELECT m.id, m.date, m.start_time AS startTime, m.location, m.chair_id AS chairId, m.minute_taker_id AS minuteTakerId,
         (SELECT json_group_array(member_id) FROM (SELECT member_id FROM presence p WHERE p.meeting_id = m.id AND p.invited = 1
            ORDER BY member_id)) AS invitees
       FROM meeting m`,
    )
    .all();
  for (const { id, invitees, ...fields } of meetings) put('meeting', id, { ...fields, invitees: JSON.parse(invitees) as number[] });
  return state;
}

/**
 * What the database must hold after a kill. Per key: the value as of the last acknowledged write
 * (or as read before the child started), plus the values of writes that were begun after it and
 * never acknowledged. A key no write touched must not have changed at all.
 */
class Ledger {
  private readonly expected: State;
  private readonly inFlight = new Map<string, Value[]>();
  private readonly pending: Write[] = [];
  acknowledged = 0;

  constructor(before: State) {
    this.expected = new Map(before);
  }

  begin(write: Write): void {
    for (const [key, value] of keysOf(write)) this.inFlight.set(key, [...(this.inFlight.get(key) ?? []), value]);
    this.pending.push(write);
  }

  acknowledge(kind: string, ref: string): void {
    const index = this.pending.findIndex((write) => write.kind === kind && write.ref === ref);
    if (index < 0) throw new Error(`ack without begin: ${kind} ${ref}`);
    const [write] = this.pending.splice(index, 1);
    for (const [key, value] of keysOf(write)) {
      this.expected.set(key, value);
      this.inFlight.delete(key);
    }
    this.acknowledged++;
  }

  /** The writes that were under way when the child died. */
  unacknowledged(): readonly Write[] {
    return this.pending;
  }

  /** Problems found in `actual`; empty when it is a state the child may have left behind. */
  check(actual: State): string[] {
    const problems: string[] = [];
    const show = (value: Value) => JSON.stringify(value ?? null).slice(0, 60);
    for (const key of new Set([...this.expected.keys(), ...actual.keys(), ...this.inFlight.keys()])) {
      const found = actual.get(key) ?? null;
      const acked = this.expected.get(key) ?? null;
      const begun = this.inFlight.get(key) ?? [];
      if (![acked, ...begun].some((value) => isDeepStrictEqual(value, found)))
        problems.push(`${key} is ${show(found)}, expected ${show(acked)}${begun.length ? ` or ${begun.map(show).join(' or ')}` : ''}`);
    }
    // A write under way lands whole or not at all: all of its fields new, or all of them old.
    for (const write of this.pending) {
      const changing = keysOf(write).filter(([key, value]) => !isDeepStrictEqual(this.expected.get(key) ?? null, value));
      const landed = changing.filter(([key, value]) => isDeepStrictEqual(actual.get(key) ?? null, value));
      if (landed.length > 0 && landed.length < changing.length)
        problems.push(`${write.kind} ${write.ref} landed half: ${landed.map(([key]) => key).join(', ')} of ${changing.length} fields`);
    }
    return problems;
  }

  /** Whether the write under way made it into `actual` (for the report). */
  landed(write: Write, actual: State): boolean {
    return keysOf(write).every(([key, value]) => isDeepStrictEqual(actual.get(key) ?? null, value));
  }
}

interface ChildRun {
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

let temp: string;
let writer: string;

/**
 * The writer bundled once: starting tsx for each of 200 children would cost half a second each.
 * The native addon stays where npm built it and is imported by absolute path, since the bundle
 * lives in a temporary folder without node_modules.
 */
async function bundleWriter(outDir: string): Promise<string> {
  const native = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  const outfile = path.join(outDir, 'writer.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./writer.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [
      {
        name: 'native-addon',
        setup: (bundler) => bundler.onResolve({ filter: /^better-sqlite3-multiple-ciphers$/ }, () => ({ path: native, external: true })),
      },
    ],
    // CommonJS dependencies bundled into ESM still call require() for Node's built-ins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}

interface Child {
  /**
   * Sends `go`; once the writer printed `trigger`, `onTrigger` gets the function that SIGKILLs it
   * (without `onTrigger` it has to finish by itself). Resolves with everything it printed once it is gone.
   */
  run(seed: number, run: number, trigger: string, onTrigger?: (kill: () => void) => void): Promise<ChildRun>;
  kill(): void;
}

/** Starts a writer, which loads and then waits for `go`: node's start-up overlaps with the previous child. */
function startChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, [writer], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' });
  const lines: string[] = [];
  let rest = '';
  let stderr = '';
  let onLine = (_line: string) => {};
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    // A line without its newline was cut off by the kill: its write had not started yet.
    rest = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      onLine(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<ChildRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ lines, code, signal, stderr }));
  });
  return {
    run: async (seed, run, trigger, onTrigger) => {
      onLine = (line) => {
        if (line === trigger) onTrigger?.(() => child.kill('SIGKILL'));
      };
      // A child that hangs is killed too, and then fails the test by what it printed (or did not).
      const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.stdin.write(`go ${seed} ${run}\n`);
      try {
        return await closed;
      } finally {
        clearTimeout(watchdog);
      }
    },
    kill: () => child.kill('SIGKILL'),
  };
}

/** Feeds the child's report into the ledger; returns the number of acknowledged writes. */
function record(ledger: Ledger, lines: readonly string[]): number {
  let acks = 0;
  for (const line of lines) {
    const match = /^(begin|ack) (\S+) (\S+) (.*)$/.exec(line);
    if (!match) continue;
    const [, what, kind, ref, json] = match;
    if (what === 'begin') ledger.begin({ kind, ref, effects: JSON.parse(json) as Record<string, Value> });
    else {
      ledger.acknowledge(kind, ref);
      acks++;
    }
  }
  return acks;
}

/** Reopens the file as the app does and reads it: integrity problems, or the state it holds. */
async function inspect(file: string, key: Buffer): Promise<{ problems: string[]; state: State }> {
  let handle: OpenDatabase;
  try {
    handle = await openDatabase(file, { key });
  } catch (error) {
    return { problems: [`does not open: ${String(error)}`], state: new Map() };
  }
  try {
    const integrity = handle.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok')
      return { problems: integrity.slice(0, 5).map((row) => `integrity_check: ${row.integrity_check}`), state: new Map() };
    const dangling = handle.sqlite.pragma('foreign_key_check') as unknown[];
    if (dangling.length) return { problems: [`foreign_key_check: ${JSON.stringify(dangling.slice(0, 3))}`], state: new Map() };
    return { problems: [], state: readState(handle.sqlite) };
  } catch (error) {
    return { problems: [`reading failed: ${String(error)}`], state: new Map() };
  } finally {
    await handle.close();
  }
}

/** mulberry32: the parent's choices (kill moments, child seeds) follow from SEED. */
function prng(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function encryptedDemo(name: string): Promise<{ file: string; key: Buffer }> {
  const file = path.join(temp, name);
  const key = randomBytes(32);
  await createDemoDatabase(file);
  await encryptInPlace(file, key);
  return { file, key };
}

function childEnv(file: string, key: Buffer, extra: Record<string, string> = {}): Record<string, string> {
  return { MDO_KILL_DB: file, MDO_KILL_KEY: key.toString('hex'), ...extra };
}

describe('crash safety: SIGKILL at random moments', () => {
  beforeAll(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'mdo-kill-'));
    writer = await bundleWriter(temp);
  });
  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

  it(`keeps every acknowledged write through ${KILLS} kills of a writing process`, { timeout: 300_000 }, async () => {
    const started = performance.now();
    const { file, key } = await encryptedDemo('kill.db');
    const random = prng(SEED);
    const replay = `replay with MDO_KILL_SEED=${SEED}`;
    console.log(`kill test: seed ${SEED} (${replay})`);

    let before = (await inspect(file, key)).state;
    let acknowledged = 0;
    let caughtMidWrite = 0;
    let landedMidWrite = 0;
    let next = startChild(childEnv(file, key));
    try {
      for (let kill = 1; kill <= KILLS; kill++) {
        const delay = Math.floor(random() * (MAX_DELAY_MS + 1));
        const childSeed = Math.floor(random() * 2 ** 31);
        const current = next;
        next = startChild(childEnv(file, key));
        const child = await current.run(childSeed, kill, 'ready', (stop) => setTimeout(stop, delay));
        const context = `kill ${kill} (${delay} ms after ready, child seed ${childSeed}); ${replay}`;
        expect(child.signal, `${context}: the writer ended by itself\n${child.lines.slice(-3).join('\n')}\n${child.stderr}`).toBe(
          'SIGKILL',
        );
        expect(child.lines[0], `${context}: killed before it was ready\n${child.stderr}`).toBe('ready');

        const ledger = new Ledger(before);
        acknowledged += record(ledger, child.lines);
        const after = await inspect(file, key);
        expect(after.problems, context).toEqual([]);
        expect(ledger.check(after.state), context).toEqual([]);
        for (const write of ledger.unacknowledged()) {
          caughtMidWrite++;
          if (ledger.landed(write, after.state)) landedMidWrite++;
        }
        before = after.state;
      }
    } finally {
      next.kill();
    }

    const seconds = (performance.now() - started) / 1000;
    console.log(
      `kill test: ${KILLS} kills, ${acknowledged} acknowledged writes checked, ${caughtMidWrite} kills during a write ` +
        `(${landedMidWrite} of those had committed), ${seconds.toFixed(1)} s`,
    );
    // Not a vacuous pass: the children got to write, and kills fell between begin and ack. An idle
    // machine gets about 8 acknowledged writes per child and 80% of kills mid-write; a busy one fewer.
    expect(acknowledged).toBeGreaterThanOrEqual(KILLS / 2);
    expect(caughtMidWrite).toBeGreaterThanOrEqual(KILLS / 4);
  });

  it('the check notices a lost acknowledged write, a half-applied write and a damaged file', async () => {
    const { file, key } = await encryptedDemo('self-check.db');
    const before = (await inspect(file, key)).state;
    // A child that finishes by itself: every write acknowledged, and the check agrees.
    const child = await startChild(childEnv(file, key, { MDO_KILL_LIMIT: '60' })).run(7, 0, 'ready');
    expect(child.lines.at(-1), child.stderr).toBe('done');
    const ledger = new Ledger(before);
    expect(record(ledger, child.lines)).toBe(60);
    const clean = await inspect(file, key);
    expect(clean.problems).toEqual([]);
    expect(ledger.check(clean.state)).toEqual([]);

    // The last acknowledged autosave undone in a copy: reported as that key.
    const lastNote = [...child.lines].reverse().find((line) => line.startsWith('begin note '))!;
    const [, , itemId, json] = /^begin (\S+) (\S+) (.*)$/.exec(lastNote)!;
    const field = Object.keys(JSON.parse(json) as object)[0];
    const lost = path.join(temp, 'lost.db');
    fs.copyFileSync(file, lost);
    const handle = await openDatabase(lost, { key });
    const kind = (handle.sqlite.prepare('SELECT kind FROM agenda_item WHERE id = ?').get(Number(itemId)) as { kind: string }).kind;
    if (kind === 'general') handle.sqlite.prepare('UPDATE agenda_item SET notes = ? WHERE id = ?').run('verloren', Number(itemId));
    else handle.sqlite.prepare(`UPDATE case_discussion SET ${field} = ? WHERE agenda_item_id = ?`).run('verloren', Number(itemId));
    await handle.close();
    const lostState = await inspect(lost, key);
    expect(lostState.problems).toEqual([]);
    expect(ledger.check(lostState.state)).toEqual([expect.stringMatching(new RegExp(`^item:${itemId}:${field} is "verloren"`))]);

    // A meeting change under way when the child died, found with only its location written.
    const meetingRef = '9';
    const halfLedger = new Ledger(clean.state);
    const change = { location: 'Lokaal half', startTime: '07:00' };
    halfLedger.begin({ kind: 'meeting', ref: meetingRef, effects: change });
    const half = new Map(clean.state).set(`meeting:${meetingRef}:location`, 'Lokaal half');
    expect(halfLedger.check(half)).toEqual([expect.stringMatching(/^meeting 9 landed half/)]);
    expect(halfLedger.check(new Map(half).set(`meeting:${meetingRef}:startTime`, '07:00'))).toEqual([]);
    // A value nobody wrote, on a key nobody touched.
    expect(halfLedger.check(new Map(clean.state).set('presence:10-1:status', 'weg'))).toHaveLength(1);

    // A few bytes overwritten in three pages of the file: it no longer passes.
    const damaged = path.join(temp, 'damaged.db');
    fs.copyFileSync(file, damaged);
    const pages = fs.statSync(damaged).size / 4096;
    const fd = fs.openSync(damaged, 'r+');
    for (const share of [0.25, 0.5, 0.75]) fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, Math.floor(pages * share) * 4096 + 200);
    fs.closeSync(fd);
    expect((await inspect(damaged, key)).problems).not.toEqual([]);
  });

  it('a migration killed halfway leaves the database at the previous version', { timeout: 60_000 }, async () => {
    // db/migrate.test.ts proves a migration that throws is rolled back; this is the process dying in one.
    const { file, key } = await encryptedDemo('migration.db');
    const before = await inspect(file, key);
    // Killed once the migration's uncommitted pages have spilled into the WAL: it is then surely halfway.
    const wal = `${file}-wal`;
    const spilled = () => fs.existsSync(wal) && fs.statSync(wal).size > 4 * 1024 * 1024;
    const child = await startChild(childEnv(file, key, { MDO_KILL_MODE: 'migrate' })).run(1, 0, 'migrating', (kill) => {
      const poll = setInterval(() => {
        if (!spilled()) return;
        kill();
        clearInterval(poll);
      }, 10);
      setTimeout(() => clearInterval(poll), 20_000);
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expect(child.lines, 'the migration finished before the kill: make it slower').not.toContain('migrated');
    expect(spilled()).toBe(true);

    const after = await inspect(file, key);
    expect(after.problems).toEqual([]);
    expect(after.state).toEqual(before.state);
    const handle = await openDatabase(file, { key, migrate: false });
    expect(schemaVersion(handle.sqlite)).toBe(LATEST_SCHEMA_VERSION);
    expect(handle.sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'kill_half'").get()).toEqual({ n: 0 });
    await handle.close();
  });
});
