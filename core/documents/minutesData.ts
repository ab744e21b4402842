import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../errors';
import { ownerLabel } from '../i18n/ownerLabel';
import { agreementRows } from '../services/agreements';
import { casesWithLead } from '../services/cases';
import { getMeeting } from '../services/meetings';

export type PupilNaming = 'full' | 'initials';

/** "Sanne de Vries" → "S.d.V.": how a pupil appears when a school writes initials. */
export function initialsOf(firstName: string, lastName: string): string {
  return [firstName, ...lastName.split(/\s+/)]
    .filter(Boolean)
    .map((part) => `${part[0]}.`)
    .join('');
}

/** Everything the verslag of one meeting shows, gathered once for all document kinds. */
export async function loadMinutesData(db: Kysely<DB>, meetingId: number, naming: PupilNaming = 'full') {
  const meeting = await getMeeting(db, meetingId);
  const school = await db.selectFrom('school').select(['id', 'name', 'city']).where('id', '=', meeting.schoolId).executeTakeFirstOrThrow();
  const agreements = await agreementRows(db).where('agreement.meetingId', '=', meetingId).execute();
  const items = [];
  for (const item of meeting.agenda) {
    const itemAgreements = agreements.filter((agreement) => agreement.agendaItemId === item.id);
    if (item.kind === 'general') {
      const notes = (await db.selectFrom('agendaItem').select('notes').where('id', '=', item.id).executeTakeFirstOrThrow()).notes;
      items.push({ kind: 'general' as const, id: item.id, title: item.title, notes, agreements: itemAgreements, case: null });
      continue;
    }
    const caseRow = await casesWithLead(db)
      .select([
        'supportCase.id',
        'supportCase.question',
        'supportCase.effectDueOn',
        'pupil.id as pupilId',
        'pupil.firstName',
        'pupil.lastName',
        'pupil.groupName',
        'lead.name as leadName',
      ])
      .where('supportCase.id', '=', item.caseId!)
      .executeTakeFirstOrThrow();
    const discussion = await db
      .selectFrom('caseDiscussion')
      .select(['id', 'notes', 'summary', 'conclusions', 'parentsPresent', 'parentsAbsentReason', 'pupilParticipation', 'pupilView'])
      .where('agendaItemId', '=', item.id)
      .executeTakeFirst();
    const effect = discussion
      ? await db.selectFrom('effectCheck').select(['result', 'note']).where('discussionId', '=', discussion.id).executeTakeFirst()
      : undefined;
    const shownName = item.anonymous
      ? item.title
      : naming === 'initials'
        ? `${initialsOf(caseRow.firstName, caseRow.lastName)} (${caseRow.groupName})`
        : `${caseRow.firstName} ${caseRow.lastName}`;
    items.push({
      kind: 'case' as const,
      id: item.id,
      title: shownName,
      notes: discussion?.notes ?? '',
      agreements: itemAgreements,
      case: {
        id: caseRow.id,
        pupilId: caseRow.pupilId,
        pupilName: shownName,
        groupName: caseRow.groupName,
        question: caseRow.question,
        summary: discussion?.summary ?? '',
        conclusions: discussion?.conclusions ?? '',
        leadName: caseRow.leadName,
        effectDueOn: caseRow.effectDueOn,
        effect: effect ?? null,
        participation: {
          parentsPresent: discussion?.parentsPresent ?? null,
          parentsAbsentReason: discussion?.parentsAbsentReason ?? '',
          pupilParticipation: discussion?.pupilParticipation ?? null,
          pupilView: discussion?.pupilView ?? '',
        },
      },
    });
  }
  const byOwner = new Map<string, typeof agreements>();
  for (const agreement of agreements) {
    const owner = ownerLabel(agreement);
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), agreement]);
  }
  return {
    school,
    meeting,
    items,
    actions: [...byOwner.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([owner, list]) => ({ owner, agreements: list })),
  };
}

export type MinutesData = Awaited<ReturnType<typeof loadMinutesData>>;

/** Guards a document builder's input: a meeting must exist and have been held before it is written down. */
export function assertWritable(data: MinutesData): void {
  if (data.meeting.status === 'planned' || data.meeting.status === 'cancelled') throw new AppError('CONFLICT', 'meeting not held');
}
