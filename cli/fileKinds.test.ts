import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock';
import { openDatabase } from '../db/open';
import { root } from '../tests/e2e/build';
import { tempDir } from '../tests/e2e/harness';
import { childEnv } from '../tests/fixtures/childEnv';
import { createDemoDatabase, encryptAsDemo } from '../tests/fixtures/demoDatabase';
import { FIFO_UNTOUCHED, watchFifo } from '../tests/fixtures/fifoWatch';
import { runCli } from './run';

// Every command that reads a file named on its command line, against every kind of thing that
// may be at that path: a bad one is refused with one line on stderr and exit 1 or 2, and nothing
// anywhere changes: no byte of the input, no new file beside it (no -wal, -shm or -journal), no
// output. A FIFO is never opened (it would block). Some kinds are fine for some commands: a
// read-only database can be checked, listed and exported, and a restore may put a backup where
// there was no database or a damaged one (kept aside, byte for byte).

const CERT_PASSPHRASE = 'certificaat-2026';
const NOBODY = 65534;
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let temp: ReturnType<typeof tempDir>;
/** An encrypted demo database in WAL mode, as the app leaves it, with its key file. */
let validDb: string;
/** A meeting and a case discussed in it, for the parent version. */
let discussed: { meetingId: number; caseId: number };

beforeAll(async () => {
  temp = tempDir('mdo-file-kinds-');
  // The read-only cases run as another user, who must reach their folders.
  fs.chmodSync(temp.dir, 0o755);
  validDb = temp.file('valid.db');
  await createDemoDatabase(validDb);
  const key = await encryptAsDemo(validDb);
  const handle = await openDatabase(validDb, { key });
  discussed = await handle.db.selectFrom('caseDiscussion').select(['meetingId', 'caseId']).orderBy('id').executeTakeFirstOrThrow();
  await handle.close();
});
afterAll(() => temp.remove());

/** A copy of the valid database (or its first `bytes`) with its key file. */
function copyDatabase(file: string, bytes?: number): void {
  const content = fs.readFileSync(validDb);
  fs.writeFileSync(file, bytes === undefined ? content : content.subarray(0, bytes));
  fs.copyFileSync(`${validDb}.keys`, `${file}.keys`);
}

interface Kind {
  name: string;
  /** Puts this kind of thing at `file`. */
  make(file: string): void;
  /** Made read-only, and the command run by a user who may not write it. */
  readOnly?: boolean;
}

const MISSING = 'nothing (missing)';
const ZEROS = 'a file of zeros';
const TRUNCATED = 'a truncated MDO database';
const FIFO = 'a FIFO';
const FOLDER = 'a folder';
const READ_ONLY = 'a read-only MDO database';

const plainKinds: Kind[] = [
  { name: MISSING, make: () => {} },
  { name: 'an empty file', make: (file) => fs.writeFileSync(file, '') },
  { name: ZEROS, make: (file) => fs.writeFileSync(file, Buffer.alloc(8192)) },
  // A copy that broke off after four pages, with its key file: the key opens it, the data is gone.
  { name: TRUNCATED, make: (file) => copyDatabase(file, 4 * 4096) },
  {
    name: "another program's SQLite database",
    make: (file) => {
      const other = new Database(file);
      other.pragma('journal_mode = WAL');
      other.exec("CREATE TABLE bestelling (id INTEGER PRIMARY KEY, artikel TEXT); INSERT INTO bestelling (artikel) VALUES ('potloden')");
      other.close();
    },
  },
  { name: 'a text file', make: (file) => fs.writeFileSync(file, 'Dit is geen database, maar een tekst.\n'.repeat(30)) },
  { name: 'a PNG image', make: (file) => fs.writeFileSync(file, ONE_PIXEL_PNG) },
  { name: FIFO, make: (file) => execFileSync('mkfifo', [file]) },
  { name: FOLDER, make: (file) => fs.mkdirSync(file) },
  { name: READ_ONLY, make: (file) => copyDatabase(file), readOnly: true },
];

