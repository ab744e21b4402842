import type { z } from 'zod';
import type { Clock } from '../clock';
import type { setupStart } from '../contract/entities';
import { checkNewPassphrase } from '../passphrase/check';
import type { Session } from '../session';
import { createMember } from './members';
import { createSchool, listSchools } from './schools';

/**
 * First start: creates the encrypted database with the demo school (behind
 * the public demo passphrase) or one empty school behind the user's own
 * passphrase, with the IB who set it up as its first kernteam member; the
 * recovery key is returned to show once.
 */
export async function startSetup(session: Session, input: z.output<typeof setupStart>, clock: Clock) {
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
