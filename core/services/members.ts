import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { nowIso, today, type Clock } from '../clock';
import type { memberCreate } from '../contract/entities';
import { assertNotBefore } from '../dateOrder';
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

async function assertRole(db: Kysely<DB>, roleId: number, schoolId: number): Promise<void> {
  const role = await db.selectFrom('role').select('id').where('id', '=', roleId).where('schoolId', '=', schoolId).executeTakeFirst();
  if (!role) throw new AppError('NOT_FOUND', 'role');
}

/** Adds a kernteam member; the role must belong to the same school. */
export async function createMember(db: Kysely<DB>, input: z.output<typeof memberCreate>, clock: Clock) {
  return db.transaction().execute(async (trx) => {
    await assertRole(trx, input.roleId, input.schoolId);
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

export interface MemberUpdate {
  memberId: number;
  name: string;
  roleId: number;
  organisation?: string;
  email?: string;
  phone?: string;
}

/** Changes a member's details; the role must belong to the member's school. */
export async function updateMember(db: Kysely<DB>, input: MemberUpdate) {
  await db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('member').select('schoolId').where('id', '=', input.memberId).executeTakeFirst();
    if (!member) throw new AppError('NOT_FOUND', 'member');
    await assertRole(trx, input.roleId, member.schoolId);
    await trx
      .updateTable('member')
      .set({
        name: input.name,
        roleId: input.roleId,
        organisation: input.organisation || null,
        email: input.email || null,
        phone: input.phone || null,
      })
      .where('id', '=', input.memberId)
      .execute();
  });
}

/** A member leaves (or returns to) the kernteam; their history stays. */
export async function setMemberActive(db: Kysely<DB>, memberId: number, active: boolean, clock: Clock) {
  const member = await db.selectFrom('member').select('joinedOn').where('id', '=', memberId).executeTakeFirst();
  if (!member) throw new AppError('NOT_FOUND', 'member');
  const leftOn = active ? null : today(clock);
  assertNotBefore(leftOn, member.joinedOn, 'memberLeftBeforeJoined');
  await db
    .updateTable('member')
    .set({ active: active ? 1 : 0, leftOn })
    .where('id', '=', memberId)
    .execute();
}

/** Adds a role of the school's own (regions differ in who sits in the kernteam). */
export async function createRole(db: Kysely<DB>, schoolId: number, name: string) {
  const row = await db
    .selectFrom('role')
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .where('schoolId', '=', schoolId)
    .executeTakeFirst();
  const { id } = await db
    .insertInto('role')
    .values({ schoolId, code: null, name, sortOrder: Number(row?.max ?? 0) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
