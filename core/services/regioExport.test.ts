import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { testKey, type TestKey } from '../../tests/fixtures/regio';
import { fixedClock } from '../clock';
import { AppError } from '../errors';
import { nlRegioSchool } from '../i18n/nlRegioSchool';
import { NO_POLICY } from '../policy/policy';
import { buildContribution } from '../regio/contributionData';
import { readContributionFile } from '../regio/contributionFile';
import { contributionPreview, exportContribution } from './regioExport';
import { setRegionCertificate } from './regioRecipient';

const clock = fixedClock(E2E_NOW);
const period = { from: '2026-08-01', to: '2026-10-31' };

describe("a school's regiobijdrage", () => {
  const temp = tempDir('mdo-regio-export-');
  let handle: OpenDatabase;
  let schoolId: number;
  let coordinator: TestKey;
  const saved: { name: string; bytes: Uint8Array }[] = [];
  const files = {
    save: async (name: string, bytes: Uint8Array) => {
      saved.push({ name, bytes });
      return `/tmp/${name}`;
    },
    open: async () => null,
  };

  beforeAll(async () => {
    await createDemoDatabase(temp.file('school.db'), 'small');
    handle = await openDatabase(temp.file('school.db'));
    schoolId = (await handle.db.selectFrom('school').select('id').executeTakeFirstOrThrow()).id;
    coordinator = testKey(temp.dir, 'coordinator', 'coordinator', 'Regio Noord', clock.now());
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('is refused with a Dutch message until the coordinator is chosen, and writes nothing', async () => {
    const error = await exportContribution(handle.db, { schoolId, ...period }, files as never, NO_POLICY, clock, '0.1.0').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toBe(nlRegioSchool.errors.noRecipient);
    expect(saved).toHaveLength(0);
    expect(await handle.db.selectFrom('auditLog').select('id').where('action', '=', 'export.regio').execute()).toHaveLength(0);
  });

  it('previews for whom and what, then saves a file only the coordinator opens, signed with the same school key every time', async () => {
    const { db } = handle;
    await setRegionCertificate(db, schoolId, new TextEncoder().encode(coordinator.certificatePem), NO_POLICY, clock);
    const preview = await contributionPreview(db, { schoolId, ...period }, NO_POLICY, clock, '0.1.0');
    expect(preview.recipient).toMatchObject({ name: 'Regio Noord', fingerprint: coordinator.fingerprint, source: 'school' });
    expect(preview.period).toEqual(period);
    const expected = await buildContribution(db, { schoolId, ...period }, clock, '0.1.0');
    // The preview's first table holds the file's exact case counts.
    expect(preview.tables[0].rows.map((row) => row.cells[0].value)).toEqual([
      expected.measures.cases.newCases,
      expected.measures.cases.activeCases,
      expected.measures.cases.closedCases,
    ]);

    const first = await exportContribution(db, { schoolId, ...period }, files as never, NO_POLICY, clock, '0.1.0');
    expect(first.fileName).toMatch(/^\/tmp\/Regiobijdrage .+ 2026-08-01 tot en met 2026-10-31\.mdoregio$/);
    await exportContribution(db, { schoolId, ...period }, files as never, NO_POLICY, clock, '0.1.0');
    const read = await Promise.all(saved.map(({ bytes }) => readContributionFile(bytes, [coordinator.identity])));
    expect(read[0].contribution).toEqual(expected);
    expect(read[0].signer.fingerprint).toBe(read[1].signer.fingerprint);
    const key = await db.selectFrom('contributionKey').select('fingerprint').where('schoolId', '=', schoolId).executeTakeFirstOrThrow();
    expect(key.fingerprint).toBe(read[0].signer.fingerprint);
    expect(new X509Certificate(read[0].signer.certificatePem).subject).toContain(expected.school.name);
    // Another coordinator cannot open it.
    const other = testKey(temp.dir, 'other', 'coordinator', 'Regio Zuid', clock.now());
    await expect(readContributionFile(saved[0].bytes, [other.identity])).rejects.toMatchObject({ code: 'NOT_FOR_US' });
    const audit = await db.selectFrom('auditLog').select(['action', 'counts']).where('action', '=', 'export.regio').execute();
    expect(audit).toEqual([
      { action: 'export.regio', counts: '{}' },
      { action: 'export.regio', counts: '{}' },
    ]);
  });
});
