import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { contract, type Channel } from './contract';

/*
 * Which school each id in a channel's input belongs to. One database may hold the
 * schools of a whole board; no call may tie records of two schools together. Every
 * id field of every channel is named here with the table whose record it is; the
 * router refuses a call whose records belong to more than one school (or do not
 * exist) with NOT_FOUND before its handler runs. tests/security/ownership.test.ts
 * walks the contract, so a new id field without a line here fails that test.
 */

/** The tables whose records belong to exactly one school (an agenda item through its meeting, a parent through its case). */
export type OwnedTable = Extract<
  keyof DB,
  | 'school'
  | 'role'
  | 'member'
  | 'pupil'
  | 'supportCase'
  | 'caseParent'
  | 'theme'
  | 'tag'
  | 'meeting'
  | 'agendaItem'
  | 'agreement'
  | 'certificate'
>;

/** An id whose table is chosen by a sibling field, as `lists.setActive`'s { kind, id }. */
interface ChosenBy {
  by: string;
  tables: Record<string, OwnedTable>;
}

/** Every id field name, wherever it occurs in an input (also nested, such as `sign.certificateId`). */
export const idOwners = {
  schoolId: 'school',
  schoolIds: 'school',
  roleId: 'role',
  memberId: 'member',
  chairId: 'member',
  minuteTakerId: 'member',
  inviteeIds: 'member',
  ownerMemberId: 'member',
  pupilId: 'pupil',
  caseId: 'supportCase',
  caseIds: 'supportCase',
  parentId: 'caseParent',
  themeIds: 'theme',
  tagIds: 'tag',
  meetingId: 'meeting',
  agendaItemId: 'agendaItem',
  itemIds: 'agendaItem',
  agreementId: 'agreement',
  certificateId: 'certificate',
  id: { by: 'kind', tables: { theme: 'theme', tag: 'tag' } },
} as const satisfies Record<string, OwnedTable | ChosenBy>;

export type IdField = keyof typeof idOwners;

/**
 * Id fields of the region channels, with their tables. A region database holds
 * one region and no schools, so no call can tie two owners' records together:
 * the router has nothing to check for them (and refuses region channels on a
 * school's database as a whole). Declared so that no id field goes unnamed.
 */
export const regionIdTables = {
  regionSchoolId: 'regionSchool',
  areaId: 'regionArea',
  signerId: 'regionSigner',
} as const satisfies Record<string, Extract<keyof DB, `region${string}`>>;

/**
 * Channels that take ids of several schools on purpose, with the reason. Nothing
 * they are given is tied together: they only read.
 */
export const severalSchools: Partial<Record<Channel, string>> = {
  'monitoring.report': "a school board's anonymous report counts over the schools it chooses",
  'monitoring.export': 'the same report as a file for the stuurgroep',
};

/** One record named in a call. */
export interface IdRef {
  table: OwnedTable;
  id: number;
}

/** Where an id field sits in an input (object keys, '*' for each element of an array), and whether it holds a list. */
interface IdSlot {
  path: string[];
  field: IdField;
  list: boolean;
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Unwraps optional, nullable, default and the like down to the schema that holds the value. */
function inner(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.type === 'pipe') return inner(def.in as z.ZodType);
  return 'innerType' in def ? inner(def.innerType as z.ZodType) : schema;
}

/** Every id slot of a schema, each path once (a union's members may share one). */
function slotsOf(schema: z.ZodType, path: string[] = [], slots = new Map<string, IdSlot>()): Map<string, IdSlot> {
  const def = defOf(inner(schema));
  if (def.type === 'array') slotsOf(def.element as z.ZodType, [...path, '*'], slots);
  if (def.type === 'union') for (const option of def.options as z.ZodType[]) slotsOf(option, path, slots);
  if (def.type === 'object')
    for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      if (!Object.hasOwn(idOwners, key)) slotsOf(value, [...path, key], slots);
      else slots.set([...path, key].join('.'), { path: [...path, key], field: key as IdField, list: defOf(inner(value)).type === 'array' });
    }
  return slots;
}

const plans = new Map<Channel, IdSlot[]>();

/** The id slots the ownership check reads for a channel: none when it names at most one record. */
function planOf(channel: Channel): IdSlot[] {
  let plan = plans.get(channel);
  if (!plan) {
    const slots = [...slotsOf(contract[channel].input).values()];
    // Two slots name two records, and so may one slot that holds a list or sits in one.
    const many = slots.length > 1 || slots.some((slot) => slot.list || slot.path.includes('*'));
    plan = many && !severalSchools[channel] ? slots : [];
    plans.set(channel, plan);
  }
  return plan;
}

/** The distinct records a validated input names, for channels that can name two or more; else none. */
export function idRefs(channel: Channel, input: unknown): IdRef[] {
  const plan = planOf(channel);
  if (plan.length === 0) return [];
  const refs = new Map<string, IdRef>();
  for (const { path, field } of plan) {
    for (const [parent, value] of valuesAt(input, path)) {
      const owner: OwnedTable | ChosenBy = idOwners[field];
      const table = typeof owner === 'string' ? owner : owner.tables[String(parent[owner.by])];
      if (!table) throw new Error(`ownership: no table for ${field} of kind ${String(parent[(owner as ChosenBy).by])}`);
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'number') refs.set(`${table}:${id}`, { table, id });
    }
  }
  return [...refs.values()];
}

/** Each value at a path, with the object that holds it. */
function valuesAt(input: unknown, path: string[]): [Record<string, unknown>, unknown][] {
  let holders: unknown[] = [input];
  for (const key of path.slice(0, -1))
    holders = holders.flatMap((holder) => (key === '*' ? (Array.isArray(holder) ? holder : []) : [own(holder, key)]));
  const last = path[path.length - 1];
  return holders.filter(isRecord).map((holder) => [holder, own(holder, last)]);
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const own = (holder: unknown, key: string) => (isRecord(holder) && Object.hasOwn(holder, key) ? holder[key] : undefined);
