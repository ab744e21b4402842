import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { assertNotBefore } from '../dateOrder';
import { AppError } from '../errors';
import { nl } from '../i18n/nl';
import { nlConsent } from '../i18n/nlConsent';
import { caseGate, gatesFor } from './consent';
import { gateFields } from './consentGate';

/** How an agenda item is titled: the pupil's name, or no identity when discussed anonymously. */
export const agendaTitle = sql<string>`CASE
  WHEN agenda_item.kind = 'general' THEN agenda_item.title
  WHEN agenda_item.anonymous = 1 THEN ${nl.agenda.anonymousCase} || ' (' || pupil.group_name || ')'
  ELSE pupil.first_name || ' ' || pupil.last_name END`;

/** The agenda of a meeting in order, with display titles. */
export async function listAgenda(db: Kysely<DB>, meetingId: number) {
  const rows = await db
    .selectFrom('agendaItem')
    .leftJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
    .leftJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select([
      'agendaItem.id',
      'agendaItem.position',
      'agendaItem.kind',
      'agendaItem.caseId',
      'agendaItem.plannedMinutes',
      'agendaItem.spentSeconds',
      'agendaItem.anonymous',
      agendaTitle.as('title'),
    ])
    .where('agendaItem.meetingId', '=', meetingId)
    .orderBy('agendaItem.position')
    .execute();
  return rows.map((row) => ({ ...row, anonymous: row.anonymous === 1 }));
}

async function meetingFor(db: Kysely<DB>, meetingId: number) {
  const meeting = await db
    .selectFrom('meeting')
    .select(['id', 'schoolId', 'date', 'status'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
  return meeting;
}

export type SuggestionReason = 'new' | 'overdue_agreements' | 'open_agreements' | 'effect_check_due';

/**
 * Cases worth discussing at this meeting and why: new cases, cases with open
 * or overdue agreements, cases whose two-week effect check is due.
 */
export async function agendaSuggestions(db: Kysely<DB>, meetingId: number) {
  const meeting = await meetingFor(db, meetingId);
  const rows = await db
    .selectFrom('supportCase')
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select((eb) => [
      'supportCase.id as caseId',
      sql<string>`pupil.first_name || ' ' || pupil.last_name`.as('pupilName'),
      'pupil.groupName',
      'pupil.dateOfBirth',
      'supportCase.status',
      'supportCase.effectDueOn',
      'supportCase.firstDiscussedOn',
      'supportCase.safetyConcernReason',
      eb
        .selectFrom('agreement')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('agreement.caseId', '=', 'supportCase.id')
        .where('agreement.status', '=', 'open')
        .as('openAgreements'),
      eb
        .selectFrom('agreement')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('agreement.caseId', '=', 'supportCase.id')
        .where('agreement.status', '=', 'open')
        .where('agreement.dueOn', '<', meeting.date)
        .as('overdueAgreements'),
      eb
        .selectFrom('effectCheck')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('effectCheck.caseId', '=', 'supportCase.id')
        .whereRef('effectCheck.checkedOn', '>=', 'supportCase.firstDiscussedOn')
        .as('effectChecks'),
    ])
    .where('supportCase.schoolId', '=', meeting.schoolId)
    .where('supportCase.status', '!=', 'closed')
    // Not a case registered after this meeting: it cannot be discussed there (dates in order).
    .where('supportCase.registeredOn', '<=', meeting.date)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('agendaItem')
            .select('agendaItem.id')
            .whereRef('agendaItem.caseId', '=', 'supportCase.id')
            .where('agendaItem.meetingId', '=', meetingId),
        ),
      ),
    )
    .execute();

  // The parties of every case in two queries, not one per case.
  const gates = await gatesFor(
    db,
    rows.map((row) => ({ id: row.caseId, dateOfBirth: row.dateOfBirth, safetyConcernReason: row.safetyConcernReason })),
    meeting.date,
  );
  const suggestions = [];
  for (const row of rows) {
    const reasons: SuggestionReason[] = [];
    if (row.status === 'registered') reasons.push('new');
    if (Number(row.overdueAgreements) > 0) reasons.push('overdue_agreements');
    else if (Number(row.openAgreements) > 0) reasons.push('open_agreements');
    if (row.effectDueOn && row.effectDueOn <= meeting.date && Number(row.effectChecks) === 0) reasons.push('effect_check_due');
    if (reasons.length === 0) continue;
    suggestions.push({
      caseId: row.caseId,
      pupilName: row.pupilName,
      groupName: row.groupName,
      reasons,
      openAgreements: Number(row.openAgreements),
      overdueAgreements: Number(row.overdueAgreements),
      ...gateFields(gates.get(row.caseId)!),
    });
  }
  const rank = (reasons: SuggestionReason[]) =>
    Math.min(...reasons.map((reason) => ['overdue_agreements', 'effect_check_due', 'new', 'open_agreements'].indexOf(reason)));
  return suggestions.sort((a, b) => rank(a.reasons) - rank(b.reasons) || a.pupilName.localeCompare(b.pupilName, 'nl'));
}

/** Where a case goes: before a closing general item (rondvraag) if the agenda ends with one. */
async function casePosition(db: Kysely<DB>, meetingId: number): Promise<number> {
  const last = await db
    .selectFrom('agendaItem')
    .select(['id', 'position', 'kind'])
    .where('meetingId', '=', meetingId)
    .orderBy('position', 'desc')
    .executeTakeFirst();
  if (!last) return 1;
  if (last.kind !== 'general') return last.position + 1;
  await db
    .updateTable('agendaItem')
    .set({ position: last.position + 1 })
    .where('id', '=', last.id)
    .execute();
  return last.position;
}

