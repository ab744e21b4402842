import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../../core/clock';
import { Backups } from '../../core/backups/backups';
import { channels, contract, type Channel } from '../../core/contract/contract';
import { id } from '../../core/contract/entities';
import { idOwners, regionIdTables, severalSchools, type IdField, type OwnedTable } from '../../core/contract/ownership';
import type { IpcResult } from '../../core/contract/result';
import { handlers } from '../../core/handlers';
import { nl } from '../../core/i18n/nl';
import { createRouter, type Router } from '../../core/ipc/router';
import { NO_POLICY } from '../../core/policy/policy';
import { Session } from '../../core/session';
import type { DB } from '../../db/schema';
import type { Kysely } from 'kysely';
import { tempDir } from '../e2e/harness';
import { createDemoDatabase, E2E_NOW, TEST_KDF_PARAMS } from '../fixtures/demoDatabase';
import { folderDialogs } from '../fixtures/folderDialogs';

/*
 * No call may tie records of two schools together. On a database with two schools (a
 * school board), through the real router and handlers: for every channel whose input
 * names two or more records, a payload of school 1's records is built from the channel's
 * own schema, then each id in turn is swapped for a record of school 2, and random mixes
 * of both schools are generated. Each must come back as NOT_FOUND (exactly as an id that
 * does not exist) and leave every table as it was. The same payload with one school's
 * records is not refused as NOT_FOUND. Which ids exist in each school is derived from the
 * declaration in core/contract/ownership.ts; a new id field without a declaration fails.
 */

const SEED = 20261125;
const RANDOM_MIXES_PER_CHANNEL = 12;
/** What every generated string field gets when it accepts it; also the certificates' passphrase. */
const TEXT = 'Een geldige waarde voor de test';
const stringCandidates = [TEXT, '2026-11-25', '09:30', 'ib@school.example', 'ab', 'x', ''];
const numberCandidates = [1, 15, 5, 60];
const NOT_FOUND = { ok: false, error: { code: 'NOT_FOUND', message: nl.errors.NOT_FOUND } };

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);
const unwrap = (schema: z.ZodType): z.ZodType => {
  const def = defOf(schema);
  return wrappers.has(def.type) ? unwrap(def.innerType as z.ZodType) : def.type === 'pipe' ? unwrap(def.in as z.ZodType) : schema;
};
const isIdName = (name: string) => /^id$|Ids?$/.test(name);
const isIdValue = (schema: z.ZodType) => {
  const def = defOf(unwrap(schema));
  return def.type === 'number' || (def.type === 'array' && defOf(unwrap(def.element as z.ZodType)).type === 'number');
};

/** Every object key of a schema (all union members, nested objects and arrays) with its schema and path. */
function fieldsOf(
  schema: z.ZodType,
  path: string[] = [],
): { name: string; schema: z.ZodType; siblings: Record<string, z.ZodType>; path: string[] }[] {
  const def = defOf(unwrap(schema));
  if (def.type === 'union') return (def.options as z.ZodType[]).flatMap((option) => fieldsOf(option, path));
  if (def.type === 'array') return fieldsOf(def.element as z.ZodType, [...path, '0']);
  if (def.type !== 'object') return [];
  const shape = def.shape as Record<string, z.ZodType>;
  return Object.entries(shape).flatMap(([name, field]) => [
    { name, schema: field, siblings: shape, path: [...path, name] },
    ...fieldsOf(field, [...path, name]),
  ]);
}

/** Number fields named like an id (id, …Id, …Ids) that the ownership declaration (schools' or the region's) does not cover. */
function undeclaredIds(schema: z.ZodType): string[] {
  return fieldsOf(schema)
    .filter(
      (field) =>
        isIdName(field.name) &&
        isIdValue(field.schema) &&
        !Object.hasOwn(idOwners, field.name) &&
        !Object.hasOwn(regionIdTables, field.name),
    )
    .map((field) => field.path.join('.'));
}

// ——— Payloads built from a channel's schema, with every id taken from one school ———

/** An id slot of a payload: where it sits, which table its record is of, and whether it holds a list. */
interface Slot {
  path: string[];
  field: IdField;
  table: OwnedTable;
  list: boolean;
}
type Pick = (slot: Slot) => number | number[];
/** One shape of a channel's input (one per union member): its id slots and how to build it. */
interface Template {
  slots: Slot[];
  make(pick: Pick): unknown;
}

