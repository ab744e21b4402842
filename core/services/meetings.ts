import { sql, type Kysely } from 'kysely';
import type { DB, OwnerKind, PresenceStatus } from '../../db/schema';
import { nowIso, today, type Clock } from '../clock';
import { assertNotBefore } from '../dateOrder';
import { AppError } from '../errors';
import { nl } from '../i18n/nl';
import { ownerLabel } from '../i18n/ownerLabel';
import { agendaTitle, listAgenda } from './agenda';

function meetingQuery(db: Kysely<DB>, schoolId: number) {
  return db
    .selectFrom('meeting')
    .leftJoin('member as chair', 'chair.id', 'meeting.chairId')
    .select((eb) => [
      'meeting.id',
      'meeting.date',
      'meeting.startTime',
      'meeting.location',
      'meeting.status',
      'chair.name as chairName',
      eb
        .selectFrom('agendaItem')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('agendaItem.meetingId', '=', 'meeting.id')
        .where('agendaItem.kind', '=', 'case')
        .as('caseCount'),
    ])
    .where('meeting.schoolId', '=', schoolId);
}

/** All meetings of a school, newest first. */
export async function listMeetings(db: Kysely<DB>, schoolId: number) {
  const rows = await meetingQuery(db, schoolId).orderBy('meeting.date', 'desc').orderBy('meeting.startTime', 'desc').execute();
  return rows.map((row) => ({ ...row, caseCount: Number(row.caseCount ?? 0) }));
}

/** The first planned or running meeting from today on, with its agenda. */
export async function nextMeeting(db: Kysely<DB>, schoolId: number, clock: Clock) {
  const meeting = await meetingQuery(db, schoolId)
    .where('meeting.date', '>=', today(clock))
    .where('meeting.status', 'in', ['planned', 'in_progress'])
    .orderBy('meeting.date')
    .orderBy('meeting.startTime')
    .executeTakeFirst();
  if (!meeting) return null;
  const agenda = await listAgenda(db, meeting.id);
  return { ...meeting, caseCount: Number(meeting.caseCount ?? 0), agenda };
}

export interface MeetingInput {
  date: string;
  startTime: string;
  location: string;
  chairId: number | null;
  minuteTakerId: number | null;
  inviteeIds: number[];
}

async function assertMembers(db: Kysely<DB>, schoolId: number, ids: number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await db.selectFrom('member').select('id').where('schoolId', '=', schoolId).where('id', 'in', unique).execute();
  if (found.length !== unique.length) throw new AppError('NOT_FOUND', 'member');
}

/** Plans a meeting with its invitees and the usual opening and closing items. */
export async function planMeeting(db: Kysely<DB>, schoolId: number, input: MeetingInput, clock: Clock): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const school = await trx.selectFrom('school').select('id').where('id', '=', schoolId).executeTakeFirst();
    if (!school) throw new AppError('NOT_FOUND', 'school');
    const memberIds = [input.chairId, input.minuteTakerId, ...input.inviteeIds].filter((id): id is number => id !== null);
    await assertMembers(trx, schoolId, memberIds);
    const stamp = nowIso(clock);
    const { id } = await trx
      .insertInto('meeting')
      .values({
        schoolId,
        date: input.date,
        startTime: input.startTime,
        location: input.location,
        chairId: input.chairId,
        minuteTakerId: input.minuteTakerId,
        status: 'planned',
        createdAt: stamp,
        updatedAt: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const invited = [...new Set(memberIds)];
    if (invited.length)
      await trx
        .insertInto('presence')
        .values(invited.map((memberId) => ({ meetingId: id, memberId, invited: 1, status: null })))
        .execute();
    await trx
      .insertInto('agendaItem')
      .values([
        { meetingId: id, position: 1, kind: 'general', caseId: null, title: nl.agenda.opening, plannedMinutes: 5 },
        { meetingId: id, position: 2, kind: 'general', caseId: null, title: nl.agenda.roundup, plannedMinutes: 5 },
      ])
      .execute();
    return id;
  });
}

/** Changes date, time, place, roles and invitees of a meeting that has not been closed. */
export async function updateMeeting(db: Kysely<DB>, meetingId: number, input: MeetingInput, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const meeting = await trx.selectFrom('meeting').select(['schoolId', 'status']).where('id', '=', meetingId).executeTakeFirst();
    if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
    if (meeting.status === 'finalized') throw new AppError('CONFLICT', 'meeting finalized');
    const memberIds = [input.chairId, input.minuteTakerId, ...input.inviteeIds].filter((id): id is number => id !== null);
    await assertMembers(trx, meeting.schoolId, memberIds);
    // The agreements made in this meeting must not come before its new date.
    const earliest = await trx
      .selectFrom('agreement')
      .select((eb) => [eb.fn.min(sql<string>`min(due_on, original_due_on)`).as('due'), eb.fn.min('completedOn').as('completed')])
      .where('meetingId', '=', meetingId)
      .executeTakeFirstOrThrow();
    assertNotBefore(earliest.due, input.date, 'agreementDueBeforeMeeting', 'date');
    assertNotBefore(earliest.completed, input.date, 'agreementCompletedBeforeMeeting', 'date');
    await trx
      .updateTable('meeting')
      .set({
        date: input.date,
        startTime: input.startTime,
        location: input.location,
        chairId: input.chairId,
        minuteTakerId: input.minuteTakerId,
        updatedAt: nowIso(clock),
      })
      .where('id', '=', meetingId)
      .execute();
    const invited = new Set(memberIds);
    await trx.updateTable('presence').set({ invited: 0 }).where('meetingId', '=', meetingId).execute();
    for (const memberId of invited) {
      await trx
        .insertInto('presence')
        .values({ meetingId, memberId, invited: 1, status: null })
        .onConflict((oc) => oc.columns(['meetingId', 'memberId']).doUpdateSet({ invited: 1 }))
        .execute();
    }
    // Uninvited members without a recorded presence disappear from the list.
    await trx.deleteFrom('presence').where('meetingId', '=', meetingId).where('invited', '=', 0).where('status', 'is', null).execute();
  });
}