/** Each kind as itself and behind a symbolic link, which is followed: its target is what counts. */
const kinds = plainKinds.flatMap((kind) => [
  { ...kind, base: kind.name, linked: false },
  { ...kind, name: `a link to ${kind.name}`, base: kind.name, linked: true },
]);

interface Case {
  dir: string;
  /** The path given to the command: the thing itself, or a symbolic link to it. */
  input: string;
  /** Where the thing itself is. */
  target: string;
  /** A valid database and a valid backup, for the other argument of restore and export --sign. */
  db: string;
  backup: string;
  out: string;
}

interface Command {
  name: string;
  /** File name of the input (a restored database and its damaged copy keep the database's name). */
  inputName: string;
  argv(c: Case): string[];
  /** The exit code for this kind: 1 or 2 when refused. */
  expect(kind: string): 0 | 1 | 2;
}

/** Read-only commands read a read-only database; everything else is refused with `code`. */
const readsReadOnly = (code: 1 | 2) => (kind: string) => (kind === READ_ONLY ? 0 : code);

const commands: Command[] = [
  { name: 'check', inputName: 'mdo.db', argv: (c) => ['check', '--db', c.input], expect: readsReadOnly(1) },
  { name: 'list meetings', inputName: 'mdo.db', argv: (c) => ['list', 'meetings', '--db', c.input], expect: readsReadOnly(1) },
  { name: 'list cases', inputName: 'mdo.db', argv: (c) => ['list', 'cases', '--db', c.input, '--json'], expect: readsReadOnly(1) },
  {
    name: 'export verslag',
    inputName: 'mdo.db',
    argv: (c) => ['export', 'verslag', '--db', c.input, '--meeting', 'latest', '--out', c.out],
    expect: readsReadOnly(1),
  },
  {
    name: 'export ouder',
    inputName: 'mdo.db',
    argv: (c) => [
      'export',
      'ouder',
      '--db',
      c.input,
      '--meeting',
      `${discussed.meetingId}`,
      '--case',
      `${discussed.caseId}`,
      '--out',
      c.out,
    ],
    expect: readsReadOnly(1),
  },
  {
    name: 'export dossier',
    inputName: 'mdo.db',
    argv: (c) => ['export', 'dossier', '--db', c.input, '--case', `${discussed.caseId}`, '--out', c.out],
    expect: readsReadOnly(1),
  },
  {
    name: 'export monitoring',
    inputName: 'mdo.db',
    argv: (c) => ['export', 'monitoring', '--db', c.input, '--from', '2026-01-01', '--to', '2026-12-31', '--out', `${c.out}.csv`],
    expect: readsReadOnly(1),
  },
  // The snapshot needs a read-write connection: a read-only file is refused, unchanged.
  { name: 'backup --db', inputName: 'mdo.db', argv: (c) => ['backup', '--db', c.input, '--out', `${c.out}.db`], expect: () => 1 },
  {
    name: 'restore --from',
    inputName: 'kopie.db',
    argv: (c) => ['restore', '--db', c.db, '--from', c.input, '--yes'],
    expect: readsReadOnly(1),
  },
  {
    name: 'restore --db',
    inputName: 'mdo.db',
    argv: (c) => ['restore', '--db', c.input, '--from', c.backup, '--yes'],
    // A new laptop has no database; a damaged one is kept aside (zeros look like one whose key file is lost).
    expect: (kind) => ([MISSING, TRUNCATED, ZEROS].includes(kind) ? 0 : 1),
  },
  // The CLI contract: 2 for anything that is not a signed DOCX.
  { name: 'verify', inputName: 'verslag.docx', argv: (c) => ['verify', c.input], expect: () => 2 },
  {
    name: 'export --sign --cert',
    inputName: 'ib.p12',
    argv: (c) => ['export', 'verslag', '--db', c.db, '--meeting', 'latest', '--out', c.out, '--sign', '--cert', c.input],
    // No certificate file there is a bad argument (2); a file that is no .p12 a failure (1).
    expect: (kind) => ([MISSING, FIFO, FOLDER].includes(kind) ? 2 : 1),
  },
  {
    name: 'cert public --cert',
    inputName: 'regio.p12',
    argv: (c) => ['cert', 'public', '--cert', c.input, '--out', `${c.out}.pem`],
    expect: (kind) => ([MISSING, FIFO, FOLDER].includes(kind) ? 2 : 1),
  },
];

