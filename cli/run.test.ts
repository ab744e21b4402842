import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { root } from '../tests/e2e/build';
import { tempDir } from '../tests/e2e/harness';
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

describe('mdo CLI', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  it('creates the demo database and checks it healthy', async () => {
    const db = temp.file('demo.db');
    const demo = await cli('demo', '--db', db);
    expect(demo).toMatchObject({ code: 0, err: '' });
    expect(demo.out).toMatch(/1 school\(s\), 40 pupils, 12 cases/);
    const check = await cli('check', '--db', db);
    expect(check.code).toBe(0);
    expect(check.out).toBe(`OK: ${db}: integrity ok, schema version ${LATEST_SCHEMA_VERSION} of ${LATEST_SCHEMA_VERSION}.`);
    // Only the finished file is left behind: no temporary or journal files.
    expect(fs.readdirSync(temp.dir)).toEqual(['demo.db']);
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
    const db = temp.file('export.db');
    expect((await cli('demo', '--db', db)).code).toBe(0);
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
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Error: /);
    expect(fs.existsSync(temp.file('ouder.docx'))).toBe(false);
    expect((await cli('export', 'verslag', '--db', db, '--meeting', 'abc', '--out', temp.file('x.docx'))).code).toBe(2);
    expect((await cli('export', 'brief', '--db', db, '--out', temp.file('x.docx'))).code).toBe(2);
    expect((await cli('export', 'verslag', '--db', db, '--meeting', 'latest', '--out', temp.file('x.pdf'))).code).toBe(2);
    expect(fs.readdirSync(temp.dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('runs as `npm run mdo -- check` with the documented exit code', async () => {
    const db = temp.file('cli.db');
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const run = promisify(execFile);
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    const ok = await run(tsx, [path.join(root, 'cli', 'mdo.ts'), 'check', '--db', db], { cwd: root });
    expect(ok.stdout).toContain('integrity ok');
    await expect(run(tsx, [path.join(root, 'cli', 'mdo.ts'), 'bogus'], { cwd: root })).rejects.toMatchObject({ code: 2 });
  });
});
