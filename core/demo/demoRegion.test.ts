import { addDays, format, parseISO } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { fixedClock } from '../clock';
import { contributionSchema } from '../regio/contribution';
import { regionIdentities } from '../services/region/coordinatorKey';
import { currentContributions } from '../services/region/currentContributions';
import { deliveryOverview } from '../services/region/overview';
import { getRegion } from '../services/region/region';
import { listSigners } from '../services/region/signers';
import { demoFingerprint, generateDemoRegion } from './demoRegion';

const clock = fixedClock(E2E_NOW);

describe('the demo region', () => {
  let temp: ReturnType<typeof tempDir>;
  let handles: OpenDatabase[];

  beforeAll(async () => {
    temp = tempDir('mdo-demo-region-');
    handles = [];
    for (const name of ['a.db', 'b.db']) {
      const handle = await openDatabase(temp.file(name), { create: true });
      expect(await generateDemoRegion(handle.db, { clock })).toEqual({ schools: 16, areas: 7, contributions: 62 });
      handles.push(handle);
    }
  }, 60_000);
  afterAll(async () => {
    for (const handle of handles) await handle.close();
    temp.remove();
  });

  it('has 16 made-up schools in 7 made-up buurten, each with a trusted demo key, and no school, pupil or case', async () => {
    const { db, sqlite } = handles[0];
    expect(await getRegion(db)).toMatchObject({ name: 'Demo — Regio Oost', isDemo: true });
    const overview = await deliveryOverview(db);
    expect(overview.schools).toHaveLength(16);
    expect(new Set(overview.schools.map((school) => school.areaName)).size).toBe(7);
    for (const school of overview.schools) expect(school.name).toMatch(/^Demo — Basisschool /);
    const signers = await listSigners(db);
    expect(signers).toHaveLength(16);
    for (const signer of signers) {
      expect(signer.fingerprint).toBe(demoFingerprint(signer.schoolName));
      expect(signer.subject).toContain('Demo (verzonnen sleutel)');
    }
    for (const table of ['school', 'pupil', 'support_case', 'meeting'])
      expect(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    // The coordinator's key is real: files made for its certificate open with it.
    const [identity] = await regionIdentities(db);
    expect(identity.certificate.checkPrivateKey(identity.privateKey)).toBe(true);
  });

  it('holds four consecutive quarters; three schools missed one, one quarter of one school was sent twice', async () => {
    const { db } = handles[0];
    const overview = await deliveryOverview(db);
    expect(overview.periods).toEqual([
      { from: '2026-07-01', to: '2026-09-30' },
      { from: '2026-04-01', to: '2026-06-30' },
      { from: '2026-01-01', to: '2026-03-31' },
      { from: '2025-10-01', to: '2025-12-31' },
    ]);
    for (const [index, period] of overview.periods.slice(1).entries())
      expect(format(addDays(parseISO(period.to), 1), 'yyyy-MM-dd')).toBe(overview.periods[index].from);
    const cells = overview.schools.flatMap((school) => school.cells);
    expect(cells.filter((cell) => cell.state === 'missing')).toHaveLength(3);
    expect(overview.schools.filter((school) => school.cells.some((cell) => cell.state === 'missing'))).toHaveLength(3);
    expect(cells.filter((cell) => cell.history.length > 0)).toEqual([
      { state: 'delivered', delivered: expect.any(Object), history: [expect.any(Object)] },
    ]);
    for (const cell of cells.filter((one) => one.delivered)) {
      expect(cell.delivered!.createdAt <= cell.delivered!.receivedAt).toBe(true);
      expect(cell.delivered!.receivedAt <= E2E_NOW).toBe(true);
    }
  });

  it('has numbers a school could send: each contribution passes the schema, is made after its quarter, and many counts are small', async () => {
    const { db } = handles[0];
    const current = await currentContributions(db, { from: '2025-01-01', to: '2026-12-31' });
    expect(current).toHaveLength(61);
    const small: number[] = [];
    for (const { contribution, schoolName } of current) {
      expect(contributionSchema.parse(contribution)).toEqual(contribution);
      expect(contribution.school.name).toBe(schoolName);
      expect(contribution.createdAt > `${contribution.period.to}T23:59:59Z`).toBe(true);
      const { cases, effect, agreements } = contribution.measures;
      expect(cases.activeCases).toBeGreaterThan(0);
      small.push(cases.newCases, effect.cases, agreements.notDone);
    }
    // Below five often, so the report has cells to suppress; not always, so there is something to show.
    const share = small.filter((value) => value >= 1 && value <= 4).length / small.length;
    expect(share).toBeGreaterThan(0.3);
    expect(small.some((value) => value >= 5)).toBe(true);
  });

  it('is the same every time for the same clock', async () => {
    const contents = (handle: OpenDatabase) =>
      handle.sqlite
        .prepare('SELECT region_school_id, period_from, content, file_sha256, received_at, replaced_by_id FROM contribution ORDER BY id')
        .all();
    expect(contents(handles[1])).toEqual(contents(handles[0]));
  });
});