function plainSample(schema: z.ZodType): unknown {
  const def = defOf(unwrap(schema));
  const first = (candidates: unknown[]) => candidates.find((candidate) => schema.safeParse(candidate).success);
  switch (def.type) {
    case 'undefined':
      return undefined;
    case 'string':
      return first(stringCandidates);
    case 'number':
      return first(numberCandidates);
    case 'boolean':
      return true;
    case 'literal':
      return (def.values as unknown[])[0];
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'array':
      return first([[]]) ?? [templatesOf(def.element as z.ZodType)[0].make(() => 0)];
    default:
      throw new Error(`plainSample: add zod type "${def.type}"`);
  }
}

function tableOf(field: IdField, siblings: Record<string, z.ZodType>): OwnedTable {
  const owner = idOwners[field] as OwnedTable | { by: string; tables: Record<string, OwnedTable> };
  return typeof owner === 'string' ? owner : owner.tables[String(plainSample(siblings[owner.by]))];
}

function templatesOf(schema: z.ZodType, path: string[] = []): Template[] {
  const def = defOf(unwrap(schema));
  if (def.type === 'union') return (def.options as z.ZodType[]).flatMap((option) => templatesOf(option, path));
  if (def.type === 'object') {
    const shape = def.shape as Record<string, z.ZodType>;
    let options: Template[] = [{ slots: [], make: () => ({}) }];
    for (const [key, field] of Object.entries(shape)) {
      const at = [...path, key];
      const fieldOptions: Template[] = Object.hasOwn(idOwners, key)
        ? [
            idTemplate({
              path: at,
              field: key as IdField,
              table: tableOf(key as IdField, shape),
              list: defOf(unwrap(field)).type === 'array',
            }),
          ]
        : templatesOf(field, at);
      options = options.flatMap((option) =>
        fieldOptions.map((value) => ({
          slots: [...option.slots, ...value.slots],
          make: (pick: Pick) => ({ ...(option.make(pick) as object), [key]: value.make(pick) }),
        })),
      );
    }
    return options;
  }
  if (def.type === 'array') {
    const elements = templatesOf(def.element as z.ZodType, [...path, '0']);
    if (elements.some((element) => element.slots.length > 0))
      return elements.map((element) => ({ slots: element.slots, make: (pick: Pick) => [element.make(pick)] }));
  }
  return [{ slots: [], make: () => plainSample(schema) }];
}

const idTemplate = (slot: Slot): Template => ({ slots: [slot], make: (pick) => pick(slot) });

/** Channels (and union members) whose input names two or more records, but for the declared exceptions: what the guard watches. */
function guardedTemplates(): { channel: Channel; template: Template }[] {
  return channels
    .filter((channel) => !severalSchools[channel])
    .flatMap((channel) =>
      templatesOf(contract[channel].input)
        .filter(({ slots }) => slots.length > 1 || slots.some((slot) => slot.list))
        .map((template) => ({ channel, template })),
    );
}

// ——— The database: two schools, their records, and a coherent set of records per school ———

type Records = Record<OwnedTable, Map<number, number[]>>;
const tables = [
  ...new Set(Object.values(idOwners).flatMap((owner) => (typeof owner === 'string' ? [owner] : Object.values(owner.tables)))),
];

/** Every record of every declared table, by school (the test's own reading, not the guard's). */
async function recordsBySchool(db: Kysely<DB>): Promise<Records> {
  const records = Object.fromEntries(tables.map((table) => [table, new Map<number, number[]>()])) as Records;
  for (const table of tables) {
    const rows =
      table === 'school'
        ? await db.selectFrom('school').select(['id', 'id as schoolId']).execute()
        : table === 'agendaItem'
          ? await db
              .selectFrom('agendaItem')
              .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
              .select(['agendaItem.id', 'meeting.schoolId'])
              .execute()
          : table === 'caseParent'
            ? await db
                .selectFrom('caseParent')
                .innerJoin('supportCase', 'supportCase.id', 'caseParent.caseId')
                .select(['caseParent.id', 'supportCase.schoolId'])
                .execute()
            : await db.selectFrom(table).select(['id', 'schoolId']).execute();
    for (const row of rows) records[table].set(row.schoolId, [...(records[table].get(row.schoolId) ?? []), row.id]);
  }
  return records;
}

