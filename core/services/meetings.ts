import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { today, type Clock } from '../clock';

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
  const agenda = await db
    .selectFrom('agendaItem')
    .leftJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
    .leftJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select(['agendaItem.id', 'agendaItem.position', 'agendaItem.kind', 'agendaItem.caseId', 'agendaItem.plannedMinutes'])
    .select(sql<string>`coalesce(pupil.first_name || ' ' || pupil.last_name, agenda_item.title)`.as('title'))
    .where('agendaItem.meetingId', '=', meeting.id)
    .orderBy('agendaItem.position')
    .execute();
  return { ...meeting, caseCount: Number(meeting.caseCount ?? 0), agenda };
}
