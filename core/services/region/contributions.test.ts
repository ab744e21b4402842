import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../../db/open';
import { tempDir } from '../../../tests/e2e/harness';
import { E2E_NOW } from '../../../tests/fixtures/demoDatabase';
import { envelopeBytes, readTestEnvelope, sampleContribution, type TestEnvelope } from '../../../tests/fixtures/regionDatabase';
import { fixedClock } from '../../clock';
import { nlRegio } from '../../i18n/nlRegio';
import type { ChosenFile } from '../../ipc/fileDialogs';
import { newRegioKeyPair, type RegioKeyPair } from '../../regio/keyPairs';
import { addArea, removeArea } from './areas';
import { acceptSigner, storeContribution } from './contributions';
import { regionIdentities } from './coordinatorKey';
import { currentContributions } from './currentContributions';
import { acceptPending, dismissPending, importContributions, listPending, type ContributionReader } from './importContributions';
import { contributionPeriods, deliveryOverview } from './overview';
import { pendingStore } from './pendingContributions';
import { createRegion } from './region';
import { addRegionSchool, listRegionSchools, removeRegionSchool } from './regionSchools';

const clock = fixedClock(E2E_NOW);
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const Q2 = { from: '2026-04-01', to: '2026-06-30' };
const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const FP_LINDE = 'AA:'.repeat(31) + 'AA';
const FP_ESDOORN = 'BB:'.repeat(31) + 'BB';
const FP_NEW = 'CC:'.repeat(31) + 'CC';
const t = nlRegio.contributions;

