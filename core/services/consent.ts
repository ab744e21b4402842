import type { Kysely } from 'kysely';
import type { ConsentMethod, ConsentParty, ConsentStatus, DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { assertNotBefore } from '../dateOrder';
import { AppError, FieldError } from '../errors';
import { nlConsent } from '../i18n/nlConsent';
import { recordAudit } from './audit';
import { consentGate, type GateDecision, type GateParent, type GateResult } from './consentGate';

/** The parties of a case as the gate needs them: its parents (with their latest decision) and the pupil's latest decision. */
export interface CaseParties {
  parents: GateParent[];
  pupil: GateDecision | null;
}

const CHUNK = 500;

/** The parties of these cases with each party's latest decision (recordedOn desc, id desc), in two queries per 500 cases. */
export async function caseParties(db: Kysely<DB>, caseIds: readonly number[]): Promise<Map<number, CaseParties>> {
  const result = new Map<number, CaseParties>();
  for (const caseId of caseIds) result.set(caseId, { parents: [], pupil: null });
  for (let start = 0; start < caseIds.length; start += CHUNK) {
    const chunk = caseIds.slice(start, start + CHUNK);
    const parents = await db
      .selectFrom('caseParent')
      .select(['id', 'caseId', 'name', 'relation', 'hasAuthority'])
      .where('caseId', 'in', chunk)
      .orderBy('id')
      .execute();
    const byId = new Map<number, GateParent>();
    for (const row of parents) {
      const parent: GateParent = { id: row.id, name: row.name, relation: row.relation, hasAuthority: row.hasAuthority === 1, latest: null };
      byId.set(row.id, parent);
      result.get(row.caseId)!.parents.push(parent);
    }
    // Oldest first, so the last one seen per party is its latest decision.
    const decisions = await db
      .selectFrom('consent')
      .select(['caseId', 'party', 'parentId', 'status', 'coversDiscussion'])
      .where('caseId', 'in', chunk)
      .orderBy('recordedOn')
      .orderBy('id')
      .execute();
    for (const row of decisions) {
      const decision: GateDecision = { status: row.status, coversDiscussion: row.coversDiscussion === 1 };
      if (row.party === 'pupil') result.get(row.caseId)!.pupil = decision;
      else if (row.parentId !== null) {
        const parent = byId.get(row.parentId);
        if (parent) parent.latest = decision;
      }
    }
  }
  return result;
}

/** The facts of one case the gate is judged on, besides its parties. */
interface GateCase {
  id: number;
  dateOfBirth: string;
  safetyConcernReason: string | null;
}

/** The gate for each of these cases on one date (a meeting date, or today). */
export async function gatesFor(db: Kysely<DB>, cases: readonly GateCase[], onDate: string): Promise<Map<number, GateResult>> {
  const parties = await caseParties(
    db,
    cases.map((row) => row.id),
  );
  const gates = new Map<number, GateResult>();
  for (const row of cases) gates.set(row.id, consentGate({ ...row, ...parties.get(row.id)! }, onDate));
  return gates;
}

/** The gate of one case on this date. */
export async function caseGate(db: Kysely<DB>, caseId: number, onDate: string): Promise<GateResult> {
  const found = await db
    .selectFrom('supportCase')
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select(['supportCase.id', 'pupil.dateOfBirth', 'supportCase.safetyConcernReason'])
    .where('supportCase.id', '=', caseId)
    .executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'case');
  return (await gatesFor(db, [found], onDate)).get(caseId)!;
}

export interface ParentInput {
  name: string;
  relation: string;
  hasAuthority: boolean;
}

async function caseSchool(db: Kysely<DB>, caseId: number): Promise<number> {
  const found = await db.selectFrom('supportCase').select('schoolId').where('id', '=', caseId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'case');
  return found.schoolId;
}

async function parentOf(db: Kysely<DB>, parentId: number) {
  const found = await db
    .selectFrom('caseParent')
    .innerJoin('supportCase', 'supportCase.id', 'caseParent.caseId')
    .select(['caseParent.caseId', 'supportCase.schoolId'])
    .where('caseParent.id', '=', parentId)
    .executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'parent');
  return found;
}