let caseNumber = 0;

function makeCase(kind: (typeof kinds)[number], command: Command): Case {
  const dir = temp.file(`case-${++caseNumber}`);
  for (const folder of ['in', 'targets', 'db', 'backup', 'out']) fs.mkdirSync(path.join(dir, folder), { recursive: true });
  const input = path.join(dir, 'in', command.inputName);
  const target = kind.linked ? path.join(dir, 'targets', command.inputName) : input;
  kind.make(target);
  if (kind.linked) fs.symlinkSync(path.relative(path.dirname(input), target), input);
  const db = path.join(dir, 'db', 'mdo.db');
  copyDatabase(db);
  const backup = path.join(dir, 'backup', 'kopie.db');
  copyDatabase(backup);
  if (kind.readOnly) {
    // Everything belongs to the user the command runs as (root hands it to that user), who may write the folders but not the database file.
    if (process.getuid?.() === 0)
      for (const entry of [dir, ...fs.readdirSync(dir, { recursive: true }).map((name) => path.join(dir, String(name)))])
        fs.lchownSync(entry, NOBODY, NOBODY);
    fs.chmodSync(target, 0o444);
  }
  return { dir, input, target, db, backup, out: path.join(dir, 'out', 'uitvoer.docx') };
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every path under `dir` with what it is: a link's target, a file's mode and SHA-256. */
function tree(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const stats = fs.lstatSync(file);
      if (stats.isSymbolicLink()) return `${name} -> ${fs.readlinkSync(file)}`;
      if (!stats.isFile()) return `${name} ${stats.isDirectory() ? 'folder' : 'special'}`;
      return `${name} ${(stats.mode & 0o777).toString(8)} ${sha(file)}`;
    });
}

const CLOCK_ISO = '2026-11-25T09:00:00Z';
const ENV = { MDO_CERT_PASSPHRASE: CERT_PASSPHRASE };

interface Result {
  code: number;
  out: string[];
  err: string[];
}

/** Runs in-process, with exactly the environment it means. */
async function cli(argv: string[]): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    clock: fixedClock(CLOCK_ISO),
    env: ENV,
    confirm: async () => true,
  });
  return { code, out, err };
}

/**
 * Runs commands one after another through runCli in a process of its own, as
 * another user when this is root: root may write any file, so only then is a
 * read-only file read-only. One process for all: starting one costs a second or two.
 */
