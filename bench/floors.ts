import type Database from 'better-sqlite3-multiple-ciphers';
import type { ConsentStatus } from '../db/schema';
import { caseListsSql } from '../core/services/cases';
import type { CaseParties } from '../core/services/consent';
import type { GateParent } from '../core/services/consentGate';
import { ftsQuery } from '../core/services/search';
import { replayer } from './replay';

// The floors replay the statements each service sends, as prepared statements
// straight on better-sqlite3: same SQL shape, same indexes, same rows, so the
// ratio shows what Kysely and the async service layer add on top of SQLite.
// Only what decides which statement runs next is kept in JavaScript.

export type SuggestionReason = 'new' | 'overdue_agreements' | 'open_agreements' | 'effect_check_due';

export interface FloorSuggestion {
  caseId: number;
  pupilName: string;
  groupName: string;
  dateOfBirth: string;
  safetyConcernReason: string | null;
  reasons: SuggestionReason[];
  openAgreements: number;
  overdueAgreements: number;
  parties: CaseParties;
}

interface SuggestionRow {
  caseId: number;
  pupilName: string;
  groupName: string;
  dateOfBirth: string;
  status: string;
  effectDueOn: string | null;
  firstDiscussedOn: string | null;
  safetyConcernReason: string | null;
  openAgreements: number;
  overdueAgreements: number;
  effectChecks: number;
}

interface SearchHit {
  kind: 'pupil' | 'case' | 'discussion';
  refId: number;
  snippet: string;
}

export interface Floors {
  agendaSuggestions(meetingId: number): { meetingDate: string; suggestions: FloorSuggestion[] };
  getCase: ReturnType<typeof caseReader>;
  search: ReturnType<typeof searchReader>;
  /** Replays the statements a service sent (see replay.ts). */
  replay: ReturnType<typeof replayer>;
  /** Statements run since the start, to tell one query from many small ones. */
  statements(): number;
}

export function prepareFloors(sqlite: Database.Database): Floors {
  const counter = { n: 0 };
  return {
    agendaSuggestions: agendaReader(sqlite, counter),
    getCase: caseReader(sqlite, counter),
    search: searchReader(sqlite, counter),
    replay: replayer(sqlite, () => counter.n++),
    statements: () => counter.n,
  };
}

interface Counter {
  n: number;
}

