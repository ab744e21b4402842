import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW, encryptAsDemo, TEST_KDF_PARAMS } from '../tests/fixtures/demoDatabase';
import { folderDialogs } from '../tests/fixtures/folderDialogs';
import { envelopeBytes, readTestEnvelope, sampleContribution, type TestEnvelope } from '../tests/fixtures/regionDatabase';
import { arbitraryOf } from '../tests/fixtures/zodArbitraries';
import type { OpenDatabase } from '../db/open';
import { Backups } from './backups/backups';
import { fixedClock } from './clock';
import { channels, contract, type Channel, type Input, type IpcResult, type Output } from './contract/contract';
import { channelKind } from './contract/modes';
import { handlers } from './handlers';
import { nlRegio } from './i18n/nlRegio';
import { createRouter, type Router } from './ipc/router';
import { NO_POLICY, type MachinePolicy } from './policy/policy';
import { DEMO_PASSPHRASE, Session } from './session';

const clock = fixedClock(E2E_NOW);
const PASSPHRASE = 'paraplu kanarie bakfiets lepel';
const REGION = { mode: 'region', regionName: 'Regio Stadsdeel Oost', coordinatorName: 'Sanne de Vries', passphrase: PASSPHRASE } as const;
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const Q2 = { from: '2026-04-01', to: '2026-06-30' };

/** One valid payload per channel, derived from its schema (ids of 1 where the schema wants ids). */
function samplePayload(channel: Channel, seed: number): unknown {
  const field = (key: string, schema: { def: { type: string } }) =>
    /Ids?$|^id$/.test(key) && schema.def.type === 'number' ? fc.constant(1) : undefined;
  return fc.sample(arbitraryOf(contract[channel].input, { today: '2026-11-25', field }), { seed, numRuns: 1 })[0];
}

