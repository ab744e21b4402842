import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock, type Clock } from '../core/clock';
import { generateDemo, type DemoScale } from '../core/demo/generateDemo';
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
