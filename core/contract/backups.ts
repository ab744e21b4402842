import { z } from 'zod';

// Shapes of the backup channels: the list in School settings, restore, and the damaged-database screen.

const count = z.number().int().min(0);

/** Why a backup was made: by hand, the daily one, when MDO closed or locked, before a migration, before a restore. */
export const backupKind = z.enum(['manual', 'daily', 'close', 'migration', 'restore']);
export type BackupKind = z.infer<typeof backupKind>;

/**
 * ok: opened with this installation's key and passed integrity_check;
 * damaged: failed that check; unverified: no check recorded (copied in by hand).
 */
export const backupStatus = z.enum(['ok', 'damaged', 'unverified']);

/** A backup file's name in the backup folder: the only way a renderer names one (no paths). */
export const backupName = z.string().regex(/^mdo-reservekopie-\d{8}T\d{6}\d{3}Z-[a-z]+\.db$/);

export const backupEntry = z.object({
  name: backupName,
  createdAt: z.string(),
  kind: backupKind,
  bytes: count,
  status: backupStatus,
  /** Schema version inside the backup; older ones are migrated after a restore. */
  schemaVersion: z.number().int().nullable(),
  verifiedAt: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

export const backupProgress = z.object({ kind: backupKind, doneBytes: count, totalBytes: count });

export const backupOverview = z.object({
  /** The folder as the user sees it (a local folder or a network share). */
  folder: z.string(),
  /** Where the folder was chosen: the default next to the data, by the user, or by IT's machine policy. */
  folderSource: z.enum(['default', 'user', 'policy']),
  /** Newest first; only this installation's backups (a shared folder may hold other laptops' too). */
  backups: z.array(backupEntry),
  running: backupProgress.nullable(),
  /** The last automatic backup that failed, in Dutch, until one succeeds again. */
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
  keep: z.object({ daily: count, weekly: count, monthly: count, safety: count }),
});

export const backupRef = z.strictObject({ name: backupName });

export const restoreResult = z.object({
  /** The backup of the state just before the restore (so the restore itself can be undone). */
  safetyBackup: backupName.nullable(),
  /** Where a damaged database file was put aside (its file name), if there was one. */
  keptAside: z.string().nullable(),
});
