import fs from 'node:fs';
import { DbOpenError } from './openErrors';

// One process at a time works on a database file: the app (Electron's
// single-instance lock covers a second window) or a CLI restore. SQLite's own
// locks protect single writes, not a restore that replaces the whole file.

export const lockPath = (dbPath: string) => `${dbPath}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of another living process that holds the database, or null. */
export function lockHolder(dbPath: string): number | null {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(lockPath(dbPath), 'utf8'), 10);
  } catch {
    return null;
  }
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
}

/** Claims the database for this process (a lock left by a process that died is taken over). */
export function acquireLock(dbPath: string): void {
  const holder = lockHolder(dbPath);
  if (holder) throw new DbOpenError('IN_USE', `pid ${holder}`);
  try {
    fs.writeFileSync(lockPath(dbPath), String(process.pid));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A read-only folder: nothing else can write here either, and opening reports it properly.
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS' && code !== 'ENOENT') throw error;
  }
}

export function releaseLock(dbPath: string): void {
  try {
    if (Number.parseInt(fs.readFileSync(lockPath(dbPath), 'utf8'), 10) === process.pid) fs.rmSync(lockPath(dbPath), { force: true });
  } catch {
    // Already gone.
  }
}