function agendaReader(sqlite: Database.Database, counter: Counter) {
  const meeting = sqlite.prepare<[number], { id: number; schoolId: number; date: string; status: string }>(
    'SELECT id, school_id AS schoolId, date, status FROM meeting WHERE id = ?',
  );
  const candidates = sqlite.prepare<{ meetingId: number; schoolId: number; date: string }, SuggestionRow>(`
    SELECT sc.id AS caseId, p.first_name || ' ' || p.last_name AS pupilName, p.group_name AS groupName,
      p.date_of_birth AS dateOfBirth, sc.status, sc.effect_due_on AS effectDueOn, sc.first_discussed_on AS firstDiscussedOn,
      sc.safety_concern_reason AS safetyConcernReason,
      (SELECT count(*) FROM agreement a WHERE a.case_id = sc.id AND a.status = 'open') AS openAgreements,
      (SELECT count(*) FROM agreement a WHERE a.case_id = sc.id AND a.status = 'open' AND a.due_on < :date) AS overdueAgreements,
      (SELECT count(*) FROM effect_check e WHERE e.case_id = sc.id AND e.checked_on >= sc.first_discussed_on) AS effectChecks
    FROM support_case sc
    JOIN pupil p ON p.id = sc.pupil_id
    WHERE sc.school_id = :schoolId AND sc.status != 'closed'
      AND NOT EXISTS (SELECT ai.id FROM agenda_item ai WHERE ai.case_id = sc.id AND ai.meeting_id = :meetingId)`);
  // The parties of the school's open cases, as the service reads them for its consent gate.
  const parents = sqlite.prepare<[number], { id: number; caseId: number; name: string; relation: string; hasAuthority: number }>(`
    SELECT cp.id, cp.case_id AS caseId, cp.name, cp.relation, cp.has_authority AS hasAuthority FROM case_parent cp
    JOIN support_case sc ON sc.id = cp.case_id WHERE sc.school_id = ? AND sc.status != 'closed' ORDER BY cp.id`);
  const decisions = sqlite.prepare<
    [number],
    { caseId: number; party: string; parentId: number | null; status: ConsentStatus; coversDiscussion: number }
  >(`
    SELECT k.case_id AS caseId, k.party, k.parent_id AS parentId, k.status, k.covers_discussion AS coversDiscussion FROM consent k
    JOIN support_case sc ON sc.id = k.case_id WHERE sc.school_id = ? AND sc.status != 'closed' ORDER BY k.recorded_on, k.id`);
  return (meetingId: number) => {
    const found = meeting.get(meetingId);
    counter.n++;
    if (!found) throw new Error(`meeting ${meetingId} not found`);
    const rows = candidates.all({ meetingId, schoolId: found.schoolId, date: found.date });
    counter.n++;
    const parties = new Map<number, CaseParties>();
    const byId = new Map<number, GateParent>();
    for (const row of parents.all(found.schoolId)) {
      const parent = { id: row.id, name: row.name, relation: row.relation, hasAuthority: row.hasAuthority === 1, latest: null };
      byId.set(row.id, parent);
      if (!parties.has(row.caseId)) parties.set(row.caseId, { parents: [], pupil: null });
      parties.get(row.caseId)!.parents.push(parent);
    }
    counter.n++;
    for (const row of decisions.all(found.schoolId)) {
      const decision = { status: row.status, coversDiscussion: row.coversDiscussion === 1 };
      if (!parties.has(row.caseId)) parties.set(row.caseId, { parents: [], pupil: null });
      if (row.party === 'pupil') parties.get(row.caseId)!.pupil = decision;
      else if (row.parentId !== null && byId.has(row.parentId)) byId.get(row.parentId)!.latest = decision;
    }
    counter.n++;
    const suggestions: FloorSuggestion[] = [];
    for (const row of rows) {
      const reasons: SuggestionReason[] = [];
      if (row.status === 'registered') reasons.push('new');
      if (row.overdueAgreements > 0) reasons.push('overdue_agreements');
      else if (row.openAgreements > 0) reasons.push('open_agreements');
      if (row.effectDueOn && row.effectDueOn <= found.date && row.effectChecks === 0) reasons.push('effect_check_due');
      if (reasons.length === 0) continue;
      suggestions.push({
        caseId: row.caseId,
        pupilName: row.pupilName,
        groupName: row.groupName,
        dateOfBirth: row.dateOfBirth,
        safetyConcernReason: row.safetyConcernReason,
        reasons,
        openAgreements: row.openAgreements,
        overdueAgreements: row.overdueAgreements,
        parties: parties.get(row.caseId) ?? { parents: [], pupil: null },
      });
    }
    return { meetingDate: found.date, suggestions };
  };
}

