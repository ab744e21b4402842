import { sql, type Kysely } from 'kysely';
import { compiledOnce } from '../../db/compiledQuery';
import type { ConsentMethod, ConsentParty, ConsentStatus, DB, EffectResult, ParentsPresent, PupilParticipation } from '../../db/schema';
import { nowIso, today, type Clock } from '../clock';
import { assertNotBefore } from '../dateOrder';
import { AppError } from '../errors';
import { agreementRows } from './agreements';
import { consentGate, gateFields } from './consentGate';

/** Cases joined with their pupil and active trekker (`lead`); callers choose the columns. */
export function casesWithLead(db: Kysely<DB>) {
  return db
    .selectFrom('supportCase')
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .leftJoin('caseLead', (join) => join.onRef('caseLead.caseId', '=', 'supportCase.id').on('caseLead.endedOn', 'is', null))
    .leftJoin('member as lead', 'lead.id', 'caseLead.memberId');
}

/** The cases of a school with pupil, active trekker and themes; open ones first. */
export async function listCases(db: Kysely<DB>, schoolId: number) {
  const rows = await casesWithLead(db)
    .select((eb) => [
      'supportCase.id',
      sql<string>`pupil.first_name || ' ' || pupil.last_name`.as('pupilName'),
      'pupil.groupName',
      'supportCase.status',
      'supportCase.question',
      'supportCase.registeredOn',
      'lead.name as leadName',
      eb
        .selectFrom('caseTheme')
        .innerJoin('theme', 'theme.id', 'caseTheme.themeId')
        .select(sql<string>`json_group_array(theme.name)`.as('t'))
        .whereRef('caseTheme.caseId', '=', 'supportCase.id')
        .as('themes'),
    ])
    .where('supportCase.schoolId', '=', schoolId)
    .orderBy(sql`support_case.status = 'closed'`)
    .orderBy('supportCase.registeredOn', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, themes: JSON.parse(row.themes ?? '[]') as string[] }));
}

export interface CaseInput {
  question: string;
  analysis: string;
  themeIds: number[];
}

async function assertThemes(db: Kysely<DB>, schoolId: number, themeIds: number[]) {
  if (themeIds.length === 0) return;
  const found = await db.selectFrom('theme').select('id').where('schoolId', '=', schoolId).where('id', 'in', themeIds).execute();
  if (found.length !== new Set(themeIds).size) throw new AppError('NOT_FOUND', 'theme');
}

/** Registers a new case (aangemeld) for a pupil. */
export async function createCase(db: Kysely<DB>, pupilId: number, input: CaseInput, clock: Clock): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const pupil = await trx.selectFrom('pupil').select(['schoolId', 'dateOfBirth']).where('id', '=', pupilId).executeTakeFirst();
    if (!pupil) throw new AppError('NOT_FOUND', 'pupil');
    await assertThemes(trx, pupil.schoolId, input.themeIds);
    assertNotBefore(today(clock), pupil.dateOfBirth, 'caseRegisteredBeforeBirth');
    const stamp = nowIso(clock);
    const { id } = await trx
      .insertInto('supportCase')
      .values({
        schoolId: pupil.schoolId,
        pupilId,
        question: input.question,
        analysis: input.analysis,
        status: 'registered',
        registeredOn: today(clock),
        firstDiscussedOn: null,
        effectDueOn: null,
        closedOn: null,
        safetyConcernReason: null,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.themeIds.length)
      await trx
        .insertInto('caseTheme')
        .values(input.themeIds.map((themeId) => ({ caseId: id, themeId })))
        .execute();
    return id;
  });
}

/** Changes question, analysis and themes of an open case. */
export async function updateCase(db: Kysely<DB>, caseId: number, input: CaseInput, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('supportCase').select(['schoolId', 'status']).where('id', '=', caseId).executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND', 'case');
    if (found.status === 'closed') throw new AppError('CASE_CLOSED');
    await assertThemes(trx, found.schoolId, input.themeIds);
    await trx
      .updateTable('supportCase')
      .set({ question: input.question, analysis: input.analysis, updatedAt: nowIso(clock) })
      .where('id', '=', caseId)
      .execute();
    await trx.deleteFrom('caseTheme').where('caseId', '=', caseId).execute();
    if (input.themeIds.length)
      await trx
        .insertInto('caseTheme')
        .values(input.themeIds.map((themeId) => ({ caseId, themeId })))
        .execute();
  });
}

