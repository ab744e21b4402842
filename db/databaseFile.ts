import fs from 'node:fs';
import { DbOpenError } from './openErrors';

// What a database path names, judged before SQLite or Node opens it: opening
// a FIFO blocks until something writes to it, and a folder, device or socket
// is never a database.

/** The file a path names through symbolic links (SQLite keeps -wal and -shm beside that file); the path itself when nothing is there. */
export function linkTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** Whether a database file is there; anything there that is not a regular file is refused unopened (NOT_A_FILE). */
export function databaseFileExists(file: string): boolean {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw error;
  }
  if (!stats.isFile()) throw new DbOpenError('NOT_A_FILE', stats.isDirectory() ? 'a folder' : 'a FIFO, device or socket');
  return true;
}
