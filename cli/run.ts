import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock, type Clock } from '../core/clock';
import { generateDemo, type DemoScale } from '../core/demo/generateDemo';
import { buildDossierDocx } from '../core/documents/dossierDocx';
import { loadMinutesData } from '../core/documents/minutesData';
import { buildMinutesDocx, buildParentDocx } from '../core/documents/minutesDocx';
import { getCase } from '../core/services/cases';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import { openDatabase } from '../db/open';
import { DbOpenError } from '../db/openErrors';

export const USAGE = `Usage: npm run mdo -- <command> [options]

Commands:
  demo  --db FILE [--scale small|large] [--force]
        Create a database with fictional demo data (small: one school,
        large: 20 schools x 10 years for benchmarks). Refuses to overwrite
        an existing file unless --force is given.
  check --db FILE
        Check integrity and schema version without changing the file.
        Exit 0 when healthy, 1 when not.
  list meetings|cases --db FILE [--json]
        Ids, dates and pupil names, for scripts that export.
  export verslag --db FILE --meeting ID|latest --out FILE.docx
  export ouder   --db FILE --meeting ID --case ID --out FILE.docx
  export dossier --db FILE --case ID --out FILE.docx
        Write the verslag for the kernteam, the parent version of one case,
        or the history of one case. The file is written whole or not at all.
  help  Show this text.

Exit codes: 0 ok, 1 failed, 2 bad command or arguments.`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  clock?: Clock;
}

class UsageError extends Error {}

