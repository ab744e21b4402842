import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Clock } from '../core/clock';

// What every CLI command shares: its I/O, argument parsing and the two kinds of failure.

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  clock?: Clock;
  /** Where passphrases come from; process.env when not given. */
  env?: Record<string, string | undefined>;
  /** Asks the user to confirm (restore); the terminal when not given. */
  confirm?(question: string): Promise<boolean>;
}

/** Bad command line: exit code 2 with the usage text. */
export class UsageError extends Error {}

/** A file named on the command line that cannot be used: one line on stderr (never the usage text) and its exit code. */
export class FileProblem extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/**
 * Refuses an input that is missing or not a regular file (through symbolic
 * links) before anything reads it: reading a FIFO would block forever.
 */
export function requireInputFile(file: string, what: string, exitCode: 1 | 2): void {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  if (!stats) throw new FileProblem(`${what} ${file} not found.`, exitCode);
  if (!stats.isFile()) throw new FileProblem(`${what} ${file} is not a regular file (a folder, pipe or device).`, exitCode);
}

/** An output file is only replaced with --force, and never when something other than a file is in its place. */
export function refuseToReplace(target: string, force: boolean | undefined): void {
  const stats = fs.statSync(target, { throwIfNoEntry: false });
  if (!stats) return;
  if (!stats.isFile()) failWith(`${target} is not a regular file; nothing was written.`);
  if (!force) failWith(`${target} already exists. Use --force to replace it.`);
}

/** A failure with a message for the user: exit code 1. */
export function failWith(message: string): never {
  throw new Error(message);
}

export function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

export function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
}

export function requireDb(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new UsageError('--db FILE is required');
  return value;
}

/** The first argument chosen from `allowed` (a sub-command), and the rest. */
export function positional(args: string[], allowed: readonly string[], what: string): [string, string[]] {
  const [first, ...rest] = args;
  if (!first || !allowed.includes(first)) throw new UsageError(`${what} must be one of ${allowed.join(', ')}`);
  return [first, rest];
}

export function idArg(value: unknown, name: string): number {
  const id = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(id) || id <= 0) throw new UsageError(`--${name} must be a positive number`);
  return id;
}

/** A calendar date argument as YYYY-MM-DD. */
export function dateArg(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(`--${name} must be a date as YYYY-MM-DD`);
  return value;
}

/** MDO_CERT_PASSPHRASE: never an argument, so it stays out of shell history. */
export function certificatePassphrase(io: CliIo): string {
  const passphrase = (io.env ?? process.env).MDO_CERT_PASSPHRASE;
  if (!passphrase) throw new UsageError('set the certificate passphrase in the environment variable MDO_CERT_PASSPHRASE');
  return passphrase;
}

/** Writes a file whole or not at all: a temporary file beside it, renamed into place. */
export function writeWhole(path: string, bytes: Uint8Array): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, path);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
