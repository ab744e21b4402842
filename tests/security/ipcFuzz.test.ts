import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fixedClock } from '../../core/clock';
import { channels, contract, type Channel } from '../../core/contract/contract';
import { Backups } from '../../core/backups/backups';
import { handlers } from '../../core/handlers';
import { createRouter, type Handlers } from '../../core/ipc/router';
import { NO_POLICY } from '../../core/policy/policy';
import { Session } from '../../core/session';
import { APP_INDEX_URL } from '../../electron/main/appProtocol';
import { registerIpc, type IpcMainLike } from '../../electron/main/ipc';
import { trustedUrl } from '../../electron/main/security';
import { tempDir } from '../e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../fixtures/demoDatabase';
import { folderDialogs } from '../fixtures/folderDialogs';

/*
 * IPC fuzz: random and malformed payloads on every contract channel, sent the way the
 * renderer's calls arrive in the main process (the real IPC registration with its
 * sender check, the real router and handlers, a real demo database file). Only payloads
 * the channel's own input schema rejects are sent, so every one must come back as a
 * VALIDATION error: no throw, no handler run, no prototype polluted, not one byte of the
 * database file changed. fast-check with a fixed seed makes every run the same; a failure
 * prints the channel, the seed and the (shrunk) payload.
 */

const SEED = 20261125;
const MIN_REJECTED = 10_000;
const RUNS_PER_CHANNEL = Math.ceil(12_500 / channels.length);
const MB = 1 << 20;

type Schema = z.ZodType;
type Def = { type: string; [key: string]: unknown };
const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

// ——— A valid payload per channel (per union member), built from the schema itself ———

const stringCandidates = [
  'Een geldige waarde voor de fuzztest',
  '2026-11-25',
  '09:30',
  'ib@school.example',
  'ab',
  'x',
  '',
  'mdo-reservekopie-20261125T090000000Z-handmatig.db',
  // The handle of a regiobijdrage waiting for the coordinator's decision.
  '0123456789abcdef0123456789abcdef',
];
const numberCandidates = [1, 15, 5, 60];

/** Valid values for a schema: one per union member, else one. The fuzz mutates these. */
function validSamples(schema: Schema): unknown[] {
  const def = defOf(schema);
  const passing = (candidates: unknown[]) => candidates.filter((candidate) => schema.safeParse(candidate).success);
  switch (def.type) {
    case 'undefined':
      return [undefined];
    case 'string':
      return passing(stringCandidates).slice(0, 1);
    case 'number':
      return passing(numberCandidates).slice(0, 1);
    case 'boolean':
      return [true];
    case 'literal':
      return [(def.values as unknown[])[0]];
    case 'enum':
      return [Object.values(def.entries as Record<string, unknown>)[0]];
    case 'nullable': {
      const inner = validSamples(def.innerType as Schema);
      return inner.length ? inner : [null];
    }
    case 'optional':
    case 'default':
      return validSamples(def.innerType as Schema);
    case 'array': {
      const element = validSamples(def.element as Schema)[0];
      return passing([[element], []]).slice(0, 1);
    }
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, Schema>)) value[key] = validSamples(field)[0];
      return passing([value]);
    }
    case 'union':
      return (def.options as Schema[]).flatMap(validSamples).filter((sample) => schema.safeParse(sample).success);
    default:
      throw new Error(`validSamples: add zod type "${def.type}"`);
  }
}

// ——— Malformed values ———

const hugeStrings = [
  'a'.repeat(MB),
  ' '.repeat(MB + 1),
  '9'.repeat(MB),
  `2026-11-25${'0'.repeat(MB)}`,
  `${'a'.repeat(MB)}@school.example`,
  'é'.repeat(MB),
  '🙂'.repeat(MB / 2),
  `${'\u0000'.repeat(MB)}`,
];

const badNumber = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    0,
    -0,
    -1,
    0.5,
    1.5,
    -1.5,
    1 + Number.EPSILON,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    2 ** 64,
    1e21,
    1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -Number.MAX_SAFE_INTEGER,
  ),
  fc.integer({ min: -(2 ** 31), max: 0 }),
  fc.double(),
);

const trickyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '1',
    '-1',
    '1.5',
    '0x10',
    '1e3',
    'NaN',
    'Infinity',
    'null',
    'true',
    '__proto__',
    'constructor',
    'prototype',
    '2026-02-30',
    '2026-13-01',
    '26-11-25',
    '24:00',
    '9:00',
    '09:60',
    "'; DROP TABLE member; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '\u0000',
    '\uFEFF',
    '\u202E',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const pollutionJson = [
  '{"__proto__":{"polluted":"fuzz"}}',
  '{"constructor":{"prototype":{"polluted":"fuzz"}}}',
  '{"prototype":{"polluted":"fuzz"}}',
  '{"__proto__":{"__proto__":{"polluted":"fuzz"}}}',
  '{"__proto__":{"toString":"fuzz","valueOf":"fuzz","hasOwnProperty":"fuzz"}}',
  '[{"__proto__":{"polluted":"fuzz"}}]',
  '{"__proto__":[1,2,3]}',
];
/** Objects whose own keys are __proto__ / constructor / prototype (JSON.parse makes them own properties). */
const pollutedObject = fc.constantFrom(...pollutionJson).map((json) => JSON.parse(json) as unknown);

function nest(depth: number, kind: 'object' | 'array' | 'polluted'): unknown {
  let value: unknown = kind === 'polluted' ? JSON.parse(pollutionJson[0]) : 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}
const deep = fc
  .tuple(fc.integer({ min: 64, max: 5000 }), fc.constantFrom('object' as const, 'array' as const, 'polluted' as const))
  .map(([depth, kind]) => nest(depth, kind));

/** Values the structured clone of Electron's IPC can carry that JSON cannot. */
const structured = fc
  .constantFrom(
    () => new Date(NaN),
    () => new Date(E2E_NOW),
    () => new Map([['schoolId', 1]]),
    () => new Set([1]),
    () => new Uint8Array(16),
    () => new ArrayBuffer(8),
    () => /x/g,
    () => Object.create(null) as object,
    () => [],
    () => ({}),
    () => new Array(5),
    () => Object(1) as object,
    () => Object('x') as object,
    () => new Error('x'),
  )
  .map((make) => make());

const anything = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
});

const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: badNumber },
  { weight: 4, arbitrary: trickyString },
  { weight: 1, arbitrary: fc.constantFrom(...hugeStrings) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 2, arbitrary: pollutedObject },
  { weight: 1, arbitrary: deep },
  { weight: 2, arbitrary: structured },
  { weight: 2, arbitrary: anything },
);

// ——— Mutations of a valid payload ———

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

const isContainer = (value: unknown): value is Record<string | number, unknown> => !!value && typeof value === 'object';

function get(root: unknown, at: Path): unknown {
  return at.reduce<unknown>((value, key) => (isContainer(value) ? value[key] : undefined), root);
}

/** Replaces the value at `at` (the whole payload for []). */
function set(root: unknown, at: Path, value: unknown): unknown {
  if (at.length === 0) return value;
  const parent = get(root, at.slice(0, -1));
  if (isContainer(parent)) defineOwn(parent, at[at.length - 1], value);
  return root;
}

/** An own, enumerable property even for "__proto__", as JSON.parse or structured clone would make it. */
function defineOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'isAdmin', 'id', 'sql', 'then'),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const pollutionFragment = fc.constantFrom(
  '"__proto__":{"polluted":"fuzz"}',
  '"constructor":{"prototype":{"polluted":"fuzz"}}',
  '"prototype":{"polluted":"fuzz"}',
  '"__proto__":{"__proto__":{"polluted":"fuzz"}}',
);

type Mutate = (payload: unknown) => unknown;

/** Every way we break a valid payload. The caller clones the payload first. */
function mutations(base: unknown): fc.Arbitrary<Mutate> {
  const paths = pathsOf(base);
  const inner = paths.filter((at) => at.length > 0);
  const objects = paths.filter((at) => isContainer(get(base, at)) && !Array.isArray(get(base, at)));
  const anyPath = fc.constantFrom(...paths);
  const kinds: fc.Arbitrary<Mutate>[] = [
    // The whole payload replaced by something malformed.
    badValue.map((value) => () => value),
    // One to three fields (or array items) replaced.
    fc
      .array(fc.tuple(anyPath, badValue), { minLength: 1, maxLength: 3 })
      .map((changes) => (payload: unknown) => changes.reduce<unknown>((result, [at, value]) => set(result, at, value), payload)),
    // The valid payload deep inside objects or arrays.
    fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.boolean()).map(
      ([depth, asArray]) =>
        (payload: unknown) =>
          wrap(payload, depth, asArray),
    ),
  ];
  if (inner.length > 0) {
    // A field left out.
    kinds.push(
      fc.constantFrom(...inner).map((at) => (payload: unknown) => {
        const parent = get(payload, at.slice(0, -1));
        if (isContainer(parent)) delete parent[at[at.length - 1]];
        return payload;
      }),
    );
  }
  if (objects.length > 0) {
    const objectPath = fc.constantFrom(...objects);
    kinds.push(
      // An unknown extra field, including own __proto__ / constructor / prototype keys.
      fc.tuple(objectPath, extraKey, badValue).map(([at, key, value]) => (payload: unknown) => {
        const target = get(payload, at);
        if (isContainer(target)) defineOwn(target, key, value);
        return payload;
      }),
      // Prototype-pollution keys through JSON.parse, beside the valid fields.
      fc.tuple(objectPath, pollutionFragment).map(([at, fragment]) => (payload: unknown) => {
        const json = JSON.stringify(get(payload, at));
        return set(payload, at, JSON.parse(json === '{}' ? `{${fragment}}` : `{${fragment},${json.slice(1)}`));
      }),
      // An array where an object belongs: [object], its entries, or its values.
      fc
        .tuple(objectPath, fc.constantFrom('wrap' as const, 'entries' as const, 'values' as const))
        .map(([at, how]) => (payload: unknown) => {
          const target = get(payload, at) as object;
          return set(payload, at, how === 'wrap' ? [target] : how === 'entries' ? Object.entries(target) : Object.values(target));
        }),
    );
  }
  return fc.oneof(...kinds);
}

