import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, today, type Clock } from '../clock';
import { assertNotBefore } from '../dateOrder';
import { AppError } from '../errors';

export interface PupilInput {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  groupName: string;
}

/** Pupils of a school with how many open cases they have, by last name. */
export async function listPupils(db: Kysely<DB>, schoolId: number) {
  return db
    .selectFrom('pupil')
    .select((eb) => [
      'pupil.id',
      'pupil.firstName',
      'pupil.lastName',
      'pupil.dateOfBirth',
      'pupil.groupName',
      eb
        .selectFrom('supportCase')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('supportCase.pupilId', '=', 'pupil.id')
        .where('supportCase.status', '!=', 'closed')
        .as('openCases'),
    ])
    .where('pupil.schoolId', '=', schoolId)
    .orderBy('pupil.lastName')
    .orderBy('pupil.firstName')
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, openCases: Number(row.openCases ?? 0) })));
}

/** Adds a pupil with only the minimal data the app needs. */
export async function createPupil(db: Kysely<DB>, schoolId: number, input: PupilInput, clock: Clock): Promise<number> {
  assertNotBefore(today(clock), input.dateOfBirth, 'birthAfterToday', 'dateOfBirth');
  const school = await db.selectFrom('school').select('id').where('id', '=', schoolId).executeTakeFirst();
  if (!school) throw new AppError('NOT_FOUND', 'school');
  const { id } = await db
    .insertInto('pupil')
    .values({ schoolId, ...input, createdAt: nowIso(clock) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Corrects a pupil's data; a date of birth after today or after one of their cases or consents is refused. */
export async function updatePupil(db: Kysely<DB>, pupilId: number, input: PupilInput, clock: Clock): Promise<void> {
  assertNotBefore(today(clock), input.dateOfBirth, 'birthAfterToday', 'dateOfBirth');
  await db.transaction().execute(async (trx) => {
    const earliest = await trx
      .selectFrom('supportCase')
      .leftJoin('consent', 'consent.caseId', 'supportCase.id')
      .select((eb) => [eb.fn.min('supportCase.registeredOn').as('registered'), eb.fn.min('consent.recordedOn').as('consent')])
      .where('supportCase.pupilId', '=', pupilId)
      .executeTakeFirstOrThrow();
    assertNotBefore(earliest.registered, input.dateOfBirth, 'caseRegisteredBeforeBirth', 'dateOfBirth');
    assertNotBefore(earliest.consent, input.dateOfBirth, 'consentBeforeBirth', 'dateOfBirth');
    const result = await trx.updateTable('pupil').set(input).where('id', '=', pupilId).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'pupil');
  });
}