describe('contributions in a region database', () => {
  let coordinator: RegioKeyPair;
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;
  let linde: number;
  let esdoorn: number;
  let wilg: number;
  let noord: number;
  let read: ContributionReader;

  beforeAll(() => {
    coordinator = newRegioKeyPair({ purpose: 'coordinator', name: 'Coördinator', organisation: 'Regio Test', now: clock.now() });
  });
  beforeEach(async () => {
    temp = tempDir('mdo-region-contributions-');
    handle = await openDatabase(temp.file('region.db'), { create: true });
    await createRegion(handle.db, { name: 'Regio Test' }, coordinator, clock);
    noord = await addArea(handle.db, 'Noord', clock);
    linde = await addRegionSchool(handle.db, { name: 'De Linde', areaId: noord }, clock);
    esdoorn = await addRegionSchool(handle.db, { name: 'De Esdoorn', areaId: null }, clock);
    wilg = await addRegionSchool(handle.db, { name: 'De Wilg', areaId: noord }, clock);
    await acceptSigner(handle.db, { fingerprint: FP_LINDE, subject: 'CN=De Linde', regionSchoolId: linde }, clock);
    await acceptSigner(handle.db, { fingerprint: FP_ESDOORN, subject: 'CN=De Esdoorn', regionSchoolId: esdoorn }, clock);
    const keys = await regionIdentities(handle.db);
    read = (bytes) => readTestEnvelope(bytes, keys);
  });
  afterEach(async () => {
    await handle.close();
    temp.remove();
  });

  const envelope = (fingerprint: string, contribution: unknown, extra: Partial<TestEnvelope> = {}): TestEnvelope => ({
    for: coordinator.fingerprint,
    signer: { fingerprint, subject: `CN=${fingerprint.slice(0, 2)}` },
    contribution,
    ...extra,
  });
  const file = (name: string, env: TestEnvelope): ChosenFile => ({ name, bytes: envelopeBytes(env) });
  const rows = () =>
    handle.sqlite.prepare('SELECT id, region_school_id, period_from, created_at, replaced_by_id FROM contribution ORDER BY id').all();
  const store = async (fingerprint: string, contribution: unknown) =>
    storeContribution(handle.db, await read(envelopeBytes(envelope(fingerprint, contribution))), clock);

  it('keeps the newest file per school and period current and every older one as history; a file read twice is stored once', async () => {
    expect(await store(FP_LINDE, sampleContribution('De Linde', Q1, '2026-04-05T10:00:00.000Z'))).toMatchObject({
      outcome: 'stored',
      regionSchoolId: linde,
      schoolName: 'De Linde',
    });
    const newer = sampleContribution('De Linde', Q1, '2026-04-12T10:00:00.000Z', 4);
    expect(await store(FP_LINDE, newer)).toMatchObject({ outcome: 'replaced', regionSchoolId: linde });
    expect(await store(FP_LINDE, sampleContribution('De Linde', Q1, '2026-04-01T10:00:00.000Z', 2))).toMatchObject({ outcome: 'older' });
    expect(await store(FP_LINDE, newer)).toEqual({ outcome: 'duplicate', regionSchoolId: linde, schoolName: 'De Linde' });
    expect(rows()).toEqual([
      { id: 1, region_school_id: linde, period_from: Q1.from, created_at: '2026-04-05T10:00:00.000Z', replaced_by_id: 2 },
      { id: 2, region_school_id: linde, period_from: Q1.from, created_at: '2026-04-12T10:00:00.000Z', replaced_by_id: null },
      { id: 3, region_school_id: linde, period_from: Q1.from, created_at: '2026-04-01T10:00:00.000Z', replaced_by_id: 2 },
    ]);
    const current = await currentContributions(handle.db, { from: '2026-01-01', to: '2026-12-31' });
    expect(current.map((entry) => [entry.schoolName, entry.contribution.createdAt, entry.contribution.measures.cases.newCases])).toEqual([
      ['De Linde', '2026-04-12T10:00:00.000Z', 4],
    ]);
  });

  it('stores a file for the school of its trusted signer, whatever school the file names; an unknown signer stores nothing', async () => {
    expect(await store(FP_ESDOORN, sampleContribution('Basisschool De Linde', Q1, '2026-04-05T10:00:00.000Z'))).toMatchObject({
      outcome: 'stored',
      regionSchoolId: esdoorn,
      schoolName: 'De Esdoorn',
    });
    expect(await store(FP_NEW, sampleContribution('OBS De Nieuwe', Q1, '2026-04-05T10:00:00.000Z'))).toEqual({
      outcome: 'unknownSigner',
      fingerprint: FP_NEW,
      subject: 'CN=CC',
      schoolName: 'OBS De Nieuwe',
    });
    expect(rows()).toHaveLength(1);
  });

  it('trusts a key for one school only, after the coordinator chose it', async () => {
    expect(await acceptSigner(handle.db, { fingerprint: FP_LINDE, subject: 'CN=De Linde', regionSchoolId: linde }, clock)).toBe(linde);
    await expect(acceptSigner(handle.db, { fingerprint: FP_LINDE, subject: 'x', regionSchoolId: wilg }, clock)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(acceptSigner(handle.db, { fingerprint: FP_NEW, subject: 'x', regionSchoolId: 999 }, clock)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(acceptSigner(handle.db, { fingerprint: FP_NEW, subject: 'x', newSchoolName: 'de linde' }, clock)).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'name',
      text: nlRegio.forms.schoolExists,
    });
    const created = await acceptSigner(
      handle.db,
      { fingerprint: FP_NEW, subject: 'CN=De Nieuwe', newSchoolName: 'De Nieuwe', areaId: noord },
      clock,
    );
    expect((await listRegionSchools(handle.db)).find((school) => school.id === created)).toMatchObject({
      name: 'De Nieuwe',
      areaName: 'Noord',
      signers: 1,
    });
  });

  it('imports many files, each stored or refused with its own Dutch message, nothing stored for a refused one', async () => {
    const good = sampleContribution('De Linde', Q1, '2026-04-05T10:00:00.000Z');
    const broken = { ...sampleContribution('De Linde', Q2, '2026-07-05T10:00:00.000Z'), measures: { ...good.measures, leadTime: [] } };
    const files: ChosenFile[] = [
      file('linde-q1.mdoregio', envelope(FP_LINDE, good)),
      file('andere-coordinator.mdoregio', { ...envelope(FP_LINDE, good), for: 'DD:'.repeat(31) + 'DD' }),
      file('gewijzigd.mdoregio', envelope(FP_LINDE, sampleContribution('De Linde', Q2, '2026-07-05T10:00:00.000Z'), { tampered: true })),
      { name: 'foto.mdoregio', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]) },
      file('klopt-niet.mdoregio', envelope(FP_LINDE, broken)),
      file('nieuwer-formaat.mdoregio', envelope(FP_LINDE, { ...good, formatVersion: 3 })),
      { name: 'groot.mdoregio', refused: 'tooLarge' },
      { name: 'map.mdoregio', refused: 'notAFile' },
      file('linde-q1-kopie.mdoregio', envelope(FP_LINDE, good)),
      file('nieuwe-school.mdoregio', envelope(FP_NEW, sampleContribution('OBS De Nieuwe', Q1, '2026-04-06T10:00:00.000Z'))),
    ];
    const results = await importContributions(handle.db, files, read, clock, pendingStore(handle.db));
    expect(results.map((result) => [result.fileName, result.outcome, result.reason])).toEqual([
      ['linde-q1.mdoregio', 'stored', null],
      ['andere-coordinator.mdoregio', 'refused', 'NOT_FOR_US'],
      ['gewijzigd.mdoregio', 'refused', 'TAMPERED'],
      ['foto.mdoregio', 'refused', 'NOT_CMS'],
      ['klopt-niet.mdoregio', 'refused', 'NOT_CONTRIBUTION'],
      ['nieuwer-formaat.mdoregio', 'refused', 'TOO_NEW'],
      ['groot.mdoregio', 'refused', 'tooLarge'],
      ['map.mdoregio', 'refused', 'notAFile'],
      ['linde-q1-kopie.mdoregio', 'duplicate', null],
      ['nieuwe-school.mdoregio', 'unknownSigner', null],
    ]);
    expect(results.map((result) => result.message)).toEqual([
      t.outcome.stored,
      t.refused.NOT_FOR_US,
      t.refused.TAMPERED,
      t.refused.NOT_CMS,
      t.refused.NOT_CONTRIBUTION,
      t.refused.TOO_NEW,
      t.refused.tooLarge(5),
      t.refused.notAFile,
      t.outcome.duplicate,
      t.outcome.unknownSigner,
    ]);
    // Each refusal reads differently, so the coordinator knows what to ask the school.
    expect(new Set(results.map((result) => result.message)).size).toBe(results.length);
    expect(results[0]).toMatchObject({
      regionSchoolId: linde,
      schoolName: 'De Linde',
      period: Q1,
      createdAt: good.createdAt,
      signer: null,
    });
    expect(results[9].signer).toEqual({
      pendingId: expect.stringMatching(/^[0-9a-f]{32}$/),
      fingerprint: FP_NEW,
      subject: 'CN=CC',
      schoolName: 'OBS De Nieuwe',
    });
    expect(rows()).toHaveLength(1);

    const audit = handle.sqlite.prepare(`SELECT * FROM audit_log WHERE action = 'region.contributions_import'`).all() as {
      counts: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].counts)).toEqual({ files: 10, stored: 1, refused: 7, duplicate: 1, unknownSigner: 1 });
    const logged = JSON.stringify(handle.sqlite.prepare('SELECT * FROM audit_log').all());
    for (const name of ['Linde', 'Nieuwe', 'mdoregio', FP_NEW]) expect(logged).not.toContain(name);
  });

  it('stores the waiting files of an unknown signer once the coordinator accepts it, without choosing them again', async () => {
    const pending = pendingStore(handle.db);
    const files = [
      file('q1.mdoregio', envelope(FP_NEW, sampleContribution('OBS De Nieuwe', Q1, '2026-04-06T10:00:00.000Z'))),
      file('q2.mdoregio', envelope(FP_NEW, sampleContribution('OBS De Nieuwe', Q2, '2026-07-06T10:00:00.000Z'))),
    ];
    const [first] = await importContributions(handle.db, files, read, clock, pending);
    // The same file again keeps its place in the queue.
    const [again] = await importContributions(handle.db, files.slice(0, 1), read, clock, pending);
    expect(again.signer!.pendingId).toBe(first.signer!.pendingId);
    expect(listPending(pending)).toEqual([
      {
        pendingId: first.signer!.pendingId,
        fileName: 'q1.mdoregio',
        fingerprint: FP_NEW,
        subject: 'CN=CC',
        schoolName: 'OBS De Nieuwe',
        period: Q1,
        createdAt: '2026-04-06T10:00:00.000Z',
      },
      expect.objectContaining({ fileName: 'q2.mdoregio', period: Q2 }),
    ]);
    const accepted = await acceptPending(
      handle.db,
      { pendingId: first.signer!.pendingId, newSchoolName: 'OBS De Nieuwe', areaId: noord },
      clock,
      pending,
    );
    expect(accepted.results.map((result) => [result.fileName, result.outcome, result.schoolName])).toEqual([
      ['q1.mdoregio', 'stored', 'OBS De Nieuwe'],
      ['q2.mdoregio', 'stored', 'OBS De Nieuwe'],
    ]);
    expect(listPending(pending)).toEqual([]);
    expect(pending.size).toBe(0);
    await expect(
      acceptPending(handle.db, { pendingId: first.signer!.pendingId, regionSchoolId: linde }, clock, pending),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      userMessage: t.pendingGone,
    });
    // From now on this key's files are stored at once.
    const [q3] = await importContributions(
      handle.db,
      [file('q3.mdoregio', envelope(FP_NEW, sampleContribution('OBS De Nieuwe', Q3, '2026-10-06T10:00:00.000Z')))],
      read,
      clock,
      pending,
    );
    expect(q3).toMatchObject({ outcome: 'stored', regionSchoolId: accepted.regionSchoolId });
  });

  it('drops a dismissed signer’s waiting files, and forgets every waiting file when the database closes', async () => {
    const pending = pendingStore(handle.db);
    const one = file('q1.mdoregio', envelope(FP_NEW, sampleContribution('OBS De Nieuwe', Q1, '2026-04-06T10:00:00.000Z')));
    const [result] = await importContributions(handle.db, [one], read, clock, pending);
    dismissPending(result.signer!.pendingId, pending);
    expect(listPending(pending)).toEqual([]);
    expect(() => dismissPending(result.signer!.pendingId, pending)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    await importContributions(handle.db, [one], read, clock, pending);
    expect(pendingStore(handle.db).size).toBe(1);
    // Locking closes the connection: the next one starts without waiting files.
    await handle.close();
    handle = await openDatabase(temp.file('region.db'));
    expect(pendingStore(handle.db).size).toBe(0);
    expect(rows()).toEqual([]);
  });

  it('shows per school and period what was delivered, what is missing and what was replaced; periods newest first', async () => {
    await store(FP_LINDE, sampleContribution('De Linde', Q1, '2026-04-05T10:00:00.000Z'));
    await store(FP_LINDE, sampleContribution('De Linde', Q1, '2026-04-09T10:00:00.000Z', 4));
    await store(FP_LINDE, sampleContribution('De Linde', Q2, '2026-07-05T10:00:00.000Z'));
    await store(FP_ESDOORN, sampleContribution('De Esdoorn', Q2, '2026-07-06T10:00:00.000Z'));
    expect(await contributionPeriods(handle.db)).toEqual([
      { ...Q2, schools: 2 },
      { ...Q1, schools: 1 },
    ]);
    const overview = await deliveryOverview(handle.db);
    expect(overview.periods).toEqual([Q2, Q1]);
    // By gebied, then name; a school without gebied last.
    expect(overview.schools.map((school) => [school.name, school.areaName, school.cells.map((cell) => cell.state)])).toEqual([
      ['De Linde', 'Noord', ['delivered', 'delivered']],
      ['De Wilg', 'Noord', ['missing', 'missing']],
      ['De Esdoorn', null, ['delivered', 'missing']],
    ]);
    expect(overview.schools[0].cells[1]).toEqual({
      state: 'delivered',
      delivered: { createdAt: '2026-04-09T10:00:00.000Z', receivedAt: E2E_NOW, appVersion: '0.1.0' },
      history: [{ createdAt: '2026-04-05T10:00:00.000Z', receivedAt: E2E_NOW }],
    });
    expect(
      (await listRegionSchools(handle.db)).map((school) => [school.name, school.contributions, school.latest?.periodFrom ?? null]),
    ).toEqual([
      ['De Esdoorn', 1, Q2.from],
      ['De Linde', 2, Q2.from],
      ['De Wilg', 0, null],
    ]);

    // The report's input: current contributions within the range, with the school's gebied now.
    const inQ2 = await currentContributions(handle.db, Q2);
    expect(inQ2.map((entry) => [entry.schoolName, entry.areaName, entry.contribution.period])).toEqual([
      ['De Esdoorn', null, Q2],
      ['De Linde', 'Noord', Q2],
    ]);
    expect(await currentContributions(handle.db, { from: '2026-02-01', to: '2026-12-31' })).toHaveLength(2);

    // A gebied removed: its schools stay, without gebied. A school removed: its contributions go with it.
    await removeArea(handle.db, noord, clock);
    expect((await currentContributions(handle.db, Q2)).map((entry) => entry.areaName)).toEqual([null, null]);
    expect(await removeRegionSchool(handle.db, linde, clock)).toEqual({ contributions: 3, signers: 1 });
    expect((await deliveryOverview(handle.db)).periods).toEqual([Q2]);
  });
});