/** Closes a case with a reason; its trekker period ends the same day. */
export async function closeCase(db: Kysely<DB>, caseId: number, reason: string, clock: Clock): Promise<void> {
  if (!reason.trim()) throw new AppError('REASON_REQUIRED');
  await db.transaction().execute(async (trx) => {
    const found = await casesWithLead(trx)
      .select(['supportCase.status', 'supportCase.registeredOn', 'supportCase.firstDiscussedOn', 'caseLead.startedOn as leadStartedOn'])
      .where('supportCase.id', '=', caseId)
      .executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND', 'case');
    if (found.status === 'closed') throw new AppError('CASE_CLOSED');
    const on = today(clock);
    assertNotBefore(on, found.registeredOn, 'caseClosedBeforeRegistered');
    assertNotBefore(on, found.firstDiscussedOn, 'caseClosedBeforeFirstDiscussion');
    // Closing ends the trekker's period today.
    assertNotBefore(on, found.leadStartedOn, 'leadEndsBeforeStart');
    await trx
      .updateTable('supportCase')
      .set({ status: 'closed', closedOn: on, closedReason: reason.trim(), updatedAt: nowIso(clock) })
      .where('id', '=', caseId)
      .execute();
    await trx.updateTable('caseLead').set({ endedOn: on }).where('caseId', '=', caseId).where('endedOn', 'is', null).execute();
  });
}

/** Reopens a closed case (a new trekker must then be named). */
export async function reopenCase(db: Kysely<DB>, caseId: number, clock: Clock): Promise<void> {
  const found = await db.selectFrom('supportCase').select(['status', 'firstDiscussedOn']).where('id', '=', caseId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'case');
  if (found.status !== 'closed') return;
  await db
    .updateTable('supportCase')
    .set({ status: found.firstDiscussedOn ? 'active' : 'registered', closedOn: null, closedReason: null, updatedAt: nowIso(clock) })
    .where('id', '=', caseId)
    .execute();
}

/**
 * The lists of a case page as JSON arrays in one row, so the page is one query
 * instead of eight. Shared with the benchmark's raw-SQL floor.
 */
export const caseListsSql = {
  themes: `(SELECT json_group_array(json_object('id', id, 'name', name)) FROM (
    SELECT t.id, t.name FROM case_theme ct JOIN theme t ON t.id = ct.theme_id WHERE ct.case_id = support_case.id ORDER BY t.name))`,
  consents: `(SELECT json_group_array(json_object('id', id, 'party', party, 'parentId', parent_id, 'status', status, 'method', method,
      'coversDiscussion', covers_discussion, 'shareWith', json(share_with), 'scope', scope, 'recordedOn', recorded_on, 'note', note)) FROM (
    SELECT * FROM consent WHERE case_id = support_case.id ORDER BY recorded_on, id))`,
  parents: `(SELECT json_group_array(json_object('id', id, 'name', name, 'relation', relation, 'hasAuthority', has_authority)) FROM (
    SELECT id, name, relation, has_authority FROM case_parent WHERE case_id = support_case.id ORDER BY id))`,
  organisations: `(SELECT json_group_array(organisation) FROM (
    SELECT DISTINCT trim(organisation) AS organisation FROM member
    WHERE school_id = support_case.school_id AND active = 1 AND trim(coalesce(organisation, '')) != '' ORDER BY 1))`,
  leads: `(SELECT json_group_array(json_object('id', id, 'memberId', member_id, 'memberName', name, 'startedOn', started_on, 'endedOn', ended_on, 'reason', reason)) FROM (
    SELECT cl.id, cl.member_id, m.name, cl.started_on, cl.ended_on, cl.reason FROM case_lead cl JOIN member m ON m.id = cl.member_id
    WHERE cl.case_id = support_case.id ORDER BY cl.started_on, cl.id))`,
  effectChecks: `(SELECT json_group_array(json_object('id', id, 'result', result, 'note', note, 'checkedOn', checked_on)) FROM (
    SELECT id, result, note, checked_on FROM effect_check WHERE case_id = support_case.id ORDER BY checked_on, id))`,
  discussions: `(SELECT json_group_array(json_object('id', id, 'meetingId', meeting_id, 'date', date, 'notes', notes, 'summary', summary, 'conclusions', conclusions,
      'parentsPresent', parents_present, 'parentsAbsentReason', parents_absent_reason, 'pupilParticipation', pupil_participation,
      'pupilView', pupil_view, 'parentCopySentOn', parent_copy_sent_on)) FROM (
    SELECT d.id, d.meeting_id, m.date, d.notes, d.summary, d.conclusions, d.parents_present, d.parents_absent_reason, d.pupil_participation,
      d.pupil_view, d.parent_copy_sent_on FROM case_discussion d JOIN meeting m ON m.id = d.meeting_id
    WHERE d.case_id = support_case.id ORDER BY m.date, d.id))`,
  agreements: `(SELECT json_group_array(json_object('id', id, 'caseId', case_id, 'meetingId', meeting_id, 'meetingDate', date,
      'description', description, 'ownerKind', owner_kind, 'ownerMemberId', owner_member_id, 'ownerName', owner, 'dueOn', due_on,
      'originalDueOn', original_due_on, 'status', status, 'postponements', postponements, 'completedOn', completed_on, 'updatedAt', updated_at)) FROM (
    SELECT a.*, m.date, coalesce(mem.name, a.owner_name) AS owner FROM agreement a JOIN meeting m ON m.id = a.meeting_id
    LEFT JOIN member mem ON mem.id = a.owner_member_id WHERE a.case_id = support_case.id ORDER BY a.due_on, a.id))`,
} as const;

type Agreement = Awaited<ReturnType<typeof caseAgreements>>[number];

