import fs from 'node:fs';
import { strFromU8, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/e2e/harness';
import { openssl, sampleContribution, testKey, type TestKey } from '../../tests/fixtures/regio';
import { sealContribution } from './cms';
import { decodeContribution, encodeContribution, readContributionFile, writeContributionFile } from './contributionFile';

describe('the .mdoregio file', () => {
  let temp: ReturnType<typeof tempDir>;
  let school: TestKey;
  let coordinator: TestKey;
  let other: TestKey;

  beforeAll(() => {
    temp = tempDir();
    school = testKey(temp.dir, 'school', 'school', 'OBS De Regenboog');
    coordinator = testKey(temp.dir, 'coordinator', 'coordinator', 'Coördinator Regio Noord');
    other = testKey(temp.dir, 'other', 'coordinator', 'Coördinator Regio Zuid');
  });
  afterAll(() => temp.remove());

  /** A file sealed by MDO around arbitrary content: the signature and encryption are right, the JSON need not be. */
  const sealedJson = async (json: string) => sealContribution(strToU8(json), school.identity, coordinator.identity.certificate);
  const refusalCode = (bytes: Uint8Array) =>
    readContributionFile(bytes, [coordinator.identity]).then(
      () => 'accepted',
      (error: { code?: string }) => error.code,
    );

  it('writes a contribution that the coordinator reads back whole, with the signer and the file hash', async () => {
    const contribution = sampleContribution();
    const bytes = await writeContributionFile(contribution, school.identity, coordinator.identity.certificate);
    const file = temp.file('regenboog.mdoregio');
    fs.writeFileSync(file, bytes);
    const read = await readContributionFile(fs.readFileSync(file), [other.identity, coordinator.identity]);
    expect(read.contribution).toEqual(contribution);
    expect(read.signer).toEqual({ fingerprint: school.fingerprint, subject: 'OBS De Regenboog', certificatePem: school.certificatePem });
    expect(read.fileSha256).toBe(openssl('dgst', '-sha256', '-r', file).toString().split(' ')[0]);

    // Inside is UTF-8 JSON without a BOM, readable as it is.
    openssl('cms', '-decrypt', '-inkey', coordinator.key, '-recip', coordinator.pem, '-in', file, '-out', temp.file('inner.der'));
    openssl('cms', '-verify', '-inform', 'DER', '-in', temp.file('inner.der'), '-CAfile', school.pem, '-out', temp.file('content.json'));
    const json = fs.readFileSync(temp.file('content.json'));
    expect(json[0]).toBe('{'.charCodeAt(0));
    expect(JSON.parse(json.toString('utf8'))).toEqual(contribution);
  });

  it("accepts a contribution made with openssl alone from MDO's documented JSON", async () => {
    // Written by hand, not by MDO's encoder: compact, keys in another order.
    const { measures, ...rest } = sampleContribution();
    const json = temp.file('handmade.json');
    fs.writeFileSync(json, JSON.stringify({ measures, ...rest }));
    openssl(
      'cms',
      '-sign',
      '-in',
      json,
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
      temp.file('signed.der'),
    );
    openssl(
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
      temp.file('signed.der'),
      '-out',
      temp.file('handmade.mdoregio'),
    );
    const read = await readContributionFile(fs.readFileSync(temp.file('handmade.mdoregio')), [coordinator.identity]);
    expect(read.contribution).toEqual(sampleContribution());
    expect(read.signer.fingerprint).toBe(school.fingerprint);
  });

  it('refuses signed and encrypted content that is not a contribution', async () => {
    const valid = sampleContribution();
    const withoutMeasures: Partial<typeof valid> = { ...valid };
    delete withoutMeasures.measures;
    const cases = {
      'not JSON': 'Dit is geen JSON',
      'JSON, not an object': '[1, 2, 3]',
      'a field missing': JSON.stringify(withoutMeasures),
      'a field too many': JSON.stringify({ ...valid, pupils: ['Ayla'] }),
      'parts that do not add up': JSON.stringify({
        ...valid,
        measures: { ...valid.measures, effect: { ...valid.measures.effect, yes: 4 } },
      }),
      'another format': JSON.stringify({ ...valid, format: 'iets-anders', formatVersion: 2 }),
      'a version that is no number': JSON.stringify({ ...valid, formatVersion: '2' }),
    };
    for (const [what, json] of Object.entries(cases)) expect(await refusalCode(await sealedJson(json)), what).toBe('NOT_CONTRIBUTION');
    // Not UTF-8 at all.
    expect(
      await refusalCode(await sealContribution(Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d), school.identity, coordinator.identity.certificate)),
    ).toBe('NOT_CONTRIBUTION');
  });

  it('refuses a newer format version as too new, even when it has fields this version does not know', async () => {
    const newer = { ...sampleContribution(), formatVersion: 3, measures: { ...sampleContribution().measures, waitingList: 3 } };
    expect(await refusalCode(await sealedJson(JSON.stringify(newer)))).toBe('TOO_NEW');
    expect(() => decodeContribution(strToU8(JSON.stringify(newer)))).toThrow(/format version 3; this MDO reads up to version 2/);
  });

  it('passes on the refusals of the envelope: another coordinator, a changed byte, no CMS', async () => {
    const bytes = await writeContributionFile(sampleContribution(), school.identity, coordinator.identity.certificate);
    await expect(readContributionFile(bytes, [other.identity])).rejects.toMatchObject({ code: 'NOT_FOR_US' });
    const text = strFromU8(bytes);
    const changed = strToU8(text.slice(0, 600) + (text[600] === 'A' ? 'B' : 'A') + text.slice(601));
    expect(await refusalCode(changed)).toMatch(/^(TAMPERED|NOT_CMS|NOT_FOR_US)$/);
    expect(await refusalCode(strToU8(JSON.stringify(sampleContribution())))).toBe('NOT_CMS');
  });

  it('encodes UTF-8 JSON without a BOM, reads one with a BOM, and never writes an invalid contribution', () => {
    const contribution = sampleContribution({ school: { name: 'Basisschool Ünal & Zoë' } });
    const bytes = encodeContribution(contribution);
    expect(bytes[0]).toBe('{'.charCodeAt(0));
    expect(strFromU8(bytes)).toContain('"name": "Basisschool Ünal & Zoë"');
    expect(decodeContribution(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual(contribution);
    const broken = { ...contribution, period: { from: '2026-12-01', to: '2026-01-01' } };
    expect(() => encodeContribution(broken)).toThrow(
      expect.objectContaining({ code: 'NOT_CONTRIBUTION', message: expect.stringContaining('period ends before it starts') }),
    );
  });
});