/** One meeting with its agenda and presence list. */
export async function getMeeting(db: Kysely<DB>, meetingId: number) {
  const meeting = await db
    .selectFrom('meeting')
    .leftJoin('member as chair', 'chair.id', 'meeting.chairId')
    .leftJoin('member as taker', 'taker.id', 'meeting.minuteTakerId')
    .select([
      'meeting.id',
      'meeting.schoolId',
      'meeting.date',
      'meeting.startTime',
      'meeting.location',
      'meeting.status',
      'meeting.chairId',
      'meeting.minuteTakerId',
      'meeting.openQuestions',
      'chair.name as chairName',
      'taker.name as minuteTakerName',
    ])
    .where('meeting.id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
  const presence = await db
    .selectFrom('presence')
    .innerJoin('member', 'member.id', 'presence.memberId')
    .innerJoin('role', 'role.id', 'member.roleId')
    .select(['presence.memberId', 'member.name', 'role.name as roleName', 'presence.invited', 'presence.status'])
    .where('presence.meetingId', '=', meetingId)
    .orderBy('role.sortOrder')
    .orderBy('member.name')
    .execute();
  return {
    ...meeting,
    agenda: await listAgenda(db, meetingId),
    presence: presence.map((row) => ({ ...row, invited: row.invited === 1 })),
  };
}

/** Records whether a member is present, absent or excused. */
export async function setPresence(db: Kysely<DB>, meetingId: number, memberId: number, status: PresenceStatus): Promise<void> {
  const meeting = await db.selectFrom('meeting').select('schoolId').where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
  await assertMembers(db, meeting.schoolId, [memberId]);
  await db
    .insertInto('presence')
    .values({ meetingId, memberId, invited: 0, status })
    .onConflict((oc) => oc.columns(['meetingId', 'memberId']).doUpdateSet({ status }))
    .execute();
}

/** Opens chair mode: the meeting is in progress. */
export async function startMeeting(db: Kysely<DB>, meetingId: number, clock: Clock): Promise<void> {
  const meeting = await db.selectFrom('meeting').select('status').where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
  if (meeting.status === 'planned')
    await db
      .updateTable('meeting')
      .set({ status: 'in_progress', updatedAt: nowIso(clock) })
      .where('id', '=', meetingId)
      .execute();
  else if (meeting.status !== 'in_progress') throw new AppError('CONFLICT', 'meeting already closed');
}

export interface CloseInput {
  meetingId: number;
  openQuestions: string;
  next: { date: string; startTime: string; location: string } | null;
}

/**
 * Closes a meeting (gehouden) with its open questions and, if given, plans the
 * next one with the same chair, minute-taker and invitees.
 */
export async function closeMeeting(db: Kysely<DB>, input: CloseInput, clock: Clock): Promise<{ nextMeetingId: number | null }> {
  const meeting = await getMeeting(db, input.meetingId);
  if (meeting.status === 'finalized' || meeting.status === 'cancelled') throw new AppError('CONFLICT', 'meeting already closed');
  await db
    .updateTable('meeting')
    .set({ status: 'held', openQuestions: input.openQuestions, updatedAt: nowIso(clock) })
    .where('id', '=', input.meetingId)
    .execute();
  if (!input.next) return { nextMeetingId: null };
  const nextMeetingId = await planMeeting(
    db,
    meeting.schoolId,
    {
      ...input.next,
      chairId: meeting.chairId,
      minuteTakerId: meeting.minuteTakerId,
      inviteeIds: meeting.presence.filter((row) => row.invited).map((row) => row.memberId),
    },
    clock,
  );
  return { nextMeetingId };
}

/** The action list: agreements made in this meeting, grouped by owner. */
export async function actionList(db: Kysely<DB>, meetingId: number) {
  const rows = await db
    .selectFrom('agreement')
    .innerJoin('agendaItem', 'agendaItem.id', 'agreement.agendaItemId')
    .leftJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
    .leftJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .leftJoin('member', 'member.id', 'agreement.ownerMemberId')
    .select([
      'agreement.id',
      'agreement.description',
      'agreement.ownerKind',
      'agreement.ownerMemberId',
      sql<string>`coalesce(member.name, agreement.owner_name)`.as('ownerName'),
      'agreement.dueOn',
      'agreement.status',
      agendaTitle.as('itemTitle'),
    ])
    .where('agreement.meetingId', '=', meetingId)
    .orderBy('agreement.dueOn')
    .execute();
  const groups = new Map<string, { owner: string; ownerKind: OwnerKind; agreements: typeof rows }>();
  for (const row of rows) {
    const owner = ownerLabel(row);
    const key = `${row.ownerKind}:${owner}`;
    if (!groups.has(key)) groups.set(key, { owner, ownerKind: row.ownerKind, agreements: [] });
    groups.get(key)!.agreements.push(row);
  }
  return [...groups.values()].sort((a, b) => a.owner.localeCompare(b.owner, 'nl'));
}
