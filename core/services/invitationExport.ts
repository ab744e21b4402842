import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { buildInvitationIcs, invitationHash, type InvitationContent } from '../documents/invitationIcs';
import { AppError } from '../errors';
import { nl } from '../i18n/nl';
import type { BuiltExport } from './exports';

/** A meeting without planned minutes on its agenda still takes an hour in the calendars (said in the handleiding). */
export const DEFAULT_MEETING_MINUTES = 60;

/** What a calendar entry for the meeting holds now, read from the database: no pupil data is selected at all. */
export async function invitationContent(db: Kysely<DB>, meetingId: number) {
  const meeting = await db
    .selectFrom('meeting')
    .innerJoin('school', 'school.id', 'meeting.schoolId')
    .leftJoin('member as chair', 'chair.id', 'meeting.chairId')
    .select([
      'meeting.id',
      'meeting.schoolId',
      'meeting.date',
      'meeting.startTime',
      'meeting.location',
      'meeting.status',
      'meeting.invitationUid',
      'meeting.invitationSequence',
      'meeting.invitationHash',
      'school.name as schoolName',
      'chair.name as chairName',
      'chair.email as chairEmail',
    ])
    .where('meeting.id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
  const planned = await db
    .selectFrom('agendaItem')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('plannedMinutes'), eb.val(0)).as('minutes'))
    .where('meetingId', '=', meetingId)
    .executeTakeFirstOrThrow();
  const invited = await db
    .selectFrom('presence')
    .innerJoin('member', 'member.id', 'presence.memberId')
    .select(['member.name', 'member.email'])
    .where('presence.meetingId', '=', meetingId)
    .where('presence.invited', '=', 1)
    .orderBy('member.name')
    .execute();
  const minutes = Number(planned.minutes);
  const content: InvitationContent = {
    schoolName: meeting.schoolName,
    date: meeting.date,
    startTime: meeting.startTime,
    minutes: minutes > 0 ? minutes : DEFAULT_MEETING_MINUTES,
    location: meeting.location,
    organizer: meeting.chairName === null ? null : { name: meeting.chairName, email: meeting.chairEmail?.trim() || null },
    attendees: invited.flatMap((row) => (row.email?.trim() ? [{ name: row.name, email: row.email.trim() }] : [])),
    cancelled: meeting.status === 'cancelled',
  };
  return { meeting, content };
}

/** Whether the kernteam's calendars show the meeting as it is now (never sent, up to date, or sent before a change), and whether it names an organiser. */
export async function invitationState(db: Kysely<DB>, meetingId: number) {
  const { meeting, content } = await invitationContent(db, meetingId);
  const state = !meeting.invitationUid ? 'none' : meeting.invitationHash === invitationHash(content) ? 'current' : 'outdated';
  return { state: state as 'none' | 'current' | 'outdated', organizer: !!content.organizer?.email };
}

/** The invitation (.ics) to a meeting for the kernteam: no pupil data at all. */
export async function invitationExport(db: Kysely<DB>, meetingId: number, clock: Clock): Promise<BuiltExport> {
  // One transaction: two exports at once cannot both take the same next SEQUENCE.
  return db.transaction().execute(async (trx) => {
    const { meeting, content } = await invitationContent(trx, meetingId);
    if (meeting.status === 'held' || meeting.status === 'finalized')
      throw new AppError('CONFLICT', 'meeting already held', nl.invitation.errors.held);
    if (meeting.status === 'cancelled' && !meeting.invitationUid)
      throw new AppError('CONFLICT', 'no invitation was sent for this meeting', nl.invitation.errors.notSent);
    const hash = invitationHash(content);
    // The first invitation takes a new UID; a changed meeting a higher SEQUENCE; the same content stays as it was.
    const uid = meeting.invitationUid ?? `${randomUUID()}@mdo.local`;
    const sequence = !meeting.invitationUid
      ? 0
      : meeting.invitationHash === hash
        ? meeting.invitationSequence
        : meeting.invitationSequence + 1;
    if (uid !== meeting.invitationUid || sequence !== meeting.invitationSequence || hash !== meeting.invitationHash) {
      await trx
        .updateTable('meeting')
        .set({ invitationUid: uid, invitationSequence: sequence, invitationHash: hash })
        .where('id', '=', meetingId)
        .execute();
    }
    return {
      bytes: buildInvitationIcs(content, { uid, sequence, stamp: new Date(nowIso(clock)) }),
      name: content.cancelled ? nl.invitation.cancelFileName(content.date) : nl.invitation.fileName(content.date),
      entity: { entity: 'meeting', entityId: meeting.id, schoolId: meeting.schoolId },
    };
  });
}