function wrap(payload: unknown, depth: number, asArray: boolean): unknown {
  let value = payload;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { payload: value };
  return value;
}

function payloads(channel: Channel): fc.Arbitrary<unknown> {
  const bases = validSamples(contract[channel].input);
  if (bases.length === 0) throw new Error(`no valid sample for ${channel}: extend validSamples`);
  return fc.constantFrom(...bases).chain((base) => mutations(base).map((mutate) => mutate(structuredClone(base))));
}

// ——— What was sent, counted by kind ———

const featureNames = [
  'string of 1 MB or more',
  'own __proto__/constructor/prototype key',
  'nested 64 levels or deeper',
  'NaN or Infinity',
  'zero or negative number',
  'fractional number',
  'integer beyond 2^53',
  'bigint',
  'null or undefined payload',
  'array payload',
] as const;
type Feature = (typeof featureNames)[number];

/** The kinds of malformation a payload contains (a walk over its values, cycles and depth bounded). */
function features(payload: unknown): Set<Feature> {
  const found = new Set<Feature>();
  if (payload === null || payload === undefined) found.add('null or undefined payload');
  if (Array.isArray(payload)) found.add('array payload');
  const stack: [unknown, number][] = [[payload, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth >= 64) found.add('nested 64 levels or deeper');
    if (typeof value === 'string' && value.length >= MB) found.add('string of 1 MB or more');
    if (typeof value === 'bigint') found.add('bigint');
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) found.add('NaN or Infinity');
      else if (value <= 0) found.add('zero or negative number');
      else if (!Number.isInteger(value)) found.add('fractional number');
      else if (!Number.isSafeInteger(value)) found.add('integer beyond 2^53');
    }
    if (value && typeof value === 'object' && !seen.has(value) && depth < 10_000) {
      seen.add(value);
      for (const key of Reflect.ownKeys(value)) {
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') found.add('own __proto__/constructor/prototype key');
        stack.push([(value as Record<string | symbol, unknown>)[key], depth + 1]);
      }
    }
  }
  return found;
}

// ——— The run ———

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function prototypeSnapshot(): Map<object, Map<string | symbol, unknown>> {
  const snapshot = new Map<object, Map<string | symbol, unknown>>();
  for (const proto of [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype]) {
    const descriptors = Object.getOwnPropertyDescriptors(proto) as Record<string | symbol, PropertyDescriptor>;
    snapshot.set(proto, new Map(Reflect.ownKeys(descriptors).map((key) => [key, descriptors[key].value ?? descriptors[key].get])));
  }
  return snapshot;
}

