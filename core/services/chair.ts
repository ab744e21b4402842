import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../errors';
import { agendaTitle } from './agenda';
import { agreementRows } from './agreements';
import { caseAgreements, casesWithLead } from './cases';
import { gatesFor } from './consent';
import { gateFields } from './consentGate';

/**
 * Everything the chair needs on one agenda item's screen: the case with its
 * trekker and effect target, this discussion's texts, new agreements, open
 * agreements carried over from earlier meetings, tags and effect check.
 */
export async function getChairItem(db: Kysely<DB>, agendaItemId: number) {
  const item = await db
    .selectFrom('agendaItem')
    .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
    .leftJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
    .leftJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select([
      'agendaItem.id',
      'agendaItem.meetingId',
      'agendaItem.position',
      'agendaItem.kind',
      'agendaItem.caseId',
      'agendaItem.notes as itemNotes',
      'agendaItem.plannedMinutes',
      'agendaItem.spentSeconds',
      'agendaItem.anonymous',
      'meeting.date as meetingDate',
      'meeting.status as meetingStatus',
      agendaTitle.as('title'),
    ])
    .where('agendaItem.id', '=', agendaItemId)
    .executeTakeFirst();
  if (!item) throw new AppError('NOT_FOUND', 'agenda item');
  const base = {
    id: item.id,
    meetingId: item.meetingId,
    position: item.position,
    kind: item.kind,
    title: item.title,
    plannedMinutes: item.plannedMinutes,
    spentSeconds: item.spentSeconds,
    anonymous: item.anonymous === 1,
    meetingDate: item.meetingDate,
    meetingStatus: item.meetingStatus,
  };
  if (!item.caseId) {
    const agreements = await agreementRows(db).where('agreement.agendaItemId', '=', agendaItemId).execute();
    return {
      ...base,
      notes: item.itemNotes,
      summary: '',
      conclusions: '',
      case: null,
      agreements,
      carriedOver: [],
      tagIds: [],
      effectCheck: null,
      participation: null,
    };
  }

  const caseRow = await casesWithLead(db)
    .select([
      'supportCase.id',
      'supportCase.question',
      'supportCase.analysis',
      'supportCase.status',
      'supportCase.firstDiscussedOn',
      'supportCase.effectDueOn',
      'supportCase.safetyConcernReason',
      'pupil.groupName',
      'pupil.dateOfBirth',
      'caseLead.memberId as leadMemberId',
      'lead.name as leadName',
    ])
    .where('supportCase.id', '=', item.caseId)
    .executeTakeFirstOrThrow();
  const discussion = await db
    .selectFrom('caseDiscussion')
    .select(['id', 'notes', 'summary', 'conclusions', 'parentsPresent', 'parentsAbsentReason', 'pupilParticipation', 'pupilView'])
    .where('agendaItemId', '=', agendaItemId)
    .executeTakeFirst();
  const allAgreements = await caseAgreements(db, item.caseId);
  const themes = await db
    .selectFrom('caseTheme')
    .innerJoin('theme', 'theme.id', 'caseTheme.themeId')
    .select('theme.name')
    .where('caseTheme.caseId', '=', item.caseId)
    .orderBy('theme.name')
    .execute();
  const tagIds = discussion
    ? (await db.selectFrom('discussionTag').select('tagId').where('discussionId', '=', discussion.id).execute()).map((row) => row.tagId)
    : [];
  const effectCheck = discussion
    ? ((await db.selectFrom('effectCheck').select(['result', 'note']).where('discussionId', '=', discussion.id).executeTakeFirst()) ?? null)
    : null;
  const checked = caseRow.firstDiscussedOn
    ? await db
        .selectFrom('effectCheck')
        .select('id')
        .where('caseId', '=', item.caseId)
        .where('checkedOn', '>=', caseRow.firstDiscussedOn)
        .executeTakeFirst()
    : undefined;
  const { dateOfBirth, ...caseInfo } = caseRow;
  const gate = await gatesFor(db, [{ id: item.caseId, dateOfBirth, safetyConcernReason: caseRow.safetyConcernReason }], item.meetingDate);
  return {
    ...base,
    notes: discussion?.notes ?? '',
    summary: discussion?.summary ?? '',
    conclusions: discussion?.conclusions ?? '',
    case: {
      ...caseInfo,
      themes: themes.map((row) => row.name),
      // The two-week target is shown until its effect check is recorded.
      effectPending: !!caseRow.effectDueOn && !checked,
      ...gateFields(gate.get(item.caseId)!),
    },
    agreements: allAgreements.filter((agreement) => agreement.meetingId === item.meetingId),
    // Open agreements from earlier meetings come back under their case until settled.
    // Settled ones stay visible during the meeting in which they were settled.
    carriedOver: allAgreements.filter(
      (agreement) =>
        agreement.meetingDate < item.meetingDate && (agreement.status === 'open' || agreement.updatedAt.slice(0, 10) >= item.meetingDate),
    ),
    tagIds,
    effectCheck,
    participation: {
      parentsPresent: discussion?.parentsPresent ?? null,
      parentsAbsentReason: discussion?.parentsAbsentReason ?? '',
      pupilParticipation: discussion?.pupilParticipation ?? null,
      pupilView: discussion?.pupilView ?? '',
    },
  };
}

/** Refuses (NOT_FOUND) an agenda item that is not on this meeting's agenda: the projector shows only the chair's own item. */
export async function assertItemOfMeeting(db: Kysely<DB>, { meetingId, agendaItemId }: { meetingId: number; agendaItemId: number }) {
  const row = await db
    .selectFrom('agendaItem')
    .select('id')
    .where('id', '=', agendaItemId)
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'agenda item');
}
