import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { nowIso, today, type Clock } from '../clock';
import type { memberCreate } from '../contract/entities';
import { AppError } from '../errors';

/** The roles a school uses for its kernteam, in the school's own order. */
export async function listRoles(db: Kysely<DB>, schoolId: number) {
  const rows = await db
    .selectFrom('role')
    .select(['id', 'code', 'name', 'active'])
    .where('schoolId', '=', schoolId)
    .orderBy('sortOrder')
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ ...row, active: row.active === 1 }));
}

function memberQuery(db: Kysely<DB>) {
  return db
    .selectFrom('member')
    .innerJoin('role', 'role.id', 'member.roleId')
    .select([
      'member.id',
      'member.name',
      'member.roleId',
      'role.name as roleName',
      'member.organisation',
      'member.email',
      'member.phone',
      'member.active',
    ]);
}

/** Kernteam members: active ones first, then those who left (history stays). */
export async function listMembers(db: Kysely<DB>, schoolId: number) {
  const rows = await memberQuery(db)
    .where('member.schoolId', '=', schoolId)
    .orderBy('member.active', 'desc')
    .orderBy('role.sortOrder')
    .orderBy('member.name')
    .execute();
  return rows.map((row) => ({ ...row, active: row.active === 1 }));
}

/** Adds a kernteam member; the role must belong to the same school. */
export async function createMember(db: Kysely<DB>, input: z.output<typeof memberCreate>, clock: Clock) {
  return db.transaction().execute(async (trx) => {
    const role = await trx
      .selectFrom('role')
      .select('id')
      .where('id', '=', input.roleId)
      .where('schoolId', '=', input.schoolId)
      .executeTakeFirst();
    if (!role) throw new AppError('NOT_FOUND', 'role');
    const { id } = await trx
      .insertInto('member')
      .values({
        schoolId: input.schoolId,
        roleId: input.roleId,
        name: input.name,
        organisation: input.organisation || null,
        email: input.email || null,
        phone: input.phone || null,
        joinedOn: today(clock),
        createdAt: nowIso(clock),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await memberQuery(trx).where('member.id', '=', id).executeTakeFirstOrThrow();
    return { ...row, active: row.active === 1 };
  });
}
