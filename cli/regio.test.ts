import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { readContributionFile } from '../core/regio/contributionFile';
import { tempDir } from '../tests/e2e/harness';
import { createDemoDatabase } from '../tests/fixtures/demoDatabase';
import { runCli } from './run';
import { readP12 } from '../core/signing/certificates';

const PASSPHRASE = 'regio-geheim-2026';
const NOW = '2026-11-25T09:00:00Z';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    clock: fixedClock(NOW),
    env: { MDO_CERT_PASSPHRASE: PASSPHRASE },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The CSV's tables: everything from the first table title on (the meta above names the schools and the day). */
function csvTables(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  return text.slice(text.indexOf('\r\n\r\n'));
}

describe('mdo export regio and regio combine', () => {
  const temp = tempDir('mdo-cli-regio-');
  const board = temp.file('board.db');
  const coordinator = { p12: temp.file('coordinator.p12'), pem: temp.file('coordinator.pem') };
  const other = { p12: temp.file('other.p12'), pem: temp.file('other.pem') };
  const quarter = ['--from', '2026-08-01', '--to', '2026-10-31'];
  let schools: { id: number; name: string }[];

  beforeAll(async () => {
    await createDemoDatabase(board, 'board');
    for (const [who, name] of [
      [coordinator, 'Regio Noord'],
      [other, 'Regio Zuid'],
    ] as const) {
      expect((await cli('cert', 'create', '--regio', '--name', name, '--out', who.p12)).code).toBe(0);
      expect((await cli('cert', 'public', '--cert', who.p12, '--out', who.pem)).code).toBe(0);
    }
    const listed = await cli('export', 'regio', '--db', board, ...quarter, '--for', coordinator.pem, '--out', temp.file('x.mdoregio'));
    expect(listed.code).toBe(2);
    schools = [...listed.err.matchAll(/^ {2}(\d+) {2}(.+)$/gm)].map((match) => ({ id: Number(match[1]), name: match[2] }));
  }, 120_000);
  afterAll(() => temp.remove());

  it('asks which school of a board file, listing the ids, and writes one contribution per school only the coordinator opens', async () => {
    expect(schools.length).toBe(2);
    for (const school of schools) {
      const out = temp.file(`school-${school.id}.mdoregio`);
      const result = await cli(
        'export',
        'regio',
        '--db',
        board,
        ...quarter,
        '--for',
        coordinator.pem,
        '--out',
        out,
        '--school',
        String(school.id),
      );
      expect(result).toMatchObject({ code: 0, err: '' });
      expect(result.out).toContain(`contribution of ${school.name}, 2026-08-01 to 2026-10-31`);
      expect(result.out).toContain('Encrypted for Regio Noord (SHA-256 ');
      const key = readP12(fs.readFileSync(coordinator.p12), PASSPHRASE);
      const read = await readContributionFile(fs.readFileSync(out), [key]);
      expect(read.contribution.school.name).toBe(school.name);
      expect(read.signer.subject).toBe(school.name);
    }
    // The same school again: signed with the same key the database keeps for it.
    const again = temp.file('again.mdoregio');
    expect(
      (await cli('export', 'regio', '--db', board, ...quarter, '--for', coordinator.pem, '--out', again, '--school', String(schools[0].id)))
        .code,
    ).toBe(0);
    const key = readP12(fs.readFileSync(coordinator.p12), PASSPHRASE);
    const [first, second] = await Promise.all(
      [temp.file(`school-${schools[0].id}.mdoregio`), again].map((file) => readContributionFile(fs.readFileSync(file), [key])),
    );
    expect(second.signer.fingerprint).toBe(first.signer.fingerprint);
    // Signed with a personal certificate instead.
    const ib = temp.file('ib.p12');
    expect((await cli('cert', 'create', '--name', 'Ilse Bakker', '--role', 'IB', '--out', ib)).code).toBe(0);
    const personal = temp.file('personal.mdoregio');
    const signed = await cli(
      'export',
      'regio',
      '--db',
      board,
      ...quarter,
      '--for',
      coordinator.pem,
      '--out',
      personal,
      '--school',
      String(schools[1].id),
      '--sign',
      '--cert',
      ib,
    );
    expect(signed.out).toContain('Signed by Ilse Bakker (SHA-256 ');
    expect((await readContributionFile(fs.readFileSync(personal), [key])).signer.subject).toBe('Ilse Bakker');
  });

  it('combines into the tables export monitoring writes for the same schools, and names every refused file', async () => {
    const files = schools.map((school) => temp.file(`school-${school.id}.mdoregio`));
    const combined = temp.file('regio.csv');
    const result = await cli('regio', 'combine', '--key', coordinator.p12, '--out', combined, ...files);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/Wrote .*regio\.csv .*2 school\(s\), 2026-08-01 to 2026-10-31/);
    const monitoring = temp.file('monitoring.csv');
    expect((await cli('export', 'monitoring', '--db', board, ...quarter, '--out', monitoring)).code).toBe(0);
    expect(csvTables(combined)).toBe(csvTables(monitoring));
    const docx = temp.file('regio.docx');
    expect((await cli('regio', 'combine', '--key', coordinator.p12, '--out', docx, ...files)).code).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    // Every kind of bad file, next to the good ones.
    const forOther = temp.file('other.mdoregio');
    expect(
      (await cli('export', 'regio', '--db', board, ...quarter, '--for', other.pem, '--out', forOther, '--school', String(schools[0].id)))
        .code,
    ).toBe(0);
    const changed = temp.file('changed.mdoregio');
    const bytes = fs.readFileSync(files[0]);
    const at = Math.floor(bytes.length * 0.6);
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    fs.writeFileSync(changed, bytes);
    const truncated = temp.file('truncated.mdoregio');
    fs.writeFileSync(truncated, fs.readFileSync(files[1]).subarray(0, 900));
    const notOne = temp.file('notes.mdoregio');
    fs.writeFileSync(notOne, 'Notulen van het MDO');
    const newer = temp.file('again.mdoregio');
    const out = temp.file('partial.csv');
    const refused = await cli(
      'regio',
      'combine',
      '--key',
      coordinator.p12,
      '--out',
      out,
      files[1],
      forOther,
      changed,
      truncated,
      notOne,
      files[0],
      newer,
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`Refused ${forOther}: not for this coordinator`);
    expect(refused.err).toContain(`Refused ${changed}: changed after signing`);
    expect(refused.err).toMatch(new RegExp(`Refused ${truncated}: (not a contribution|changed after signing)`));
    expect(refused.err).toContain(`Refused ${notOne}: not a contribution`);
    expect(refused.err).toContain(`Refused ${files[0]}: another file for the same school and period (${newer})`);
    expect(refused.err).toContain(`Refused ${newer}: another file for the same school and period (${files[0]})`);
    expect(refused.out).toContain(`Used ${files[1]}: ${schools[1].name}`);
    expect(refused.out).toMatch(/1 school\(s\)/);
    // The same file twice is one file.
    expect((await cli('regio', 'combine', '--key', coordinator.p12, '--out', temp.file('twice.csv'), files[1], files[1])).code).toBe(0);
  });

  it('exits 2 for bad arguments and no files, and 1 for a wrong passphrase, writing nothing', async () => {
    const file = temp.file(`school-${schools[0].id}.mdoregio`);
    for (const argv of [
      ['regio'],
      ['regio', 'combine', '--key', coordinator.p12, '--out', temp.file('r.csv')],
      ['regio', 'combine', '--out', temp.file('r.csv'), file],
      ['regio', 'combine', '--key', coordinator.p12, '--out', temp.file('r.pdf'), file],
      ['regio', 'combine', '--key', coordinator.p12, '--out', temp.file('r.csv'), temp.file('missing.mdoregio')],
      ['export', 'regio', '--db', board, ...quarter, '--out', temp.file('y.mdoregio')],
      [
        'export',
        'regio',
        '--db',
        board,
        '--from',
        '2026-13-01',
        '--to',
        '2026-10-31',
        '--for',
        coordinator.pem,
        '--out',
        temp.file('y.mdoregio'),
      ],
      [
        'export',
        'regio',
        '--db',
        board,
        ...quarter,
        '--for',
        coordinator.pem,
        '--out',
        temp.file('y.docx'),
        '--school',
        String(schools[0].id),
      ],
      ['export', 'regio', '--db', board, ...quarter, '--for', coordinator.pem, '--out', temp.file('y.mdoregio'), '--school', '999'],
    ]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
    }
    const wrong = await runCli(['regio', 'combine', '--key', coordinator.p12, '--out', temp.file('w.csv'), file], {
      out: () => {},
      err: () => {},
      clock: fixedClock(NOW),
      env: { MDO_CERT_PASSPHRASE: 'not the passphrase' },
    });
    expect(wrong).toBe(1);
    const signingOnly = await cli(
      'export',
      'regio',
      '--db',
      board,
      ...quarter,
      '--for',
      temp.file('ib.p12'),
      '--out',
      temp.file('z.mdoregio'),
      '--school',
      String(schools[0].id),
    );
    expect(signingOnly.code).toBe(1);
    for (const name of ['r.csv', 'r.pdf', 'y.mdoregio', 'y.docx', 'w.csv', 'z.mdoregio'])
      expect(fs.existsSync(temp.file(name))).toBe(false);
  });
});
