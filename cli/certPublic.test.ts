import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { openContribution, sealContribution } from '../core/regio/cms';
import { readCertificateFile } from '../core/regio/keyPairs';
import { readP12 } from '../core/signing/certificates';
import { tempDir } from '../tests/e2e/harness';
import { openssl, testKey } from '../tests/fixtures/regio';
import { runCli } from './run';

const PASSPHRASE = 'regio-geheim-2026';

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

const cli = (...argv: string[]) => cliWith({ MDO_CERT_PASSPHRASE: PASSPHRASE }, ...argv);

describe('mdo cert create --regio and cert public', () => {
  let temp: ReturnType<typeof tempDir>;
  let coordinatorP12: string;
  let signingP12: string;

  beforeAll(async () => {
    temp = tempDir();
    coordinatorP12 = temp.file('coordinator.p12');
    signingP12 = temp.file('ib.p12');
    const made = await cli(
      'cert',
      'create',
      '--regio',
      '--name',
      'Coördinator Regio Noord',
      '--organisation',
      'Gemeente Alkmaar',
      '--out',
      coordinatorP12,
    );
    expect(made).toMatchObject({ code: 0, err: '' });
    expect(made.out).toMatch(
      /^Wrote .*coordinator\.p12: region coordinator certificate for Coördinator Regio Noord, certificate SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\.\n/,
    );
    expect((await cli('cert', 'create', '--name', 'Ilse Bakker', '--role', 'IB', '--out', signingP12)).code).toBe(0);
  });
  afterAll(() => temp.remove());

  it('writes the certificate only, with the fingerprint openssl computes, and schools can encrypt for it', async () => {
    const pem = temp.file('coordinator.pem');
    const result = await cli('cert', 'public', '--cert', coordinatorP12, '--out', pem);
    expect(result).toMatchObject({ code: 0, err: '' });
    const text = fs.readFileSync(pem, 'utf8');
    expect(text).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    expect(text).not.toMatch(/PRIVATE KEY/);
    const fingerprint = openssl('x509', '-noout', '-fingerprint', '-sha256', '-in', pem).toString().trim().split('=')[1];
    expect(result.out.split('\n')).toEqual([
      `Wrote ${pem}: the certificate only (no private key).`,
      'Subject: CN=Coördinator Regio Noord, O=Gemeente Alkmaar',
      `SHA-256 fingerprint: ${fingerprint}`,
      `Valid until: ${new Date(Date.parse('2026-11-25T09:00:00Z') + 1095 * 86_400_000).toISOString().slice(0, 10)}`,
    ]);
    expect(openssl('x509', '-noout', '-ext', 'keyUsage', '-in', pem).toString()).toMatch(/Digital Signature, Key Encipherment/);

    // The school encrypts for the .pem; the coordinator opens with the .p12.
    const school = testKey(temp.dir, 'school', 'school', 'OBS De Regenboog');
    const sealed = await sealContribution(new TextEncoder().encode('{}'), school.identity, readCertificateFile(fs.readFileSync(pem)));
    const coordinator = readP12(fs.readFileSync(coordinatorP12), PASSPHRASE);
    expect((await openContribution(sealed, [coordinator])).recipientFingerprint).toBe(fingerprint);
  });

  it('replaces an existing file only with --force', async () => {
    const pem = temp.file('existing.pem');
    fs.writeFileSync(pem, 'kostbaar');
    expect(await cli('cert', 'public', '--cert', coordinatorP12, '--out', pem)).toMatchObject({
      code: 1,
      err: `Error: ${pem} already exists. Use --force to replace it.`,
    });
    expect(fs.readFileSync(pem, 'utf8')).toBe('kostbaar');
    expect((await cli('cert', 'public', '--cert', coordinatorP12, '--out', pem, '--force')).code).toBe(0);
    expect(fs.readFileSync(pem, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('says when the certificate is for signing only', async () => {
    const result = await cli('cert', 'public', '--cert', signingP12, '--out', temp.file('ib.pem'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Subject: CN=Ilse Bakker, title=IB\n/);
    expect(result.out).toMatch(
      /Note: this certificate is for signing only; schools cannot encrypt a contribution for it \(make one with cert create --regio\)\.$/,
    );
  });

  it('fails with exit 1 on a wrong passphrase or a file that is no .p12, and writes nothing', async () => {
    const pem = temp.file('never.pem');
    expect(await cliWith({ MDO_CERT_PASSPHRASE: 'verkeerd-wachtwoord' }, 'cert', 'public', '--cert', coordinatorP12, '--out', pem)).toEqual(
      {
        code: 1,
        out: '',
        err: 'Error: The certificate passphrase is wrong.',
      },
    );
    fs.writeFileSync(temp.file('not.p12'), 'geen certificaat');
    expect(await cli('cert', 'public', '--cert', temp.file('not.p12'), '--out', pem)).toMatchObject({
      code: 1,
      err: 'Error: The file is not a PKCS#12 (.p12/.pfx) certificate file.',
    });
    expect(fs.existsSync(pem)).toBe(false);
    expect(fs.readdirSync(temp.dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('fails with exit 2 and the usage on missing or bad arguments', async () => {
    const pem = temp.file('x.pem');
    for (const argv of [
      ['cert', 'public', '--out', pem],
      ['cert', 'public', '--cert', coordinatorP12],
      ['cert', 'public', '--cert', coordinatorP12, '--out', temp.file('x.p12')],
      ['cert', 'public', '--cert', coordinatorP12, '--out', pem, '--key'],
      ['cert', 'publish', '--cert', coordinatorP12, '--out', pem],
    ]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toMatch(/Usage: npm run mdo/);
    }
    expect(await cli('cert', 'public', '--cert', temp.file('missing.p12'), '--out', pem)).toMatchObject({
      code: 2,
      err: `Error: certificate file ${temp.file('missing.p12')} not found.`,
    });
    expect((await cliWith({}, 'cert', 'public', '--cert', coordinatorP12, '--out', pem)).err).toMatch(/MDO_CERT_PASSPHRASE/);
    expect((await cliWith({}, 'cert', 'public', '--cert', coordinatorP12, '--out', pem)).code).toBe(2);
    expect(fs.existsSync(pem)).toBe(false);
    // --regio makes the role optional, not the name.
    expect((await cli('cert', 'create', '--regio', '--out', temp.file('y.p12'))).code).toBe(2);
    expect((await cli('cert', 'create', '--name', 'Zonder rol', '--out', temp.file('y.p12'))).code).toBe(2);
  });

  it('documents both commands in the usage text', async () => {
    const help = await cli('help');
    expect(help.out).toContain('cert create --regio --name NAME --out FILE.p12');
    expect(help.out).toContain('cert public --cert FILE.p12 --out FILE.pem [--force]');
  });
});
