import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW, encryptAsDemo, TEST_KDF_PARAMS } from '../tests/fixtures/demoDatabase';
import { FIFO_UNTOUCHED, watchFifo } from '../tests/fixtures/fifoWatch';
import { folderDialogs } from '../tests/fixtures/folderDialogs';
import { testKey, type TestKey } from '../tests/fixtures/regio';
import { Backups } from './backups/backups';
import type { IpcResult, Output } from './contract/contract';
import { fixedClock } from './clock';
import { handlers } from './handlers';
import { auditCountsText } from './i18n/auditText';
import { nl } from './i18n/nl';
import { nlRegioSchool } from './i18n/nlRegioSchool';
import { createRouter, type Router } from './ipc/router';
import { NO_POLICY, type MachinePolicy } from './policy/policy';
import { readContributionFile } from './regio/contributionFile';
import { DEMO_PASSPHRASE, Session } from './session';

// The school's regio channels through the real router, dialogs that read real
// files, and the demo school: what the IB's clicks in Schoolprofiel and on the
// Regiobijdrage screen come down to.

const clock = fixedClock(E2E_NOW);
const period = { from: '2026-07-01', to: '2026-09-30' };

describe('the regio channels of a school', () => {
  const temp = tempDir('mdo-regio-ipc-');
  let session: Session;
  let coordinator: TestKey;
  let dialogs: ReturnType<typeof folderDialogs>;
  const routerWith = (policy: MachinePolicy): Router =>
    createRouter(
      handlers,
      {
        session,
        clock,
        appVersion: '1.2.3',
        files: dialogs,
        backups: new Backups(session, { clock, appVersion: '1.2.3' }),
        policy,
      },
      // Refusals are what these tests are about: not logged.
      () => undefined,
    );
  let router: Router;
  const settingRows = () => session.db().selectFrom('setting').select('key').where('key', 'like', 'regio.certificate.%').execute();

  beforeAll(async () => {
    await createDemoDatabase(temp.file('school.db'));
    await encryptAsDemo(temp.file('school.db'));
    session = new Session(temp.file('school.db'), { kdfParams: TEST_KDF_PARAMS, clock });
    await session.init();
    await session.unlock(DEMO_PASSPHRASE);
    coordinator = testKey(temp.dir, 'coordinator', 'coordinator', 'Regio Noord', clock.now());
    dialogs = folderDialogs(temp.file('saved'));
    router = routerWith(NO_POLICY);
  });
  afterAll(async () => {
    await session.close();
    temp.remove();
  });

  it('refuses a folder, a FIFO and a file over 1 MB without reading them, and a file that is no certificate with its Dutch message', async () => {
    fs.mkdirSync(temp.file('a-folder.pem'));
    execFileSync('mkfifo', [temp.file('pipe.pem')]);
    const big = temp.file('big.pem');
    fs.writeFileSync(big, `${coordinator.certificatePem}\n${'#'.repeat(1024 * 1024)}`);
    fs.writeFileSync(temp.file('notes.crt'), 'Dit is geen certificaat.');

    dialogs.choose(temp.file('a-folder.pem'));
    expect(await router.call('regio.chooseRecipient', { schoolId: 1 })).toEqual({
      ok: false,
      error: { code: 'NOT_A_FILE', message: nl.errors.NOT_A_FILE },
    });
    const fifo = watchFifo(temp.file('pipe.pem'));
    dialogs.choose(temp.file('pipe.pem'));
    expect(await router.call('regio.chooseRecipient', { schoolId: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_A_FILE' } });
    expect(await fifo.finish()).toEqual(FIFO_UNTOUCHED);
    dialogs.choose(big);
    expect(await router.call('regio.chooseRecipient', { schoolId: 1 })).toEqual({
      ok: false,
      error: { code: 'FILE_TOO_LARGE', message: nl.errors.FILE_TOO_LARGE },
    });
    dialogs.choose(temp.file('notes.crt'));
    expect(await router.call('regio.chooseRecipient', { schoolId: 1 })).toEqual({
      ok: false,
      error: { code: 'REGION_CERT', message: nlRegioSchool.errors.notACertificate },
    });
    expect(await settingRows()).toEqual([]);
    expect(await router.call('regio.recipient', { schoolId: 1 })).toEqual({ ok: true, data: null });
  });

  it('stores the chosen .pem for the school (a cancel changes nothing), shows it, and forgets it again', async () => {
    expect(await router.call('regio.chooseRecipient', { schoolId: 1 })).toEqual({ ok: true, data: null });
    dialogs.choose(coordinator.pem);
    const chosen = await router.call('regio.chooseRecipient', { schoolId: 1 });
    expect(chosen).toMatchObject({
      ok: true,
      data: { source: 'school', fixedByPolicy: false, name: 'Regio Noord', fingerprint: coordinator.fingerprint, status: 'valid' },
    });
    expect(await router.call('regio.recipient', { schoolId: 1 })).toEqual(chosen);
    // A school that does not exist gets nothing stored.
    dialogs.choose(coordinator.pem);
    expect(await router.call('regio.chooseRecipient', { schoolId: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await router.call('regio.clearRecipient', { schoolId: 1 })).toEqual({ ok: true, data: null });
    expect(await router.call('regio.recipient', { schoolId: 1 })).toEqual({ ok: true, data: null });
    expect(await settingRows()).toEqual([]);
    const audit = await session
      .db()
      .selectFrom('auditLog')
      .select(['action', 'counts'])
      .where('action', '=', 'regio.certificate')
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => auditCountsText(JSON.parse(entry.counts) as Record<string, number>))).toEqual([
      '',
      '1 certificaat verwijderd',
    ]);
  });

  it("with IT's certificate in the policy: shown as fixed, and neither chosen nor removed (the dialog never opens)", async () => {
    const fixed = routerWith({ ...NO_POLICY, regionCertificatePem: coordinator.certificatePem });
    expect(await fixed.call('regio.recipient', { schoolId: 1 })).toMatchObject({
      ok: true,
      data: { source: 'policy', fixedByPolicy: true, fingerprint: coordinator.fingerprint },
    });
    dialogs.choose(coordinator.pem);
    expect(await fixed.call('regio.chooseRecipient', { schoolId: 1 })).toEqual({
      ok: false,
      error: { code: 'POLICY', message: nl.errors.POLICY },
    });
    expect(await fixed.call('regio.clearRecipient', { schoolId: 1 })).toMatchObject({ ok: false, error: { code: 'POLICY' } });
    // The queued file was never asked for: the next open takes it (and a cancel empties the queue again).
    expect((await dialogs.open('regionCertificate'))?.name).toBe('coordinator.pem');
    const preview = await fixed.call('regio.preview', { schoolId: 1, ...period });
    expect(preview).toMatchObject({ ok: true, data: { recipient: { fixedByPolicy: true } } });
  });

  it('offers the last whole quarter and school year by the app clock', async () => {
    expect(await router.call('regio.periods', undefined)).toEqual({
      ok: true,
      data: {
        today: '2026-11-25',
        lastQuarter: { from: '2026-07-01', to: '2026-09-30' },
        lastSchoolYear: { from: '2025-08-01', to: '2026-07-31' },
      },
    });
  });

  it('checks the period as monitoring does', async () => {
    expect(await router.call('regio.preview', { schoolId: 1, from: '2026-10-01', to: '2026-09-30' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: nl.errors.VALIDATION, fields: [{ path: 'to', message: nl.forms.period }] },
    });
    expect(await router.call('regio.export', { schoolId: 1, from: '2026-02-30', to: '2026-03-31' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'from', message: nl.forms.date }] },
    });
    expect(await router.call('regio.preview', { schoolId: 1, from: '1899-12-31', to: '2026-03-31' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'from', message: nl.forms.dateRange }] },
    });
    expect(await router.call('regio.preview', { schoolId: 99, ...period })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('previews without a recipient, refuses to save then, and saves a file whose numbers are the preview’s once one is chosen', async () => {
    const preview = (await router.call('regio.preview', { schoolId: 1, ...period })) as IpcResult<Output<'regio.preview'>>;
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.data.recipient).toBeNull();
    expect(preview.data.period).toEqual(period);
    expect(await router.call('regio.export', { schoolId: 1, ...period })).toEqual({
      ok: false,
      error: { code: 'REGION_CERT', message: nlRegioSchool.errors.noRecipient },
    });
    expect(dialogs.saved).toEqual([]);
    expect(await router.call('regio.schoolKey', { schoolId: 1 })).toEqual({ ok: true, data: null });

    dialogs.choose(coordinator.pem);
    await router.call('regio.chooseRecipient', { schoolId: 1 });
    const saved = await router.call('regio.export', { schoolId: 1, ...period });
    expect(saved).toEqual({
      ok: true,
      data: { fileName: expect.stringMatching(/^Regiobijdrage .+ 2026-07-01 tot en met 2026-09-30\.mdoregio$/) },
    });
    const read = await readContributionFile(fs.readFileSync(dialogs.saved[0]), [coordinator.identity]);
    expect(read.contribution.period).toEqual(period);
    expect(read.contribution.measures.cases).toEqual({
      newCases: preview.data.tables[0].rows[0].cells[0].value,
      activeCases: preview.data.tables[0].rows[1].cells[0].value,
      closedCases: preview.data.tables[0].rows[2].cells[0].value,
    });
    // The school's own key signed it: its fingerprint is what the IB can confirm to the coordinator.
    expect(await router.call('regio.schoolKey', { schoolId: 1 })).toEqual({ ok: true, data: { fingerprint: read.signer.fingerprint } });
  });
});
