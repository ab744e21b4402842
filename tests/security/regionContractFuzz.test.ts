import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backups } from '../../core/backups/backups';
import { fixedClock } from '../../core/clock';
import { backupName } from '../../core/contract/backups';
import { channels, contract, type Channel } from '../../core/contract/contract';
import { channelKind } from '../../core/contract/modes';
import type { ErrorCode } from '../../core/contract/result';
import { demoFingerprint, demoQuarters } from '../../core/demo/demoRegion';
import { handlers } from '../../core/handlers';
import { createRouter, type Router } from '../../core/ipc/router';
import { NO_POLICY } from '../../core/policy/policy';
import { listPending } from '../../core/services/region/importContributions';
import { pendingStore } from '../../core/services/region/pendingContributions';
import { DEMO_PASSPHRASE, Session } from '../../core/session';
import { recoveryKeyFor } from '../../db/keyring';
import type { OpenDatabase } from '../../db/open';
import { tempDir } from '../e2e/harness';
import { E2E_NOW, encryptAsDemo, TEST_KDF_PARAMS } from '../fixtures/demoDatabase';
import { folderDialogs } from '../fixtures/folderDialogs';
import { createDemoRegionDatabase, envelopeBytes, readTestEnvelope, sampleContribution } from '../fixtures/regionDatabase';
import { watchTableWrites } from '../fixtures/tableWrites';
import { arbitraryOf, hostileFragments, type FieldValues } from '../fixtures/zodArbitraries';

/*
 * Contract fuzz on a region database: the complement of contractFuzz.test.ts (a school's
 * board file). Payloads every channel's input schema accepts, through the real router and
 * handlers on a copy of the encrypted demo region, with the dialogs answering as a user
 * might: contribution files of known and unknown schools, files for another coordinator,
 * changed or broken ones, a FIFO, a folder; CSV lists from hostile pieces; .p12 files. Per
 * call: no throw, no INTERNAL, a refusal changes no table and no file, and every school
 * channel is refused as WRONG_DATABASE. Afterwards every region screen still reads and the
 * file is whole. Fixed seeds.
 */

const SEED = 20261209;
const DEFAULT_RUNS = 90;
const RUNS: Partial<Record<Channel, number>> = {
  'region.key.create': 3,
  'region.key.exportP12': 8,
  'region.key.importP12': 12,
  'region.contributions.import': 120,
  'region.contributions.acceptSigner': 120,
  'region.schools.importCsv': 120,
  'backups.create': 3,
  'backups.restore': 3,
  'backups.verify': 6,
  'session.lock': 3,
  'session.unlock': 12,
  'session.recover': 4,
  'session.changePassphrase': 4,
  'setup.start': 6,
  'audit.export': 10,
};
/** Channels of the session: each call from an open database, reopened after it. */
const SESSION: Channel[] = [
  'backups.restore',
  'session.lock',
  'session.unlock',
  'session.recover',
  'session.changePassphrase',
  'setup.start',
];
const SCHOOL_RUNS = 3;
const MIN_PAYLOADS = 3000;
const P12_PASSPHRASE = 'zeilboot tulpenveld kompas regenjas';