/** Runs one CLI command and returns its exit code; never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'demo':
        return await demo(rest, io);
      case 'check':
        return await check(rest, io);
      case 'list':
        return await list(rest, io);
      case 'export':
        return await exportDocument(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`Error: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof DbOpenError) {
      io.err(`Error: ${describeOpenError(error)}`);
      return 1;
    }
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
}

function requireDb(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new UsageError('--db FILE is required');
  return value;
}

async function demo(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { db: { type: 'string' }, scale: { type: 'string' }, force: { type: 'boolean' } });
  const path = requireDb(values.db);
  const scale = (values.scale ?? 'small') as DemoScale;
  if (scale !== 'small' && scale !== 'large') throw new UsageError(`--scale must be small or large, not '${scale}'`);
  if (fs.existsSync(path) && !values.force) {
    io.err(`Error: ${path} already exists. Use --force to replace it.`);
    return 1;
  }
  // Build in a temporary file and move it into place: never a half-written database.
  const temp = `${path}.tmp-${process.pid}`;
  removeDatabaseFiles(temp);
  try {
    const handle = await openDatabase(temp, { create: true });
    const started = Date.now();
    const summary = await generateDemo(handle.db, { scale, clock: io.clock ?? systemClock });
    // One self-contained file, easy to copy; the app switches it back to WAL on open.
    handle.sqlite.pragma('journal_mode = DELETE');
    await handle.close();
    removeDatabaseFiles(path);
    fs.renameSync(temp, path);
    io.out(
      `Created ${path}: ${summary.schools} school(s), ${summary.pupils} pupils, ${summary.cases} cases, ` +
        `${summary.meetings} meetings, ${summary.agreements} agreements in ${Date.now() - started} ms.`,
    );
    return 0;
  } finally {
    removeDatabaseFiles(temp);
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path + suffix, { force: true });
}

async function check(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { db: { type: 'string' } });
  const path = requireDb(values.db);
  const handle = await openDatabase(path, { migrate: false, readonly: true });
  try {
    const rows = handle.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    const version = schemaVersion(handle.sqlite);
    const foreignKeys = handle.sqlite.pragma('foreign_key_check') as unknown[];
    if (version > LATEST_SCHEMA_VERSION) {
      io.err(`Error: schema version ${version} is newer than this app supports (${LATEST_SCHEMA_VERSION}).`);
      return 1;
    }
    if (problems.length > 0 || foreignKeys.length > 0) {
      io.err(
        `Error: integrity check failed: ${[...problems.slice(0, 10), ...(foreignKeys.length ? [`${foreignKeys.length} foreign key violation(s)`] : [])].join('; ')}`,
      );
      return 1;
    }
    const pending = LATEST_SCHEMA_VERSION - version;
    io.out(
      `OK: ${path}: integrity ok, schema version ${version} of ${LATEST_SCHEMA_VERSION}` +
        (pending > 0 ? ` (${pending} migration(s) will run when the app opens it).` : '.'),
    );
    return 0;
  } finally {
    await handle.close();
  }
}

function describeOpenError(error: DbOpenError): string {
  switch (error.code) {
    case 'NOT_FOUND':
      return 'database file not found.';
    case 'NOT_A_DATABASE':
      return 'the file is not an MDO database (or it is encrypted with another key).';
    case 'FOREIGN':
      return 'the file is a SQLite database of another application; it was not changed.';
    case 'TOO_NEW':
      return 'the database was written by a newer version of MDO.';
    case 'CORRUPT':
      return 'the database file is damaged.';
  }
}

function positional(args: string[], allowed: readonly string[], what: string): [string, string[]] {
  const [first, ...rest] = args;
  if (!first || !allowed.includes(first)) throw new UsageError(`${what} must be one of ${allowed.join(', ')}`);
  return [first, rest];
}

function idArg(value: unknown, name: string): number {
  const id = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(id) || id <= 0) throw new UsageError(`--${name} must be a positive number`);
  return id;
}

async function list(args: string[], io: CliIo): Promise<number> {
  const [what, rest] = positional(args, ['meetings', 'cases'], 'list');
  const values = parse(rest, { db: { type: 'string' }, json: { type: 'boolean' } });
  // Opened like the app opens it: an older schema is brought up to date first.
  const handle = await openDatabase(requireDb(values.db));
  try {
    const rows =
      what === 'meetings'
        ? await handle.db
            .selectFrom('meeting')
            .innerJoin('school', 'school.id', 'meeting.schoolId')
            .select(['meeting.id', 'meeting.date', 'meeting.status', 'school.name as school'])
            .orderBy('meeting.date')
            .execute()
        : await handle.db
            .selectFrom('supportCase')
            .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
            .select([
              'supportCase.id',
              'supportCase.status',
              'supportCase.registeredOn',
              'pupil.firstName',
              'pupil.lastName',
              'pupil.groupName',
            ])
            .orderBy('supportCase.id')
            .execute();
    if (values.json) io.out(JSON.stringify(rows, null, 2));
    else for (const row of rows) io.out(Object.values(row).join('\t'));
    return 0;
  } finally {
    await handle.close();
  }
}

async function exportDocument(args: string[], io: CliIo): Promise<number> {
  const [kind, rest] = positional(args, ['verslag', 'ouder', 'dossier'], 'export');
  const values = parse(rest, { db: { type: 'string' }, meeting: { type: 'string' }, case: { type: 'string' }, out: { type: 'string' } });
  const out = values.out;
  if (typeof out !== 'string' || !out.endsWith('.docx')) throw new UsageError('--out FILE.docx is required');
  const handle = await openDatabase(requireDb(values.db));
  try {
    let bytes: Uint8Array;
    if (kind === 'dossier') {
      const caseId = idArg(values.case, 'case');
      const data = await getCase(handle.db, caseId, io.clock ?? systemClock);
      const school = await handle.db.selectFrom('school').select('name').where('id', '=', data.schoolId).executeTakeFirstOrThrow();
      bytes = await buildDossierDocx(data, school.name);
    } else {
      const meetingId =
        values.meeting === 'latest'
          ? ((
              await handle.db
                .selectFrom('meeting')
                .select('id')
                .where('status', 'in', ['held', 'finalized'])
                .orderBy('date', 'desc')
                .executeTakeFirst()
            )?.id ?? failWith('no held meeting in this database'))
          : idArg(values.meeting, 'meeting');
      const data = await loadMinutesData(handle.db, meetingId);
      bytes = kind === 'verslag' ? await buildMinutesDocx(data) : await buildParentDocx(data, idArg(values.case, 'case'));
    }
    writeWhole(out, bytes);
    io.out(`Wrote ${out} (${bytes.length} bytes).`);
    return 0;
  } finally {
    await handle.close();
  }
}

function failWith(message: string): never {
  throw new Error(message);
}

/** Writes beside the target and renames: a reader never sees half a file. */
function writeWhole(path: string, bytes: Uint8Array): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, path);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
