import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { fixedClock, today } from '../../core/clock';
import { addAgreement, postponeAgreement, setAgreementStatus } from '../../core/services/agreements';
import { saveItemText, type TextField } from '../../core/services/discussions';
import { setPresence, updateMeeting } from '../../core/services/meetings';
import type { PresenceStatus } from '../../db/schema';
import { migrations, type Migration } from '../../db/migrations';
import { openDatabase } from '../../db/open';

// The child of the kill test (killTest.test.ts), bundled once per run and started with plain node.
// It loads, waits for `go <seed> <run>` on stdin (so the parent can start the next child while it
// checks the file after the last kill), then opens the encrypted database as the app does and
// writes through the real services until it is killed. Before each write it reports what the write will store, after the service resolved
// (the commit) it acknowledges it:
//
//   begin <kind> <ref> <effects-json>    effects: field -> the value the write stores
//   ack <kind> <ref> <result-json>
//
// Lines go out with fs.writeSync on fd 1: a blocking write(2) that is in the pipe before the
// service is called, never a buffered chunk that a SIGKILL could take with it. A `begin` that the
// parent never sees would make it reject a committed write as spurious.

const MAX_NOTE = 1800; // a line stays below the 4 kB pipe buffer

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const dbPath = required('MDO_KILL_DB');
const key = Buffer.from(required('MDO_KILL_KEY'), 'hex');

// Fixed, so completedOn ('today') is known before the call.
const clock = fixedClock('2026-11-25T09:00:00.000Z');

function say(line: string): void {
  fs.writeSync(1, line + '\n');
}

/** mulberry32: small, seeded, the same sequence for the same seed. */
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

let random = prng(0);
const int = (below: number) => Math.floor(random() * below);
const pick = <T>(list: readonly T[]): T => list[int(list.length)];

const WORDS = ['ouders', 'leerkracht', 'lezen', 'rekenen', 'verzuim', 'thuis', 'afspraak', 'GGD', 'trekker', 'groep', 'zorg', 'school'];

function noteText(token: string): string {
  const words = [token];
  const length = int(4) === 0 ? int(MAX_NOTE) : int(200); // mostly short edits, now and then a long note
  while (words.join(' ').length < length) words.push(pick(WORDS));
  return words.join(' ').slice(0, MAX_NOTE);
}

function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T12:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

interface AgreementState {
  id: number;
  ref: string;
  dueOn: string;
  postponements: number;
}

/** The parent's name for an agreement: its id, or for one this test added, its unique description. */
function agreementRef(id: number, description: string): string {
  return description.startsWith('kill-') ? description : String(id);
}

/** The first line on stdin: `go <seed> <run>`. */
function started(): Promise<{ seed: number; run: string }> {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const match = /^go (\d+) (\S+)\n/.exec(text);
      if (match) resolve({ seed: Number(match[1]), run: match[2] });
    });
    // An orphan (the parent died) stops instead of waiting or writing forever.
    process.stdin.on('end', () => process.exit(3));
  });
}

// better-sqlite3 loads its addon at the first `new Database`: do that while waiting for go.
new Database(':memory:').close();

try {
  const { seed, run } = await started();
  random = prng(seed);
  if (process.env.MDO_KILL_MODE === 'migrate') await migrateSlowly();
  else await writeUntilKilled(run, Number(process.env.MDO_KILL_LIMIT ?? Infinity));
  process.exit(0);
} catch (error) {
  say(`error ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.replaceAll('\n', ' | '));
  process.exit(1);
}

/**
 * One more migration that takes seconds (a big insert after a CREATE TABLE), so the parent can
 * kill the process while it runs. `migrated` is only printed if it was not killed in time.
 */
async function migrateSlowly(): Promise<void> {
  const slow: Migration = {
    name: '999_kill_test',
    statements: [
      'CREATE TABLE kill_half (id INTEGER PRIMARY KEY, body TEXT NOT NULL)',
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000)
       INSERT INTO kill_half SELECT i, hex(randomblob(8)) FROM n`,
    ],
  };
  say('migrating');
  const handle = await openDatabase(dbPath, { key, migrations: [...migrations, slow] });
  say('migrated');
  await handle.close();
}

