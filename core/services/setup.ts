import type { z } from 'zod';
import type { Clock } from '../clock';
import type { setupStart } from '../contract/entities';
import type { Session } from '../session';
import { createSchool, listSchools } from './schools';

/**
 * First start: creates the encrypted database with the demo school (behind
 * the public demo passphrase) or one empty school behind the user's own
 * passphrase, whose recovery key is returned to show once.
 */
export async function startSetup(session: Session, input: z.output<typeof setupStart>, clock: Clock) {
  const { db, recoveryKey } = await session.create(input.mode === 'demo' ? { demo: true } : { passphrase: input.passphrase });
  if (input.mode === 'demo') {
    // Loaded on demand: faker's Dutch locale is large and only needed once.
    const { generateDemo } = await import('../demo/generateDemo');
    await generateDemo(db, { scale: 'small', clock });
  } else await createSchool(db, { name: input.schoolName }, clock);
  const [school] = await listSchools(db);
  return { schoolId: school.id, recoveryKey };
}