async function nextPosition(db: Kysely<DB>, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom('agendaItem')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

function assertEditable(status: string) {
  if (status === 'finalized' || status === 'cancelled') throw new AppError('CONFLICT', 'meeting is closed for changes');
}

/**
 * Puts a case on the agenda. Without the consent of every party its age band
 * requires (core/services/consentGate.ts) it may only be discussed
 * anonymously, unless a safety concern with a reason is recorded.
 */
export async function addCaseItem(
  db: Kysely<DB>,
  input: { meetingId: number; caseId: number; anonymous: boolean; plannedMinutes: number },
) {
  return db.transaction().execute(async (trx) => {
    const meeting = await meetingFor(trx, input.meetingId);
    assertEditable(meeting.status);
    const found = await trx
      .selectFrom('supportCase')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select([
        'supportCase.schoolId',
        'supportCase.status',
        'supportCase.registeredOn',
        'supportCase.safetyConcernReason',
        'pupil.dateOfBirth',
      ])
      .where('supportCase.id', '=', input.caseId)
      .executeTakeFirst();
    if (!found || found.schoolId !== meeting.schoolId) throw new AppError('NOT_FOUND', 'case');
    if (found.status === 'closed') throw new AppError('CASE_CLOSED');
    assertNotBefore(meeting.date, found.registeredOn, 'caseDiscussedBeforeRegistered');
    const gate = await caseGate(trx, input.caseId, meeting.date);
    // The message names the missing parties by role (de leerling (13 jaar), moeder (gezag)), never by name.
    if (gate.gate === 'needs_consent' && !input.anonymous) throw new AppError('CONSENT_REQUIRED', '', nlConsent.refusal(gate));
    const onAgenda = await trx
      .selectFrom('agendaItem')
      .select('id')
      .where('meetingId', '=', input.meetingId)
      .where('caseId', '=', input.caseId)
      .executeTakeFirst();
    if (onAgenda) throw new AppError('CONFLICT', 'case already on agenda');
    const { id } = await trx
      .insertInto('agendaItem')
      .values({
        meetingId: input.meetingId,
        position: await casePosition(trx, input.meetingId),
        kind: 'case',
        caseId: input.caseId,
        plannedMinutes: input.plannedMinutes,
        anonymous: input.anonymous ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

/** Adds a general item (mededelingen, rondvraag, a theme) to the agenda. */
export async function addGeneralItem(db: Kysely<DB>, input: { meetingId: number; title: string; plannedMinutes: number }) {
  const meeting = await meetingFor(db, input.meetingId);
  assertEditable(meeting.status);
  const { id } = await db
    .insertInto('agendaItem')
    .values({
      meetingId: input.meetingId,
      position: await nextPosition(db, input.meetingId),
      kind: 'general',
      caseId: null,
      title: input.title,
      plannedMinutes: input.plannedMinutes,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Puts the agenda in the given order; the list must hold exactly the meeting's items. */
export async function reorderAgenda(db: Kysely<DB>, meetingId: number, itemIds: number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const meeting = await meetingFor(trx, meetingId);
    assertEditable(meeting.status);
    const current = await trx.selectFrom('agendaItem').select('id').where('meetingId', '=', meetingId).execute();
    const known = new Set(current.map((row) => row.id));
    if (itemIds.length !== known.size || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => known.has(id))) {
      throw new AppError('VALIDATION', 'item list does not match the agenda');
    }
    for (const [index, id] of itemIds.entries())
      await trx
        .updateTable('agendaItem')
        .set({ position: index + 1 })
        .where('id', '=', id)
        .execute();
  });
}

/** Changes the planned time (and for general items the title) of an agenda item. */
export async function updateAgendaItem(
  db: Kysely<DB>,
  input: { agendaItemId: number; plannedMinutes: number; title?: string },
): Promise<void> {
  const item = await db.selectFrom('agendaItem').select(['kind']).where('id', '=', input.agendaItemId).executeTakeFirst();
  if (!item) throw new AppError('NOT_FOUND', 'agenda item');
  await db
    .updateTable('agendaItem')
    .set({ plannedMinutes: input.plannedMinutes, ...(item.kind === 'general' && input.title ? { title: input.title } : {}) })
    .where('id', '=', input.agendaItemId)
    .execute();
}

/** Removes an agenda item that holds nothing yet; returns what is needed to put it back. */
export async function removeAgendaItem(db: Kysely<DB>, agendaItemId: number) {
  return db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('agendaItem').selectAll().where('id', '=', agendaItemId).executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', 'agenda item');
    const meeting = await meetingFor(trx, item.meetingId);
    assertEditable(meeting.status);
    const used =
      item.notes.trim() !== '' ||
      !!(await trx.selectFrom('caseDiscussion').select('id').where('agendaItemId', '=', agendaItemId).executeTakeFirst()) ||
      !!(await trx.selectFrom('agreement').select('id').where('agendaItemId', '=', agendaItemId).executeTakeFirst());
    if (used) throw new AppError('DISCUSSION_HAS_CONTENT');
    await trx.deleteFrom('agendaItem').where('id', '=', agendaItemId).execute();
    return {
      meetingId: item.meetingId,
      kind: item.kind,
      caseId: item.caseId,
      title: item.title,
      plannedMinutes: item.plannedMinutes,
      anonymous: item.anonymous === 1,
      position: item.position,
    };
  });
}
