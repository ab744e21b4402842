import fs from 'node:fs';
import path from 'node:path';
import { format, parseISO } from 'date-fns';
import { z } from 'zod';
import { CopyCheckError } from '../../db/hotCopy';
import { LATEST_SCHEMA_VERSION } from '../../db/migrate';
import { DbOpenError, storageProblem } from '../../db/openErrors';
import { nowIso, today, type Clock } from '../clock';
import type { BackupEntry, BackupKind } from '../contract/backups';
import { backupName } from '../contract/backups';
import type { ErrorCode } from '../contract/result';
import { AppError } from '../errors';
import { nl } from '../i18n/nl';
import { recordAudit } from '../services/audit';
import type { Session } from '../session';
import {
  backupFileName,
  listBackupFiles,
  parseBackupFileName,
  readCheck,
  removeBackupFiles,
  writeCheck,
  type CheckRecord,
} from './backupFiles';
import { backupsToDelete, KEEP } from './rotation';

export interface BackupsOptions {
  clock: Clock;
  appVersion: string;
  /** The folder IT set in the machine policy; it overrides the user's choice. */
  policyFolder?: string | null;
}

/** Where the user's choice of folder is kept: beside the database, readable before it is unlocked. */
export const backupSettingsPath = (dbPath: string) => `${dbPath}.backup.json`;
const settingsSchema = z.object({ folder: z.string().refine((folder) => path.isAbsolute(folder)) });

/** The default backup folder: `backups` beside the database file. */
export const defaultBackupFolder = (dbPath: string) => path.join(path.dirname(dbPath), 'backups');

type Progress = { kind: BackupKind; doneBytes: number; totalBytes: number };

/** Makes, lists, checks, rotates and restores this installation's backups. */
export class Backups {
  #running: Progress | null = null;
  #lastFailure: { at: string; message: string } | null = null;
  #changesAtBackup = 0;