describe('IPC fuzz', () => {
  let temp: ReturnType<typeof tempDir>;
  let dbFile: string;
  let session: Session;

  beforeAll(async () => {
    temp = tempDir('mdo-ipc-fuzz-');
    dbFile = temp.file('demo.db');
    await createDemoDatabase(dbFile);
    session = new Session(dbFile);
    await session.init();
    // With encryption at rest the demo file first has to be unlocked (a plain one is encrypted
    // by its first unlock); without it, init() has opened it already.
    const state = session.state.state as string;
    if (state === 'locked' || state === 'unencrypted') {
      const module = (await import('../../core/session')) as unknown as { DEMO_PASSPHRASE?: string };
      await (session as unknown as { unlock(passphrase: string): Promise<unknown> }).unlock(module.DEMO_PASSPHRASE ?? 'fuzz-passphrase');
    }
  });
  afterAll(async () => {
    await session.close();
    temp.remove();
  });

  it('has a valid payload for every channel to mutate', () => {
    for (const channel of channels) {
      const samples = validSamples(contract[channel].input);
      expect(samples.length, channel).toBeGreaterThan(0);
      for (const sample of samples) expect(contract[channel].input.safeParse(sample).success, channel).toBe(true);
    }
  });

  it(
    `answers ${MIN_REJECTED}+ malformed payloads on every channel with VALIDATION, and changes nothing`,
    { timeout: 180_000 },
    async () => {
      expect(session.state.state).toBe('open');
      const sqlite = (session.state as Extract<Session['state'], { state: 'open' }>).handle.sqlite;
      // Everything committed so far into the main file, so its bytes are the database's.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      expect(fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0).toBe(0);
      const before = sha256(dbFile);
      const prototypes = prototypeSnapshot();

      // The real handlers, wrapped only to notice if any of them runs.
      const ran: string[] = [];
      const spied = Object.fromEntries(
        Object.entries(handlers).map(([channel, handler]) => [
          channel,
          (input: unknown, ctx: unknown) => (ran.push(channel), (handler as (i: unknown, c: unknown) => unknown)(input, ctx)),
        ]),
      ) as unknown as Handlers;
      const failures: string[] = [];
      const router = createRouter(
        spied,
        {
          session,
          clock: fixedClock(E2E_NOW),
          appVersion: 'fuzz',
          files: folderDialogs(temp.file('exports')),
          backups: new Backups(session, { clock: fixedClock(E2E_NOW), appVersion: 'fuzz' }),
          policy: NO_POLICY,
        },
        (entry) => failures.push(`${entry.channel}: ${entry.code}`),
      );
      const registered = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
      registerIpc(
        { handle: (channel, listener) => registered.set(channel, listener) },
        router,
        trustedUrl(undefined, temp.file('renderer')),
      );
      const sender = { senderFrame: { url: APP_INDEX_URL } };

      const started = performance.now();
      const counts: Record<string, { generated: number; rejected: number }> = {};
      const seen = Object.fromEntries(featureNames.map((name) => [name, 0])) as Record<Feature, number>;
      for (const [index, channel] of channels.entries()) {
        const count = (counts[channel] = { generated: 0, rejected: 0 });
        const schema = contract[channel].input;
        const listener = registered.get(channel)!;
        await fc.assert(
          fc.asyncProperty(payloads(channel), async (payload) => {
            count.generated++;
            if (schema.safeParse(payload).success) return; // a valid payload is not what this test is about
            count.rejected++;
            for (const feature of features(payload)) seen[feature]++;
            const answer = await listener(sender, payload);
            expect(answer).toMatchObject({
              ok: false,
              error: { code: 'VALIDATION', message: expect.any(String), fields: expect.any(Array) },
            });
          }),
          {
            seed: SEED + index,
            numRuns: RUNS_PER_CHANNEL,
            reporter: (details) => {
              if (!details.failed) return;
              const shown = inspect(details.counterexample, { depth: 4, maxStringLength: 120, maxArrayLength: 8, breakLength: 120 });
              throw new Error(
                `${channel}: ${String(details.errorInstance)}\nseed ${details.seed}, path ${details.counterexamplePath}\npayload: ${shown}`,
              );
            },
          },
        );
      }
      const seconds = (performance.now() - started) / 1000;

      const total = Object.values(counts).reduce((sum, count) => sum + count.rejected, 0);
      const generated = Object.values(counts).reduce((sum, count) => sum + count.generated, 0);
      const fewest = Object.entries(counts).sort((a, b) => a[1].rejected - b[1].rejected)[0];
      console.log(
        `[ipc fuzz] ${total} rejected payloads sent over ${channels.length} channels in ${seconds.toFixed(1)} s ` +
          `(${generated} generated, ${generated - total} valid ones not sent; fewest: ${fewest[0]} ${fewest[1].rejected})`,
      );
      console.log(`[ipc fuzz] payloads with: ${featureNames.map((name) => `${name} ${seen[name]}`).join(', ')}`);
      expect(total).toBeGreaterThanOrEqual(MIN_REJECTED);
      for (const name of featureNames) expect(seen[name], name).toBeGreaterThan(0);
      for (const [channel, count] of Object.entries(counts)) expect(count.rejected, channel).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL / 2);
      expect(ran).toEqual([]);
      expect(failures).toEqual([]);

      // No prototype gained, lost or changed a property.
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(prototypeSnapshot()).toEqual(prototypes);
      for (const [proto, properties] of prototypes) {
        for (const [key, value] of properties) {
          const now = Object.getOwnPropertyDescriptor(proto, key)!;
          expect(now.value ?? now.get, String(key)).toBe(value);
        }
      }

      // Closed (the last connection checkpoints the WAL and removes it): not one byte changed.
      await session.close();
      expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
      expect(sha256(dbFile)).toBe(before);
    },
  );
});
