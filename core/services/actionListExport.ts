import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { today, type Clock } from '../clock';
import { buildActionListDocx, type ActionListData } from '../documents/actionListDocx';
import { AppError } from '../errors';
import { nl } from '../i18n/nl';
import { nlSharedCase } from '../i18n/nlSharedCase';
import { meetingForActionList, openAgreementsOf } from './actionLists';
import type { BuiltExport } from './exports';
import { sharedCaseLabels } from './sharedCaseLabels';

/** Characters Windows and macOS do not allow in a file name (and control characters). */
const NOT_IN_FILE_NAMES = /[<>:"/\\|?*\p{Cc}]/gu;

/** "Acties <member> MDO 2026-12-14.docx": the member is a professional; no pupil data. */
export function actionListFileName(memberName: string, meetingDate: string): string {
  const cleaned = memberName.replace(NOT_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim();
  // A file name holds at most 255 bytes: a very long name is cut (by character, never inside one).
  const name = Array.from(cleaned).slice(0, 50).join('').trim().replace(/\.+$/, '') || '-';
  return nl.actionList.docs.fileName(name, meetingDate);
}

/**
 * What one member's action list shows. The cases are labelled as on `today`
 * (consent may have changed since the meeting): initials and group only when
 * the consent covers sharing with the kernteam, and every description has the
 * pupil's name replaced.
 */
export async function loadActionList(db: Kysely<DB>, meetingId: number, memberId: number, clock: Clock): Promise<ActionListData> {
  const meeting = await meetingForActionList(db, meetingId);
  const member = await db
    .selectFrom('member')
    .innerJoin('role', 'role.id', 'member.roleId')
    .select(['member.id', 'member.name', 'member.organisation', 'member.schoolId', 'role.name as role'])
    .where('member.id', '=', memberId)
    .executeTakeFirst();
  // A member of another school never gets this school's agreements (the router refuses it too).
  if (!member || member.schoolId !== meeting.schoolId) throw new AppError('NOT_FOUND', 'member');
  const school = await db.selectFrom('school').select('name').where('id', '=', meeting.schoolId).executeTakeFirstOrThrow();
  const on = today(clock);
  const agreements = await openAgreementsOf(db, meeting, [memberId]);
  const labels = await sharedCaseLabels(
    db,
    agreements.flatMap((agreement) => (agreement.caseId === null ? [] : [agreement.caseId])),
    on,
  );
  return {
    school: school.name,
    today: on,
    meeting: { id: meeting.id, date: meeting.date },
    member: { id: member.id, name: member.name, role: member.role, organisation: member.organisation },
    items: agreements.map((agreement) => {
      const label = agreement.caseId === null ? undefined : labels.get(agreement.caseId);
      return {
        id: agreement.id,
        caseLabel: label?.label ?? nlSharedCase.general,
        description: label ? label.redact(agreement.description) : agreement.description,
        dueOn: agreement.dueOn,
        originalDueOn: agreement.originalDueOn,
        postponements: agreement.postponements,
        agreedOn: agreement.agreedOn,
      };
    }),
  };
}

/** One member's own open agreements from this and earlier meetings (DOCX). */
export async function actionListExport(db: Kysely<DB>, meetingId: number, memberId: number, clock: Clock): Promise<BuiltExport> {
  const data = await loadActionList(db, meetingId, memberId, clock);
  const schoolId = (await meetingForActionList(db, meetingId)).schoolId;
  return {
    bytes: await buildActionListDocx(data),
    name: actionListFileName(data.member.name, data.meeting.date),
    entity: { entity: 'member', entityId: memberId, schoolId },
  };
}
