import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase } from '../../tests/fixtures/demoDatabase';
import { libreOfficeCheck, libreOfficeInfobar } from '../../tests/readers/libreoffice';
import { dutchStrings } from '../../tests/readers/libreofficeDutch';
import { recipientGuideMarkdown } from '../documents/recipientGuideText';
import { fingerprintInFours } from './fingerprintFours';
import { xmlsecVerify } from '../../tests/readers/xmlsec';
import { loadMinutesData } from '../documents/minutesData';
import { buildMinutesDocx } from '../documents/minutesDocx';
import { zipParts } from '../documents/packDocx';
import { CertificateError, createCertificate, readP12, type SigningIdentity } from './certificates';
import { signDocx } from './signDocx';
import { verifyDocx, type VerifyReport } from './verifyDocx';

const NOW = new Date('2026-11-25T10:00:00Z');

/** Re-zips a DOCX after changing one part, as someone editing the file by hand would. */
function tamper(docx: Uint8Array, part: string, change: (text: string) => string): Uint8Array {
  const parts = unzipSync(docx);
  const before = strFromU8(parts[part]);
  const after = change(before);
  expect(after).not.toBe(before);
  parts[part] = strToU8(after);
  return zipParts(parts);
}

const statuses = (report: VerifyReport) => (report.kind === 'signed' ? report.signers.map((signer) => signer.status) : report.kind);