/** Random writes through the services, each reported; stops after `limit` writes (a self-check), or never. */
async function writeUntilKilled(run: string, limit: number): Promise<void> {
  const handle = await openDatabase(dbPath, { key });
  const { db } = handle;

  // What may be edited: agenda items of meetings that are not finalized (a case item only while its
  // case is open), every agreement, the members of the school.
  const items = await db
    .selectFrom('agendaItem')
    .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
    .leftJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
    .select(['agendaItem.id', 'agendaItem.kind', 'agendaItem.meetingId', 'meeting.date'])
    .where('meeting.status', 'in', ['planned', 'in_progress', 'held'])
    .where((eb) => eb.or([eb('agendaItem.kind', '=', 'general'), eb('supportCase.status', '!=', 'closed')]))
    .orderBy('agendaItem.id')
    .execute();
  const meetings = await db
    .selectFrom('meeting')
    .select(['id', 'schoolId', 'date'])
    .where('status', 'in', ['planned', 'in_progress', 'held'])
    .orderBy('id')
    .execute();
  // Dates in order (migration 005): agreements are added in meetings already held, so marking
  // them done today is never before their meeting; only meetings without agreements, still to
  // come, are moved, so no agreement ends up due before its meeting.
  const now = today(clock);
  const heldItems = items.filter((item) => item.date <= now);
  const comingMeetings = meetings.filter((meeting) => meeting.date > now);
  const members = (await db.selectFrom('member').select('id').where('schoolId', '=', meetings[0].schoolId).orderBy('id').execute()).map(
    (row) => row.id,
  );
  const agreements: AgreementState[] = (
    await db.selectFrom('agreement').select(['id', 'description', 'dueOn', 'postponements']).orderBy('id').execute()
  ).map((row) => ({ id: row.id, ref: agreementRef(row.id, row.description), dueOn: row.dueOn, postponements: row.postponements }));
  if ([items, heldItems, meetings, comingMeetings, members, agreements].some((list) => list.length === 0))
    throw new Error('the database has nothing to edit');

  let count = 0;

  async function write<T>(kind: string, ref: string | number, effects: Record<string, unknown>, call: () => Promise<T>): Promise<T> {
    say(`begin ${kind} ${ref} ${JSON.stringify(effects)}`);
    const result = await call();
    say(`ack ${kind} ${ref} ${JSON.stringify(result ?? null)}`);
    return result;
  }

  async function oneWrite(): Promise<void> {
    const token = `kill-${run}-${++count}`;
    const roll = random();
    if (roll < 0.5) {
      // Autosave of the chair's notes: the most frequent write in a meeting.
      const item = pick(items);
      const field: TextField = item.kind === 'general' ? 'notes' : pick(['notes', 'summary', 'conclusions'] as const);
      const value = noteText(token);
      await write('note', item.id, { [field]: value }, () => saveItemText(db, item.id, field, value, clock));
    } else if (roll < 0.65) {
      const agreement = pick(agreements);
      const status = pick(['open', 'done', 'not_done'] as const);
      await write('status', agreement.ref, { status, completedOn: status === 'done' ? today(clock) : null }, () =>
        setAgreementStatus(db, agreement.id, status, clock),
      );
    } else if (roll < 0.75) {
      const agreement = pick(agreements);
      const dueOn = addDays(agreement.dueOn, 1 + int(20));
      const effects = { dueOn, status: 'open', postponements: agreement.postponements + 1, completedOn: null };
      await write('postpone', agreement.ref, effects, () => postponeAgreement(db, agreement.id, dueOn, clock));
      agreement.dueOn = dueOn;
      agreement.postponements++;
    } else if (roll < 0.8) {
      const item = pick(heldItems);
      const dueOn = addDays('2026-11-25', 7 + int(60));
      const owner = int(3) === 0 ? { ownerKind: 'parents' as const } : { ownerKind: 'member' as const, ownerMemberId: pick(members) };
      const effects = { agendaItemId: item.id, status: 'open', dueOn, postponements: 0, completedOn: null };
      const id = await write('add', token, effects, () =>
        addAgreement(db, { agendaItemId: item.id, description: token, dueOn, ...owner }, clock),
      );
      agreements.push({ id, ref: token, dueOn, postponements: 0 });
    } else if (roll < 0.9) {
      const meeting = pick(meetings);
      const memberId = pick(members);
      const status = pick<PresenceStatus>(['present', 'absent', 'excused']);
      await write('presence', `${meeting.id}-${memberId}`, { status }, () => setPresence(db, meeting.id, memberId, status));
    } else {
      const meeting = pick(comingMeetings);
      const fields = {
        date: addDays('2026-12-01', int(120)),
        startTime: `${String(8 + int(9)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`,
        location: `Lokaal ${token}`,
        chairId: int(4) === 0 ? null : pick(members),
        minuteTakerId: int(2) === 0 ? null : pick(members),
      };
      const inviteeIds = members.filter(() => int(3) > 0);
      // The service invites the chair and the minute-taker too.
      const invitees = [...new Set([fields.chairId, fields.minuteTakerId, ...inviteeIds])]
        .filter((id) => id !== null)
        .sort((a, b) => a - b);
      await write('meeting', meeting.id, { ...fields, invitees }, () => updateMeeting(db, meeting.id, { ...fields, inviteeIds }, clock));
    }
  }

  say('ready');
  while (count < limit) await oneWrite();
  await handle.close();
  say('done');
}
