import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { xmlParts } from '../core/documents/packDocx';
import { verifyDocx } from '../core/signing/verifyDocx';
import { openDatabase } from '../db/open';
import { tempDir } from '../tests/e2e/harness';
import { createDemoDatabase } from '../tests/fixtures/demoDatabase';
import { runCli } from './run';

const PASSPHRASE = 'agenda-certificaat-2026';
const NOW = '2026-11-25T09:00:00Z';

async function cli(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), clock: fixedClock(NOW), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const withCert = (...argv: string[]) => cli({ MDO_CERT_PASSPHRASE: PASSPHRASE }, ...argv);

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const bodyText = (file: string) => xmlParts(fs.readFileSync(file))['word/document.xml'].replace(/<[^>]+>/g, ' ');

describe('mdo export agenda', () => {
  const temp = tempDir('mdo-cli-agenda-');
  const db = temp.file('demo.db');
  const cert = temp.file('ib.p12');
  let planned: { id: number; date: string };
  let cancelled: number;

  beforeAll(async () => {
    await createDemoDatabase(db);
    const handle = await openDatabase(db);
    planned = await handle.db
      .selectFrom('meeting')
      .select(['id', 'date'])
      .where('status', '=', 'planned')
      .orderBy('date')
      .executeTakeFirstOrThrow();
    // One meeting cancelled, to see it refused.
    cancelled = (
      await handle.db
        .insertInto('meeting')
        .values({ schoolId: 1, date: '2027-01-11', startTime: '14:00', status: 'cancelled', createdAt: NOW, updatedAt: NOW })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await handle.close();
    expect((await withCert('cert', 'create', '--name', 'Ilse Bakker', '--role', 'Intern begeleider', '--out', cert)).code).toBe(0);
  }, 60_000);
  afterAll(() => temp.remove());

  it('writes the agenda of a meeting without changing the database, and refuses to replace a file unless --force', async () => {
    const out = temp.file('agenda.docx');
    const before = sha256(db);
    const result = await cli({}, 'export', 'agenda', '--db', db, '--meeting', String(planned.id), '--out', out);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(
      new RegExp(
        `^Wrote ${out} \\(\\d+ bytes\\): agenda of meeting ${planned.id} on ${planned.date}, \\d+ case\\(s\\), \\d+ of them anonymous\\.$`,
      ),
    );
    const text = bodyText(out);
    expect(text).toContain('Agenda multidisciplinair overleg');
    expect(text).toContain('Agendapunten');
    expect(sha256(db)).toBe(before);
    expect(verifyDocx(fs.readFileSync(out))).toEqual({ kind: 'unsigned' });

    const again = await cli({}, 'export', 'agenda', '--db', db, '--meeting', String(planned.id), '--out', out);
    expect(again).toMatchObject({ code: 1, err: `Error: ${out} already exists. Use --force to replace it.` });
    expect((await cli({}, 'export', 'agenda', '--db', db, '--meeting', String(planned.id), '--out', out, '--force')).code).toBe(0);
  });

  it('signs with --sign --cert: the signature verifies and names the signer', async () => {
    const out = temp.file('signed.docx');
    const result = await withCert('export', 'agenda', '--db', db, '--meeting', String(planned.id), '--out', out, '--sign', '--cert', cert);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Wrote .+ \(\d+ bytes\), signed: agenda of meeting/);
    const report = verifyDocx(fs.readFileSync(out));
    expect(report).toMatchObject({ kind: 'signed', valid: true, signers: [{ status: 'valid', name: 'Ilse Bakker' }] });
    // A wrong certificate passphrase writes nothing.
    const wrong = temp.file('wrong.docx');
    const refused = await cli(
      { MDO_CERT_PASSPHRASE: 'niet-het-goede' },
      ...['export', 'agenda', '--db', db, '--meeting', String(planned.id), '--out', wrong, '--sign', '--cert', cert],
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^Error: /);
    expect(fs.existsSync(wrong)).toBe(false);
  });

  it('answers bad arguments with exit 2 and the usage, and an unknown or cancelled meeting with exit 1', async () => {
    const out = temp.file('bad.docx');
    const meeting = ['--meeting', String(planned.id)];
    for (const [argv, message] of [
      [['--db', db, '--out', out], '--meeting must be a positive number'],
      [['--db', db, '--meeting', 'abc', '--out', out], '--meeting must be a positive number'],
      [['--db', db, ...meeting], '--out FILE.docx is required'],
      [['--db', db, ...meeting, '--out', temp.file('agenda.pdf')], '--out FILE.docx is required'],
      [['--db', db, ...meeting, '--out', out, '--sign'], '--sign and --cert FILE.p12 go together'],
      [['--db', db, ...meeting, '--out', out, '--cert', cert], '--sign and --cert FILE.p12 go together'],
      [[...meeting, '--out', out], '--db FILE is required'],
      [['--db', db, ...meeting, '--out', out, '--case', '3'], "Unknown option '--case'"],
    ] as const) {
      const result = await withCert('export', 'agenda', ...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toContain(message);
      expect(result.err).toContain('export agenda --db FILE --meeting ID --out FILE.docx [--sign --cert FILE.p12] [--force]');
    }
    const missingCert = await withCert('export', 'agenda', '--db', db, ...meeting, '--out', out, '--sign', '--cert', temp.file('none.p12'));
    expect(missingCert.code).toBe(2);
    expect(await cli({}, 'export', 'agenda', '--db', db, '--meeting', '99999', '--out', out)).toMatchObject({
      code: 1,
      err: 'Error: no such meeting in this database.',
    });
    expect(await cli({}, 'export', 'agenda', '--db', db, '--meeting', String(cancelled), '--out', out)).toMatchObject({
      code: 1,
      err: `Error: meeting ${cancelled} is cancelled; it has no agenda to send.`,
    });
    expect(await cli({}, 'export', 'agenda', '--db', temp.file('missing.db'), ...meeting, '--out', out)).toMatchObject({
      code: 1,
      err: 'Error: database file not found.',
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});