/** Adds a parent or carer to a case; returns its id. */
export async function addParent(db: Kysely<DB>, caseId: number, input: ParentInput, clock: Clock): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const schoolId = await caseSchool(trx, caseId);
    const { id } = await trx
      .insertInto('caseParent')
      .values({ caseId, name: input.name, relation: input.relation, hasAuthority: input.hasAuthority ? 1 : 0, createdAt: nowIso(clock) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { action: 'consent.parent_add', entity: 'case', entityId: caseId, schoolId }, clock);
    return id;
  });
}

/** Corrects a parent's name, relation or gezag; their decisions stay theirs. */
export async function updateParent(db: Kysely<DB>, parentId: number, input: ParentInput, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await parentOf(trx, parentId);
    await trx
      .updateTable('caseParent')
      .set({ name: input.name, relation: input.relation, hasAuthority: input.hasAuthority ? 1 : 0 })
      .where('id', '=', parentId)
      .execute();
    await recordAudit(trx, { action: 'consent.parent_update', entity: 'case', entityId: found.caseId, schoolId: found.schoolId }, clock);
  });
}

/** Removes a parent entered by mistake; one with recorded decisions stays (the decisions are history). */
export async function removeParent(db: Kysely<DB>, parentId: number, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await parentOf(trx, parentId);
    const decided = await trx.selectFrom('consent').select('id').where('parentId', '=', parentId).executeTakeFirst();
    if (decided) throw new AppError('CONFLICT', 'parent has decisions', nlConsent.parentHasDecisions);
    await trx.deleteFrom('caseParent').where('id', '=', parentId).execute();
    await recordAudit(trx, { action: 'consent.parent_remove', entity: 'case', entityId: found.caseId, schoolId: found.schoolId }, clock);
  });
}

export interface ConsentInput {
  caseId: number;
  party: ConsentParty;
  /** The parent who decided; null for the pupil. */
  parentId: number | null;
  status: ConsentStatus;
  method: ConsentMethod | null;
  coversDiscussion: boolean;
  /** Partner organisations the verslag may be shared with. */
  shareWith: readonly string[];
  recordedOn: string;
  note: string;
}

/** Records one party's decision; earlier ones stay as history. */
export async function recordConsent(db: Kysely<DB>, input: ConsentInput, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('supportCase')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['supportCase.schoolId', 'pupil.dateOfBirth'])
      .where('supportCase.id', '=', input.caseId)
      .executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND', 'case');
    const parentId = input.party === 'parent' ? input.parentId : null;
    if (input.party === 'parent') {
      if (parentId === null) throw new FieldError('parentId', nlConsent.partyRequired);
      // A parent of another case is not a party here (the database's trigger refuses it too).
      if ((await parentOf(trx, parentId)).caseId !== input.caseId) throw new AppError('NOT_FOUND', 'parent');
    }
    assertNotBefore(input.recordedOn, found.dateOfBirth, 'consentBeforeBirth', 'recordedOn');
    // The same organisation once, in the order given.
    const shareWith = [...new Set(input.shareWith.map((name) => name.trim()).filter(Boolean))];
    await trx
      .insertInto('consent')
      .values({
        caseId: input.caseId,
        party: input.party,
        parentId,
        status: input.status,
        method: input.method,
        coversDiscussion: input.coversDiscussion ? 1 : 0,
        shareWith: JSON.stringify(shareWith),
        recordedOn: input.recordedOn,
        note: input.note,
        createdAt: nowIso(clock),
      })
      .execute();
    // The decision itself stays in the case; the log only says that one was recorded.
    await recordAudit(trx, { action: 'consent.record', entity: 'case', entityId: input.caseId, schoolId: found.schoolId }, clock);
  });
}

/** Sets or clears the safety concern that allows discussing a case without consent; the reason is required. */
export async function setSafetyConcern(db: Kysely<DB>, caseId: number, reason: string | null, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('supportCase').select('schoolId').where('id', '=', caseId).executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND', 'case');
    await trx
      .updateTable('supportCase')
      .set({ safetyConcernReason: reason?.trim() || null, updatedAt: nowIso(clock) })
      .where('id', '=', caseId)
      .execute();
    await recordAudit(trx, { action: 'consent.safety_concern', entity: 'case', entityId: caseId, schoolId: found.schoolId }, clock);
  });
}