describe('OOXML signatures', () => {
  const temp = tempDir('mdo-sign-');
  let verslag: Uint8Array;
  let chair: SigningIdentity;
  let minuteTaker: SigningIdentity;
  let signedTwice: Uint8Array;

  beforeAll(async () => {
    await createDemoDatabase(temp.file('demo.db'));
    const handle = await openDatabase(temp.file('demo.db'));
    const meeting = await handle.db.selectFrom('meeting').select('id').where('status', '=', 'held').executeTakeFirstOrThrow();
    const make = (name: string, role: string) =>
      readP12(
        createCertificate({
          name,
          role,
          organisation: 'Basisschool De Regenboog',
          passphrase: 'test-geheim',
          now: new Date('2026-09-01T00:00:00Z'),
        }),
        'test-geheim',
      );
    chair = make('Zeyneb Zuiderveld', 'Intern begeleider');
    minuteTaker = make('Maya Wagenaar', 'Schoolmaatschappelijk werk');
    // As vaststellen makes it: the signature block names both signers with their certificate's fingerprint.
    verslag = await buildMinutesDocx(await loadMinutesData(handle.db, meeting.id), {
      date: '2026-11-25',
      signers: [
        { meetingRole: 'chair', name: 'Zeyneb Zuiderveld', role: 'Intern begeleider', fingerprint: chair.certificate.fingerprint256 },
        {
          meetingRole: 'minuteTaker',
          name: 'Maya Wagenaar',
          role: 'Schoolmaatschappelijk werk',
          fingerprint: minuteTaker.certificate.fingerprint256,
        },
      ],
    });
    await handle.close();
    const once = signDocx(verslag, chair, { at: NOW, role: 'Voorzitter', purpose: 'Vaststelling verslag MDO' });
    signedTwice = signDocx(once, minuteTaker, { at: new Date(NOW.getTime() + 60_000), role: 'Notulist' });
  });
  afterAll(() => temp.remove());

  it('signs chair then minute-taker, and our verify names both with their role and fingerprint', () => {
    const report = verifyDocx(signedTwice);
    expect(report.kind).toBe('signed');
    if (report.kind !== 'signed') return;
    expect(report.valid).toBe(true);
    expect(report.signers.map((signer) => [signer.name, signer.claimedRole, signer.status, signer.signedAt])).toEqual([
      ['Zeyneb Zuiderveld', 'Voorzitter', 'valid', '2026-11-25T10:00:00Z'],
      ['Maya Wagenaar', 'Notulist', 'valid', '2026-11-25T10:01:00Z'],
    ]);
    expect(report.signers[0].fingerprint).toBe(chair.certificate.fingerprint256);
    // The block prints each fingerprint in fours; verify finds it there, and gives the SHA-1 Word and LibreOffice show.
    expect(report.signers.map((signer) => signer.inSignatureBlock)).toEqual([true, true]);
    expect(report.signers[0].sha1Fingerprint).toBe(fingerprintInFours(createHash('sha1').update(chair.certificate.raw).digest('hex')));
    // The document text itself is untouched by signing.
    expect(strFromU8(unzipSync(signedTwice)['word/document.xml'])).toBe(strFromU8(unzipSync(verslag)['word/document.xml']));
  });

  it('gives the same bytes for the same document, signer and moment', () => {
    const a = signDocx(verslag, chair, { at: NOW, role: 'Voorzitter' });
    const b = signDocx(verslag, chair, { at: NOW, role: 'Voorzitter' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('is accepted by xmlsec1 with every manifest reference checked', () => {
    const results = xmlsecVerify(signedTwice);
    expect(results.map((result) => result.part)).toEqual(['_xmlsignatures/sig1.xml', '_xmlsignatures/sig2.xml']);
    const parts = Object.keys(unzipSync(verslag)).filter((name) => name !== '[Content_Types].xml');
    // Every part is signed except .rels parts without relationships.
    const expected = parts.filter((name) => !name.endsWith('.rels') || /<Relationship /.test(strFromU8(unzipSync(verslag)[name]))).length;
    for (const result of results) {
      expect(result.ok, result.output).toBe(true);
      expect(result.manifest).toBe(`${expected}/${expected}`);
    }
  });

  it('is listed as valid by LibreOffice, which also renders the signed file with its headings', () => {
    const report = libreOfficeCheck(signedTwice, { pdf: true });
    expect(report.signatures).toHaveLength(2);
    expect(report.signatures.every((signature) => signature.valid)).toBe(true);
    expect(report.signatures[0].signer).toContain('CN=Zeyneb Zuiderveld');
    for (const heading of ['Verslag multidisciplinair overleg', 'Aanwezigheid', 'Besproken casussen', 'Actielijst', 'Ondertekening']) {
      expect(report.pdfText).toContain(heading);
    }
    // Read back from LibreOffice's rendering: each fingerprint in sixteen groups of four, eight to a line.
    const lines = report.pdfText!.split('\n').map((line) => line.trim());
    for (const signer of [chair, minuteTaker]) {
      const printed = fingerprintInFours(signer.certificate.fingerprint256);
      expect(printed).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
      const at = lines.indexOf(printed.slice(0, 39));
      expect(lines[at - 1]).toBe('Vingerafdruk certificaat (SHA-256):');
      expect(lines[at + 1]).toBe(printed.slice(40));
    }
    // What a recipient sees (docs/ontvangers.md says it word for word): valid, but LibreOffice cannot
    // validate the school's certificate and calls every signed OOXML file partially signed.
    expect(report.signatures.map(({ certificateStatus, partial }) => [certificateStatus !== 0, partial])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(libreOfficeInfobar(report.signatures)).toBe('STR_SIGNATURE_NOTVALIDATED_PARTIAL_OK');
    expect(recipientGuideMarkdown()).toContain(dutchStrings('sfx').get('STR_SIGNATURE_NOTVALIDATED_PARTIAL_OK'));
  });

  it('reports one changed character in word/document.xml: our verify, xmlsec1 and LibreOffice all say invalid', () => {
    const changed = tamper(signedTwice, 'word/document.xml', (text) => text.replace('Aanwezigheid', 'Aanwezigheit'));
    const report = verifyDocx(changed);
    expect(statuses(report)).toEqual(['changed', 'changed']);
    if (report.kind === 'signed') expect(report.signers[0].problems).toEqual(['word/document.xml changed after signing']);
    expect(xmlsecVerify(changed).map((result) => result.ok)).toEqual([false, false]);
    const office = libreOfficeCheck(changed).signatures;
    expect(office.map((signature) => signature.valid)).toEqual([false, false]);
    // LibreOffice's bar then says the document has an invalid signature, as the guide tells recipients.
    expect(libreOfficeInfobar(office)).toBe('STR_SIGNATURE_BROKEN');
    expect(recipientGuideMarkdown()).toContain(dutchStrings('sfx').get('STR_SIGNATURE_BROKEN'));
  });

  it('notices a forged signature value, a swapped certificate and a part added after signing', () => {
    const forged = tamper(signedTwice, '_xmlsignatures/sig1.xml', (text) =>
      text.replace(/<SignatureValue>(.)/, (_, c: string) => `<SignatureValue>${c === 'A' ? 'B' : 'A'}`),
    );
    expect(statuses(verifyDocx(forged))).toEqual(['invalid', 'valid']);

    const otherCert = minuteTaker.certificate.raw.toString('base64');
    const swapped = tamper(signedTwice, '_xmlsignatures/sig1.xml', (text) =>
      text.replace(/<X509Certificate>[^<]+/, `<X509Certificate>${otherCert}`),
    );
    expect(statuses(verifyDocx(swapped))).toEqual(['invalid', 'valid']);

    const parts = unzipSync(signedTwice);
    parts['word/media/extra.png'] = new Uint8Array([137, 80, 78, 71]);
    const added = verifyDocx(zipParts(parts));
    expect(statuses(added)).toEqual(['changed', 'changed']);
    if (added.kind === 'signed') expect(added.signers[0].problems).toContain('part word/media/extra.png was added after signing');
  });

  it('tells unsigned files, non-DOCX files and damaged zips apart', () => {
    expect(verifyDocx(verslag)).toEqual({ kind: 'unsigned' });
    expect(verifyDocx(strToU8('Dit is geen Word-bestand')).kind).toBe('not-docx');
    expect(verifyDocx(signedTwice.slice(0, signedTwice.length / 2)).kind).toBe('not-docx');
    // A zip, but not a Word document.
    expect(verifyDocx(zipParts({ 'notes.txt': strToU8('hallo') })).kind).toBe('not-docx');
  });

  it('refuses a wrong passphrase, a file that is no certificate, and an expired certificate', () => {
    const p12 = createCertificate({
      name: 'Oud',
      role: 'IB',
      organisation: 'School',
      passphrase: 'goed',
      now: new Date('2020-01-01T00:00:00Z'),
      days: 365,
    });
    expect(() => readP12(p12, 'fout')).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    expect(() => readP12(verslag, 'goed')).toThrow(expect.objectContaining({ code: 'NOT_P12' }));
    const expired = readP12(p12, 'goed');
    expect(() => signDocx(verslag, expired, { at: NOW })).toThrow(CertificateError);
    expect(() => signDocx(verslag, expired, { at: NOW })).toThrow(/expired on 2020-12-31/);
  });

  it('imports a .p12 made by OpenSSL the way a school PKI makes them (PBES2, AES-256, SHA-256 MAC)', () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        temp.file('key.pem'),
        '-out',
        temp.file('cert.pem'),
        '-days',
        '30',
        '-subj',
        '/CN=Schoolbestuur PKI test/O=Stichting Test',
      ],
      { stdio: 'ignore' },
    );
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-inkey',
        temp.file('key.pem'),
        '-in',
        temp.file('cert.pem'),
        '-out',
        temp.file('pki.p12'),
        '-passout',
        'pass:pki-geheim',
      ],
      { stdio: 'ignore' },
    );
    const identity = readP12(fs.readFileSync(temp.file('pki.p12')), 'pki-geheim');
    const signed = signDocx(verslag, identity, { at: new Date() });
    const report = verifyDocx(signed);
    expect(report.kind === 'signed' && report.signers[0]).toMatchObject({
      name: 'Schoolbestuur PKI test',
      organisation: 'Stichting Test',
      status: 'valid',
    });
  });
});
