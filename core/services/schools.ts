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

/** Renames a school (the profile shown in the header and documents). */
export async function renameSchool(db: Kysely<DB>, schoolId: number, name: string): Promise<void> {
  const result = await db.updateTable('school').set({ name }).where('id', '=', schoolId).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', 'school');
}

/** Adds a theme to the school's list; a theme that was switched off comes back. */
export async function addTheme(db: Kysely<DB>, schoolId: number, name: string): Promise<void> {
  await db
    .insertInto('theme')
    .values({ schoolId, code: null, name })
    .onConflict((oc) => oc.columns(['schoolId', 'name']).doUpdateSet({ active: 1 }))
    .execute();
}

/** Adds a success factor or obstacle; a switched-off one comes back. */
export async function addTag(
  db: Kysely<DB>,
  schoolId: number,
  kind: 'success_factor' | 'obstacle',
  name: string,
  category: string,
): Promise<void> {
  await db
    .insertInto('tag')
    .values({ schoolId, kind, name, category })
    .onConflict((oc) => oc.columns(['schoolId', 'kind', 'name']).doUpdateSet({ active: 1, category }))
    .execute();
}

/** Switches a theme or tag off: cases and discussions that use it keep it, new ones cannot choose it. */
export async function setListItemActive(db: Kysely<DB>, table: 'theme' | 'tag', id: number, active: boolean): Promise<void> {
  const result = await db
    .updateTable(table)
    .set({ active: active ? 1 : 0 })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('NOT_FOUND', table);
}
