import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Clock } from '../core/clock';
import { saveItemText } from '../core/services/discussions';
import { encryptInPlace } from '../db/encrypt';
import { openDatabase, type OpenDatabase } from '../db/open';
import { recordStatements } from './replay';
import type { Operation } from './measure';
import type { Goals } from './stats';

// "Autosave commit" (issue 8): one acknowledged autosave of the chair's notes, that is
// saveItemText until its promise resolves, which is after COMMIT with synchronous=FULL in WAL
// mode. The floor is the UPDATE the service sends, straight on better-sqlite3 in a transaction on
// the same connection (so with the same pragmas, encryption and FTS triggers): the difference is
// the service's checks (is the meeting finalized, which kind of item, does the discussion exist)
// and Kysely's async layer. Both sides wait for the same fsync, which is most of the time.

// p95 below 20 ms; no ratio goal: a floor that waits for the same fsync makes any ratio look good.
const AUTOSAVE_GOALS: Goals = { maxP95: 20 };

const ITEMS = 20;

/** A chair's note as autosave sends it: the whole field, about 1.5 kB, different on every save. */
function noteText(iteration: number, side: 'service' | 'floor'): string {
  const base =
    'Moeder vertelt dat de ochtenden thuis moeizaam verlopen; de leerkracht ziet dat hij na de pauze onrustig is. ' +
    'De leerplichtambtenaar heeft het verzuim van de laatste zes weken op een rij gezet. ' +
    'De GGD-jeugdverpleegkundige stelt voor eerst de slaap en het ontbijt te bespreken. ';
  return `${base.repeat(5)}Aanvulling ${side} ${iteration}.`;
}

/**
 * Encrypts the copy with a random key, as the app keeps its file, and opens it as the app does.
 * Autosave writes pages, so it runs on a copy taken before the reads were measured, never on the
 * file they use.
 */
export async function openEncryptedCopy(copy: string): Promise<OpenDatabase> {
  const key = randomBytes(32);
  await encryptInPlace(copy, key);
  return openDatabase(copy, { key });
}

/** The operation for run.ts: service and floor each save a new text into one of twenty discussions. */
export async function autosaveOperation({ db, sqlite }: OpenDatabase, clock: Clock, counter: { n: number }): Promise<Operation> {
  // Case items of meetings that are not finalized, of open cases, spread over the schools.
  const candidates = sqlite
    .prepare<[], { agendaItemId: number }>(
      `SELECT ai.id AS agendaItemId FROM agenda_item ai
       JOIN meeting m ON m.id = ai.meeting_id JOIN support_case sc ON sc.id = ai.case_id
       WHERE ai.kind = 'case' AND m.status IN ('planned', 'in_progress', 'held') AND sc.status != 'closed'
       ORDER BY m.school_id, ai.id`,
    )
    .all();
  if (candidates.length === 0) throw new Error('the demo data has no editable case item: nothing to measure');
  const itemIds = Array.from({ length: Math.min(ITEMS, candidates.length) }, (_, k) => {
    return candidates[Math.floor((k * candidates.length) / Math.min(ITEMS, candidates.length))].agendaItemId;
  });
  const discussionIds = new Map<number, number>();
  const readDiscussion = sqlite.prepare<[number], { id: number; notes: string; updatedAt: string }>(
    'SELECT id, notes, updated_at AS updatedAt FROM case_discussion WHERE agenda_item_id = ?',
  );
  let update: Database.Statement<[string, string, number]> | undefined;
  const at = (iteration: number) => itemIds[iteration % itemIds.length];
  const stamp = () => clock.now().toISOString();

  const floor = (iteration: number, text = noteText(iteration, 'floor')) => {
    if (!update) throw new Error('verify() prepares the floor');
    const discussionId = discussionIds.get(at(iteration))!;
    // Parameters in the order the service sends them (checked in verify).
    sqlite.transaction(() => update!.run(text, stamp(), discussionId))();
    counter.n++;
  };

  return {
    name: 'autosave commit',
    goals: AUTOSAVE_GOALS,
    floorIs: 'its UPDATE in a transaction',
    size: () => ({ count: 1, of: 'note saved' }),
    inputs: itemIds.map((agendaItemId) => ({ agendaItemId, field: 'notes', chars: noteText(0, 'service').length })),
    service: (iteration: number) => saveItemText(db, at(iteration), 'notes', noteText(iteration, 'service'), clock),
    floor,
    verify: async () => {
      const synchronous = sqlite.pragma('synchronous', { simple: true });
      const journal = sqlite.pragma('journal_mode', { simple: true });
      if (synchronous !== 2 || journal !== 'wal') throw new Error(`autosave runs with synchronous=${synchronous}, journal ${journal}`);
      // The first save of an item creates its discussion; the measured ones update it.
      for (const itemId of itemIds) {
        await saveItemText(db, itemId, 'notes', 'eerste aantekening', clock);
        discussionIds.set(itemId, readDiscussion.get(itemId)!.id);
      }
      // The floor is the very UPDATE the service sends, and leaves the same row behind.
      const text = 'zelfde tekst';
      const sent = await recordStatements(sqlite, (recording) => saveItemText(recording, itemIds[0], 'notes', text, clock));
      const updates = sent.filter((statement) => /^update\b/i.test(statement.sql));
      if (updates.length !== 1) throw new Error(`saveItemText sent ${updates.length} UPDATE statements, expected 1`);
      const discussionId = discussionIds.get(itemIds[0])!;
      if (!isDeepStrictEqual(updates[0].parameters, [text, stamp(), discussionId]))
        throw new Error(`the autosave UPDATE takes other parameters than the floor gives: ${JSON.stringify(updates[0].parameters)}`);
      update = sqlite.prepare<[string, string, number]>(updates[0].sql);
      const fromService = readDiscussion.get(itemIds[0]);
      await saveItemText(db, itemIds[0], 'notes', 'iets anders', clock);
      floor(0, text);
      if (!isDeepStrictEqual(readDiscussion.get(itemIds[0]), fromService))
        throw new Error('the raw-SQL floor for autosave commit does not leave the same row as the service');
    },
  };
}
