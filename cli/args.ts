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