/** Records of one school that fit together: its next meeting, a case on that agenda, the chair. */
async function anchorsOf(db: Kysely<DB>, schoolId: number, certificateId: number) {
  const meeting = await db
    .selectFrom('meeting')
    .selectAll()
    .where('schoolId', '=', schoolId)
    .where('status', '=', 'planned')
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('agendaItem')
    .select(['id', 'kind', 'caseId'])
    .where('meetingId', '=', meeting.id)
    .orderBy('position')
    .execute();
  const caseItem = items.find((item) => item.kind === 'case')!;
  const supportCase = await db
    .selectFrom('supportCase')
    .select(['id', 'pupilId'])
    .where('id', '=', caseItem.caseId)
    .executeTakeFirstOrThrow();
  const chair = await db.selectFrom('member').select(['id', 'roleId']).where('id', '=', meeting.chairId).executeTakeFirstOrThrow();
  // A parent of that same case (a case without one gets one, as the IB would add).
  const parent =
    (await db.selectFrom('caseParent').select('id').where('caseId', '=', supportCase.id).executeTakeFirst()) ??
    (await db
      .insertInto('caseParent')
      .values({ caseId: supportCase.id, name: 'Ouder', relation: 'moeder', hasAuthority: 1, createdAt: E2E_NOW })
      .returning('id')
      .executeTakeFirstOrThrow());
  const firstOf = async (table: 'theme' | 'tag' | 'agreement') =>
    (await db.selectFrom(table).select('id').where('schoolId', '=', schoolId).orderBy('id').executeTakeFirstOrThrow()).id;
  const records: Record<OwnedTable, number> = {
    school: schoolId,
    role: chair.roleId,
    member: chair.id,
    pupil: supportCase.pupilId,
    supportCase: supportCase.id,
    caseParent: parent.id,
    theme: await firstOf('theme'),
    tag: await firstOf('tag'),
    meeting: meeting.id,
    agendaItem: caseItem.id,
    agreement: await firstOf('agreement'),
    certificate: certificateId,
  };
  // A list field holds that one record, except the agenda order, which holds the whole agenda.
  const pick: Pick = (slot) =>
    slot.field === 'itemIds' ? items.map((item) => item.id) : slot.list ? [records[slot.table]] : records[slot.table];
  return { records, pick };
}

// ——— The run ———

