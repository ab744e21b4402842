/** Why a database file could not be opened; each code has a Dutch message in core/i18n. */
export type DbOpenErrorCode = 'NOT_FOUND' | 'NOT_A_DATABASE' | 'FOREIGN' | 'TOO_NEW' | 'CORRUPT';

export class DbOpenError extends Error {
  constructor(
    readonly code: DbOpenErrorCode,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DbOpenError';
  }
}
