import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../errors';

// A kernteam member's own action list holds the agreements that member owns, still
// open, made in this meeting or an earlier one of the same school. One query for
// both the card that offers the lists and the document, so their counts agree.

/** The meeting an action list belongs to. */
export async function meetingForActionList(db: Kysely<DB>, meetingId: number) {
  const meeting = await db.selectFrom('meeting').select(['id', 'schoolId', 'date']).where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
  return meeting;
}

/** The open agreements owned by `memberIds` from meetings up to and including the meeting's date, by due date. */
export function openAgreementsOf(db: Kysely<DB>, meeting: { schoolId: number; date: string }, memberIds: readonly number[]) {
  return db
    .selectFrom('agreement')
    .innerJoin('meeting as agreedIn', 'agreedIn.id', 'agreement.meetingId')
    .select([
      'agreement.id',
      'agreement.ownerMemberId',
      'agreement.caseId',
      'agreement.description',
      'agreement.dueOn',
      'agreement.originalDueOn',
      'agreement.postponements',
      'agreedIn.date as agreedOn',
    ])
    .where('agreement.schoolId', '=', meeting.schoolId)
    .where('agreement.ownerKind', '=', 'member')
    .where('agreement.ownerMemberId', 'in', memberIds.length ? memberIds : [0])
    .where('agreement.status', '=', 'open')
    .where('agreedIn.date', '<=', meeting.date)
    .orderBy('agreement.dueOn')
    .orderBy('agreedIn.date')
    .orderBy('agreement.id')
    .execute();
}

/** One row of the card "Actielijsten voor het kernteam". */
export interface ActionListRow {
  memberId: number;
  name: string;
  role: string;
  organisation: string | null;
  openActions: number;
}

/**
 * The members to offer an action list for: everyone invited to or present at the
 * meeting, and everyone who owns open agreements from it or an earlier meeting.
 */
export async function listActionLists(db: Kysely<DB>, meetingId: number): Promise<ActionListRow[]> {
  const meeting = await meetingForActionList(db, meetingId);
  const counts = await db
    .selectFrom('agreement')
    .innerJoin('meeting as agreedIn', 'agreedIn.id', 'agreement.meetingId')
    .select(['agreement.ownerMemberId as memberId', sql<number>`count(*)`.as('open')])
    .where('agreement.schoolId', '=', meeting.schoolId)
    .where('agreement.ownerKind', '=', 'member')
    .where('agreement.status', '=', 'open')
    .where('agreedIn.date', '<=', meeting.date)
    .groupBy('agreement.ownerMemberId')
    .execute();
  const open = new Map(counts.map((row) => [row.memberId!, Number(row.open)]));
  const present = await db
    .selectFrom('presence')
    .select('memberId')
    .where('meetingId', '=', meetingId)
    .where((eb) => eb.or([eb('invited', '=', 1), eb('status', '=', 'present')]))
    .execute();
  const ids = [...new Set([...present.map((row) => row.memberId), ...open.keys()])];
  if (ids.length === 0) return [];
  const members = await db
    .selectFrom('member')
    .innerJoin('role', 'role.id', 'member.roleId')
    .select(['member.id', 'member.name', 'role.name as role', 'member.organisation', 'role.sortOrder'])
    .where('member.schoolId', '=', meeting.schoolId)
    .where('member.id', 'in', ids)
    .orderBy('role.sortOrder')
    .orderBy('member.name')
    .execute();
  return members.map((member) => ({
    memberId: member.id,
    name: member.name,
    role: member.role,
    organisation: member.organisation,
    openActions: open.get(member.id) ?? 0,
  }));
}
