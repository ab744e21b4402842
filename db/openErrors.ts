/** Why a database file could not be opened or written; each code has a Dutch message in core/i18n. */
export type DbOpenErrorCode =
  | 'NOT_FOUND'
  /** A folder, FIFO, device or socket where a database file should be: refused before anything opens it. */
  | 'NOT_A_FILE'
  | 'NOT_A_DATABASE'
  | 'FOREIGN'
  | 'TOO_NEW'
  | 'CORRUPT'
  | 'READ_ONLY'
  | 'DISK_FULL'
  | 'IN_USE';

export class DbOpenError extends Error {
  constructor(
    readonly code: DbOpenErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DbOpenError';
  }
}

/** The file-system problems a user can act on (a read-only folder, a full disk), from SQLite's or Node's error code. */
export function storageProblem(error: unknown): 'READ_ONLY' | 'DISK_FULL' | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'DISK_FULL';
  if (/^SQLITE_(READONLY|CANTOPEN)/.test(code) || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'READ_ONLY';
  return null;
}