async function cliAsUser(jobs: string[][]): Promise<Result[]> {
  const outfile = path.join(root, 'node_modules/.cache', `mdo-file-kinds-${process.pid}`, 'runner.mjs');
  try {
    await build({
      stdin: {
        contents: `
          import { fixedClock } from './core/clock';
          import { runCli } from './cli/run';
          const { jobs, env, now } = JSON.parse(process.argv[2]);
          const results = [];
          for (const argv of jobs) {
            const out = [];
            const err = [];
            const io = { out: (line) => out.push(line), err: (line) => err.push(line), clock: fixedClock(now), env, confirm: async () => true };
            results.push({ code: await runCli(argv, io), out, err });
          }
          process.stdout.write(JSON.stringify(results));`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'silent',
    });
    const asUser = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
    const { stdout } = await promisify(execFile)(process.execPath, [outfile, JSON.stringify({ jobs, env: ENV, now: CLOCK_ISO })], {
      cwd: root,
      env: childEnv(),
      maxBuffer: 64 * 1024 * 1024,
      ...asUser,
    });
    return JSON.parse(stdout) as Result[];
  } finally {
    fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
  }
}

const inputSide = (entries: string[]) => entries.filter((entry) => /^(in|targets)[/ ]/.test(entry));

describe('every command that reads a file, against every kind of file', () => {
  const cases = kinds.flatMap((kind) => commands.map((command) => ({ kind, command, name: `${command.name} with ${kind.name}` })));

  /** The read-only cases, made and run together before they are judged one by one. */
  const ranAsUser = new Map<string, { c: Case; before: string[]; result: Result }>();
  beforeAll(async () => {
    const prepared = cases
      .filter((entry) => entry.kind.readOnly)
      .map((entry) => {
        const c = makeCase(entry.kind, entry.command);
        return { name: entry.name, c, before: tree(c.dir), argv: entry.command.argv(c) };
      });
    const results = await cliAsUser(prepared.map((entry) => entry.argv));
    prepared.forEach((entry, index) => ranAsUser.set(entry.name, { ...entry, result: results[index] }));
  });

  async function runHere(kind: (typeof kinds)[number], command: Command) {
    const c = makeCase(kind, command);
    const before = tree(c.dir);
    const fifo = kind.base === FIFO ? watchFifo(c.target) : null;
    const result = await cli(command.argv(c));
    if (fifo) expect(await fifo.finish()).toEqual(FIFO_UNTOUCHED);
    return { c, before, result };
  }

  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', async (name, { kind, command }) => {
    const { c, before, result } = ranAsUser.get(name) ?? (await runHere(kind, command));
    const expected = command.expect(kind.base);

    if (expected !== 0) {
      expect(result.code, result.err.join('\n')).toBe(expected);
      // One line saying what is wrong: no usage text, no stack trace.
      expect(result.err).toHaveLength(1);
      expect(result.err[0]).toMatch(/^Error: \S/);
      expect(result.err[0]).not.toMatch(/Usage:|\s+at /);
      expect(result.out).toEqual([]);
      // Nothing anywhere changed: input, the files beside it, the other arguments, no output.
      expect(tree(c.dir)).toEqual(before);
      return;
    }
    expect(result, result.err.join('\n')).toMatchObject({ code: 0, err: [] });
    if (command.name !== 'restore --db') {
      // Read, not changed: the input and its folders are as they were (an export writes elsewhere, a restore replaces --db).
      expect(inputSide(tree(c.dir))).toEqual(inputSide(before));
      return;
    }
    // Restored where a link points; a damaged file first kept aside with every byte.
    const folder = path.dirname(c.target);
    const keptAside = fs.readdirSync(folder).filter((entry) => entry.includes('.beschadigd-'));
    const original = before.find((entry) => entry.startsWith(`${path.relative(c.dir, c.target)} `));
    expect(keptAside.map((entry) => sha(path.join(folder, entry)))).toEqual(original ? [original.split(' ').at(-1)] : []);
    expect(await cli(['check', '--db', c.input])).toMatchObject({ code: 0 });
  });
});

describe('an export to a file that exists', () => {
  const exports: [string, (db: string, out: string) => string[]][] = [
    ['verslag', (db, out) => ['export', 'verslag', '--db', db, '--meeting', 'latest', '--out', out]],
    [
      'ouder',
      (db, out) => ['export', 'ouder', '--db', db, '--meeting', `${discussed.meetingId}`, '--case', `${discussed.caseId}`, '--out', out],
    ],
    ['dossier', (db, out) => ['export', 'dossier', '--db', db, '--case', `${discussed.caseId}`, '--out', out]],
    ['monitoring', (db, out) => ['export', 'monitoring', '--db', db, '--from', '2026-01-01', '--to', '2026-12-31', '--out', out]],
  ];

  it.each(exports)('export %s leaves it byte for byte without --force, and replaces it with --force', async (kind, argv) => {
    const dir = temp.file(`existing-${kind}`);
    fs.mkdirSync(dir);
    const db = path.join(dir, 'mdo.db');
    copyDatabase(db);
    const out = path.join(dir, kind === 'monitoring' ? 'rapport.csv' : 'verslag.docx');
    fs.writeFileSync(out, 'het verslag van vorige week');
    const before = tree(dir);

    expect(await cli(argv(db, out))).toEqual({ code: 1, out: [], err: [`Error: ${out} already exists. Use --force to replace it.`] });
    expect(tree(dir)).toEqual(before);

    const forced = await cli([...argv(db, out), '--force']);
    expect(forced, forced.err.join('\n')).toMatchObject({ code: 0, err: [] });
    expect(fs.readFileSync(out, 'utf8')).not.toBe('het verslag van vorige week');
    // Replaced in place: no temporary file, and the database left without -wal or -shm.
    expect(tree(dir).map((entry) => entry.split(' ')[0])).toEqual(before.map((entry) => entry.split(' ')[0]));
  });
});

describe('a key file that is not a file', () => {
  it.each([
    ['check', (db: string) => ['check', '--db', db]],
    ['export verslag', (db: string) => ['export', 'verslag', '--db', db, '--meeting', 'latest', '--out', `${db}.docx`]],
    ['backup', (db: string) => ['backup', '--db', db, '--out', `${db}.kopie`]],
  ])('%s refuses a FIFO or folder in place of the key file without opening it', async (_name, argv) => {
    for (const make of [(file: string) => execFileSync('mkfifo', [file]), (file: string) => fs.mkdirSync(file)]) {
      const dir = temp.file(`keys-${++caseNumber}`);
      fs.mkdirSync(dir);
      const db = path.join(dir, 'mdo.db');
      fs.copyFileSync(validDb, db);
      make(`${db}.keys`);
      const before = tree(dir);
      const fifo = fs.statSync(`${db}.keys`).isFIFO() ? watchFifo(`${db}.keys`) : null;
      const result = await cli(argv(db));
      if (fifo) expect(await fifo.finish()).toEqual(FIFO_UNTOUCHED);
      expect(result.code).toBe(1);
      expect(result.err).toEqual([`Error: the key file ${db}.keys is damaged.`]);
      expect(tree(dir)).toEqual(before);
    }
  });
});

describe('the real `npm run mdo` process', () => {
  // A few through tsx, as `npm run mdo` starts it, for the process's exit code; the table above runs in-process.
  it('exits 1 for a FIFO without opening it and 2 for verify of a folder, with one line on stderr', async () => {
    const dir = temp.file('spawned');
    fs.mkdirSync(dir);
    const fifo = path.join(dir, 'mdo.db');
    execFileSync('mkfifo', [fifo]);
    const folder = path.join(dir, 'map.docx');
    fs.mkdirSync(folder);
    const before = tree(dir);

    const guard = watchFifo(fifo);
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    // Whatever MDO_* variables the caller has, the CLI gets none.
    const run = (...argv: string[]) =>
      promisify(execFile)(tsx, [path.join(root, 'cli', 'mdo.ts'), ...argv], { cwd: root, env: childEnv(), timeout: 60_000 }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const [check, verify] = await Promise.all([run('check', '--db', fifo), run('verify', folder)]);
    expect(await guard.finish()).toEqual(FIFO_UNTOUCHED);
    expect(check).toEqual({
      code: 1,
      stderr: 'Error: the database path is not a regular file (a folder, pipe or device); it was not opened.\n',
    });
    expect(verify).toEqual({ code: 2, stderr: `Error: file ${folder} is not a regular file (a folder, pipe or device).\n` });
    expect(tree(dir)).toEqual(before);
  });
});