/** Who took part in one discussion, the pupil's view, and when the ouderversie was sent (null: not recorded). */
interface DiscussionParticipation {
  parentsPresent: ParentsPresent | null;
  parentsAbsentReason: string;
  pupilParticipation: PupilParticipation | null;
  pupilView: string;
  parentCopySentOn: string | null;
}

interface CaseLists {
  themes: { id: number; name: string }[];
  consents: {
    id: number;
    party: ConsentParty;
    parentId: number | null;
    status: ConsentStatus;
    method: ConsentMethod | null;
    coversDiscussion: 0 | 1;
    shareWith: string[];
    scope: string;
    recordedOn: string;
    note: string;
  }[];
  parents: { id: number; name: string; relation: string; hasAuthority: 0 | 1 }[];
  organisations: string[];
  leads: { id: number; memberId: number; memberName: string; startedOn: string; endedOn: string | null; reason: string }[];
  effectChecks: { id: number; result: EffectResult; note: string; checkedOn: string }[];
  discussions: ({
    id: number;
    meetingId: number;
    date: string;
    notes: string;
    summary: string;
    conclusions: string;
  } & DiscussionParticipation)[];
  agreements: Agreement[];
}

const caseRow = compiledOnce((db, caseId: number) =>
  db
    .selectFrom('supportCase')
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select([
      'supportCase.id',
      'supportCase.schoolId',
      'supportCase.pupilId',
      'pupil.firstName',
      'pupil.lastName',
      'pupil.dateOfBirth',
      'pupil.groupName',
      'supportCase.question',
      'supportCase.analysis',
      'supportCase.status',
      'supportCase.registeredOn',
      'supportCase.firstDiscussedOn',
      'supportCase.effectDueOn',
      'supportCase.closedOn',
      'supportCase.closedReason',
      'supportCase.safetyConcernReason',
      sql.raw<string>(caseListsSql.themes).as('themesJson'),
      sql.raw<string>(caseListsSql.consents).as('consentsJson'),
      sql.raw<string>(caseListsSql.parents).as('parentsJson'),
      sql.raw<string>(caseListsSql.organisations).as('organisationsJson'),
      sql.raw<string>(caseListsSql.leads).as('leadsJson'),
      sql.raw<string>(caseListsSql.effectChecks).as('effectChecksJson'),
      sql.raw<string>(caseListsSql.discussions).as('discussionsJson'),
      sql.raw<string>(caseListsSql.agreements).as('agreementsJson'),
    ])
    .where('supportCase.id', '=', caseId),
);

/** Everything about one case across meetings: the case page. */
export async function getCase(db: Kysely<DB>, caseId: number, clock: Clock) {
  const found = await caseRow(db, caseId);
  if (!found) throw new AppError('NOT_FOUND', 'case');
  const { themesJson, consentsJson, parentsJson, organisationsJson, leadsJson, effectChecksJson, discussionsJson, agreementsJson, ...row } =
    found;
  // One query for the whole page: the lists come back as JSON arrays.
  const lists: CaseLists = {
    themes: JSON.parse(themesJson),
    consents: JSON.parse(consentsJson),
    parents: JSON.parse(parentsJson),
    organisations: JSON.parse(organisationsJson),
    leads: JSON.parse(leadsJson),
    effectChecks: JSON.parse(effectChecksJson),
    discussions: JSON.parse(discussionsJson),
    agreements: JSON.parse(agreementsJson),
  };
  const effectCheckedOnTime = row.effectDueOn ? lists.effectChecks.some((check) => check.checkedOn >= row.firstDiscussedOn!) : false;
  // Each party's latest decision: the list is oldest first, so the last one per party wins.
  const latest = (party: ConsentParty, parentId: number | null) => {
    const found = lists.consents.findLast((consent) => consent.party === party && consent.parentId === parentId);
    return found ? { status: found.status, coversDiscussion: found.coversDiscussion === 1 } : null;
  };
  const parents = lists.parents.map((parent) => ({
    ...parent,
    hasAuthority: parent.hasAuthority === 1,
    latest: latest('parent', parent.id),
  }));
  const pupilLatest = latest('pupil', null);
  const gate = gateFields(
    consentGate({ dateOfBirth: row.dateOfBirth, safetyConcernReason: row.safetyConcernReason, parents, pupil: pupilLatest }, today(clock)),
  );
  const { organisations, ...rest } = lists;
  return {
    ...row,
    ...rest,
    consents: lists.consents.map((consent) => ({ ...consent, coversDiscussion: consent.coversDiscussion === 1 })),
    parents,
    pupilLatest,
    partnerOrganisations: organisations,
    ...gate,
    lead: lists.leads.find((lead) => lead.endedOn === null) ?? null,
    effectPending: !!row.effectDueOn && !effectCheckedOnTime && row.status !== 'closed',
  };
}

/** The agreements of a case with their owner's display name, by due date. */
export function caseAgreements(db: Kysely<DB>, caseId: number) {
  return agreementRows(db).where('agreement.caseId', '=', caseId).execute();
}