describe('a region database through the IPC router', () => {
  let temp: ReturnType<typeof tempDir>;
  let session: Session;
  let router: Router;
  let dialogs: ReturnType<typeof folderDialogs>;
  let policy: MachinePolicy;
  const internal: unknown[] = [];

  const open = async (file: string) => {
    session = new Session(file, { kdfParams: TEST_KDF_PARAMS, clock, wait: async () => {} });
    await session.init();
    dialogs = folderDialogs(temp.file('exports'));
    const backups = new Backups(session, { clock, appVersion: 'test' });
    const context = { session, clock, appVersion: 'test', files: dialogs, backups, policy, readContribution: readTestEnvelope };
    router = createRouter(handlers, context, (entry) => void (entry.code === 'INTERNAL' && internal.push(entry.error)));
  };
  const call = async <C extends Channel>(channel: C, payload?: Input<C>) => (await router.call(channel, payload)) as IpcResult<Output<C>>;
  const ok = async <C extends Channel>(channel: C, payload?: Input<C>): Promise<Output<C>> => {
    const answer = await call(channel, payload);
    if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };

  beforeEach(async () => {
    temp = tempDir('mdo-region-ipc-');
    policy = NO_POLICY;
    internal.length = 0;
    await open(temp.file('mdo.db'));
  });
  afterEach(async () => {
    await session.close();
    temp.remove();
    expect(internal).toEqual([]);
  });

  it('sets up a region with the coordinator’s key, and tells the screens it is one', async () => {
    // The passphrase is judged like a school's: the region's own words make it weak, and nothing is written.
    const weak = await call('setup.start', { ...REGION, passphrase: 'regio stadsdeel oost' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'passphrase' }] } });
    expect(fs.existsSync(temp.file('mdo.db'))).toBe(false);
    expect(await call('setup.start', { ...REGION, regionName: 'x' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'regionName', message: nlRegio.setup.regionNameRequired }] },
    });

    expect(await ok('setup.start', REGION)).toEqual({
      schoolId: null,
      recoveryKey: expect.stringMatching(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/),
    });
    expect(await ok('app.info')).toMatchObject({
      database: { state: 'open', schools: [], region: { name: 'Regio Stadsdeel Oost', isDemo: false } },
    });
    expect(await ok('region.info')).toEqual({
      name: 'Regio Stadsdeel Oost',
      isDemo: false,
      createdAt: E2E_NOW,
      schools: 0,
      areas: 0,
      contributions: 0,
      pending: 0,
      activeKey: expect.objectContaining({ name: 'Sanne de Vries', organisation: 'Regio Stadsdeel Oost', active: true, status: 'valid' }),
    });
    expect(await call('setup.start', REGION)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses every school channel on a region file, and every region channel on a school file, changing nothing', async () => {
    await ok('setup.start', REGION);
    const sqlite = (session.state as { handle: OpenDatabase }).handle.sqlite;
    const changes = () => sqlite.prepare('SELECT total_changes()').pluck().get();
    const schoolChannels = channels.filter((channel) => channelKind(channel) === 'school');
    const regionChannels = channels.filter((channel) => channelKind(channel) === 'region');
    expect(schoolChannels.length).toBeGreaterThan(60);
    expect(regionChannels.length).toBeGreaterThan(20);
    const before = changes();
    for (const [index, channel] of schoolChannels.entries())
      expect(await call(channel, samplePayload(channel, index) as never), channel).toEqual({
        ok: false,
        error: { code: 'WRONG_DATABASE', message: nlRegio.wrongDatabase.schoolChannel },
      });
    expect(changes()).toBe(before);
    expect(dialogs.saved).toEqual([]);
    await session.close();

    await createDemoDatabase(temp.file('school.db'));
    await encryptAsDemo(temp.file('school.db'));
    await open(temp.file('school.db'));
    await session.unlock(DEMO_PASSPHRASE);
    for (const [index, channel] of regionChannels.entries())
      expect(await call(channel, samplePayload(channel, index) as never), channel).toEqual({
        ok: false,
        error: { code: 'WRONG_DATABASE', message: nlRegio.wrongDatabase.regionChannel },
      });
    expect(await ok('app.info')).toMatchObject({ database: { state: 'open', region: null } });
    // Locked, a region channel answers as every channel does.
    await session.lock();
    expect(await call('region.overview')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('locks, unlocks, changes its passphrase, makes and restores backups and keeps an audit log without names', async () => {
    await ok('setup.start', REGION);
    await ok('region.schools.add', { name: 'De Linde', areaId: null });
    await ok('session.lock');
    expect(await ok('app.info')).toMatchObject({ database: { state: 'locked', demo: false } });
    expect(await call('session.unlock', { passphrase: 'fout' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await ok('session.unlock', { passphrase: PASSPHRASE });
    // The region's own words do not make a new passphrase.
    expect(await call('session.changePassphrase', { current: PASSPHRASE, next: 'Regio Stadsdeel Oost' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const next = 'zeilboot tulpenveld kompas regenjas';
    await ok('session.changePassphrase', { current: PASSPHRASE, next });

    const backup = await ok('backups.create');
    expect(await ok('backups.verify', { name: backup.name })).toMatchObject({ status: 'ok' });
    await ok('region.schools.add', { name: 'De Esdoorn', areaId: null });
    expect((await ok('region.schools.list')).map((school) => school.name)).toEqual(['De Esdoorn', 'De Linde']);
    await ok('backups.restore', { name: backup.name });
    expect((await ok('region.schools.list')).map((school) => school.name)).toEqual(['De Linde']);
    expect(await ok('app.info')).toMatchObject({ database: { state: 'open', region: { name: 'Regio Stadsdeel Oost' } } });

    // The Privacy screen's log: every entry of the file (a region has no schools to filter on).
    const log = await ok('audit.list', { filter: { schoolId: 1, kind: null, from: null, to: null }, page: 1, pageSize: 50 });
    expect(log.entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['region.create', 'region.school_add', 'session.change_passphrase', 'backup.restore']),
    );
    const regionOnly = await ok('audit.list', { filter: { schoolId: 1, kind: 'region', from: null, to: null }, page: 1, pageSize: 50 });
    expect(regionOnly.entries.map((entry) => entry.action).sort()).toEqual(['region.create', 'region.school_add']);
    expect(JSON.stringify(log)).not.toMatch(/Linde|Esdoorn|Sanne|Stadsdeel/);
    expect(await ok('audit.export', { schoolId: 1, kind: null, from: null, to: null })).toEqual({
      fileName: expect.stringMatching(/\.csv$/),
    });
    expect(fs.readFileSync(dialogs.saved.at(-1)!, 'utf8')).toContain('Regiobestand aangemaakt');
  });

  it('imports chosen files and a whole folder, refusing each unusable file on its own, and stores an unknown school’s after confirmation', async () => {
    await ok('setup.start', REGION);
    const { activeKey } = await ok('region.info');
    const noord = (await ok('region.areas.add', { name: 'Noord' })).id;
    const linde = (await ok('region.schools.add', { name: 'De Linde', areaId: noord })).id;
    const folder = temp.file('inbox');
    fs.mkdirSync(folder);
    const write = (name: string, envelope: TestEnvelope) => fs.writeFileSync(`${folder}/${name}`, envelopeBytes(envelope));
    const envelope = (fingerprint: string, school: string, period: typeof Q1, createdAt: string): TestEnvelope => ({
      for: activeKey!.fingerprint,
      signer: { fingerprint, subject: `CN=${school}` },
      contribution: sampleContribution(school, period, createdAt),
    });
    const FP = 'AB:'.repeat(31) + 'AB';
    write('linde-q1.mdoregio', envelope(FP, 'De Linde', Q1, '2026-04-04T10:00:00.000Z'));
    write('linde-q2.MDOREGIO', envelope(FP, 'De Linde', Q2, '2026-07-04T10:00:00.000Z'));
    write('leesmij.txt', envelope(FP, 'De Linde', Q2, '2026-07-04T10:00:00.000Z'));
    fs.writeFileSync(`${folder}/te-groot.mdoregio`, Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
    execFileSync('mkfifo', [`${folder}/pijp.mdoregio`]);
    fs.mkdirSync(`${folder}/oud.mdoregio`);

    // Nobody chose anything: nothing happens.
    expect(await ok('region.contributions.import', { from: 'folder' })).toBeNull();
    dialogs.chooseMany([folder]);
    const first = (await ok('region.contributions.import', { from: 'folder' }))!;
    expect(first.ignored).toBe(1);
    expect(first.results.map((result) => [result.fileName, result.outcome, result.reason])).toEqual([
      ['linde-q1.mdoregio', 'unknownSigner', null],
      ['linde-q2.MDOREGIO', 'unknownSigner', null],
      ['pijp.mdoregio', 'refused', 'notAFile'],
      ['te-groot.mdoregio', 'refused', 'tooLarge'],
    ]);
    const pending = await ok('region.contributions.pending');
    expect(pending).toHaveLength(2);
    expect(await ok('region.info')).toMatchObject({ pending: 2, contributions: 0 });

    // The coordinator compared the fingerprint with De Linde's: both waiting files are stored at once.
    const accepted = await ok('region.contributions.acceptSigner', { pendingId: pending[0].pendingId, regionSchoolId: linde });
    expect(accepted.results.map((result) => [result.outcome, result.schoolName])).toEqual([
      ['stored', 'De Linde'],
      ['stored', 'De Linde'],
    ]);
    expect(await ok('region.signers.list')).toEqual([
      { id: 1, fingerprint: FP, subject: 'CN=De Linde', regionSchoolId: linde, schoolName: 'De Linde', acceptedAt: E2E_NOW },
    ]);

    // Chosen files: a newer Q1 replaces the older, which stays as history.
    const newer = temp.file('linde-q1-v2.mdoregio');
    fs.writeFileSync(newer, envelopeBytes(envelope(FP, 'De Linde', Q1, '2026-04-10T10:00:00.000Z')));
    dialogs.chooseMany([newer, `${folder}/linde-q1.mdoregio`, temp.file('bestaat-niet.mdoregio')]);
    const second = (await ok('region.contributions.import', { from: 'files' }))!;
    expect(second.results.map((result) => [result.outcome, result.reason])).toEqual([
      ['replaced', null],
      ['duplicate', null],
      ['refused', 'unreadable'],
    ]);
    const overview = await ok('region.overview');
    expect(overview).toEqual({
      periods: [Q2, Q1],
      schools: [
        {
          regionSchoolId: linde,
          name: 'De Linde',
          areaId: noord,
          areaName: 'Noord',
          cells: [
            {
              state: 'delivered',
              delivered: { createdAt: '2026-07-04T10:00:00.000Z', receivedAt: E2E_NOW, appVersion: '0.1.0' },
              history: [],
            },
            {
              state: 'delivered',
              delivered: { createdAt: '2026-04-10T10:00:00.000Z', receivedAt: E2E_NOW, appVersion: '0.1.0' },
              history: [{ createdAt: '2026-04-04T10:00:00.000Z', receivedAt: E2E_NOW }],
            },
          ],
        },
      ],
    });
    expect(await ok('region.periods')).toEqual([
      { ...Q2, schools: 1 },
      { ...Q1, schools: 1 },
    ]);
    // An unknown school's file, accepted as a new school in a gebied; a waiting file after locking is gone.
    const other = temp.file('esdoorn.mdoregio');
    fs.writeFileSync(other, envelopeBytes(envelope('CD:'.repeat(31) + 'CD', 'De Esdoorn', Q1, '2026-04-05T10:00:00.000Z')));
    dialogs.chooseMany([other]);
    const [waiting] = (await ok('region.contributions.import', { from: 'files' }))!.results;
    await ok('session.lock');
    await ok('session.unlock', { passphrase: PASSPHRASE });
    expect(
      await call('region.contributions.acceptSigner', { pendingId: waiting.signer!.pendingId, newSchoolName: 'De Esdoorn', areaId: noord }),
    ).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: nlRegio.contributions.pendingGone },
    });
    dialogs.chooseMany([other]);
    const [again] = (await ok('region.contributions.import', { from: 'files' }))!.results;
    expect(
      await ok('region.contributions.acceptSigner', { pendingId: again.signer!.pendingId, newSchoolName: 'De Esdoorn', areaId: noord }),
    ).toMatchObject({ results: [{ outcome: 'stored', schoolName: 'De Esdoorn' }] });
  });

  it('imports the schools CSV through the open dialog, or says per line what is wrong', async () => {
    await ok('setup.start', REGION);
    const good = temp.file('scholen.csv');
    fs.writeFileSync(good, '\uFEFFschool;gebied\r\nDe Linde;Noord\r\nDe Esdoorn;Zuid\r\n');
    dialogs.choose(good);
    expect(await ok('region.schools.importCsv')).toEqual({
      fileName: 'scholen.csv',
      outcome: 'imported',
      schools: 2,
      newSchools: 2,
      changedSchools: 0,
      newAreas: 2,
    });
    const bad = temp.file('fout.csv');
    fs.writeFileSync(bad, 'De Wilg;Noord\r\n;Zuid\r\n');
    dialogs.choose(bad);
    expect(await ok('region.schools.importCsv')).toEqual({
      fileName: 'fout.csv',
      outcome: 'refused',
      problems: [nlRegio.csv.line(2, nlRegio.csv.problems.emptySchool)],
    });
    expect((await ok('region.areas.list')).map((area) => [area.name, area.schools])).toEqual([
      ['Noord', 1],
      ['Zuid', 1],
    ]);
    expect(await ok('region.schools.importCsv')).toBeNull();
  });

  it('manages gebieden and schools with Dutch messages for names that exist', async () => {
    await ok('setup.start', REGION);
    const noord = (await ok('region.areas.add', { name: 'Noord' })).id;
    expect(await call('region.areas.add', { name: 'noord' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'name', message: nlRegio.forms.areaExists }] },
    });
    const linde = (await ok('region.schools.add', { name: ' De  Linde ', areaId: noord })).id;
    expect(await call('region.schools.add', { name: 'DE  LINDE', areaId: null })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'name', message: nlRegio.forms.schoolExists }] },
    });
    expect(await call('region.schools.add', { name: 'De\tWilg', areaId: null })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await call('region.schools.setArea', { regionSchoolId: linde, areaId: 99 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await ok('region.areas.rename', { areaId: noord, name: 'Noord-West' });
    await ok('region.schools.rename', { regionSchoolId: linde, name: 'De Linde' });
    expect(await ok('region.schools.list')).toEqual([
      { id: linde, name: 'De Linde', areaId: noord, areaName: 'Noord-West', signers: 0, contributions: 0, latest: null },
    ]);
    await ok('region.areas.remove', { areaId: noord });
    expect(await ok('region.schools.list')).toMatchObject([{ name: 'De Linde', areaId: null, areaName: null }]);
    expect(await ok('region.schools.remove', { regionSchoolId: linde })).toEqual({ contributions: 0, signers: 0 });
    expect(await call('region.schools.remove', { regionSchoolId: linde })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await ok('region.rename', { name: 'Regio Oost' });
    expect(await ok('app.info')).toMatchObject({ database: { region: { name: 'Regio Oost' } } });
  });

  it('exports the certificate and the key pair, imports a key pair, and makes a new one', async () => {
    await ok('setup.start', REGION);
    expect(await ok('region.key.exportCertificate')).toEqual({ fileName: 'Certificaat coördinator Regio Stadsdeel Oost.pem' });
    expect(await call('region.key.exportP12', { passphrase: 'kort' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'passphrase', message: nlRegio.key.passphraseTooShort }] },
    });
    expect(await ok('region.key.exportP12', { passphrase: 'zeilboot tulpenveld kompas regenjas' })).toEqual({
      fileName: 'Sleutel coördinator Regio Stadsdeel Oost.p12',
    });
    const p12 = dialogs.saved.at(-1)!;
    const made = await ok('region.key.create', { name: 'Sanne de Vries' });
    expect((await ok('region.key.info')).active!.id).toBe(made.id);
    // The exported pair, imported again (another laptop's), is active again.
    expect(await ok('region.key.importP12', { passphrase: 'x' })).toBeNull();
    dialogs.choose(p12);
    expect(await call('region.key.importP12', { passphrase: 'fout' })).toMatchObject({ ok: false, error: { code: 'CERT_PASSPHRASE' } });
    dialogs.choose(p12);
    expect(await ok('region.key.importP12', { passphrase: 'zeilboot tulpenveld kompas regenjas' })).toEqual({ id: 1 });
    const keys = await ok('region.key.info');
    expect(keys.keys.map((key) => [key.id, key.active])).toEqual([
      [1, true],
      [made.id, false],
    ]);
  });
});

