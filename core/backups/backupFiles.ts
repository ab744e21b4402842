import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupKind, backupName, type BackupEntry, type BackupKind } from '../contract/backups';

// The files of one backup in the backup folder:
//   mdo-reservekopie-20261125T171203123Z-dagelijks.db       the encrypted copy
//   mdo-reservekopie-20261125T171203123Z-dagelijks.db.json  its check (no personal data)
//   mdo-reservekopie-20261125T171203123Z-dagelijks.db.keys  the key file, for a restore on another computer
// A folder on a network share may hold the backups of many laptops: each
// installation only lists and rotates those made with its own key.

/** The Dutch word in the file name, so IT recognises a backup in the folder. */
const kindWords: Record<BackupKind, string> = {
  manual: 'handmatig',
  daily: 'dagelijks',
  close: 'afsluiten',
  migration: 'update',
  restore: 'terugzetten',
};
const kindOfWord = new Map(Object.entries(kindWords).map(([kind, word]) => [word, kind as BackupKind]));

const NAME = /^mdo-reservekopie-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z]+)\.db$/;

/** The file name of a backup made at `at` (an ISO moment). */
export function backupFileName(at: string, kind: BackupKind): string {
  const stamp = at.replace(/[-:.]/g, '');
  return backupName.parse(`mdo-reservekopie-${stamp}-${kindWords[kind]}.db`);
}

/** The moment and kind a backup's name carries, or null for any other file. */
export function parseBackupFileName(name: string): { createdAt: string; kind: BackupKind } | null {
  const match = NAME.exec(name);
  const kind = match && kindOfWord.get(match[8]);
  if (!match || !kind) return null;
  const [, year, month, day, hour, minute, second, milli] = match;
  return { createdAt: `${year}-${month}-${day}T${hour}:${minute}:${second}.${milli}Z`, kind };
}

export const checkFile = (backup: string) => `${backup}.json`;
export const keysFile = (backup: string) => `${backup}.keys`;

const checkRecord = z.object({
  format: z.literal('mdo-backup'),
  version: z.literal(1),
  /** Which installation's key encrypts it (a one-way fingerprint of the key, not the key). */
  keyId: z.string(),
  kind: backupKind,
  createdAt: z.string(),
  status: z.enum(['ok', 'damaged']),
  schemaVersion: z.number().int().nullable(),
  verifiedAt: z.string(),
  bytes: z.number().int(),
  appVersion: z.string(),
});
export type CheckRecord = z.infer<typeof checkRecord>;

export function readCheck(file: string): CheckRecord | null {
  try {
    return checkRecord.parse(JSON.parse(fs.readFileSync(checkFile(file), 'utf8')));
  } catch {
    return null;
  }
}

export function writeCheck(file: string, record: CheckRecord): void {
  const target = checkFile(file);
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(record, null, 2));
  fs.renameSync(`${target}.tmp`, target);
}

/** This installation's backups in `folder`, newest first; a folder that does not exist yet has none. */
export function listBackupFiles(folder: string, keyId: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const file = path.join(folder, name);
    const check = readCheck(file);
    if (check && check.keyId !== keyId) continue;
    let bytes: number;
    try {
      bytes = fs.statSync(file).size;
    } catch {
      continue;
    }
    entries.push({
      name,
      createdAt: parsed.createdAt,
      kind: parsed.kind,
      bytes,
      // A copy that changed size since its check is no longer the file that was checked.
      status: !check ? 'unverified' : check.bytes !== bytes ? 'damaged' : check.status,
      schemaVersion: check?.schemaVersion ?? null,
      verifiedAt: check?.verifiedAt ?? null,
    });
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Removes a backup with its check and key file. */
export function removeBackupFiles(file: string): void {
  for (const part of [file, checkFile(file), keysFile(file)]) fs.rmSync(part, { force: true });
}
