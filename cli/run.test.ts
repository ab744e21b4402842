import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { root } from '../tests/e2e/build';
import { tempDir } from '../tests/e2e/harness';
import { childEnv } from '../tests/fixtures/childEnv';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openDatabase } from '../db/open';
import { createDemoDatabase } from '../tests/fixtures/demoDatabase';
import { zipParts } from '../core/documents/packDocx';
import { createCertificate } from '../core/signing/certificates';
import { runCli } from './run';

async function cli(...argv: string[]) {
  return cliWith({}, ...argv);
}

async function cliWith(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    clock: fixedClock('2026-11-25T09:00:00Z'),
    env,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('mdo CLI', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  // The CLI's demo database, made once and copied for each test that starts from it: making it took about 4 s a test.
  let template: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    template = tempDir();
    expect(await cli('demo', '--db', template.file('demo.db'))).toMatchObject({ code: 0, err: '' });
  });
  afterAll(() => template.remove());

  /** A copy of that demo database, with its key file, in this test's folder. */
  function demoCopy(name: string): string {
    const db = temp.file(name);
    fs.copyFileSync(template.file('demo.db'), db);
    fs.copyFileSync(template.file('demo.db.keys'), `${db}.keys`);
    return db;
  }

  it('creates the demo database and checks it healthy', async () => {
    const db = temp.file('demo.db');
    const demo = await cli('demo', '--db', db);
    expect(demo).toMatchObject({ code: 0, err: '' });
    expect(demo.out).toMatch(/1 school\(s\), 40 pupils, 12 cases/);
    const check = await cli('check', '--db', db);
    expect(check.code).toBe(0);
    expect(check.out).toBe(`OK: ${db}: integrity ok, schema version ${LATEST_SCHEMA_VERSION} of ${LATEST_SCHEMA_VERSION}.`);
    // Only the finished file and its key file are left behind: no temporary or journal files.
    expect(fs.readdirSync(temp.dir).sort()).toEqual(['demo.db', 'demo.db.keys']);
  });

  it('refuses to overwrite an existing file unless --force is given', async () => {
    const db = temp.file('keep.db');
    fs.writeFileSync(db, 'precious');
    expect(await cli('demo', '--db', db)).toMatchObject({ code: 1, err: `Error: ${db} already exists. Use --force to replace it.` });
    expect(fs.readFileSync(db, 'utf8')).toBe('precious');
    expect((await cli('demo', '--db', db, '--force')).code).toBe(0);
    expect((await cli('check', '--db', db)).code).toBe(0);
  });

  it('prints usage and exits 2 for unknown commands and bad arguments', async () => {
    for (const argv of [
      [],
      ['frobnicate'],
      ['demo'],
      ['demo', '--db'],
      ['demo', '--db', 'x.db', '--scale', 'huge'],
      ['check', '--db', 'x.db', '--verbose'],
      ['check', 'x.db'],
    ]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toContain('Usage: npm run mdo -- <command>');
    }
    expect(await cli('help')).toMatchObject({ code: 0 });
  });

  it('reports an unhealthy or foreign file in English and exits 1', async () => {
    const text = temp.file('notes.db');
    fs.writeFileSync(text, 'not a database at all\n'.repeat(100));
    expect(await cli('check', '--db', text)).toMatchObject({
      code: 1,
      err: 'Error: the file is not an MDO database (or it is encrypted with another key).',
    });
    expect(await cli('check', '--db', temp.file('missing.db'))).toMatchObject({ code: 1, err: 'Error: database file not found.' });
  });

  it('lists meetings as JSON and exports a verslag, a parent version and a dossier', async () => {
    const db = demoCopy('export.db');
    const listed = await cli('list', 'meetings', '--db', db, '--json');
    const meetings = JSON.parse(listed.out) as { id: number; status: string }[];
    expect(meetings.length).toBeGreaterThan(5);
    const cases = JSON.parse((await cli('list', 'cases', '--db', db, '--json')).out) as { id: number; firstName: string }[];
    expect(cases[0]).toHaveProperty('firstName');

    expect(await cli('export', 'verslag', '--db', db, '--meeting', 'latest', '--out', temp.file('verslag.docx'))).toMatchObject({
      code: 0,
    });
    expect(fs.readFileSync(temp.file('verslag.docx')).subarray(0, 2).toString()).toBe('PK');
    expect((await cli('export', 'dossier', '--db', db, '--case', String(cases[0].id), '--out', temp.file('dossier.docx'))).code).toBe(0);

    // A case that was not discussed in that meeting: a clear error and no file.
    const result = await cli(
      'export',
      'ouder',
      '--db',
      db,
      '--meeting',
      String(meetings[0].id),
      '--case',
      '999999',
      '--out',
      temp.file('ouder.docx'),
    );
    expect(result).toMatchObject({ code: 1, err: 'Error: no such case discussed in that meeting in this database.' });
    expect(fs.existsSync(temp.file('ouder.docx'))).toBe(false);
    expect((await cli('export', 'verslag', '--db', db, '--meeting', 'abc', '--out', temp.file('x.docx'))).code).toBe(2);
    expect((await cli('export', 'brief', '--db', db, '--out', temp.file('x.docx'))).code).toBe(2);
    expect((await cli('export', 'verslag', '--db', db, '--meeting', 'latest', '--out', temp.file('x.pdf'))).code).toBe(2);
    expect(fs.readdirSync(temp.dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('brings a database of an earlier release up to date only after a checked backup, then exports from it', async () => {
    const releases = path.join(root, 'tests', 'fixtures', 'releases');
    const old = fs.readdirSync(releases).find((name) => name.endsWith('.db'))!;
    const db = temp.file('oud.db');
    fs.copyFileSync(path.join(releases, old), db);
    fs.copyFileSync(path.join(releases, `${old}.keys`), `${db}.keys`);
    const oldVersion = /schema version (\d+) of \d+ \(\d+ migration\(s\) will run/.exec((await cli('check', '--db', db)).out)?.[1];
    expect(oldVersion).toBeDefined();

    const listed = await cli('list', 'meetings', '--db', db, '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out).length).toBeGreaterThan(0);
    const saved = /saved as (.+\.db)\.$/.exec(listed.err)?.[1];
    expect(saved, listed.err).toBeDefined();
    expect(path.dirname(saved!)).toBe(temp.file('backups'));
    // The backup is the old release's data, checked, and opens with the same passphrase.
    expect((await cli('check', '--db', saved!)).out).toMatch(new RegExp(`schema version ${oldVersion} of`));
    expect((await cli('check', '--db', db)).out).toMatch(
      new RegExp(`schema version ${LATEST_SCHEMA_VERSION} of ${LATEST_SCHEMA_VERSION}\\.$`),
    );
    // Once up to date, reading makes no further backup.
    expect((await cli('list', 'cases', '--db', db)).err).toBe('');
    expect(fs.readdirSync(temp.file('backups')).filter((name) => name.endsWith('.db'))).toHaveLength(1);
  });

  it('does not write a verslag an older MDO stored with characters XML cannot hold', async () => {
    const db = temp.file('demo.db');
    await createDemoDatabase(db);
    const handle = await openDatabase(db);
    const stored = await handle.db
      .selectFrom('minutes')
      .select(['id', 'meetingId', 'docx'])
      .where('status', '=', 'finalized')
      .executeTakeFirstOrThrow();
    const parts = unzipSync(Uint8Array.from(stored.docx!));
    parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']).replace('</w:t>', 'Quibus\uFFFE\uFFFF</w:t>'));
    await handle.db
      .updateTable('minutes')
      .set({ docx: zipSync(parts) })
      .where('id', '=', stored.id)
      .execute();
    await handle.close();
    const out = temp.file('verslag.docx');
    const result = await cli('export', 'verslag', '--db', db, '--meeting', String(stored.meetingId), '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Error: the document is not valid \(word\/document\.xml .*start a correction in the app/);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('runs as `npm run mdo -- check` with the documented exit code', async () => {
    const db = demoCopy('cli.db');
    const run = promisify(execFile);
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    // Whatever MDO_* variables the caller has (MDO_PASSPHRASE in a school's script), the CLI gets none.
    const options = { cwd: root, env: childEnv() };
    // Both processes at once: each spends most of its time starting tsx.
    const [ok, bogus] = await Promise.allSettled([
      run(tsx, [path.join(root, 'cli', 'mdo.ts'), 'check', '--db', db], options),
      run(tsx, [path.join(root, 'cli', 'mdo.ts'), 'bogus'], options),
    ]);
    expect(ok).toMatchObject({ status: 'fulfilled', value: { stdout: expect.stringContaining('integrity ok') } });
    expect(bogus).toMatchObject({ status: 'rejected', reason: { code: 2 } });
  });

  it('creates a certificate, exports and signs a finalized verslag, stores the signature, and verifies it', async () => {
    const db = demoCopy('sign.db');
    const env = { MDO_CERT_PASSPHRASE: 'ib-geheim-2026' };
    const cert = temp.file('ib.p12');
    const created = await cliWith(
      env,
      'cert',
      'create',
      '--name',
      'Ilse Bakker',
      '--role',
      'Intern begeleider',
      '--organisation',
      'OBS De Linde',
      '--out',
      cert,
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(
      /^Wrote .*ib\.p12: Ilse Bakker \(Intern begeleider\), certificate SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\.$/,
    );
    const fingerprint = created.out.slice(created.out.lastIndexOf(' ') + 1, -1);

    const out = temp.file('verslag-getekend.docx');
    const exported = await cliWith(env, 'export', 'verslag', '--db', db, '--meeting', 'latest', '--out', out, '--sign', '--cert', cert);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    const verified = await cli('verify', out);
    expect(verified.code).toBe(0);
    expect(verified.out).toBe(`valid   Ilse Bakker (Intern begeleider), signed 2026-11-25T09:00:00Z, certificate SHA-256 ${fingerprint}`);

    // The signature is kept with the verslag: exporting again without --sign gives the same signed bytes.
    const again = temp.file('opnieuw.docx');
    const meetingId = /meeting (\d+)\.$/.exec(exported.out)![1];
    expect((await cli('export', 'verslag', '--db', db, '--meeting', meetingId, '--out', again)).code).toBe(0);
    expect(fs.readFileSync(again).equals(fs.readFileSync(out))).toBe(true);
    expect(
      await cliWith(
        env,
        'export',
        'verslag',
        '--db',
        db,
        '--meeting',
        'latest',
        '--out',
        temp.file('twice.docx'),
        '--sign',
        '--cert',
        cert,
      ),
    ).toMatchObject({
      code: 1,
      err: 'Error: this verslag is already signed with this certificate.',
    });

    // A parent version can be signed too; it is built fresh and not stored.
    const cases = JSON.parse((await cli('list', 'cases', '--db', db, '--json')).out) as { id: number }[];
    const dossier = temp.file('dossier.docx');
    expect(
      (await cliWith(env, 'export', 'dossier', '--db', db, '--case', String(cases[0].id), '--out', dossier, '--sign', '--cert', cert)).code,
    ).toBe(0);
    expect((await cli('verify', dossier)).code).toBe(0);
  });

  it('verify exits 1 for a changed document and 2 for an unsigned file or a file that is no DOCX', async () => {
    const db = demoCopy('verify.db');
    const env = { MDO_CERT_PASSPHRASE: 'ib-geheim-2026' };
    const cert = temp.file('ib.p12');
    expect((await cliWith(env, 'cert', 'create', '--name', 'Ilse Bakker', '--role', 'IB', '--out', cert)).code).toBe(0);
    const signed = temp.file('signed.docx');
    expect(
      (await cliWith(env, 'export', 'verslag', '--db', db, '--meeting', 'latest', '--out', signed, '--sign', '--cert', cert)).code,
    ).toBe(0);

    const parts = unzipSync(fs.readFileSync(signed));
    parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']).replace('Aanwezigheid', 'Aanwezigheit'));
    fs.writeFileSync(temp.file('changed.docx'), zipParts(parts));
    const changed = await cli('verify', temp.file('changed.docx'));
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/^changed Ilse Bakker \(IB\), .*: word\/document\.xml changed after signing$/);

    const unsigned = temp.file('unsigned.docx');
    expect((await cli('export', 'verslag', '--db', db, '--meeting', 'latest', '--out', unsigned)).code).toBe(0);
    // "latest" without --sign is the newest held meeting, which is not finalized: no signature.
    expect(await cli('verify', unsigned)).toMatchObject({ code: 2, err: `Error: ${unsigned} has no digital signature.` });
    fs.writeFileSync(temp.file('brief.docx'), 'Beste ouders,');
    expect(await cli('verify', temp.file('brief.docx'))).toMatchObject({ code: 2, err: expect.stringContaining('not a DOCX document') });
    fs.writeFileSync(temp.file('half.docx'), fs.readFileSync(signed).subarray(0, 3000));
    expect((await cli('verify', temp.file('half.docx'))).code).toBe(2);
    expect((await cli('verify', temp.file('missing.docx'))).code).toBe(2);
    expect((await cli('verify')).code).toBe(2);
  });

  it('refuses a wrong or missing passphrase and an expired certificate, and writes nothing', async () => {
    const db = demoCopy('refuse.db');
    const cert = temp.file('ib.p12');
    expect(
      (await cliWith({ MDO_CERT_PASSPHRASE: 'goed-wachtwoord' }, 'cert', 'create', '--name', 'Ilse', '--role', 'IB', '--out', cert)).code,
    ).toBe(0);
    const out = temp.file('x.docx');
    const sign = (env: Record<string, string>, file = cert) =>
      cliWith(env, 'export', 'verslag', '--db', db, '--meeting', 'latest', '--out', out, '--sign', '--cert', file);
    expect(await sign({ MDO_CERT_PASSPHRASE: 'fout' })).toMatchObject({ code: 1, err: 'Error: The certificate passphrase is wrong.' });
    expect((await sign({})).code).toBe(2);
    // The passphrase never comes from the command line.
    expect(
      (
        await cliWith(
          {},
          'export',
          'verslag',
          '--db',
          db,
          '--meeting',
          'latest',
          '--out',
          out,
          '--sign',
          '--cert',
          cert,
          '--passphrase',
          'goed-wachtwoord',
        )
      ).code,
    ).toBe(2);
    expect((await cli('export', 'verslag', '--db', db, '--meeting', 'latest', '--out', out, '--sign')).code).toBe(2);

    const expired = temp.file('oud.p12');
    fs.writeFileSync(
      expired,
      createCertificate({
        name: 'Oud',
        role: 'IB',
        organisation: '',
        passphrase: 'oud-wachtwoord',
        now: new Date('2020-01-01T00:00:00Z'),
        days: 30,
      }),
    );
    expect(await sign({ MDO_CERT_PASSPHRASE: 'oud-wachtwoord' }, expired)).toMatchObject({
      code: 1,
      err: 'Error: The certificate expired on 2020-01-31.',
    });
    expect(await sign({ MDO_CERT_PASSPHRASE: 'goed-wachtwoord' }, db)).toMatchObject({
      code: 1,
      err: 'Error: The file is not a PKCS#12 (.p12/.pfx) certificate file.',
    });
    expect(
      (await cliWith({ MDO_CERT_PASSPHRASE: 'kort' }, 'cert', 'create', '--name', 'X', '--role', 'IB', '--out', temp.file('k.p12'))).code,
    ).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(temp.file('k.p12'))).toBe(false);
    const signatures = await cli('list', 'meetings', '--db', db, '--json');
    expect(signatures.code).toBe(0);
  });

  it('exports the anonymous monitoring report as DOCX or CSV for a period, and refuses bad dates', async () => {
    const db = demoCopy('monitoring.db');
    const docx = await cli(
      'export',
      'monitoring',
      '--db',
      db,
      '--from',
      '2025-11-25',
      '--to',
      '2026-11-25',
      '--out',
      temp.file('rapport.docx'),
    );
    expect(docx).toMatchObject({ code: 0, err: '' });
    expect(docx.out).toMatch(/anonymous report for 1 school\(s\), 2025-11-25 to 2026-11-25\.$/);
    expect(fs.readFileSync(temp.file('rapport.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(
      (
        await cli(
          'export',
          'monitoring',
          '--db',
          db,
          '--from',
          '2025-11-25',
          '--to',
          '2026-11-25',
          '--out',
          temp.file('rapport.csv'),
          '--school',
          '1',
        )
      ).code,
    ).toBe(0);
    expect(fs.readFileSync(temp.file('rapport.csv'), 'utf8')).toMatch(/^\uFEFFMonitoringsrapportage MDO\r\n/);

    for (const args of [
      ['--from', '2026-11-25', '--to', '2025-11-25', '--out', temp.file('a.csv')],
      ['--from', '25-11-2025', '--to', '2026-11-25', '--out', temp.file('b.csv')],
      ['--from', '2025-11-25', '--to', '2026-11-25', '--out', temp.file('c.pdf')],
      ['--from', '2025-11-25', '--out', temp.file('d.csv')],
    ]) {
      expect((await cli('export', 'monitoring', '--db', db, ...args)).code, args.join(' ')).toBe(2);
    }
    expect(
      await cli(
        'export',
        'monitoring',
        '--db',
        db,
        '--from',
        '2025-11-25',
        '--to',
        '2026-11-25',
        '--out',
        temp.file('e.csv'),
        '--school',
        '77',
      ),
    ).toMatchObject({
      code: 1,
      err: 'Error: no such school in this database.',
    });
    expect(fs.readdirSync(temp.dir).sort()).toEqual(['monitoring.db', 'monitoring.db.keys', 'rapport.csv', 'rapport.docx']);
  });

  it("refuses a weak MDO_PASSPHRASE for a new database by the app's rule, in English, writing nothing", async () => {
    const db = temp.file('zwak.db');
    expect(await cliWith({ MDO_PASSPHRASE: 'wachtwoord123' }, 'demo', '--db', db)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^Error: MDO_PASSPHRASE is too easy to guess: .*four or five unrelated words/),
    });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('encrypts the demo database, and opens an encrypted one only with MDO_PASSPHRASE', async () => {
    const db = temp.file('geheim.db');
    const created = await cliWith({ MDO_PASSPHRASE: 'ib-wachtwoord-2026' }, 'demo', '--db', db);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/encrypted with MDO_PASSPHRASE\.$/);
    const names = JSON.parse((await cliWith({ MDO_PASSPHRASE: 'ib-wachtwoord-2026' }, 'list', 'cases', '--db', db, '--json')).out) as {
      firstName: string;
      lastName: string;
    }[];
    const bytes = fs.readFileSync(db);
    for (const pupil of names) expect(bytes.includes(`${pupil.firstName} ${pupil.lastName}`)).toBe(false);
    expect(fs.readFileSync(`${db}.keys`, 'utf8')).not.toContain('ib-wachtwoord-2026');

    expect(await cli('check', '--db', db)).toMatchObject({
      code: 2,
      err: expect.stringContaining('set its passphrase in the environment variable MDO_PASSPHRASE'),
    });
    const before = fs.readFileSync(db);
    expect(await cliWith({ MDO_PASSPHRASE: 'fout' }, 'check', '--db', db)).toMatchObject({
      code: 1,
      err: 'Error: the database passphrase (MDO_PASSPHRASE) is wrong; nothing was changed.',
    });
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect((await cliWith({ MDO_PASSPHRASE: 'ib-wachtwoord-2026' }, 'check', '--db', db)).code).toBe(0);
    // The plain demo school needs no passphrase: it uses the public one.
    const demo = await cli('demo', '--db', temp.file('demo.db'));
    expect(demo.out).toContain("encrypted with the demo passphrase 'demo-mdo-2026'");
    expect((await cli('check', '--db', temp.file('demo.db'))).code).toBe(0);
  });
});