function caseReader(sqlite: Database.Database, counter: Counter) {
  const supportCase = sqlite.prepare<[number], Record<string, unknown>>(`
    SELECT support_case.id, support_case.school_id AS schoolId, support_case.pupil_id AS pupilId, p.first_name AS firstName,
      p.last_name AS lastName, p.date_of_birth AS dateOfBirth, p.group_name AS groupName, support_case.question, support_case.analysis,
      support_case.status, support_case.registered_on AS registeredOn, support_case.first_discussed_on AS firstDiscussedOn,
      support_case.effect_due_on AS effectDueOn, support_case.closed_on AS closedOn, support_case.closed_reason AS closedReason,
      support_case.safety_concern_reason AS safetyConcernReason,
      ${caseListsSql.themes} AS themesJson, ${caseListsSql.consents} AS consentsJson,
      ${caseListsSql.parents} AS parentsJson, ${caseListsSql.organisations} AS organisationsJson,
      ${caseListsSql.leads} AS leadsJson, ${caseListsSql.effectChecks} AS effectChecksJson,
      ${caseListsSql.discussions} AS discussionsJson, ${caseListsSql.agreements} AS agreementsJson
    FROM support_case JOIN pupil p ON p.id = support_case.pupil_id
    WHERE support_case.id = ?`);

  return (caseId: number) => {
    const found = supportCase.get(caseId);
    if (!found) throw new Error(`case ${caseId} not found`);
    counter.n += 1;
    const {
      themesJson,
      consentsJson,
      parentsJson,
      organisationsJson,
      leadsJson,
      effectChecksJson,
      discussionsJson,
      agreementsJson,
      ...row
    } = found;
    const consents = (JSON.parse(consentsJson as string) as { coversDiscussion: number }[]).map((consent) => ({
      ...consent,
      coversDiscussion: consent.coversDiscussion === 1,
    }));
    return {
      row,
      themes: JSON.parse(themesJson as string) as unknown[],
      consents,
      parents: JSON.parse(parentsJson as string) as unknown[],
      partnerOrganisations: JSON.parse(organisationsJson as string) as unknown[],
      leads: JSON.parse(leadsJson as string) as unknown[],
      discussions: JSON.parse(discussionsJson as string) as unknown[],
      agreements: JSON.parse(agreementsJson as string) as unknown[],
      effectChecks: JSON.parse(effectChecksJson as string) as unknown[],
    };
  };
}

function searchReader(sqlite: Database.Database, counter: Counter) {
  const hits = sqlite.prepare<[string, number], SearchHit>(`
    SELECT kind, ref_id AS refId, snippet(search_index, 0, '[', ']', '…', 12) AS snippet
    FROM search_index
    WHERE search_index MATCH ?
    ORDER BY rank LIMIT ?`);
  const pupil = sqlite.prepare<[number], { id: number; firstName: string; lastName: string; groupName: string; caseId: number | null }>(`
    SELECT p.id, p.first_name AS firstName, p.last_name AS lastName, p.group_name AS groupName, max(sc.id) AS caseId
    FROM pupil p LEFT JOIN support_case sc ON sc.pupil_id = p.id
    WHERE p.id = ? GROUP BY p.id`);
  const discussionCase = sqlite.prepare<[number], { caseId: number }>('SELECT case_id AS caseId FROM case_discussion WHERE id = ?');
  const supportCase = sqlite.prepare<[number], { pupilId: number; firstName: string; lastName: string; groupName: string }>(`
    SELECT sc.pupil_id AS pupilId, p.first_name AS firstName, p.last_name AS lastName, p.group_name AS groupName
    FROM support_case sc JOIN pupil p ON p.id = sc.pupil_id
    WHERE sc.id = ?`);

  return (schoolId: number, text: string, limit = 20) => {
    const query = ftsQuery(text, schoolId);
    if (!query) return [];
    const found = hits.all(query, limit);
    counter.n++;
    const results = [];
    for (const hit of found) {
      if (hit.kind === 'pupil') {
        const row = pupil.get(hit.refId);
        counter.n++;
        if (row)
          results.push({
            kind: 'pupil' as const,
            pupilId: row.id,
            caseId: row.caseId ?? null,
            title: `${row.firstName} ${row.lastName}`,
            detail: row.groupName,
            snippet: hit.snippet,
          });
        continue;
      }
      let caseId: number | undefined = hit.refId;
      if (hit.kind === 'discussion') {
        caseId = discussionCase.get(hit.refId)?.caseId;
        counter.n++;
      }
      if (!caseId) continue;
      const row = supportCase.get(caseId);
      counter.n++;
      if (row)
        results.push({
          kind: hit.kind,
          pupilId: row.pupilId,
          caseId,
          title: `${row.firstName} ${row.lastName}`,
          detail: row.groupName,
          snippet: hit.snippet,
        });
    }
    return results;
  };
}