  constructor(
    private readonly session: Session,
    private readonly options: BackupsOptions,
  ) {
    session.hooks.beforeMigrate = async () => void (await this.create('migration'));
    session.hooks.afterOpen = async () => void (this.#changesAtBackup = session.totalChanges());
    // Attached to a session that is already open: what it changed before is not this object's to back up on close.
    this.#changesAtBackup = session.totalChanges();
    session.hooks.beforeClose = async () => void (await this.onClose());
  }

  folder(): { folder: string; source: 'default' | 'user' | 'policy' } {
    if (this.options.policyFolder) return { folder: this.options.policyFolder, source: 'policy' };
    try {
      const { folder } = settingsSchema.parse(JSON.parse(fs.readFileSync(backupSettingsPath(this.session.dbPath), 'utf8')));
      return { folder, source: 'user' };
    } catch {
      return { folder: defaultBackupFolder(this.session.dbPath), source: 'default' };
    }
  }

  /** Chooses another folder (null: back to the default). Refused while IT's policy sets it. */
  async setFolder(folder: string | null): Promise<void> {
    if (this.options.policyFolder) throw new AppError('CONFLICT', 'backup folder set by policy');
    // Locked: refused before anything changes, not after the choice was written.
    const db = this.session.db();
    if (folder !== null) {
      if (!path.isAbsolute(folder)) throw new AppError('BACKUP_FOLDER');
      assertWritable(folder);
    }
    const settings = backupSettingsPath(this.session.dbPath);
    // The choice and its audit entry go together: when the file cannot be written, the entry is rolled back.
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, { action: 'backup.folder', entity: 'backup' }, this.options.clock);
      if (folder === null) fs.rmSync(settings, { force: true });
      else fs.writeFileSync(settings, JSON.stringify({ folder }, null, 2));
    });
  }

  list(): BackupEntry[] {
    try {
      return listBackupFiles(this.folder().folder, this.session.keyId());
    } catch {
      return [];
    }
  }

  overview() {
    const { folder, source } = this.folder();
    return {
      folder,
      folderSource: source,
      backups: this.list(),
      running: this.#running,
      lastFailure: this.#lastFailure,
      keep: KEEP,
    };
  }

  progress(): Progress | null {
    return this.#running;
  }

  /**
   * Writes a backup of the open database, checks it and rotates the old ones.
   * A backup before a migration or restore falls back to the default folder
   * when the chosen one (a network share) cannot be reached.
   */
  async create(kind: BackupKind): Promise<BackupEntry> {
    if (this.#running) throw new AppError('BACKUP_RUNNING');
    this.#running = { kind, doneBytes: 0, totalBytes: 0 };
    try {
      let entry: BackupEntry;
      try {
        entry = await this.#write(this.folder().folder, kind);
      } catch (error) {
        const fallback = defaultBackupFolder(this.session.dbPath);
        if ((kind !== 'migration' && kind !== 'restore') || this.folder().folder === fallback) throw error;
        entry = await this.#write(fallback, kind);
      }
      this.#lastFailure = null;
      this.#changesAtBackup = this.session.totalChanges();
      return entry;
    } catch (error) {
      const code = backupErrorCode(error);
      if (kind !== 'manual') this.#lastFailure = { at: nowIso(this.options.clock), message: nl.errors[code] };
      throw error instanceof AppError || error instanceof DbOpenError ? error : new AppError(code, String(error));
    } finally {
      this.#running = null;
    }
  }

  async #write(folder: string, kind: BackupKind): Promise<BackupEntry> {
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new AppError(storageProblem(error) === 'DISK_FULL' ? 'DB_DISK_FULL' : 'BACKUP_FOLDER', String(error));
    }
    const name = this.#freeName(folder, kind);
    const file = path.join(folder, name);
    const { bytes, schemaVersion } = await this.session.backupTo(
      file,
      (doneBytes, totalBytes) => (this.#running = { kind, doneBytes, totalBytes }),
    );
    this.#recordCheck(file, { status: 'ok', schemaVersion });
    this.#running = { kind, doneBytes: bytes, totalBytes: bytes };
    this.#rotate(folder);
    if (this.session.state.state === 'open') {
      await recordAudit(this.session.db(), { action: 'backup.create', entity: 'backup' }, this.options.clock);
    }
    return this.#entry(folder, name);
  }

  /** Writes the check beside a backup: what it is, for which key, and how it fared (no personal data). */
  #recordCheck(file: string, result: Pick<CheckRecord, 'status' | 'schemaVersion'>): void {
    const { kind, createdAt } = parseBackupFileName(path.basename(file))!;
    writeCheck(file, {
      format: 'mdo-backup',
      version: 1,
      keyId: this.session.keyId(),
      kind,
      createdAt,
      ...result,
      verifiedAt: nowIso(this.options.clock),
      bytes: fs.statSync(file).size,
      appVersion: this.options.appVersion,
    });
  }

  /** Names carry the moment to the millisecond; a clock that stands still (tests) moves on by one. */
  #freeName(folder: string, kind: BackupKind): string {
    let at = this.options.clock.now().getTime();
    for (;;) {
      const name = backupFileName(new Date(at).toISOString(), kind);
      if (!fs.existsSync(path.join(folder, name))) return name;
      at++;
    }
  }

  #rotate(folder: string): void {
    const own = listBackupFiles(folder, this.session.keyId());
    for (const name of backupsToDelete(own)) removeBackupFiles(path.join(folder, name));
  }

  #entry(folder: string, name: string): BackupEntry {
    const entry = listBackupFiles(folder, this.session.keyId()).find((candidate) => candidate.name === name);
    if (!entry) throw new AppError('NOT_FOUND');
    return entry;
  }

  #file(name: string): string {
    const file = path.join(this.folder().folder, backupName.parse(name));
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND');
    return file;
  }

  /** Checks a backup again (opens it, integrity_check) and records the result beside it. */
  verify(name: string): BackupEntry {
    const file = this.#file(name);
    const check = this.session.checkCopy(file);
    if (!check.ok && check.problem !== 'damaged' && !readCheck(file)) throw new AppError('BACKUP_OTHER_KEY');
    this.#recordCheck(file, check.ok ? { status: 'ok', schemaVersion: check.schemaVersion } : { status: 'damaged', schemaVersion: null });
    return this.#entry(path.dirname(file), name);
  }

  /** The newest backup that passed its check: what a damaged database is restored from. */
  newestGood(): BackupEntry | null {
    return this.list().find((entry) => entry.status === 'ok') ?? null;
  }

  /**
   * Puts a backup back: checks it, saves the current state as a backup
   * first (when it can be read), replaces the file and opens it again.
   */
  async restore(name: string): Promise<{ safetyBackup: string | null; keptAside: string | null }> {
    return this.restoreFrom(this.#file(name));
  }

  /** Restores from any backup file with this installation's key (the CLI names one by path). */
  async restoreFrom(file: string): Promise<{ safetyBackup: string | null; keptAside: string | null }> {
    const check = this.session.checkCopy(file);
    if (!check.ok) throw new AppError(check.problem === 'damaged' ? 'BACKUP_DAMAGED' : 'BACKUP_OTHER_KEY');
    if (check.schemaVersion > LATEST_SCHEMA_VERSION) throw new AppError('DB_TOO_NEW');
    const safetyBackup = this.session.state.state === 'open' ? (await this.create('restore')).name : null;
    const { keptAside } = await this.session.replaceWith(file, this.options.clock);
    return { safetyBackup, keptAside };
  }

  /** The automatic daily backup (main checks every few minutes): made when today has no backup yet. */
  async daily(): Promise<BackupEntry | null> {
    if (this.#running || this.session.state.state !== 'open') return null;
    const day = today(this.options.clock);
    if (this.list().some((entry) => format(parseISO(entry.createdAt), 'yyyy-MM-dd') === day && entry.status !== 'damaged')) return null;
    try {
      return await this.create('daily');
    } catch {
      return null; // reported through lastFailure
    }
  }

  /** On lock and on quit: a backup when something changed since the last one. */
  async onClose(): Promise<BackupEntry | null> {
    if (this.#running || this.session.state.state !== 'open') return null;
    if (this.session.totalChanges() <= this.#changesAtBackup) return null;
    return this.create('close');
  }
}

function assertWritable(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    const probe = path.join(folder, `.mdo-schrijftest-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch {
    throw new AppError('BACKUP_FOLDER');
  }
}

function backupErrorCode(error: unknown): ErrorCode {
  if (error instanceof AppError) return error.code;
  if (error instanceof CopyCheckError) return 'BACKUP_DAMAGED';
  if (error instanceof DbOpenError) return `DB_${error.code}`;
  const problem = storageProblem(error);
  if (problem === 'DISK_FULL') return 'DB_DISK_FULL';
  if (problem === 'READ_ONLY') return 'BACKUP_FOLDER';
  return 'INTERNAL';
}
