import { addDays, formatISO, min, parseISO } from 'date-fns';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { assertNotBefore } from '../dateOrder';
import { AppError } from '../errors';
import { assertItemEditable } from './editable';

/** Days after the first discussion by which a noticeable effect is expected. */
export const EFFECT_TARGET_DAYS = 14;

/** The last day a date can be written as YYYY-MM-DD, as every date in the contract is. */
const LAST_DAY = parseISO('9999-12-31');

/** The day by which the effect of a case's first discussion is due. */
export function effectDueDate(firstDiscussedOn: string): string {
  // Two weeks after a meeting in the calendar's last days there is no date to store: a year
  // 10000 would make every later read of the case fail. The target stays on the last day.
  return formatISO(min([addDays(parseISO(firstDiscussedOn), EFFECT_TARGET_DAYS), LAST_DAY]), { representation: 'date' });
}

/**
 * The discussion row of a case agenda item, created on the first thing recorded
 * about it. The first discussion of a case starts its two-week effect target
 * and makes a registered case active.
 */
export async function ensureDiscussion(db: Kysely<DB>, agendaItemId: number, clock: Clock): Promise<number> {
  const existing = await db.selectFrom('caseDiscussion').select('id').where('agendaItemId', '=', agendaItemId).executeTakeFirst();
  if (existing) return existing.id;
  const item = await db
    .selectFrom('agendaItem')
    .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
    .select(['agendaItem.caseId', 'agendaItem.meetingId', 'agendaItem.anonymous', 'meeting.date'])
    .where('agendaItem.id', '=', agendaItemId)
    .executeTakeFirst();
  if (!item?.caseId) throw new AppError('NOT_FOUND', 'case agenda item');
  const found = await db
    .selectFrom('supportCase')
    .select(['status', 'registeredOn', 'firstDiscussedOn'])
    .where('id', '=', item.caseId)
    .executeTakeFirstOrThrow();
  if (found.status === 'closed') throw new AppError('CASE_CLOSED');
  assertNotBefore(item.date, found.registeredOn, 'caseDiscussedBeforeRegistered');
  if (!found.firstDiscussedOn) {
    await db
      .updateTable('supportCase')
      .set({ firstDiscussedOn: item.date, effectDueOn: effectDueDate(item.date), status: 'active', updatedAt: nowIso(clock) })
      .where('id', '=', item.caseId)
      .execute();
  }
  const { id } = await db
    .insertInto('caseDiscussion')
    .values({
      agendaItemId,
      meetingId: item.meetingId,
      caseId: item.caseId,
      discussedByName: item.anonymous ? 0 : 1,
      updatedAt: nowIso(clock),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export type TextField = 'notes' | 'summary' | 'conclusions' | 'pupilView';

/** Autosave: stores one text field of an agenda item and answers when it is committed. */
export async function saveItemText(
  db: Kysely<DB>,
  agendaItemId: number,
  field: TextField,
  value: string,
  clock: Clock,
): Promise<{ savedAt: string }> {
  const savedAt = nowIso(clock);
  await db.transaction().execute(async (trx) => {
    await assertItemEditable(trx, agendaItemId);
    const item = await trx.selectFrom('agendaItem').select(['kind']).where('id', '=', agendaItemId).executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', 'agenda item');
    if (item.kind === 'general') {
      // General items keep their notes on the item itself; summary/conclusions go with them.
      if (field !== 'notes') throw new AppError('VALIDATION', 'general items only have notes');
      await trx.updateTable('agendaItem').set({ notes: value }).where('id', '=', agendaItemId).execute();
      return;
    }
    const discussionId = await ensureDiscussion(trx, agendaItemId, clock);
    await trx
      .updateTable('caseDiscussion')
      .set({ [field]: value, updatedAt: savedAt })
      .where('id', '=', discussionId)
      .execute();
  });
  return { savedAt };
}

/** Records whether the case showed a noticeable effect (ja / deels / nee). */
export async function recordEffectCheck(
  db: Kysely<DB>,
  agendaItemId: number,
  result: 'yes' | 'partly' | 'no',
  note: string,
  clock: Clock,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertItemEditable(trx, agendaItemId);
    const discussionId = await ensureDiscussion(trx, agendaItemId, clock);
    const item = await trx
      .selectFrom('agendaItem')
      .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
      .innerJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
      .select(['agendaItem.caseId', 'meeting.date', 'supportCase.firstDiscussedOn'])
      .where('agendaItem.id', '=', agendaItemId)
      .executeTakeFirstOrThrow();
    // A meeting before the case's first discussion (entered afterwards) cannot measure its effect.
    assertNotBefore(item.date, item.firstDiscussedOn, 'effectCheckBeforeFirstDiscussion');
    // One check per discussion: recording again corrects it.
    await trx.deleteFrom('effectCheck').where('discussionId', '=', discussionId).execute();
    await trx
      .insertInto('effectCheck')
      .values({ caseId: item.caseId!, discussionId, result, note, checkedOn: item.date, createdAt: nowIso(clock) })
      .execute();
  });
}

/** Sets the success factors and obstacles recorded for one discussion. */
export async function setDiscussionTags(db: Kysely<DB>, agendaItemId: number, tagIds: number[], clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertItemEditable(trx, agendaItemId);
    const discussionId = await ensureDiscussion(trx, agendaItemId, clock);
    await trx.deleteFrom('discussionTag').where('discussionId', '=', discussionId).execute();
    if (tagIds.length)
      await trx
        .insertInto('discussionTag')
        .values([...new Set(tagIds)].map((tagId) => ({ discussionId, tagId })))
        .execute();
  });
}

/** Adds time spent on an item (the chair's timer), in seconds. */
export async function addItemTime(db: Kysely<DB>, agendaItemId: number, seconds: number): Promise<void> {
  const result = await db
    .updateTable('agendaItem')
    .set((eb) => ({ spentSeconds: eb('spentSeconds', '+', seconds) }))
    .where('id', '=', agendaItemId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'agenda item');
}
