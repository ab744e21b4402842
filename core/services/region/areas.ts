import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { nowIso, type Clock } from '../../clock';
import { AppError, FieldError } from '../../errors';
import { nlRegio as t } from '../../i18n/nlRegio';
import { recordAudit } from '../audit';

/** The region's gebieden (buurt, wijk, onderzoeksgebied) by name, each with its number of schools. */
export async function listAreas(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('regionArea')
    .leftJoin('regionSchool', 'regionSchool.areaId', 'regionArea.id')
    .select((eb) => ['regionArea.id', 'regionArea.name', eb.fn.count<number>('regionSchool.id').as('schools')])
    .groupBy('regionArea.id')
    .orderBy('regionArea.name')
    .execute();
  return rows.map((row) => ({ ...row, schools: Number(row.schools) }));
}

/** Refuses a name another gebied has (names compare without case, as SQLite's NOCASE does). */
async function assertFreeName(db: Kysely<DB>, name: string, except?: number): Promise<void> {
  let query = db.selectFrom('regionArea').select('id').where('name', '=', name);
  if (except !== undefined) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) throw new FieldError('name', t.forms.areaExists);
}

export async function addArea(db: Kysely<DB>, name: string, clock: Clock): Promise<number> {
  await assertFreeName(db, name);
  const { id } = await db
    .insertInto('regionArea')
    .values({ name, createdAt: nowIso(clock) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function renameArea(db: Kysely<DB>, areaId: number, name: string): Promise<void> {
  await assertFreeName(db, name, areaId);
  const result = await db.updateTable('regionArea').set({ name }).where('id', '=', areaId).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'area');
}

/** Removes a gebied; its schools stay, without gebied. */
export async function removeArea(db: Kysely<DB>, areaId: number, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { schools } = await trx
      .selectFrom('regionSchool')
      .select((eb) => eb.fn.countAll<number>().as('schools'))
      .where('areaId', '=', areaId)
      .executeTakeFirstOrThrow();
    const result = await trx.deleteFrom('regionArea').where('id', '=', areaId).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new AppError('NOT_FOUND', 'area');
    await recordAudit(
      trx,
      { action: 'region.area_remove', entity: 'regionArea', entityId: areaId, counts: { schools: Number(schools) } },
      clock,
    );
  });
}
