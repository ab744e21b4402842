import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/e2e/harness';
import { openssl, seededRandom, testKey, type TestKey } from '../../tests/fixtures/regio';
import { ContributionError, openContribution, sealContribution, type OpenedEnvelope } from './cms';

const CONTENT = strToU8(`${JSON.stringify({ format: 'test', counts: [48, 3, 0], school: 'Basisschool Ünal' }, null, 2)}\n`);

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The DER inside S/MIME text (the body after the headers is base64). */
function derOf(smime: Uint8Array): Buffer {
  const text = Buffer.from(smime).toString('latin1');
  return Buffer.from(text.slice(text.indexOf('\r\n\r\n') + 4), 'base64');
}

async function refusal(bytes: Uint8Array, keys: TestKey[]): Promise<string | OpenedEnvelope> {
  try {
    return await openContribution(
      bytes,
      keys.map((key) => key.identity),
    );
  } catch (error) {
    if (error instanceof ContributionError) return error.code;
    throw error;
  }
}

describe('regiobijdrage CMS: SignedData inside EnvelopedData', () => {
  let temp: ReturnType<typeof tempDir>;
  let school: TestKey;
  let coordinator: TestKey;
  let otherCoordinator: TestKey;
  let sealed: Uint8Array;

  beforeAll(async () => {
    temp = tempDir();
    school = testKey(temp.dir, 'school', 'school', 'OBS De Regenboog');
    coordinator = testKey(temp.dir, 'coordinator', 'coordinator', 'Coördinator Regio Noord');
    otherCoordinator = testKey(temp.dir, 'other', 'coordinator', 'Coördinator Regio Zuid');
    sealed = await sealContribution(CONTENT, school.identity, coordinator.identity.certificate);
  });
  afterAll(() => temp.remove());

  it('writes S/MIME text that openssl decrypts, and whose school signature openssl verifies', () => {
    const text = Buffer.from(sealed).toString('latin1');
    expect(text).toMatch(
      /^MIME-Version: 1\.0\r\nContent-Disposition: attachment; filename="smime\.p7m"\r\nContent-Type: application\/pkcs7-mime; smime-type=enveloped-data/,
    );
    const lines = text.split('\r\n\r\n')[1].trimEnd().split('\r\n');
    expect(lines.slice(0, -1).every((line) => line.length === 64)).toBe(true);

    const file = temp.file('mdo.mdoregio');
    fs.writeFileSync(file, sealed);
    // The default input format of openssl cms is S/MIME: no -inform flag.
    openssl('cms', '-decrypt', '-inkey', coordinator.key, '-recip', coordinator.pem, '-in', file, '-out', temp.file('inner.der'));
    // The school's certificate is self-signed, so in -CAfile it is its own trust anchor: no -partial_chain needed.
    openssl('cms', '-verify', '-inform', 'DER', '-in', temp.file('inner.der'), '-CAfile', school.pem, '-out', temp.file('content.json'));
    expect(fs.readFileSync(temp.file('content.json'))).toEqual(Buffer.from(CONTENT));

    // What the file says it is, as openssl reads it: RSA-OAEP SHA-256 / MGF1-SHA-256, AES-256-CBC, signed data inside.
    const outer = openssl('cms', '-cmsout', '-print', '-in', file).toString();
    expect(outer).toMatch(/algorithm: rsaesOaep[\s\S]*OBJECT +:sha256[\s\S]*OBJECT +:mgf1[\s\S]*OBJECT +:sha256/);
    expect(outer).toMatch(/contentType: pkcs7-signedData[\s\S]*algorithm: aes-256-cbc/);
    const inner = openssl('cms', '-cmsout', '-print', '-inform', 'DER', '-in', temp.file('inner.der')).toString();
    expect(inner).toMatch(/eContentType: pkcs7-data/);
    for (const attribute of ['contentType', 'signingTime', 'messageDigest', 'id-smime-aa-signingCertificateV2'])
      expect(inner).toContain(`object: ${attribute} `);
    expect(inner).toMatch(/signatureAlgorithm: \n\s+algorithm: sha256WithRSAEncryption/);
    // A wrong trust anchor fails: the verification above really checked the school's certificate.
    expect(() =>
      openssl('cms', '-verify', '-inform', 'DER', '-in', temp.file('inner.der'), '-CAfile', otherCoordinator.pem, '-out', temp.file('x')),
    ).toThrow();
  });

  it('opens its own file in S/MIME (CRLF and LF), PEM and DER, naming the signer and the key it was for', async () => {
    const der = derOf(sealed);
    const pem = `-----BEGIN CMS-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CMS-----\n`;
    const lf = Buffer.from(Buffer.from(sealed).toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    for (const form of [sealed, lf, strToU8(pem), der]) {
      // The coordinator's older key is given too: the right one is found.
      const opened = await openContribution(form, [otherCoordinator.identity, coordinator.identity]);
      expect(opened.content).toEqual(CONTENT);
      expect(opened.signer.fingerprint256).toBe(school.fingerprint);
      expect(opened.recipientFingerprint).toBe(coordinator.fingerprint);
    }
  });

  it('opens a file made entirely by openssl: a signed DER file encrypted as data, in every output form', async () => {
    const contentFile = temp.file('openssl-content.json');
    fs.writeFileSync(contentFile, CONTENT);
    const signed = temp.file('signed.der');
    openssl(
      'cms',
      '-sign',
      '-in',
      contentFile,
      '-signer',
      school.pem,
      '-inkey',
      school.key,
      '-nodetach',
      '-binary',
      '-outform',
      'DER',
      '-md',
      'sha256',
      '-out',
      signed,
    );
    const encrypt = [
      'cms',
      '-encrypt',
      '-binary',
      '-aes256',
      '-recip',
      coordinator.pem,
      '-keyopt',
      'rsa_padding_mode:oaep',
      '-keyopt',
      'rsa_oaep_md:sha256',
      '-in',
      signed,
    ];
    const forms: Record<string, string[]> = {
      smime: [],
      der: ['-outform', 'DER'],
      pem: ['-outform', 'PEM'],
      // Indefinite lengths (BER), and the recipient named by its subject key identifier.
      stream: ['-outform', 'DER', '-stream'],
      keyid: ['-keyid'],
      // Sound, if not what MDO writes: OAEP with SHA-1 (openssl's default hash for OAEP) and AES-128.
      'oaep-sha1-aes128': ['-aes128', '-keyopt', 'rsa_oaep_md:sha1'],
    };
    for (const [form, extra] of Object.entries(forms)) {
      const out = temp.file(`openssl-${form}.p7m`);
      openssl(...encrypt, ...extra, '-out', out);
      const opened = await openContribution(fs.readFileSync(out), [coordinator.identity]);
      expect(opened.content, form).toEqual(CONTENT);
      expect(opened.signer.fingerprint256, form).toBe(school.fingerprint);
    }
  });

  it('refuses a file encrypted for another coordinator, and a recipient certificate that is for signing only', async () => {
    expect(await refusal(sealed, [otherCoordinator])).toBe('NOT_FOR_US');
    expect(await refusal(sealed, [])).toBe('NOT_FOR_US');
    await expect(sealContribution(CONTENT, school.identity, school.identity.certificate)).rejects.toMatchObject({
      code: 'NOT_CERTIFICATE',
    });
  });

  it('refuses every changed byte of the DER form: never a result with other content', async () => {
    const der = derOf(sealed);
    const random = seededRandom(17);
    const codes = new Map<string, number>();
    for (let i = 0; i < 250; i++) {
      const changed = Buffer.from(der);
      const at = Math.floor(random() * der.length);
      changed[at] ^= 1 + Math.floor(random() * 255);
      const result = await refusal(changed, [coordinator]);
      expect(typeof result, `byte ${at} changed`).toBe('string');
      codes.set(result as string, (codes.get(result as string) ?? 0) + 1);
    }
    // Each kind of damage is caught where it lands: the envelope, the recipient, the encrypted content.
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['NOT_CMS', 'TAMPERED']));
  });

  it('refuses every changed byte of the base64 text; a changed mail header at most leaves the same content', async () => {
    const text = Buffer.from(sealed);
    const bodyStart = text.indexOf('\r\n\r\n') + 4;
    const random = seededRandom(29);
    let headerChanges = 0;
    for (let i = 0; i < 250; i++) {
      const changed = Buffer.from(text);
      // One in five in the headers, the rest in the base64 body.
      const at = i % 5 === 0 ? Math.floor(random() * bodyStart) : bodyStart + Math.floor(random() * (text.length - bodyStart));
      // In the body, every other change is another base64 letter: still valid base64, so the bytes beneath change.
      const letter = BASE64.indexOf(String.fromCharCode(changed[at]));
      if (at >= bodyStart && letter >= 0 && i % 2 === 0) changed[at] = BASE64.charCodeAt((letter + 1 + Math.floor(random() * 63)) % 64);
      else changed[at] ^= 1 + Math.floor(random() * 255);
      const result = await refusal(changed, [coordinator]);
      if (at < bodyStart && typeof result !== 'string') {
        headerChanges++;
        expect(result.content).toEqual(CONTENT);
        expect(result.signer.fingerprint256).toBe(school.fingerprint);
      } else if (changed.subarray(bodyStart).toString('latin1').trimEnd() !== text.subarray(bodyStart).toString('latin1').trimEnd()) {
        expect(typeof result, `byte ${at} changed`).toBe('string');
      }
    }
    // Most header changes break the headers a reader needs; those that do not (a file name) change nothing.
    expect(headerChanges).toBeLessThan(50);
  });

  it('refuses a file cut off at any length', async () => {
    const der = derOf(sealed);
    const text = Buffer.from(sealed);
    const lastBase64 = text.toString('latin1').trimEnd().length;
    const random = seededRandom(5);
    const cuts = (end: number) => [0, 1, 2, end - 1, end - 2, end - 16, ...Array.from({ length: 120 }, () => Math.floor(random() * end))];
    for (const length of cuts(der.length))
      expect(await refusal(der.subarray(0, length), [coordinator]), `DER cut at ${length}`).toBe('NOT_CMS');
    for (const length of cuts(lastBase64))
      expect(await refusal(text.subarray(0, length), [coordinator]), `text cut at ${length}`).toBe('NOT_CMS');
  });

  it('refuses what is no CMS message: random bytes, an empty file, a DOCX, a certificate, plain JSON', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    const random = seededRandom(3);
    const garbage = Array.from({ length: 20 }, (_, i) => Uint8Array.from({ length: 1 + i * 97 }, () => Math.floor(random() * 256)));
    for (const bytes of [
      new Uint8Array(0),
      docx,
      strToU8(school.certificatePem),
      fs.readFileSync(school.key),
      CONTENT,
      randomBytes(4096),
      ...garbage,
    ])
      expect(await refusal(bytes, [coordinator])).toBe('NOT_CMS');
    // A DER certificate starts like any DER message, and is refused as well.
    expect(await refusal(school.identity.certificate.raw, [coordinator])).toBe('NOT_CMS');
  });

  it('refuses well-made CMS that is not a sealed contribution', async () => {
    const contentFile = temp.file('plain.json');
    fs.writeFileSync(contentFile, CONTENT);
    const signed = temp.file('only-signed.der');
    openssl(
      'cms',
      '-sign',
      '-in',
      contentFile,
      '-signer',
      school.pem,
      '-inkey',
      school.key,
      '-nodetach',
      '-binary',
      '-outform',
      'DER',
      '-md',
      'sha256',
      '-out',
      signed,
    );
    const encrypt = (input: string, out: string, ...extra: string[]) => {
      openssl('cms', '-encrypt', '-binary', '-aes256', '-recip', coordinator.pem, ...extra, '-in', input, '-out', temp.file(out));
      return fs.readFileSync(temp.file(out));
    };
    const oaep = ['-keyopt', 'rsa_padding_mode:oaep', '-keyopt', 'rsa_oaep_md:sha256'];
    // Signed, not encrypted: the mail in between would read it.
    expect(await refusal(fs.readFileSync(signed), [coordinator])).toBe('NOT_CONTRIBUTION');
    // Encrypted, not signed: nobody vouches for it.
    expect(await refusal(encrypt(contentFile, 'unsigned.p7m', ...oaep), [coordinator])).toBe('TAMPERED');
    // Signed without the signer's certificate: the signature cannot be checked.
    const noCerts = temp.file('no-certs.der');
    openssl(
      'cms',
      '-sign',
      '-in',
      contentFile,
      '-signer',
      school.pem,
      '-inkey',
      school.key,
      '-nodetach',
      '-binary',
      '-outform',
      'DER',
      '-nocerts',
      '-out',
      noCerts,
    );
    expect(await refusal(encrypt(noCerts, 'no-certs.p7m', ...oaep), [coordinator])).toBe('TAMPERED');
    // Signed by another key under the school's name: the certificate carried is not the signer's.
    const forged = await sealContribution(
      CONTENT,
      { privateKey: otherCoordinator.identity.privateKey, certificate: school.identity.certificate },
      coordinator.identity.certificate,
    );
    expect(await refusal(forged, [coordinator])).toBe('TAMPERED');
    // RSA PKCS#1 v1.5 key transport (openssl's default without -keyopt) is not the documented format.
    expect(await refusal(encrypt(signed, 'pkcs1.p7m'), [coordinator])).toBe('NOT_CONTRIBUTION');
    // Neither is an old cipher.
    expect(await refusal(encrypt(signed, 'des3.p7m', ...oaep, '-des3'), [coordinator])).toBe('NOT_CONTRIBUTION');
  });

  it('seals and opens quickly (RSA 3072)', async () => {
    const runs = 20;
    let sealMs = 0;
    let openMs = 0;
    for (let i = 0; i < runs; i++) {
      let start = performance.now();
      const file = await sealContribution(CONTENT, school.identity, coordinator.identity.certificate);
      sealMs += performance.now() - start;
      start = performance.now();
      await openContribution(file, [coordinator.identity]);
      openMs += performance.now() - start;
    }
    console.log(`seal ${(sealMs / runs).toFixed(1)} ms, open ${(openMs / runs).toFixed(1)} ms per file (mean of ${runs})`);
    expect(sealMs / runs).toBeLessThan(200);
    expect(openMs / runs).toBeLessThan(200);
  });
});
