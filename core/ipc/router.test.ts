import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/e2e/harness';
import { TEST_KDF_PARAMS } from '../../tests/fixtures/demoDatabase';
import { folderDialogs } from '../../tests/fixtures/folderDialogs';
import { LATEST_SCHEMA_VERSION } from '../../db/migrate';
import { fixedClock } from '../clock';
import { Backups } from '../backups/backups';
import { handlers } from '../handlers';
import { NO_POLICY } from '../policy/policy';
import { Session } from '../session';
import { createRouter, type Router } from './router';

describe('IPC router', () => {
  let temp: ReturnType<typeof tempDir>;
  let session: Session;
  let router: Router;
  let failures: { channel: string; code: string; error?: unknown }[];
  const clock = fixedClock('2026-11-25T09:00:00Z');
  const context = () => ({
    session,
    clock,
    appVersion: '1.2.3',
    files: folderDialogs(temp.dir),
    backups: new Backups(session, { clock, appVersion: '1.2.3' }),
    policy: NO_POLICY,
  });

  beforeEach(async () => {
    temp = tempDir();
    session = new Session(temp.file('router.db'), { kdfParams: TEST_KDF_PARAMS });
    await session.init();
    failures = [];
    router = createRouter(handlers, context(), (entry) => failures.push(entry));
  });
  afterEach(async () => {
    await session.close();
    temp.remove();
  });

  it('reports a missing database, then creates an empty school', async () => {
    expect(await router.call('app.info', undefined)).toEqual({
      ok: true,
      data: {
        version: '1.2.3',
        schemaVersion: LATEST_SCHEMA_VERSION,
        database: { state: 'missing' },
        policy: { lockMinutesFixed: false, allowPersonalCertificates: true, offerDemoSchool: true, retentionDefaultYears: 2 },
      },
    });
    const listed = await router.call('members.list', { schoolId: 1 });
    expect(listed).toMatchObject({ ok: false, error: { code: 'NO_DATABASE', message: 'Er zijn nog geen gegevens geopend.' } });

    const started = await router.call('setup.start', {
      mode: 'empty',
      schoolName: '  De Linde  ',
      passphrase: 'een lang wachtwoord',
      ibName: 'Fatima el Amrani',
      ibRoleCode: 'ib',
    });
    expect(started).toMatchObject({
      ok: true,
      data: { schoolId: 1, recoveryKey: expect.stringMatching(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/) },
    });
    const info = await router.call('app.info', undefined);
    expect(info).toMatchObject({ ok: true, data: { database: { state: 'open', schools: [{ name: 'De Linde', isDemo: false }] } } });
  });

  it('makes the IB who sets MDO up the first active kernteam member, in the chosen role', async () => {
    await router.call('setup.start', {
      mode: 'empty',
      schoolName: 'De Linde',
      passphrase: 'paraplu kanarie bakfiets lepel',
      ibName: '  Fatima el Amrani ',
      ibRoleCode: 'director',
      ibEmail: 'f.elamrani@delinde.nl',
    });
    expect(await router.call('members.list', { schoolId: 1 })).toMatchObject({
      ok: true,
      data: [{ name: 'Fatima el Amrani', roleName: 'Directeur', organisation: 'De Linde', email: 'f.elamrani@delinde.nl', active: true }],
    });
  });

  it('refuses a weak passphrase with what is weak and how to make it strong, and writes nothing', async () => {
    const base = { mode: 'empty', schoolName: 'Basisschool De Linde', ibName: 'Fatima el Amrani', ibRoleCode: 'ib' } as const;
    for (const passphrase of ['aaaaaaaaaaaa', 'wachtwoord123', 'Basisschool De Linde 2026', 'fatima el amrani']) {
      const result = await router.call('setup.start', { ...base, passphrase });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: expect.stringContaining('Dit wachtwoord is te makkelijk te raden.'),
          fields: [{ path: 'passphrase', message: expect.stringContaining('vier of vijf losse woorden') }],
        },
      });
      expect(session.state.state).toBe('missing');
    }
    expect(fs.existsSync(temp.file('router.db'))).toBe(false);
    expect(await router.call('setup.start', { ...base, passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'passphrase', message: expect.stringContaining('minstens 12 tekens') }] },
    });
  });

  it('rejects bad input with Dutch field messages before any handler runs', async () => {
    const result = await router.call('setup.start', {
      mode: 'empty',
      schoolName: 'x',
      passphrase: 'een lang wachtwoord',
      ibName: 'Fatima el Amrani',
      ibRoleCode: 'ib',
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'De gegevens zijn niet volledig of niet juist ingevuld.',
        fields: [{ path: 'schoolName', message: 'Vul de naam van de school in (minstens twee tekens).' }],
      },
    });
    expect(session.state.state).toBe('missing');
    expect(await router.call('setup.start', null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await router.call('nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await router.call(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('turns a refused second set-up into CONFLICT and unexpected errors into INTERNAL without details', async () => {
    await router.call('setup.start', { mode: 'demo' });
    expect(await router.call('setup.start', { mode: 'demo' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const broken = createRouter(
      {
        ...handlers,
        'members.list': () => {
          throw new Error('secret pupil name in a message');
        },
      },
      context(),
      (entry) => failures.push(entry),
    );
    const result = await broken.call('members.list', { schoolId: 1 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Er ging iets mis. Probeer het opnieuw; uw eerder opgeslagen gegevens zijn niet aangetast.' },
    });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(failures.map((failure) => [failure.channel, failure.code])).toContainEqual(['members.list', 'INTERNAL']);
  });

  it('refuses a handler answer that does not match the contract', async () => {
    await router.call('setup.start', { mode: 'demo' });
    const sloppy = createRouter({ ...handlers, 'roles.list': () => [{ id: 'one', name: 3 }] as never }, context(), (entry) =>
      failures.push(entry),
    );
    expect(await sloppy.call('roles.list', { schoolId: 1 })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
