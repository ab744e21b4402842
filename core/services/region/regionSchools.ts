import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { nowIso, type Clock } from '../../clock';
import { AppError, FieldError } from '../../errors';
import { nlRegio as t } from '../../i18n/nlRegio';
import { recordAudit } from '../audit';

/** The region's schools by name, each with its gebied, trusted keys, current contributions and latest delivery. */
export async function listRegionSchools(db: Kysely<DB>) {
  const schools = await db
    .selectFrom('regionSchool')
    .leftJoin('regionArea', 'regionArea.id', 'regionSchool.areaId')
    .select([
      'regionSchool.id',
      'regionSchool.name',
      'regionSchool.areaId',
      'regionArea.name as areaName',
      (eb) =>
        eb
          .selectFrom('regionSigner')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('regionSigner.regionSchoolId', '=', 'regionSchool.id')
          .as('signers'),
      (eb) =>
        eb
          .selectFrom('contribution')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('contribution.regionSchoolId', '=', 'regionSchool.id')
          .where('contribution.replacedById', 'is', null)
          .as('contributions'),
    ])
    .orderBy('regionSchool.name')
    .execute();
  // The latest period's current contribution per school (window function: one pass).
  const latest = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('contribution')
        .select(({ fn }) => [
          'regionSchoolId',
          'periodFrom',
          'periodTo',
          'createdAt',
          'receivedAt',
          fn
            .agg<number>('row_number')
            .over((over) => over.partitionBy('regionSchoolId').orderBy('periodTo', 'desc').orderBy('periodFrom', 'desc'))
            .as('rank'),
        ])
        .where('replacedById', 'is', null)
        .as('ranked'),
    )
    .select(['regionSchoolId', 'periodFrom', 'periodTo', 'createdAt', 'receivedAt'])
    .where('rank', '=', 1)
    .execute();
  const latestBySchool = new Map(latest.map(({ regionSchoolId, ...delivery }) => [regionSchoolId, delivery]));
  return schools.map((school) => ({
    ...school,
    signers: Number(school.signers),
    contributions: Number(school.contributions),
    latest: latestBySchool.get(school.id) ?? null,
  }));
}

async function assertFreeName(db: Kysely<DB>, name: string, except?: number): Promise<void> {
  let query = db.selectFrom('regionSchool').select('id').where('name', '=', name);
  if (except !== undefined) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) throw new FieldError('name', t.forms.schoolExists);
}

async function assertArea(db: Kysely<DB>, areaId: number | null): Promise<void> {
  if (areaId === null) return;
  if (!(await db.selectFrom('regionArea').select('id').where('id', '=', areaId).executeTakeFirst()))
    throw new AppError('NOT_FOUND', 'area');
}

/** Registers a school of the region, in a gebied or none. */
export async function addRegionSchool(db: Kysely<DB>, school: { name: string; areaId: number | null }, clock: Clock): Promise<number> {
  return db.transaction().execute((trx) => insertRegionSchool(trx, school, clock));
}

/** addRegionSchool inside a transaction the caller holds (accepting a signer for a new school). */
export async function insertRegionSchool(trx: Kysely<DB>, school: { name: string; areaId: number | null }, clock: Clock): Promise<number> {
  await assertFreeName(trx, school.name);
  await assertArea(trx, school.areaId);
  const { id } = await trx
    .insertInto('regionSchool')
    .values({ name: school.name, areaId: school.areaId, createdAt: nowIso(clock) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, { action: 'region.school_add', entity: 'regionSchool', entityId: id }, clock);
  return id;
}

export async function renameRegionSchool(db: Kysely<DB>, regionSchoolId: number, name: string): Promise<void> {
  await assertFreeName(db, name, regionSchoolId);
  const result = await db.updateTable('regionSchool').set({ name }).where('id', '=', regionSchoolId).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'region school');
}

/** Puts a school in a gebied, or in none. */
export async function setRegionSchoolArea(db: Kysely<DB>, regionSchoolId: number, areaId: number | null): Promise<void> {
  await assertArea(db, areaId);
  const result = await db.updateTable('regionSchool').set({ areaId }).where('id', '=', regionSchoolId).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'region school');
}

/** Removes a school from the region with its trusted keys and every contribution it sent; says how many went. */
export async function removeRegionSchool(db: Kysely<DB>, regionSchoolId: number, clock: Clock) {
  return db.transaction().execute(async (trx) => {
    const count = async (table: 'contribution' | 'regionSigner') =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('regionSchoolId', '=', regionSchoolId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const removed = { contributions: await count('contribution'), signers: await count('regionSigner') };
    const result = await trx.deleteFrom('regionSchool').where('id', '=', regionSchoolId).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new AppError('NOT_FOUND', 'region school');
    await recordAudit(trx, { action: 'region.school_remove', entity: 'regionSchool', entityId: regionSchoolId, counts: removed }, clock);
    return removed;
  });
}