describe('no call ties records of two schools together', () => {
  let temp: ReturnType<typeof tempDir>;
  let session: Session;
  let router: Router;
  let db: Kysely<DB>;
  let records: Records;
  let anchors: Awaited<ReturnType<typeof anchorsOf>>[];
  const failures: string[] = [];

  /** A digest of every row of every table (search index included): "changes nothing" means this stays. */
  function contents(): string {
    const sqlite = (session.state as Extract<Session['state'], { state: 'open' }>).handle.sqlite;
    const hash = createHash('sha256');
    const names = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const name of names) {
      hash.update(name);
      for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).raw().iterate() as Iterable<unknown[]>)
        for (const value of row) hash.update(value instanceof Uint8Array ? value : `\u0000${String(value)}`);
    }
    return hash.digest('hex');
  }

  const call = async (channel: Channel, payload: unknown) => (await router.call(channel, payload)) as IpcResult<unknown>;

  beforeAll(async () => {
    temp = tempDir('mdo-ownership-');
    await createDemoDatabase(temp.file('board.db'), 'board');
    session = new Session(temp.file('board.db'), { kdfParams: TEST_KDF_PARAMS });
    await session.init();
    await session.unlock('wachtwoord van het bestuur');
    const clock = fixedClock(E2E_NOW);
    const context = {
      session,
      clock,
      appVersion: 'ownership',
      files: folderDialogs(temp.file('exports')),
      backups: new Backups(session, { clock, appVersion: 'ownership' }),
      policy: NO_POLICY,
    };
    router = createRouter(
      handlers,
      context,
      (entry) => entry.code === 'INTERNAL' && failures.push(`${entry.channel}: ${String(entry.error)}`),
    );
    db = session.db();
    // Each school's chair gets a signing certificate, so certificate ids exist in both.
    const certificates: number[] = [];
    for (const schoolId of [1, 2]) {
      const meeting = await db
        .selectFrom('meeting')
        .select('chairId')
        .where('schoolId', '=', schoolId)
        .where('status', '=', 'planned')
        .executeTakeFirstOrThrow();
      const created = await call('certificates.create', { memberId: meeting.chairId, passphrase: TEXT });
      if (!created.ok) throw new Error(`certificate for school ${schoolId}: ${created.error.code}`);
      certificates.push((created.data as { id: number }).id);
    }
    records = await recordsBySchool(db);
    anchors = [await anchorsOf(db, 1, certificates[0]), await anchorsOf(db, 2, certificates[1])];
  }, 60_000);
  afterAll(async () => {
    await session.close();
    temp.remove();
  });

  it('declares which school every id field of every channel belongs to', () => {
    const undeclared = channels.flatMap((channel) => undeclaredIds(contract[channel].input).map((path) => `${channel}: ${path}`));
    expect(undeclared).toEqual([]);
    // Every declared name is an id somewhere (no stale lines), and holds numbers wherever it occurs.
    const fields = channels.flatMap((channel) => fieldsOf(contract[channel].input));
    for (const name of [...Object.keys(idOwners), ...Object.keys(regionIdTables)]) {
      const uses = fields.filter((field) => field.name === name);
      expect(uses.length, name).toBeGreaterThan(0);
      for (const use of uses) expect(isIdValue(use.schema), name).toBe(true);
    }
    // A field whose table depends on a sibling covers every value that sibling may take.
    for (const use of fields.filter((field) => typeof idOwners[field.name as IdField] === 'object')) {
      const owner = idOwners[use.name as IdField] as { by: string; tables: Record<string, OwnedTable> };
      expect(use.siblings[owner.by], `${use.path.join('.')} needs a sibling "${owner.by}"`).toBeDefined();
      const kinds = Object.values(defOf(unwrap(use.siblings[owner.by])).entries as Record<string, string>);
      expect(Object.keys(owner.tables).sort(), use.path.join('.')).toEqual(kinds.sort());
    }
    // A region id is never a school's: the two declarations do not share a name.
    expect(Object.keys(regionIdTables).filter((name) => Object.hasOwn(idOwners, name))).toEqual([]);
    // The walk would catch a new channel with an undeclared id, nested ones included.
    expect(undeclaredIds(z.strictObject({ meetingId: id, helper: z.object({ helperId: id, noteIds: z.array(id) }) }))).toEqual([
      'helper.helperId',
      'helper.noteIds',
    ]);
  });

  it('refuses each id of another school in every channel that names two or more records, with NOT_FOUND, changing nothing', async () => {
    const walked = guardedTemplates();
    expect(walked.map(({ channel }) => channel)).toEqual(expect.arrayContaining(['chair.setTags', 'minutes.sign', 'cases.create']));
    const before = contents();
    let swaps = 0;
    for (const { channel, template } of walked) {
      expect(contract[channel].input.safeParse(template.make(anchors[0].pick)).success, channel).toBe(true);
      for (const swapped of template.slots) {
        const pick: Pick = (slot) => {
          if (slot !== swapped) return anchors[0].pick(slot);
          const foreign = anchors[1].records[slot.table];
          return slot.list ? [...(anchors[0].pick(slot) as number[]), foreign] : foreign;
        };
        expect(await call(channel, template.make(pick)), `${channel} with ${swapped.path.join('.')} of school 2`).toEqual(NOT_FOUND);
        expect(contents(), `${channel} with ${swapped.path.join('.')} of school 2`).toBe(before);
        swaps++;
      }
    }
    console.log(
      `[ownership] ${swaps} single swaps to school 2 over ${walked.length} channel shapes: ${[...new Set(walked.map((w) => w.channel))].join(', ')}`,
    );
    expect(failures).toEqual([]);
  });

  it('refuses random mixes of both schools the same way', async () => {
    const before = contents();
    let runs = 0;
    const started = performance.now();
    for (const [index, { channel, template }] of guardedTemplates().entries()) {
      // Per slot: a school and one of that school's records of the slot's table (lists: one to three).
      const choice = fc.record({ school: fc.constantFrom(1, 2), nth: fc.nat() });
      const choices = fc.tuple(
        ...template.slots.map((slot) => (slot.list ? fc.array(choice, { minLength: 1, maxLength: 3 }) : choice.map((one) => [one]))),
      );
      await fc.assert(
        fc.asyncProperty(choices, async (chosen) => {
          const schools = new Set(chosen.flat().map((one) => one.school));
          fc.pre(schools.size > 1);
          runs++;
          const pick: Pick = (slot) => {
            const ids = chosen[template.slots.indexOf(slot)].map(({ school, nth }) => {
              const own = records[slot.table].get(school)!;
              return own[nth % own.length];
            });
            return slot.list ? ids : ids[0];
          };
          expect(await call(channel, template.make(pick))).toEqual(NOT_FOUND);
          expect(contents()).toBe(before);
        }),
        { seed: SEED + index, numRuns: RANDOM_MIXES_PER_CHANNEL },
      );
    }
    console.log(`[ownership] ${runs} random mixes of both schools refused in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(failures).toEqual([]);
  });

  it("accepts each channel's payload of one school's records (no NOT_FOUND), for either school", async () => {
    const outcomes: string[] = [];
    for (const { channel, template } of guardedTemplates()) {
      for (const school of anchors) {
        const answer = await call(channel, template.make(school.pick));
        outcomes.push(`${channel}: ${answer.ok ? 'ok' : answer.error.code}`);
        expect(answer.ok || answer.error.code, `${channel} with records of school ${school.records.school}`).not.toBe('NOT_FOUND');
      }
    }
    const ok = outcomes.filter((outcome) => outcome.endsWith(': ok')).length;
    console.log(
      `[ownership] one school's records: ${ok} of ${outcomes.length} ok; others: ${[...new Set(outcomes.filter((o) => !o.endsWith(': ok')))].join(', ')}`,
    );
  });

  // ——— The defects as found in issue 15, and the rules around them ———

  it('does not store a success factor of school 2 on an agenda item of school 1 (chair.setTags)', async () => {
    const [one, two] = anchors.map((school) => school.records);
    const tagsOf = async () => ((await call('chair.item', { agendaItemId: one.agendaItem })) as { data: { tagIds: number[] } }).data.tagIds;
    const before = await tagsOf();
    const ownTags = records.tag.get(1)!.slice(0, 2);
    expect(await call('chair.setTags', { agendaItemId: one.agendaItem, tagIds: [ownTags[0], two.tag] })).toEqual(NOT_FOUND);
    expect(await tagsOf()).toEqual(before);
    expect(await call('chair.setTags', { agendaItemId: one.agendaItem, tagIds: ownTags })).toEqual({ ok: true, data: null });
    expect((await tagsOf()).sort()).toEqual([...ownTags].sort());
  });

  it("does not sign school 1's verslag with the certificate of a member of school 2 (minutes.sign)", async () => {
    const held = await db
      .selectFrom('meeting')
      .select('id')
      .where('schoolId', '=', 1)
      .where('status', '=', 'held')
      .executeTakeFirstOrThrow();
    expect(await call('minutes.finalize', { meetingId: held.id })).toMatchObject({ ok: true });
    const signatures = () => db.selectFrom('signature').select('id').execute();
    const [one, two] = anchors.map((school) => school.records);
    expect(await call('minutes.sign', { meetingId: held.id, certificateId: two.certificate, passphrase: TEXT })).toEqual(NOT_FOUND);
    expect(await signatures()).toEqual([]);
    // The chair of school 1 signs it with their own certificate.
    expect(await call('minutes.sign', { meetingId: held.id, certificateId: one.certificate, passphrase: TEXT })).toMatchObject({
      ok: true,
      data: { signatures: 1 },
    });
    expect(await signatures()).toHaveLength(1);
  });

  it('answers an id of another school exactly as an id that does not exist', async () => {
    const [one, two] = anchors.map((school) => school.records);
    const lead = (memberId: number) => call('cases.setLead', { caseId: one.supportCase, memberId, onDate: '2026-11-25' });
    const foreign = await lead(two.member);
    expect(foreign).toEqual(NOT_FOUND);
    expect(await lead(Number.MAX_SAFE_INTEGER)).toEqual(foreign);
  });

  it('makes a parent version only of a case discussed in that meeting', async () => {
    const discussed = await db
      .selectFrom('agendaItem')
      .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
      .select(['agendaItem.meetingId', 'agendaItem.caseId'])
      .where('meeting.schoolId', '=', 1)
      .where('meeting.status', '=', 'finalized')
      .where('agendaItem.kind', '=', 'case')
      .executeTakeFirstOrThrow();
    const onAgenda = await db.selectFrom('agendaItem').select('caseId').where('meetingId', '=', discussed.meetingId).execute();
    const notDiscussed = records.supportCase.get(1)!.find((caseId) => !onAgenda.some((item) => item.caseId === caseId));
    const parent = (caseId: number) => call('documents.export', { kind: 'parent', meetingId: discussed.meetingId, caseId });
    expect(await parent(notDiscussed!)).toEqual(NOT_FOUND);
    expect(await parent(discussed.caseId!)).toEqual({
      ok: true,
      data: { fileName: expect.stringMatching(/^Verslag voor ouders .*\.docx$/) },
    });
  });

  it("still counts several schools in a board's monitoring report, on purpose", async () => {
    expect(Object.keys(severalSchools).sort()).toEqual(['monitoring.export', 'monitoring.report']);
    const report = await call('monitoring.report', { schoolIds: [1, 2], from: '2026-01-01', to: '2026-11-25' });
    expect(report).toMatchObject({ ok: true });
  });
});
