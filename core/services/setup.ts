import type { z } from 'zod';
import type { Clock } from '../clock';
import type { setupStart } from '../contract/entities';
import { checkNewPassphrase } from '../passphrase/check';
import { AppError } from '../errors';
import { newRegioKeyPair } from '../regio/keyPairs';
import type { Session } from '../session';
import { createMember } from './members';
import { createRegion } from './region/region';
import { createSchool, listSchools } from './schools';

/**
 * First start: creates the encrypted database with the demo school (behind
 * the public demo passphrase) or one empty school behind the user's own
 * passphrase, with the IB who set it up as its first kernteam member; or a
 * coordinator's region database (the demo region, or an empty one with the
 * coordinator's key pair). The recovery key is returned to show once.
 */
export async function startSetup(session: Session, input: z.output<typeof setupStart>, clock: Clock) {
  if (input.mode === 'region' || input.mode === 'demoRegion') return startRegion(session, input, clock);
  // Judged before anything is written: a refused passphrase leaves no file behind.
  if (input.mode === 'empty')
    await checkNewPassphrase(input.passphrase, [input.schoolName, input.ibName, input.ibEmail?.split('@')[0] ?? ''], 'passphrase');
  const { db, recoveryKey } = await session.create(input.mode === 'demo' ? { demo: true } : { passphrase: input.passphrase });
  if (input.mode === 'demo') {
    // Loaded on demand: faker's Dutch locale is large and only needed once.
    const { generateDemo } = await import('../demo/generateDemo');
    await generateDemo(db, { scale: 'small', clock });
  } else {
    const schoolId = await createSchool(db, { name: input.schoolName }, clock);
    const role = await db
      .selectFrom('role')
      .select('id')
      .where('schoolId', '=', schoolId)
      .where('code', '=', input.ibRoleCode)
      .executeTakeFirstOrThrow();
    await createMember(
      db,
      { schoolId, name: input.ibName, roleId: role.id, organisation: input.schoolName, email: input.ibEmail ?? '' },
      clock,
    );
  }
  const [school] = await listSchools(db);
  return { schoolId: school.id, recoveryKey };
}

/** A region database: no schools, pupils or cases; the coordinator's key pair is made before the file, so a failure leaves none. */
async function startRegion(
  session: Session,
  input: Extract<z.output<typeof setupStart>, { mode: 'region' | 'demoRegion' }>,
  clock: Clock,
): Promise<{ schoolId: null; recoveryKey: string | null }> {
  if (session.state.state !== 'missing') throw new AppError('CONFLICT', 'database exists');
  if (input.mode === 'demoRegion') {
    const { db, recoveryKey } = await session.create({ demo: true });
    const { generateDemoRegion } = await import('../demo/demoRegion');
    await generateDemoRegion(db, { clock });
    return { schoolId: null, recoveryKey };
  }
  await checkNewPassphrase(input.passphrase, [input.regionName, input.coordinatorName], 'passphrase');
  const keyPair = newRegioKeyPair({
    purpose: 'coordinator',
    name: input.coordinatorName,
    organisation: input.regionName,
    now: clock.now(),
  });
  const { db, recoveryKey } = await session.create({ passphrase: input.passphrase });
  await createRegion(db, { name: input.regionName }, keyPair, clock);
  return { schoolId: null, recoveryKey };
}
