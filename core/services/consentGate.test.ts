import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import type { ConsentStatus } from '../../db/schema';
import { tempDir } from '../../tests/e2e/harness';
import { fixedClock } from '../clock';
import { AppError } from '../errors';
import { addCaseItem, agendaSuggestions } from './agenda';
import { createCase, getCase } from './cases';
import { addParent, caseGate, recordConsent, removeParent, setSafetyConcern } from './consent';
import { getDashboardItems } from './dashboardItems';
import { planMeeting } from './meetings';
import { createMember, listRoles } from './members';
import { createPupil } from './pupils';
import { createSchool } from './schools';

/*
 * The consent gate as a table, on a real database file through the services:
 * ages around the boundaries on the MEETING date (11 years 364 days, 12, 15
 * years 364 days, 16) × the decision of a mother with gezag × the decision of
 * the pupil × a safety concern. A father without gezag has given consent in
 * every row: he is recorded but never counts. The expectation is written out
 * from the rules, not computed by the gate itself:
 *   under 12: the parents with gezag; 12 to 15: the parents and the pupil; from 16: the pupil alone.
 */

const clock = fixedClock('2026-11-25T09:00:00Z');
const MEETING = '2026-12-01';

const AGES = [
  { label: '11 years 364 days', dateOfBirth: '2014-12-02', age: 11, parents: true, pupil: false },
  { label: '12 years', dateOfBirth: '2014-12-01', age: 12, parents: true, pupil: true },
  { label: '15 years 364 days', dateOfBirth: '2010-12-02', age: 15, parents: true, pupil: true },
  { label: '16 years', dateOfBirth: '2010-12-01', age: 16, parents: false, pupil: true },
] as const;
/** A party's decisions in order; 'narrow' is consent that does not cover discussing the case in the kernteam. */
const DECISIONS = {
  none: [],
  given: ['given'],
  refused: ['refused'],
  withdrawn: ['given', 'withdrawn'],
  narrow: ['narrow'],
} as const satisfies Record<string, readonly ('given' | 'refused' | 'withdrawn' | 'narrow')[]>;
type DecisionKey = keyof typeof DECISIONS;
const PARENT_DECISIONS = Object.keys(DECISIONS) as DecisionKey[];
const PUPIL_DECISIONS: DecisionKey[] = ['none', 'given', 'refused', 'withdrawn'];

interface Row {
  age: (typeof AGES)[number];
  mother: DecisionKey;
  pupil: DecisionKey;
  safety: boolean;
  caseId: number;
}

/** What the rules say, by hand: which parties are missing or refused, and the verdict. */
function expected(row: Omit<Row, 'caseId'>) {
  const missing: string[] = [];
  const refused: string[] = [];
  const judge = (decision: DecisionKey, role: string) => {
    if (decision === 'refused' || decision === 'withdrawn') refused.push(role);
    else if (decision !== 'given') missing.push(role);
  };
  if (row.age.parents) judge(row.mother, 'moeder (gezag)');
  if (row.age.pupil) judge(row.pupil, `de leerling (${row.age.age} jaar)`);
  const allowed = missing.length === 0 && refused.length === 0;
  return { gate: allowed ? 'allowed' : row.safety ? 'safety_concern' : 'needs_consent', missing, refused } as const;
}

const roleOf = (party: { kind: string; relation?: string }, age: number) =>
  party.kind === 'pupil' ? `de leerling (${age} jaar)` : party.kind === 'parent' ? `${party.relation} (gezag)` : 'de ouders met gezag';

