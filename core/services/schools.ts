import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { AppError } from '../errors';
import { nl } from '../i18n/nl';

export interface NewSchool {
  name: string;
  city?: string | null;
  brin?: string | null;
  isDemo?: boolean;
}

/** Creates a school with the default roles, themes, success factors and obstacles. */
export async function createSchool(db: Kysely<DB>, school: NewSchool, clock: Clock): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('school')
      .values({
        name: school.name,
        city: school.city ?? null,
        brin: school.brin ?? null,
        isDemo: school.isDemo ? 1 : 0,
        createdAt: nowIso(clock),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { roles, themes, successFactors, obstacles } = nl.defaults;
    await trx
      .insertInto('role')
      .values(roles.map((role, index) => ({ schoolId: id, code: role.code, name: role.name, sortOrder: index })))
      .execute();
    await trx
      .insertInto('theme')
      .values(themes.map((theme) => ({ schoolId: id, code: theme.code, name: theme.name })))
      .execute();
    await trx
      .insertInto('tag')
      .values([
        ...successFactors.map((tag) => ({ schoolId: id, kind: 'success_factor' as const, ...tag })),
        ...obstacles.map((tag) => ({ schoolId: id, kind: 'obstacle' as const, ...tag })),
      ])
      .execute();
    return id;
  });
}

/** All schools of this installation, demo first-class but marked. */
export async function listSchools(db: Kysely<DB>) {
  const rows = await db.selectFrom('school').select(['id', 'name', 'city', 'isDemo']).orderBy('name').execute();
  return rows.map((row) => ({ ...row, isDemo: row.isDemo === 1 }));
}

export async function getSchool(db: Kysely<DB>, schoolId: number) {
  const row = await db.selectFrom('school').select(['id', 'name', 'city', 'isDemo']).where('id', '=', schoolId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'school');
  return { ...row, isDemo: row.isDemo === 1 };
}

/** Active themes of a school, for case forms. */
export function listThemes(db: Kysely<DB>, schoolId: number) {
  return db.selectFrom('theme').select(['id', 'name']).where('schoolId', '=', schoolId).where('active', '=', 1).orderBy('name').execute();
}

/** Active success factors and obstacles of a school. */
export function listTags(db: Kysely<DB>, schoolId: number) {
  return db
    .selectFrom('tag')
    .select(['id', 'kind', 'name', 'category'])
    .where('schoolId', '=', schoolId)
    .where('active', '=', 1)
    .orderBy('kind', 'desc')
    .orderBy('name')
    .execute();
}
