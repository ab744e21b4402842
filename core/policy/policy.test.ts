import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/e2e/harness';
import { TEST_KDF_PARAMS } from '../../tests/fixtures/demoDatabase';
import { folderDialogs } from '../../tests/fixtures/folderDialogs';
import { Backups } from '../backups/backups';
import { fixedClock } from '../clock';
import { MAX_RETENTION_YEARS } from '../contract/privacy';
import { handlers } from '../handlers';
import { nl } from '../i18n/nl';
import { createRouter, type Router } from '../ipc/router';
import { Session } from '../session';
import { createCertificate, readP12 } from '../signing/certificates';
import { databasePath, loadPolicy, NO_POLICY, PolicyError, policyFileFor, policyLocation, type MachinePolicy } from './policy';

const posix = { platform: 'linux' as const, username: 'ilse' };

/** A real certificate as PEM, as a coordinator hands it out. */
function regionPem(): string {
  const p12 = createCertificate({
    name: 'Regio Noord',
    role: 'Coördinator',
    organisation: 'Stuurgroep',
    passphrase: 'p',
    now: new Date(),
    days: 30,
  });
  return readP12(p12, 'p').certificate.toString();
}

describe('machine policy file', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir('mdo-policy-')));
  afterEach(() => temp.remove());

  const write = (content: string | object) => {
    const file = temp.file('policy.json');
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const failure = (file: string, environment: Parameters<typeof loadPolicy>[1] = posix) => {
    try {
      loadPolicy(file, environment);
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyError);
      return error as PolicyError;
    }
    throw new Error('the policy was accepted');
  };

  it('is no policy when the file is missing', () => {
    expect(loadPolicy(temp.file('absent.json'), posix)).toBe(NO_POLICY);
    expect(NO_POLICY).toEqual({
      source: null,
      dataFolder: null,
      backupFolder: null,
      lockMinutes: null,
      retentionYears: null,
      allowPersonalCertificates: true,
      offerDemoSchool: true,
      regionCertificatePem: null,
    });
  });

  it('reads every setting, with the defaults for those left out', () => {
    const file = write({
      dataFolder: '/srv/mdo/{username}/',
      backupFolder: '/mnt/backup/mdo/{username}',
      lockMinutes: 10,
      retentionYears: 3,
      allowPersonalCertificates: false,
      offerDemoSchool: false,
    });
    expect(loadPolicy(file, posix)).toEqual({
      source: file,
      dataFolder: '/srv/mdo/ilse/',
      backupFolder: '/mnt/backup/mdo/ilse',
      lockMinutes: 10,
      retentionYears: 3,
      allowPersonalCertificates: false,
      offerDemoSchool: false,
      regionCertificatePem: null,
    });
    expect(loadPolicy(write({ lockMinutes: 240 }), posix)).toEqual({ ...NO_POLICY, source: file, lockMinutes: 240 });
    // Notepad's UTF-8 byte-order mark is fine.
    expect(loadPolicy(write('\uFEFF{ "offerDemoSchool": false }'), posix)).toMatchObject({ offerDemoSchool: false });
  });

  it('takes Windows drive and network paths, and refuses relative or drive-relative ones', () => {
    const windows = { platform: 'win32' as const, username: 'ilse' };
    expect(loadPolicy(write({ dataFolder: 'D:\\MDO\\{username}', backupFolder: '\\\\nas\\mdo$\\backups' }), windows)).toMatchObject({
      dataFolder: 'D:\\MDO\\ilse',
      backupFolder: '\\\\nas\\mdo$\\backups',
    });
    for (const folder of ['MDO\\data', '\\MDO', 'D:MDO', '/srv/mdo']) {
      const error = failure(write({ dataFolder: folder }), windows);
      expect(error.problem).toBe('schema');
      expect(error.message).toContain(`"dataFolder" moet een volledig pad zijn`);
      expect(error.message).toContain(folder);
    }
    expect(failure(write({ backupFolder: 'backups' })).message).toContain('"backupFolder" moet een volledig pad zijn');
  });

  it('refuses bad JSON, naming the file and the problem in Dutch', () => {
    const file = write('{ "lockMinutes": 10, }');
    const error = failure(file);
    expect(error.problem).toBe('json');
    expect(error.file).toBe(file);
    expect(error.message).toContain(`Bestand: ${file}`);
    expect(error.message).toContain('geen geldige JSON');
    expect(error.message).toContain('MDO start daarom niet');
  });

  it('reads the regiocoördinator certificate as PEM text or from a .pem file, and refuses anything else', () => {
    const pem = regionPem();
    expect(loadPolicy(write({ regionCertificate: pem }), posix).regionCertificatePem).toBe(pem.trim());
    const pemFile = temp.file('regio.pem');
    fs.writeFileSync(pemFile, `Bag Attributes\n    friendlyName: regio\n${pem}`);
    expect(loadPolicy(write({ regionCertificate: pemFile }), posix).regionCertificatePem).toBe(pem.trim());
    expect(failure(write({ regionCertificate: 'regio.pem' })).details).toEqual([nl.policy.regionCertificatePath('regio.pem')]);
    expect(failure(write({ regionCertificate: temp.file('missing.pem') })).details[0]).toContain('kan niet worden gelezen (ENOENT)');
    const notACertificate = temp.file('key.pem');
    fs.writeFileSync(notACertificate, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
    expect(failure(write({ regionCertificate: notACertificate })).details).toEqual([nl.policy.regionCertificateInvalid]);
    expect(failure(write({ regionCertificate: '-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----' })).details).toEqual([
      nl.policy.regionCertificateInvalid,
    ]);
  });

  it('refuses unknown keys, so a typo is never ignored', () => {
    const error = failure(write({ lockminutes: 10, offerDemoSchool: false, dataFolde: '/srv' }));
    expect(error.problem).toBe('schema');
    expect(error.details).toEqual([nl.policy.unknownKeys(['lockminutes', 'dataFolde'])]);
    expect(error.message).toContain('onbekende instellingen: "lockminutes", "dataFolde"');
  });

  it('refuses wrong types and values out of range, one line per key', () => {
    const error = failure(
      write({
        lockMinutes: '10',
        retentionYears: 0,
        allowPersonalCertificates: 'nee',
        offerDemoSchool: 1,
        dataFolder: 7,
        backupFolder: '',
      }),
    );
    expect(error.details).toEqual([
      '"dataFolder" moet een volledig pad naar een map (tekst) zijn',
      '"backupFolder" moet een volledig pad naar een map (tekst) zijn',
      '"lockMinutes" moet een geheel getal van 1 tot en met 240 (minuten) zijn',
      '"retentionYears" moet een geheel getal van 1 tot en met 20 (jaren na het afsluiten van een casus) zijn',
      '"allowPersonalCertificates" moet true of false zijn',
      '"offerDemoSchool" moet true of false zijn',
    ]);
    expect(nl.policy.rules.retentionYears).toContain(`tot en met ${MAX_RETENTION_YEARS} `);
    expect(failure(write({ lockMinutes: 241 })).details).toEqual([
      '"lockMinutes" moet een geheel getal van 1 tot en met 240 (minuten) zijn',
    ]);
    expect(failure(write({ lockMinutes: 2.5 })).details).toHaveLength(1);
    for (const notAnObject of ['[]', '"lockMinutes"', 'null', '42']) {
      expect(failure(write(notAnObject)).details).toEqual([nl.policy.notAnObject]);
    }
  });

  it('refuses a policy it cannot read instead of running without it', () => {
    const folder = temp.file('policy.json');
    fs.mkdirSync(folder);
    const error = failure(folder);
    expect(error.problem).toBe('unreadable');
    expect(error.message).toContain('kan niet worden gelezen (EISDIR)');
  });

  it('lives in one documented place per OS', () => {
    expect(policyLocation('win32', { ProgramData: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\MDO\\policy.json');
    expect(policyLocation('win32', {})).toBe('C:\\ProgramData\\MDO\\policy.json');
    expect(policyLocation('darwin', {})).toBe('/Library/Application Support/MDO/policy.json');
    expect(policyLocation('linux', {})).toBe('/etc/mdo/policy.json');
  });

  it('is taken from MDO_POLICY only outside an installed app', () => {
    const env = { MDO_POLICY: '/tmp/test-policy.json' };
    expect(policyFileFor({ packaged: false, env, platform: 'linux' })).toBe('/tmp/test-policy.json');
    expect(policyFileFor({ packaged: true, env, platform: 'linux' })).toBe('/etc/mdo/policy.json');
    expect(policyFileFor({ packaged: false, env: {}, platform: 'darwin' })).toBe('/Library/Application Support/MDO/policy.json');
  });

  it('puts the database in the policy folder; MDO_DB wins only where IT set no folder or outside an installed app', () => {
    const policy: MachinePolicy = { ...NO_POLICY, source: '/etc/mdo/policy.json', dataFolder: '/srv/mdo/ilse' };
    const userData = '/home/ilse/.config/MDO';
    expect(databasePath({ policy: NO_POLICY, userData, packaged: true, env: {} })).toBe(path.join(userData, 'mdo.db'));
    expect(databasePath({ policy, userData, packaged: true, env: {} })).toBe(path.join('/srv/mdo/ilse', 'mdo.db'));
    expect(databasePath({ policy, userData, packaged: true, env: { MDO_DB: '/tmp/other.db' } })).toBe(path.join('/srv/mdo/ilse', 'mdo.db'));
    expect(databasePath({ policy, userData, packaged: false, env: { MDO_DB: '/tmp/other.db' } })).toBe('/tmp/other.db');
    expect(databasePath({ policy: NO_POLICY, userData, packaged: true, env: { MDO_DB: '/tmp/other.db' } })).toBe('/tmp/other.db');
  });
});

describe('machine policy in the IPC handlers', () => {
  let temp: ReturnType<typeof tempDir>;
  let session: Session;
  const clock = fixedClock('2026-11-25T09:00:00Z');
  const routerWith = (policy: MachinePolicy): Router =>
    createRouter(
      handlers,
      {
        session,
        clock,
        appVersion: 'x',
        files: folderDialogs(temp.dir),
        backups: new Backups(session, { clock, appVersion: 'x' }),
        policy,
      },
      () => {},
    );
  const managed: MachinePolicy = {
    ...NO_POLICY,
    source: '/etc/mdo/policy.json',
    lockMinutes: 15,
    retentionYears: 7,
    allowPersonalCertificates: false,
    offerDemoSchool: false,
  };
  const refused = { ok: false, error: { code: 'POLICY', message: nl.errors.POLICY } };

  beforeEach(async () => {
    temp = tempDir('mdo-policy-router-');
    session = new Session(temp.file('policy.db'), { kdfParams: TEST_KDF_PARAMS });
    await session.init();
  });
  afterEach(async () => {
    await session.close();
    temp.remove();
  });

  it('tells the screens what IT fixed, and refuses the demo school when IT left it out', async () => {
    const router = routerWith(managed);
    expect(await router.call('app.info', undefined)).toMatchObject({
      ok: true,
      data: {
        database: { state: 'missing' },
        policy: { lockMinutesFixed: true, allowPersonalCertificates: false, offerDemoSchool: false, retentionDefaultYears: 7 },
      },
    });
    expect(await router.call('setup.start', { mode: 'demo' })).toEqual(refused);
    expect(session.state.state).toBe('missing');
    expect(
      await router.call('setup.start', {
        mode: 'empty',
        schoolName: 'De Linde',
        passphrase: 'een lang wachtwoord',
        ibName: 'Fatima el Amrani',
        ibRoleCode: 'ib',
      }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('fixes the lock timeout, refuses personal certificates and sets the retention default', async () => {
    const router = routerWith(managed);
    await router.call('setup.start', {
      mode: 'empty',
      schoolName: 'De Linde',
      passphrase: 'een lang wachtwoord',
      ibName: 'Fatima el Amrani',
      ibRoleCode: 'ib',
    });
    expect(await router.call('app.info', undefined)).toMatchObject({ ok: true, data: { database: { state: 'open', lockMinutes: 15 } } });
    expect(await router.call('session.setLockMinutes', { minutes: 120 })).toEqual(refused);
    expect(await session.lockMinutes()).toBe(5);

    // Refused before the member is even looked up.
    expect(await router.call('certificates.create', { memberId: 1, passphrase: 'geheim wachtwoord' })).toEqual(refused);
    expect(await router.call('certificates.list', { schoolId: 1 })).toEqual({ ok: true, data: [] });

    // A school without its own setting gets IT's default; its own choice still wins.
    expect(await router.call('retention.get', { schoolId: 1 })).toEqual({ ok: true, data: { yearsAfterClose: 7, isDefault: true } });
    expect(await router.call('retention.preview', { schoolId: 1 })).toMatchObject({ ok: true, data: { yearsAfterClose: 7 } });
    await router.call('retention.set', { schoolId: 1, yearsAfterClose: 4 });
    expect(await router.call('retention.get', { schoolId: 1 })).toEqual({ ok: true, data: { yearsAfterClose: 4, isDefault: false } });
  });

  it('leaves everything to the user without a policy', async () => {
    const router = routerWith(NO_POLICY);
    await router.call('setup.start', {
      mode: 'empty',
      schoolName: 'De Linde',
      passphrase: 'een lang wachtwoord',
      ibName: 'Fatima el Amrani',
      ibRoleCode: 'ib',
    });
    expect(await router.call('session.setLockMinutes', { minutes: 12 })).toEqual({ ok: true, data: null });
    expect(await router.call('app.info', undefined)).toMatchObject({
      ok: true,
      data: {
        database: { lockMinutes: 12 },
        policy: { lockMinutesFixed: false, allowPersonalCertificates: true, offerDemoSchool: true, retentionDefaultYears: 2 },
      },
    });
    expect(await router.call('retention.get', { schoolId: 1 })).toEqual({ ok: true, data: { yearsAfterClose: 2, isDefault: true } });
  });
});