describe('the consent gate: who decides at which age, on the meeting date', () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;
  let schoolId: number;
  let meetingId: number;
  const rows: Row[] = [];
  let n = 0;

  async function pupilCase(dateOfBirth: string) {
    n++;
    const pupilId = await createPupil(
      handle.db,
      schoolId,
      { firstName: `Kind${n}`, lastName: 'Tabel', dateOfBirth, groupName: 'Groep 8' },
      clock,
    );
    return createCase(handle.db, pupilId, { question: 'Een hulpvraag van tien tekens.', analysis: '', themeIds: [] }, clock);
  }

  async function decide(caseId: number, party: 'parent' | 'pupil', parentId: number | null, key: DecisionKey) {
    for (const [index, decision] of DECISIONS[key].entries()) {
      const status: ConsentStatus = decision === 'narrow' ? 'given' : decision;
      await recordConsent(
        handle.db,
        {
          caseId,
          party,
          parentId,
          status,
          method: 'written',
          coversDiscussion: decision !== 'narrow',
          shareWith: decision === 'narrow' ? ['Jeugdteam'] : [],
          recordedOn: `2026-11-${String(10 + index).padStart(2, '0')}`,
          note: '',
        },
        clock,
      );
    }
  }

  beforeAll(async () => {
    temp = tempDir();
    handle = await openDatabase(temp.file('gate.db'), { create: true });
    // 160 cases are set up through the services, each write its own transaction: without waiting for
    // the disk on each commit (what is judged is what the services read back, not durability).
    handle.sqlite.pragma('synchronous = OFF');
    schoolId = await createSchool(handle.db, { name: 'De Linde' }, clock);
    const roles = await listRoles(handle.db, schoolId);
    const ib = (await createMember(handle.db, { schoolId, name: 'Ilse Bakker', roleId: roles.find((r) => r.code === 'ib')!.id }, clock)).id;
    meetingId = await planMeeting(
      handle.db,
      schoolId,
      { date: MEETING, startTime: '08:30', location: '', chairId: ib, minuteTakerId: null, inviteeIds: [] },
      clock,
    );
    for (const age of AGES)
      for (const mother of PARENT_DECISIONS)
        for (const pupil of PUPIL_DECISIONS)
          for (const safety of [false, true]) {
            const caseId = await pupilCase(age.dateOfBirth);
            const motherId = await addParent(handle.db, caseId, { name: 'Anna Tabel', relation: 'moeder', hasAuthority: true }, clock);
            const fatherId = await addParent(handle.db, caseId, { name: 'Bert Tabel', relation: 'vader', hasAuthority: false }, clock);
            await decide(caseId, 'parent', motherId, mother);
            await decide(caseId, 'parent', fatherId, 'given');
            await decide(caseId, 'pupil', null, pupil);
            if (safety) await setSafetyConcern(handle.db, caseId, 'Signalen volgens de meldcode', clock);
            rows.push({ age, mother, pupil, safety, caseId });
          }
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('says for every age, decision and safety concern whether the case may be discussed by name, and who is missing or refused', async () => {
    expect(rows).toHaveLength(AGES.length * PARENT_DECISIONS.length * PUPIL_DECISIONS.length * 2);
    const suggestions = new Map((await agendaSuggestions(handle.db, meetingId)).map((suggestion) => [suggestion.caseId, suggestion]));
    const wrong = [];
    for (const row of rows) {
      const want = expected(row);
      const gate = await caseGate(handle.db, row.caseId, MEETING);
      const got = {
        gate: gate.gate,
        missing: gate.missing.map((party) => roleOf(party, gate.age)),
        refused: gate.refused.map((party) => roleOf(party, gate.age)),
      };
      const label = `${row.age.label}, mother ${row.mother}, pupil ${row.pupil}${row.safety ? ', safety concern' : ''}`;
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push({ label, want, got });
      // The agenda's suggestions judge on the same date with the same outcome.
      expect(suggestions.get(row.caseId)?.gate, label).toBe(want.gate);
      expect(gate.age, label).toBe(row.age.age);
    }
    expect(wrong).toEqual([]);
  });

  it('puts a case on the agenda by name only when allowed or for a safety concern, and names the missing party by role', async () => {
    for (const row of rows) {
      const want = expected(row);
      const add = addCaseItem(handle.db, { meetingId, caseId: row.caseId, anonymous: false, plannedMinutes: 10 });
      const label = `${row.age.label}, mother ${row.mother}, pupil ${row.pupil}${row.safety ? ', safety concern' : ''}`;
      if (want.gate === 'needs_consent') {
        const error = (await add.catch((caught: unknown) => caught)) as AppError;
        expect(error, label).toBeInstanceOf(AppError);
        expect(error.code, label).toBe('CONSENT_REQUIRED');
        for (const role of [...want.missing, ...want.refused]) expect(error.userMessage, label).toContain(role);
        // Roles, never names: an error message may be shown or logged elsewhere.
        expect(error.userMessage, label).not.toMatch(/Anna|Bert|Tabel|Kind\d/);
        // Anonymous stays possible.
        await addCaseItem(handle.db, { meetingId, caseId: row.caseId, anonymous: true, plannedMinutes: 10 });
      } else {
        await expect(add, label).resolves.toBeTypeOf('number');
      }
    }
  });

  it('judges the case page on today: a pupil who turns 12 before the meeting is still under 12 there', async () => {
    const row = rows.find((r) => r.age.age === 12 && r.mother === 'given' && r.pupil === 'none' && !r.safety)!;
    const page = await getCase(handle.db, row.caseId, clock);
    expect(page.gateDetail).toMatchObject({ band: 'under12', age: 11, missing: [], refused: [] });
    expect(page.gate).toBe('allowed');
    expect((await caseGate(handle.db, row.caseId, MEETING)).gate).toBe('needs_consent');
  });

  it('asks for "de ouders met gezag" when no parent with gezag is recorded, and for every parent with gezag', async () => {
    const caseId = await pupilCase('2018-05-05');
    expect((await caseGate(handle.db, caseId, MEETING)).missing).toEqual([{ kind: 'parentsWithAuthority' }]);
    const father = await addParent(handle.db, caseId, { name: '', relation: 'vader', hasAuthority: false }, clock);
    await decide(caseId, 'parent', father, 'given');
    expect((await caseGate(handle.db, caseId, MEETING)).missing).toEqual([{ kind: 'parentsWithAuthority' }]);

    const mother = await addParent(handle.db, caseId, { name: 'Mila', relation: 'moeder', hasAuthority: true }, clock);
    const guardian = await addParent(handle.db, caseId, { name: '', relation: 'voogd', hasAuthority: true }, clock);
    await decide(caseId, 'parent', mother, 'given');
    const gate = await caseGate(handle.db, caseId, MEETING);
    expect(gate).toMatchObject({ gate: 'needs_consent', band: 'under12', missing: [{ kind: 'parent', id: guardian, relation: 'voogd' }] });
    await decide(caseId, 'parent', guardian, 'given');
    expect((await caseGate(handle.db, caseId, MEETING)).gate).toBe('allowed');

    // The dashboard lists a case only while a deciding party has no decision yet.
    const listed = async () => (await getDashboardItems(handle.db, schoolId, clock)).consentMissing.map((item) => item.caseId);
    expect(await listed()).not.toContain(caseId);
    const refusedCase = rows.find((r) => r.age.age === 11 && r.mother === 'refused' && !r.safety)!.caseId;
    const missingCase = rows.find((r) => r.age.age === 11 && r.mother === 'none' && !r.safety)!.caseId;
    expect(await listed()).toContain(missingCase);
    expect(await listed()).not.toContain(refusedCase);
  });

  it('removes a parent entered by mistake, but not one whose decisions are history', async () => {
    const caseId = await pupilCase('2018-05-05');
    const typo = await addParent(handle.db, caseId, { name: 'Vout', relation: 'moeder', hasAuthority: true }, clock);
    await removeParent(handle.db, typo, clock);
    const mother = await addParent(handle.db, caseId, { name: 'Mila', relation: 'moeder', hasAuthority: true }, clock);
    await decide(caseId, 'parent', mother, 'given');
    await expect(removeParent(handle.db, mother, clock)).rejects.toMatchObject({ code: 'CONFLICT' });
    // A parent of another case is not a party here.
    const other = await pupilCase('2018-05-05');
    await expect(decide(other, 'parent', mother, 'given')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
