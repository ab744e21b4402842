import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { openDatabase } from '../db/open';
import { tempDir } from '../tests/e2e/harness';
import { createDemoDatabase } from '../tests/fixtures/demoDatabase';
import { readIcs } from '../tests/readers/ics';
import { runCli } from './run';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    clock: fixedClock('2026-11-25T09:00:00Z'),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('mdo export uitnodiging', () => {
  const temp = tempDir('mdo-cli-invitation-');
  const db = temp.file('demo.db');
  let planned: number;
  let held: number;

  beforeAll(async () => {
    await createDemoDatabase(db);
    const handle = await openDatabase(db);
    const ids = async (status: 'planned' | 'held') =>
      (await handle.db.selectFrom('meeting').select('id').where('status', '=', status).executeTakeFirstOrThrow()).id;
    planned = await ids('planned');
    held = await ids('held');
    await handle.close();
  }, 60_000);
  afterAll(() => temp.remove());

  it('writes the invitation, keeps its UID and SEQUENCE when sent again, and raises SEQUENCE after a change', async () => {
    const first = temp.file('first.ics');
    const result = await cli('export', 'uitnodiging', '--db', db, '--meeting', String(planned), '--out', first);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Wrote .*first\.ics \(\d+ bytes\): invitation for meeting \d+, SEQUENCE 0\.$/);
    const sent = readIcs(fs.readFileSync(first));
    expect(sent.method).toBe('REQUEST');
    expect(sent.events).toHaveLength(1);

    // The same again: an existing file is only replaced with --force, and nothing changed, so the same SEQUENCE.
    const refused = await cli('export', 'uitnodiging', '--db', db, '--meeting', String(planned), '--out', first);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already exists\. Use --force/);
    expect((await cli('export', 'uitnodiging', '--db', db, '--meeting', String(planned), '--out', first, '--force')).code).toBe(0);
    expect(readIcs(fs.readFileSync(first)).events[0]).toMatchObject({ uid: sent.events[0].uid, sequence: 0 });

    const handle = await openDatabase(db);
    await handle.db.updateTable('meeting').set({ startTime: '13:45' }).where('id', '=', planned).execute();
    await handle.close();
    const moved = temp.file('moved.ics');
    expect((await cli('export', 'uitnodiging', '--db', db, '--meeting', String(planned), '--out', moved)).code).toBe(0);
    expect(readIcs(fs.readFileSync(moved)).events[0]).toMatchObject({ uid: sent.events[0].uid, sequence: 1 });
  });

  it('refuses bad arguments with exit 2 and the usage, and a held or unknown meeting with exit 1, writing nothing', async () => {
    const out = temp.file('bad.ics');
    for (const argv of [
      ['--db', db, '--meeting', String(planned), '--out', temp.file('bad.docx')],
      ['--db', db, '--meeting', String(planned)],
      ['--db', db, '--meeting', 'morgen', '--out', out],
      ['--db', db, '--out', out],
      ['--meeting', String(planned), '--out', out],
      ['--db', db, '--meeting', String(planned), '--out', out, '--sign'],
    ]) {
      const result = await cli('export', 'uitnodiging', ...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toContain('Usage: npm run mdo');
    }
    const heldResult = await cli('export', 'uitnodiging', '--db', db, '--meeting', String(held), '--out', out);
    expect(heldResult).toMatchObject({ code: 1, err: 'Error: meeting already held; nothing was written.' });
    const unknown = await cli('export', 'uitnodiging', '--db', db, '--meeting', '9999', '--out', out);
    expect(unknown).toMatchObject({ code: 1, err: 'Error: no such meeting in this database.' });
    const missing = await cli('export', 'uitnodiging', '--db', temp.file('none.db'), '--meeting', '1', '--out', out);
    expect(missing).toMatchObject({ code: 1, err: 'Error: database file not found.' });
    expect(fs.existsSync(out)).toBe(false);
  });
});