describe('the demo region at first start', () => {
  let temp: ReturnType<typeof tempDir>;

  beforeEach(() => void (temp = tempDir('mdo-demo-region-ipc-')));
  afterEach(() => temp.remove());

  const routerOn = async (policy: MachinePolicy) => {
    const session = new Session(temp.file('mdo.db'), { kdfParams: TEST_KDF_PARAMS, clock });
    await session.init();
    const context = {
      session,
      clock,
      appVersion: 'test',
      files: folderDialogs(temp.dir),
      backups: new Backups(session, { clock, appVersion: 'test' }),
      policy,
    };
    return { session, router: createRouter(handlers, context, () => {}) };
  };

  it('opens behind the public demo passphrase with 16 schools, and is not offered when IT turned the demo off', async () => {
    const off = await routerOn({ ...NO_POLICY, offerDemoSchool: false });
    expect(await off.router.call('setup.start', { mode: 'demoRegion' })).toMatchObject({ ok: false, error: { code: 'POLICY' } });
    expect(fs.existsSync(temp.file('mdo.db'))).toBe(false);
    await off.session.close();

    const { session, router } = await routerOn(NO_POLICY);
    expect(await router.call('setup.start', { mode: 'demoRegion' })).toEqual({ ok: true, data: { schoolId: null, recoveryKey: null } });
    expect(await router.call('region.info', undefined)).toMatchObject({
      ok: true,
      data: { name: 'Demo — Regio Oost', isDemo: true, schools: 16, areas: 7, contributions: 61 },
    });
    await session.lock();
    expect(await router.call('app.info', undefined)).toMatchObject({
      ok: true,
      data: { database: { state: 'locked', demo: true, demoPassphrase: DEMO_PASSPHRASE } },
    });
    await session.unlock(DEMO_PASSPHRASE);
    expect(await router.call('app.info', undefined)).toMatchObject({
      ok: true,
      data: { database: { region: { name: 'Demo — Regio Oost', isDemo: true } } },
    });
    await session.close();
  }, 60_000);
});
