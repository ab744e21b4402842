import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { nl } from '../core/i18n/nl';
import { verifyDocx } from '../core/signing/verifyDocx';
import { openDatabase } from '../db/open';
import { tempDir } from '../tests/e2e/harness';
import { docxTableRows, docxText, expectedActions } from '../tests/fixtures/actionLists';
import { createDemoDatabase } from '../tests/fixtures/demoDatabase';
import { runCli } from './run';

const NOW = '2026-11-25T09:00:00Z';
const PASSPHRASE = 'acties-geheim-2026';

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

describe('mdo export acties', () => {
  const temp = tempDir('mdo-cli-acties-');
  const board = temp.file('board.db');
  const cert = temp.file('ib.p12');
  let expected: (meetingId: number, memberId: number) => ReturnType<typeof expectedActions>;
  let otherSchoolMember: number;
  let schoolOneMembers: number[];

  beforeAll(async () => {
    await createDemoDatabase(board, 'board');
    const handle = await openDatabase(board, { readonly: true });
    // Plain SQL, read once: the CLI opens the file itself.
    const cache = new Map<string, ReturnType<typeof expectedActions>>();
    for (const meetingId of [9, 24])
      for (const memberId of handle.sqlite.prepare('SELECT id FROM member').pluck().all() as number[])
        cache.set(`${meetingId}:${memberId}`, expectedActions(handle.sqlite, meetingId, memberId));
    otherSchoolMember = handle.sqlite.prepare('SELECT id FROM member WHERE school_id = 2 ORDER BY id LIMIT 1').pluck().get() as number;
    schoolOneMembers = handle.sqlite.prepare('SELECT id FROM member WHERE school_id = 1 ORDER BY id').pluck().all() as number[];
    await handle.close();
    expected = (meetingId, memberId) => cache.get(`${meetingId}:${memberId}`)!;
    expect((await cli('cert', 'create', '--name', 'Zeyneb Zuiderveld', '--role', 'IB', '--out', cert)).code).toBe(0);
  }, 120_000);
  afterAll(() => temp.remove());

  it("writes each member's own open agreements, as the database holds them", async () => {
    for (const memberId of schoolOneMembers) {
      const out = temp.file(`acties-${memberId}.docx`);
      const result = await cli('export', 'acties', '--db', board, '--meeting', '9', '--member', String(memberId), '--out', out);
      expect(result.code, result.err).toBe(0);
      const want = expected(9, memberId);
      expect(result.out).toBe(`Wrote ${out} (${fs.statSync(out).size} bytes): ${want.length} open agreement(s) of member ${memberId}.`);
      const docx = fs.readFileSync(out);
      expect(docxTableRows(docx).length).toBe(want.length);
      expect(docxText(docx)).toContain(nl.actionList.docs.count(want.length));
    }
  });

  it('signs with --sign --cert, and replaces an existing file only with --force', async () => {
    const out = temp.file('signed.docx');
    const args = ['export', 'acties', '--db', board, '--meeting', '9', '--member', '5', '--out', out];
    const signed = await cli(...args, '--sign', '--cert', cert);
    expect(signed.code, signed.err).toBe(0);
    expect(signed.out).toMatch(/, signed: \d+ open agreement/);
    const verified = verifyDocx(fs.readFileSync(out));
    expect(verified).toMatchObject({ kind: 'signed', valid: true });
    const again = await cli(...args);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists\. Use --force/);
    expect((await cli(...args, '--force')).code).toBe(0);
    expect(verifyDocx(fs.readFileSync(out)).kind).toBe('unsigned');
  });

  it("refuses a member of another school than the meeting's, writing nothing", async () => {
    const out = temp.file('other.docx');
    const result = await cli('export', 'acties', '--db', board, '--meeting', '9', '--member', String(otherSchoolMember), '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`Error: member ${otherSchoolMember} belongs to another school than meeting 9; nothing was written.`);
    expect(fs.existsSync(out)).toBe(false);
    // The other school's own meeting does work for that member.
    const own = await cli('export', 'acties', '--db', board, '--meeting', '24', '--member', String(otherSchoolMember), '--out', out);
    expect(own.code, own.err).toBe(0);
    expect(docxTableRows(fs.readFileSync(out)).length).toBe(expected(24, otherSchoolMember).length);
  });

  it('says what is wrong with a meeting or member that does not exist (exit 1)', async () => {
    const out = temp.file('missing.docx');
    const meeting = await cli('export', 'acties', '--db', board, '--meeting', '999', '--member', '2', '--out', out);
    expect(meeting.code).toBe(1);
    expect(meeting.err).toMatch(/^Error: no meeting 999 in this database/);
    const member = await cli('export', 'acties', '--db', board, '--meeting', '9', '--member', '999', '--out', out);
    expect(member.code).toBe(1);
    expect(member.err).toBe('Error: no member 999 in this database.');
    const db = await cli('export', 'acties', '--db', temp.file('nothing.db'), '--meeting', '9', '--member', '2', '--out', out);
    expect(db.code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it.each([
    [['--meeting', '9', '--member', '2', '--out', 'x.docx'], '--db FILE is required'],
    [['--db', 'b.db', '--member', '2', '--out', 'x.docx'], '--meeting must be a positive number'],
    [['--db', 'b.db', '--meeting', '9', '--out', 'x.docx'], '--member must be a positive number'],
    [['--db', 'b.db', '--meeting', '9', '--member', 'Jonah', '--out', 'x.docx'], '--member must be a positive number'],
    [['--db', 'b.db', '--meeting', '9', '--member', '2'], '--out FILE.docx is required'],
    [['--db', 'b.db', '--meeting', '9', '--member', '2', '--out', 'x.pdf'], '--out FILE.docx is required'],
    [['--db', 'b.db', '--meeting', '9', '--member', '2', '--out', 'x.docx', '--sign'], '--sign and --cert FILE.p12 go together'],
    [['--db', 'b.db', '--meeting', '9', '--member', '2', '--out', 'x.docx', '--cert', 'c.p12'], '--sign and --cert FILE.p12 go together'],
    [['--db', 'b.db', '--meeting', '9', '--member', '2', '--out', 'x.docx', '--case', '3'], "Unknown option '--case'"],
  ])('exits 2 with the usage for bad arguments: %j', async (args, message) => {
    const result = await cli('export', 'acties', ...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err).toContain('export acties --db FILE --meeting ID --member ID --out FILE.docx');
  });
});
