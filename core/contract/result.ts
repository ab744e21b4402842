import { z } from 'zod';

export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'CONSENT_REQUIRED',
  'CASE_CLOSED',
  'REASON_REQUIRED',
  'DATE_ORDER',
  'DISCUSSION_HAS_CONTENT',
  'MINUTES_FINALIZED',
  'NOT_FINALIZED',
  'ALREADY_SIGNED',
  'SIGNER_ORDER',
  'CERT_PASSPHRASE',
  'CERT_FILE',
  'CERT_EXPIRED',
  'REGION_CERT',
  'FILE_TOO_LARGE',
  'NOT_A_FILE',
  'DOCUMENT_INVALID',
  'LOCKED',
  'WRONG_PASSPHRASE',
  'BAD_RECOVERY_KEY',
  'NO_DATABASE',
  'DB_NOT_FOUND',
  'DB_NOT_A_FILE',
  'DB_NOT_A_DATABASE',
  'DB_FOREIGN',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'DB_READ_ONLY',
  'DB_DISK_FULL',
  'DB_IN_USE',
  'BACKUP_FOLDER',
  'BACKUP_DAMAGED',
  'BACKUP_OTHER_KEY',
  'BACKUP_RUNNING',
  'POLICY',
  'WRONG_DATABASE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const ipcErrorSchema = z.object({
  code: z.enum(errorCodes),
  /** Dutch, ready to show. */
  message: z.string(),
  /** Per-field problems of a VALIDATION error: path like "name" or "agenda.2.title". */
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export type IpcError = z.infer<typeof ipcErrorSchema>;

/** What every IPC call resolves to: never a thrown error across the bridge. */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };
