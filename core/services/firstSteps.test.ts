import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { fixedClock } from '../clock';
import { createCase } from './cases';
import { getFirstSteps, hideFirstSteps } from './firstSteps';
import { planMeeting } from './meetings';
import { createMember, listRoles, setMemberActive } from './members';
import { createPupil } from './pupils';
import { createSchool } from './schools';

const clock = fixedClock(E2E_NOW);
const state = async (db: OpenDatabase['db'], schoolId: number) =>
  Object.fromEntries((await getFirstSteps(db, schoolId)).steps.map((step) => [step.key, step.done]));

describe('first steps of a new school', () => {
  const temp = tempDir('mdo-first-steps-');
  let handle: OpenDatabase;
  let school: number;
  let other: number;

  beforeAll(async () => {
    handle = await openDatabase(temp.file('school.db'), { create: true });
    school = await createSchool(handle.db, { name: 'De Linde' }, clock);
    other = await createSchool(handle.db, { name: 'Het Anker' }, clock);
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('follows a new school from nothing to its first MDO, counting only its own records', async () => {
    const { db } = handle;
    expect(await getFirstSteps(db, school)).toEqual({
      steps: [
        { key: 'team', done: false, count: 0 },
        { key: 'pupil', done: false, count: 0 },
        { key: 'case', done: false, count: 0 },
        { key: 'meeting', done: false, count: 0 },
      ],
      hidden: false,
    });

    const [ib, other1] = await listRoles(db, school);
    const ibMember = await createMember(db, { schoolId: school, name: 'Ilse Bakker', roleId: ib.id }, clock);
    // The IB alone is not yet a kernteam.
    expect((await state(db, school)).team).toBe(false);
    const colleague = await createMember(db, { schoolId: school, name: 'Sander de Wit', roleId: other1.id }, clock);
    expect((await state(db, school)).team).toBe(true);
    // A member who left no longer counts.
    await setMemberActive(db, colleague.id, false, clock);
    expect((await state(db, school)).team).toBe(false);
    await setMemberActive(db, colleague.id, true, clock);

    const pupil = await createPupil(
      db,
      school,
      { firstName: 'Noor', lastName: 'Visser', dateOfBirth: '2017-03-04', groupName: '4' },
      clock,
    );
    expect(await state(db, school)).toEqual({ team: true, pupil: true, case: false, meeting: false });
    await createCase(db, pupil, { question: 'Noor leest veel langzamer dan haar groepsgenoten.', analysis: '', themeIds: [] }, clock);
    await planMeeting(
      db,
      school,
      { date: '2026-12-08', startTime: '14:00', location: '', chairId: ibMember.id, minuteTakerId: null, inviteeIds: [] },
      clock,
    );
    expect(await getFirstSteps(db, school)).toEqual({
      steps: [
        { key: 'team', done: true, count: 2 },
        { key: 'pupil', done: true, count: 1 },
        { key: 'case', done: true, count: 1 },
        { key: 'meeting', done: true, count: 1 },
      ],
      hidden: false,
    });
    // The other school in the same database has taken none of them.
    expect(Object.values(await state(db, other))).toEqual([false, false, false, false]);
  });

  it('remembers per school that the IB hid the list, and shows it again on request', async () => {
    const { db } = handle;
    await hideFirstSteps(db, other, true);
    await hideFirstSteps(db, other, true);
    expect((await getFirstSteps(db, other)).hidden).toBe(true);
    expect((await getFirstSteps(db, school)).hidden).toBe(false);
    await hideFirstSteps(db, other, false);
    expect((await getFirstSteps(db, other)).hidden).toBe(false);
  });

  it('refuses a school that does not exist', async () => {
    await expect(getFirstSteps(handle.db, 9999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(hideFirstSteps(handle.db, 9999, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
