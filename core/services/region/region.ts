import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { nowIso, type Clock } from '../../clock';
import { AppError } from '../../errors';
import type { RegioKeyPair } from '../../regio/keyPairs';
import { recordAudit } from '../audit';
import { listRegionKeys } from './coordinatorKey';

export interface NewRegion {
  name: string;
  isDemo?: boolean;
}

/**
 * Makes this (new, empty) database a region database: the region's row and the
 * coordinator's first, active key pair, in one transaction. A file with schools
 * cannot become one.
 */
export async function createRegion(db: Kysely<DB>, region: NewRegion, keyPair: RegioKeyPair, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const school = await trx.selectFrom('school').select('id').executeTakeFirst();
    if (school) throw new AppError('CONFLICT', 'a database with schools cannot become a region database');
    const createdAt = nowIso(clock);
    await trx
      .insertInto('region')
      .values({ id: 1, name: region.name, isDemo: region.isDemo ? 1 : 0, createdAt })
      .execute();
    await trx
      .insertInto('regionKey')
      .values({
        certificatePem: keyPair.certificatePem,
        privateKeyPem: keyPair.privateKeyPem,
        fingerprint: keyPair.fingerprint,
        notAfter: keyPair.notAfter,
        active: 1,
        createdAt,
      })
      .execute();
    await recordAudit(trx, { action: 'region.create', entity: 'region', entityId: 1 }, clock);
  });
}

/** The region's row, or NOT_FOUND on a school's database. */
export async function getRegion(db: Kysely<DB>) {
  const row = await db.selectFrom('region').select(['name', 'isDemo', 'createdAt']).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'region');
  return { ...row, isDemo: row.isDemo === 1 };
}

/** The region as the start screen shows it: its name, how much it holds, and the active key. */
export async function regionInfo(db: Kysely<DB>, clock: Clock, pending: number) {
  const region = await getRegion(db);
  const countOf = async (table: 'regionSchool' | 'regionArea') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const contributions = await db
    .selectFrom('contribution')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('replacedById', 'is', null)
    .executeTakeFirstOrThrow();
  const { active } = await listRegionKeys(db, clock);
  return {
    ...region,
    schools: await countOf('regionSchool'),
    areas: await countOf('regionArea'),
    contributions: Number(contributions.n),
    pending,
    activeKey: active,
  };
}

/** Renames the region (shown on every screen and report of this file). */
export async function renameRegion(db: Kysely<DB>, name: string): Promise<void> {
  const result = await db.updateTable('region').set({ name }).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'region');
}