const idTables: Record<string, string> = { regionSchoolId: 'region_school', areaId: 'region_area', signerId: 'region_signer' };
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('contract fuzz on a region database', () => {
  let temp: ReturnType<typeof tempDir>;
  let dbFile: string;
  let session: Session;
  let router: Router;
  let backups: Backups;
  let dialogs: ReturnType<typeof folderDialogs>;
  let inbox: string[];
  let csvPieces: fc.Arbitrary<string>;
  let passphrase = DEMO_PASSPHRASE;
  let recoveryKey: string;
  const clock = fixedClock(E2E_NOW);
  const internal: unknown[] = [];
  const tally = new Map<Channel, Map<string, number>>();
  const watched = new WeakMap<OpenDatabase, ReturnType<typeof watchTableWrites>>();

  const handle = (): OpenDatabase | null => (session.state.state === 'open' ? session.state.handle : null);

  beforeAll(async () => {
    temp = tempDir('mdo-region-fuzz-');
    dbFile = temp.file('mdo.db');
    await createDemoRegionDatabase(dbFile);
    recoveryKey = recoveryKeyFor(await encryptAsDemo(dbFile));
    session = new Session(dbFile, { kdfParams: TEST_KDF_PARAMS, wait: async () => {} });
    await session.init();
    await session.unlock(passphrase);
    backups = new Backups(session, { clock, appVersion: 'fuzz' });
    dialogs = folderDialogs(temp.file('exports'));
    const ctx = { session, clock, appVersion: 'fuzz', files: dialogs, backups, policy: NO_POLICY, readContribution: readTestEnvelope };
    router = createRouter(handlers, ctx, (entry) => void (entry.code === 'INTERNAL' && internal.push(entry.error)));

    // The files a coordinator might be sent: made for this coordinator by known and unknown schools, and the rest.
    const coordinator = (handle()!.sqlite.prepare('SELECT fingerprint FROM region_key WHERE active = 1').pluck().get() as string) ?? '';
    const known = handle()!.sqlite.prepare('SELECT name FROM region_school ORDER BY id LIMIT 4').pluck().all() as string[];
    const quarters = demoQuarters(clock);
    const dir = temp.file('inbox');
    fs.mkdirSync(dir);
    const write = (name: string, bytes: Uint8Array | string) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    inbox = [];
    for (const [index, school] of known.entries())
      for (const [q, quarter] of quarters.entries())
        inbox.push(
          write(
            `known-${index}-${q}.mdoregio`,
            envelopeBytes({
              for: coordinator,
              signer: { fingerprint: demoFingerprint(school), subject: `CN=${school}` },
              contribution: sampleContribution(school, quarter, `2026-11-0${q + 1}T10:00:00.000Z`, index + q),
            }),
          ),
        );
    // Schools the region does not know yet: more than the accepting calls will take, so some stay waiting.
    for (let n = 10; n < 30; n++)
      inbox.push(
        write(
          `unknown-${n}.mdoregio`,
          envelopeBytes({
            for: coordinator,
            signer: { fingerprint: `${n}:`.repeat(31) + `${n}`, subject: `CN=Nieuw ${n}` },
            contribution: sampleContribution(`OBS Nieuw ${n}`, quarters[3], '2026-11-02T10:00:00.000Z'),
          }),
        ),
      );
    const good = sampleContribution(known[0], quarters[0], '2026-11-20T10:00:00.000Z');
    inbox.push(
      write(
        'other.mdoregio',
        envelopeBytes({ for: 'EE:'.repeat(31) + 'EE', signer: { fingerprint: 'x', subject: 'x' }, contribution: good }),
      ),
      write(
        'tampered.mdoregio',
        envelopeBytes({
          for: coordinator,
          signer: { fingerprint: demoFingerprint(known[0]), subject: 'x' },
          contribution: good,
          tampered: true,
        }),
      ),
      write(
        'newer.mdoregio',
        envelopeBytes({ for: coordinator, signer: { fingerprint: 'x', subject: 'x' }, contribution: { ...good, formatVersion: 7 } }),
      ),
      write('garbage.mdoregio', Uint8Array.from([0x30, 0x82, 0xff, 0x00, 0x13])),
      write('empty.mdoregio', ''),
      write('large.mdoregio', Buffer.alloc(5 * 1024 * 1024 + 10, 0x41)),
      write('notes.txt', 'niet voor MDO'),
    );
    execFileSync('mkfifo', [path.join(dir, 'pipe.mdoregio')]);
    inbox.push(path.join(dir, 'pipe.mdoregio'), dir, temp.file('missing.mdoregio'));
    csvPieces = fc
      .array(
        fc.oneof(
          fc.constantFrom(';', '"', '\r\n', '\n', '\uFEFF', 'school;gebied', ...known, 'Klaprooshoek', 'Nieuwe buurt', 'Basisschool X'),
          fc.constantFrom(...hostileFragments),
          fc.string({ maxLength: 10 }),
        ),
        { maxLength: 40 },
      )
      .map((pieces) => pieces.join(''));
  }, 120_000);
  afterAll(async () => {
    await session.close();
    temp.remove();
  });

  async function ensureOpen(): Promise<void> {
    if (session.state.state !== 'open') await session.unlock(passphrase);
    const open = handle()!;
    if (!watched.has(open)) watched.set(open, watchTableWrites(open.sqlite));
  }

  function filesNow(open: boolean): Record<string, string> {
    const skip = open ? [dbFile, `${dbFile}-wal`, `${dbFile}-shm`] : [`${dbFile}-shm`];
    const found: Record<string, string> = {};
    for (const name of fs.readdirSync(temp.dir, { recursive: true }) as string[]) {
      const file = path.join(temp.dir, name);
      if (skip.includes(file) || name.startsWith('inbox')) continue;
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat) continue;
      found[name] = stat.isDirectory() ? 'folder' : stat.size < 8192 ? sha256(file) : `${stat.size} bytes, changed ${stat.mtimeMs}`;
    }
    return found;
  }

  function fieldValues(): FieldValues {
    const sqlite = handle()?.sqlite;
    const pools = new Map(
      Object.entries(idTables).map(([key, table]) => [
        key,
        sqlite ? (sqlite.prepare(`SELECT id FROM ${table}`).pluck().all() as number[]) : [],
      ]),
    );
    const pending = handle() ? listPending(pendingStore(handle()!.db)).map((entry) => entry.pendingId) : [];
    const backupNames = backups.overview().backups.map((entry) => entry.name);
    return (key, schema) => {
      if (schema === backupName && backupNames.length) return fc.constantFrom(...backupNames);
      if (key in idTables) {
        const own = pools.get(key)!;
        return fc.oneof(...(own.length ? [{ weight: 4, arbitrary: fc.constantFrom(...own) }] : []), {
          weight: 1,
          arbitrary: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        });
      }
      if (key === 'pendingId' && pending.length)
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...pending) },
          { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{32}$/) },
        );
      if (key === 'recoveryKey') return fc.oneof(fc.constant(recoveryKey), fc.string({ minLength: 1, maxLength: 60 }));
      if (['passphrase', 'current', 'next'].includes(key))
        return fc.oneof(fc.constantFrom(passphrase, DEMO_PASSPHRASE, P12_PASSPHRASE), fc.string({ maxLength: 30 }));
      return undefined;
    };
  }

  /** What the dialogs answer for this call, as a user might: files, a folder, a list, a key file, or cancel. */
  function answerDialogs(channel: Channel, turn: number, picks: number[]): void {
    if (channel === 'region.contributions.import' && turn % 6) {
      const count = 1 + (picks[0] % 6);
      dialogs.chooseMany(picks.slice(1, 1 + count).map((pick) => inbox[pick % inbox.length]));
    }
    if (channel === 'region.schools.importCsv' && turn % 5) {
      const file = temp.file(`lists/list-${turn}.csv`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, fc.sample(csvPieces, { seed: SEED + turn, numRuns: 1 })[0]);
      dialogs.choose(file);
    }
    if (channel === 'region.key.importP12' && turn % 3) {
      const p12 = dialogs.saved.filter((file) => file.endsWith('.p12'));
      dialogs.choose(p12.length && turn % 2 ? p12[p12.length - 1] : inbox[inbox.length - 6]);
    }
  }

  let turn = 0;
  async function send(channel: Channel, payload: unknown, picks: number[]): Promise<boolean> {
    expect(contract[channel].input.safeParse(payload).success).toBe(true);
    const before = handle();
    const watcher = before && watched.get(before);
    const writesBefore = watcher ? watcher.committed() : 0;
    const filesBefore = filesNow(!!before);
    internal.length = 0;
    answerDialogs(channel, turn++, picks);
    let answer;
    try {
      answer = await router.call(channel, payload);
    } catch (error) {
      throw new Error(`the router threw: ${error instanceof Error ? error.stack : String(error)}`, { cause: error });
    }
    const code: ErrorCode | 'ok' = answer.ok ? 'ok' : answer.error.code;
    const codes = tally.get(channel) ?? new Map<string, number>();
    tally.set(channel, codes.set(code, (codes.get(code) ?? 0) + 1));
    if (code === 'INTERNAL') throw new Error(`INTERNAL: ${internal[0] instanceof Error ? internal[0].stack : String(internal[0])}`);
    if (before && channelKind(channel) === 'school') expect(code, `${channel} on a region database`).toBe('WRONG_DATABASE');
    if (answer.ok) return true;
    if (before) {
      expect(handle(), `refused with ${code}, yet the database was closed or replaced`).toBe(before);
      expect(watcher!.committed() - writesBefore, `refused with ${code}, yet rows were written`).toBe(0);
    }
    expect(filesNow(!!before), `refused with ${code}, yet a file changed`).toEqual(filesBefore);
    return false;
  }

  async function fuzz(channel: Channel, runs: number, seed: number, before?: () => Promise<void>): Promise<void> {
    const payloads = arbitraryOf(contract[channel].input, { today: E2E_NOW.slice(0, 10), field: fieldValues() });
    // Which files the dialogs offer: a few picks from the inbox per call.
    const picks = fc.array(fc.nat(), { minLength: 8, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(payloads, picks, async (payload, chosen) => {
        await before?.();
        const ok = await send(channel, payload, chosen);
        const input = payload as { next?: string; passphrase?: string };
        if (ok && channel === 'session.changePassphrase') passphrase = input.next!;
        if (ok && channel === 'session.recover') passphrase = input.passphrase!;
      }),
      {
        seed,
        numRuns: runs,
        reporter: (details) => {
          if (!details.failed) return;
          const shown = inspect(details.counterexample, { depth: 5, maxStringLength: 200, maxArrayLength: 12 });
          throw new Error(
            `${channel}: ${String(details.errorInstance)}\nseed ${details.seed}, path ${details.counterexamplePath}\npayload: ${shown}`,
          );
        },
      },
    );
  }

  it(
    `answers ${MIN_PAYLOADS}+ valid payloads on every channel of a region file without INTERNAL, refusing every school channel`,
    { timeout: 600_000 },
    async () => {
      await ensureOpen();
      const started = performance.now();
      const rest = channels.filter((channel) => !SESSION.includes(channel));
      for (const round of [0, 1])
        for (const [index, channel] of rest.entries())
          await fuzz(
            channel,
            Math.ceil((channelKind(channel) === 'school' ? SCHOOL_RUNS : (RUNS[channel] ?? DEFAULT_RUNS)) / 2),
            SEED + 100 * round + index,
            ensureOpen,
          );

      // Everything the calls stored still reads on every region screen.
      await ensureOpen();
      for (const channel of [
        'region.info',
        'region.overview',
        'region.periods',
        'region.schools.list',
        'region.areas.list',
        'region.signers.list',
        'region.key.info',
        'region.contributions.pending',
      ] as Channel[])
        expect(await router.call(channel, undefined), channel).toMatchObject({ ok: true });

      for (const [index, channel] of SESSION.entries()) {
        const lockFirst = channel === 'session.unlock' || channel === 'session.recover';
        await fuzz(channel, RUNS[channel] ?? DEFAULT_RUNS, SEED + 1000 + index, async () => {
          await ensureOpen();
          if (lockFirst) await session.lock();
        });
        await ensureOpen();
      }

      const sent = [...tally.values()].reduce((sum, codes) => sum + [...codes.values()].reduce((a, b) => a + b, 0), 0);
      const answered = new Map<string, number>();
      for (const codes of tally.values()) for (const [code, count] of codes) answered.set(code, (answered.get(code) ?? 0) + count);
      console.log(
        `[region contract fuzz] ${sent} valid payloads over ${tally.size} channels in ${((performance.now() - started) / 1000).toFixed(1)} s; answers: ${[
          ...answered.entries(),
        ]
          .sort((a, b) => b[1] - a[1])
          .map(([code, count]) => `${code} ${count}`)
          .join(', ')}`,
      );
      const regionNeverOk = [...tally.entries()]
        .filter(([channel, codes]) => channelKind(channel) !== 'school' && !codes.has('ok'))
        .map(([channel]) => channel);
      console.log(`[region contract fuzz] region or shared channels never answered ok: ${regionNeverOk.join(', ') || 'none'}`);
      expect(sent).toBeGreaterThanOrEqual(MIN_PAYLOADS);
      expect(new Set(tally.keys())).toEqual(new Set(channels));
      // The import channels did their work, not only refused.
      for (const channel of [
        'region.contributions.import',
        'region.contributions.acceptSigner',
        'region.contributions.dismissPending',
        'region.schools.importCsv',
        'region.key.importP12',
      ] as Channel[])
        expect(tally.get(channel)!.get('ok') ?? 0, channel).toBeGreaterThan(0);
      expect(internal).toEqual([]);
      const sqlite = handle()!.sqlite;
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    },
  );
});
