import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { buildKernteamAgendaDocx, type KernteamAgendaData, type KernteamAgendaItem } from '../documents/kernteamAgendaDocx';
import { AppError } from '../errors';
import { nlKernteamAgenda } from '../i18n/nlKernteamAgenda';
import { ownerLabel } from '../i18n/ownerLabel';
import { agreementRows } from './agreements';
import type { BuiltExport } from './exports';
import { sharedCaseLabels } from './sharedCaseLabels';

/** The agenda for the kernteam (DOCX): a case by initials and group only when its consent covers sharing with the kernteam. */
export async function agendaExport(db: Kysely<DB>, meetingId: number, clock: Clock): Promise<BuiltExport> {
  // The agenda is about the meeting's own date (the consent on that day), not the day it is sent.
  void clock;
  const data = await loadKernteamAgenda(db, meetingId);
  return {
    bytes: await buildKernteamAgendaDocx(data),
    // No pupil data in a file name: it shows in mail programs and folders.
    name: `Agenda MDO ${data.meeting.date}.docx`,
    entity: { entity: 'meeting', entityId: meetingId, schoolId: data.schoolId },
  };
}

/** What the agenda shows, each case named through sharedCaseLabels on the meeting date and its free text redacted. */
export async function loadKernteamAgenda(db: Kysely<DB>, meetingId: number): Promise<KernteamAgendaData & { schoolId: number }> {
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
      'school.name as school',
      'chair.name as chairName',
    ])
    .where('meeting.id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', 'meeting cancelled', nlKernteamAgenda.cancelled);
  const invited = await db
    .selectFrom('presence')
    .innerJoin('member', 'member.id', 'presence.memberId')
    .innerJoin('role', 'role.id', 'member.roleId')
    .select(['member.name', 'role.name as role', 'member.organisation'])
    .where('presence.meetingId', '=', meetingId)
    .where('presence.invited', '=', 1)
    .orderBy('role.sortOrder')
    .orderBy('member.name')
    .execute();
  const agenda = await db
    .selectFrom('agendaItem')
    .leftJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
    .select([
      'agendaItem.kind',
      'agendaItem.caseId',
      'agendaItem.title',
      'agendaItem.plannedMinutes',
      'agendaItem.anonymous',
      'supportCase.question',
    ])
    .where('agendaItem.meetingId', '=', meetingId)
    .orderBy('agendaItem.position')
    .execute();
  const caseIds = agenda.flatMap((item) => (item.caseId === null ? [] : [item.caseId]));
  const anonymous = new Set(agenda.flatMap((item) => (item.caseId !== null && item.anonymous === 1 ? [item.caseId] : [])));
  const labels = await sharedCaseLabels(db, caseIds, meeting.date, anonymous);
  const named = caseIds.filter((caseId) => labels.get(caseId)!.named);
  // The agreements still open from earlier meetings: what the members report on. Not those of this meeting itself.
  const agreements = named.length
    ? await agreementRows(db)
        .where('agreement.caseId', 'in', named)
        .where('agreement.status', '=', 'open')
        .where('agreement.meetingId', '!=', meetingId)
        .where('meeting.date', '<=', meeting.date)
        .execute()
    : [];
  const items: KernteamAgendaItem[] = agenda.map((item) => {
    const minutes = item.plannedMinutes;
    // A general item's title is typed freely: a pupil on this agenda named in it is replaced as in the case's own text.
    if (item.kind === 'general' || item.caseId === null)
      return { kind: 'general', title: [...labels.values()].reduce((text, label) => label.redact(text), item.title), minutes };
    const label = labels.get(item.caseId)!;
    if (!label.named) return { kind: 'case', named: false, label: label.label, minutes };
    return {
      kind: 'case',
      named: true,
      label: label.label,
      minutes,
      question: label.redact(item.question ?? ''),
      agreements: agreements
        .filter((agreement) => agreement.caseId === item.caseId)
        .map((agreement) => ({
          description: label.redact(agreement.description),
          // A member is a professional named as such; "school" owners are free text and may name the pupil.
          owner: agreement.ownerKind === 'staff' ? label.redact(ownerLabel(agreement)) : ownerLabel(agreement),
          dueOn: agreement.dueOn,
          originalDueOn: agreement.originalDueOn,
          postponements: agreement.postponements,
        })),
    };
  });
  return {
    schoolId: meeting.schoolId,
    school: meeting.school,
    meeting: {
      id: meeting.id,
      date: meeting.date,
      startTime: meeting.startTime,
      location: meeting.location,
      chairName: meeting.chairName,
    },
    invited,
    items,
  };
}
