import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { databaseFileExists } from '../db/databaseFile';
import { encryptInPlace, isPlainSqlite, plainHeader } from '../db/encrypt';
import { checkDatabaseFile, syncFolder, writeCheckedBackup, type CopyOptions, type FileCheck } from '../db/hotCopy';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../db/migrate';
import { migrations as allMigrations, type Migration } from '../db/migrations';
import { acquireLock, releaseLock } from '../db/processLock';
import {
  keyringPath,
  databaseKeyFromRecoveryKey,
  KeyringError,
  newDatabaseKey,
  openDatabaseKey,
  readKeyring,
  recoveryKeyFor,
  sealDatabaseKey,
  writeKeyring,
  type KdfParams,
  type Keyring,
} from '../db/keyring';
import { APPLICATION_ID, openDatabase, type OpenDatabase, type OpenOptions } from '../db/open';
import { DbOpenError, storageProblem } from '../db/openErrors';
import type { DB } from '../db/schema';
import { nowIso, systemClock, type Clock } from './clock';
import { recordAudit, recordUnlockFailures, type AuditAction } from './services/audit';
import { AppError } from './errors';

export const DEFAULT_LOCK_MINUTES = 5;
const LOCK_MINUTES_SETTING = 'lock.idle_minutes';

/** The public passphrase of the fictional demo school, shown on its unlock screen. */
export const DEMO_PASSPHRASE = 'demo-mdo-2026';

export type SessionState =
  | { state: 'missing' }
  /** Encrypted and closed: a passphrase (or the recovery key) opens it. */
  | { state: 'locked'; demo: boolean; keyringMissing: boolean }
  /** A plain database from before encryption: the first unlock chooses a passphrase and encrypts it. */
  | { state: 'unencrypted' }
  | { state: 'open'; handle: OpenDatabase }
  /** The passphrase was right but the file failed quick_check: it stays closed and untouched until a backup is restored. */
  | { state: 'damaged' }
  | { state: 'error'; error: DbOpenError };

/** Encrypts and decrypts with the operating system's key store (Electron safeStorage); main passes it in. */
export interface KeyProtector {
  available(): boolean;
  encrypt(secret: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

export interface SessionOptions extends Pick<OpenOptions, 'nativeBinding'> {
  /** Only for tests of failing migrations. */
  migrations?: readonly Migration[];
  keyProtector?: KeyProtector;
  /** scrypt cost for new keyrings; tests use a cheaper one. */
  kdfParams?: KdfParams;
  clock?: Clock;
  /** How a delay after repeated wrong passphrases is waited out (tests record it instead). */
  wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** After three wrong passphrases, each next try waits 1, 2, 4 … up to 30 seconds. */
export function unlockDelay(failures: number): number {
  return failures < 3 ? 0 : Math.min(1000 * 2 ** (failures - 3), 30_000);
}

/** What other modules (backups) do around the session's life; failures here never stop a lock or close. */
export interface SessionHooks {
  /** The file is about to be migrated to a newer schema: make a backup of it first. */
  beforeMigrate?(): Promise<void>;
  afterOpen?(): Promise<void>;
  /** Still open, about to lock or close. */
  beforeClose?(): Promise<void>;
}

/** Owns the one database file of this installation: creating, unlocking, locking, closing. */
export class Session {
  #state: SessionState = { state: 'missing' };
  readonly hooks: SessionHooks = {};
  #key: Buffer | null = null;
  /** Wrong passphrases since the last unlock; recorded in the audit log once the database opens. */
  #wrongTries = 0;

  constructor(
    readonly dbPath: string,
    private readonly options: SessionOptions = {},
  ) {}

  get #clock(): Clock {
    return this.options.clock ?? systemClock;
  }

  /** Looks at the file without decrypting it; a file that cannot be used is left untouched and reported. */
  async init(): Promise<SessionState> {
    try {
      acquireLock(this.dbPath);
      finishInterruptedRestore(this.dbPath);
      this.#state = await this.#inspect();
    } catch (error) {
      if (error instanceof DbOpenError) this.#state = { state: 'error', error };
      else if (error instanceof KeyringError) this.#state = { state: 'error', error: new DbOpenError('CORRUPT', error.message) };
      else throw error;
    }
    return this.#state;
  }

  async #inspect(): Promise<SessionState> {
    // A folder or FIFO in its place is refused before anything reads it (reading a FIFO would block).
    if (!databaseFileExists(this.dbPath)) return { state: 'missing' };
    const keyring = readKeyring(this.dbPath);
    if (!keyring) {
      if (!isPlainSqlite(this.dbPath)) {
        // Encrypted, but the key file is gone: only the printed recovery key can open it.
        const size = fs.statSync(this.dbPath).size;
        if (size > 0 && size % 512 === 0) return { state: 'locked', demo: false, keyringMissing: true };
        throw new DbOpenError('NOT_A_DATABASE', 'not an SQLite file');
      }
      // Ours and not too new? Read from the header, without opening or changing the file.
      const { applicationId, userVersion } = plainHeader(this.dbPath);
      if (applicationId !== APPLICATION_ID) throw new DbOpenError('FOREIGN', `application_id ${applicationId}`);
      if (userVersion > LATEST_SCHEMA_VERSION) throw new DbOpenError('TOO_NEW', `schema version ${userVersion}`);
      return { state: 'unencrypted' };
    }
    const protector = this.options.keyProtector;
    if (keyring.osProtected && protector?.available()) {
      try {
        await this.#open(protector.decrypt(Buffer.from(keyring.osProtected, 'base64')));
        return this.#state;
      } catch {
        // The OS key store changed (another user, a new laptop): fall back to the passphrase.
      }
    }
    return { state: 'locked', demo: keyring.demo ?? false, keyringMissing: false };
  }

  #openOptions() {
    return { nativeBinding: this.options.nativeBinding };
  }

  /** Opens with `key`: quick_check first, then a backup before any migration, then the migrations. */
  async #open(key: Buffer, options: { keyProven: boolean } = { keyProven: true }): Promise<void> {
    let handle: OpenDatabase;
    try {
      handle = await openDatabase(this.dbPath, { ...this.#openOptions(), key, migrate: false });
    } catch (error) {
      // When the key file's seal proved the key, a file SQLite cannot read is damaged; a typed
      // recovery key proves nothing (it may be another installation's), so the caller is told.
      const unreadable = error instanceof DbOpenError && (error.code === 'NOT_A_DATABASE' || error.code === 'CORRUPT');
      if (!unreadable || !options.keyProven) throw error;
      this.#key = key;
      this.#state = { state: 'damaged' };
      return;
    }
    this.#key = key;
    try {
      if (!passesQuickCheck(handle)) {
        await handle.close();
        this.#state = { state: 'damaged' };
        return;
      }
      const list = this.options.migrations ?? allMigrations;
      const version = schemaVersion(handle.sqlite);
      if (version > 0 && version < list.length) await this.hooks.beforeMigrate?.();
      migrate(handle.sqlite, list);
    } catch (error) {
      await handle.close();
      this.#key = null;
      throw error;
    }
    this.#state = { state: 'open', handle };
    await this.#audit('session.open');
    await this.hooks.afterOpen?.();
  }

  async #audit(action: AuditAction): Promise<void> {
    if (this.#state.state !== 'open') return;
    const db = this.#state.handle.db;
    await recordUnlockFailures(db, this.#wrongTries, this.#clock);
    this.#wrongTries = 0;
    await recordAudit(db, { action, entity: 'session' }, this.#clock);
  }

  #keyring(): Keyring {
    const keyring = readKeyring(this.dbPath);
    if (!keyring) throw new AppError('CONFLICT', 'no keyring');
    return keyring;
  }

  /** Creates the encrypted database; returns the recovery key to show once (none for the demo school). */
  async create(input: { passphrase: string } | { demo: true }): Promise<{ db: Kysely<DB>; recoveryKey: string | null }> {
    if (this.#state.state !== 'missing' || fs.existsSync(this.dbPath)) throw new AppError('CONFLICT', 'database exists');
    fs.mkdirSync(path.dirname(this.dbPath), { recursive: true });
    const key = newDatabaseKey();
    const demo = 'demo' in input;
    const keyring = await sealDatabaseKey(key, demo ? DEMO_PASSPHRASE : input.passphrase, { params: this.options.kdfParams, demo });
    let handle: OpenDatabase;
    try {
      writeKeyring(this.dbPath, keyring);
      handle = await openDatabase(this.dbPath, { ...this.#openOptions(), create: true, key });
    } catch (error) {
      // A read-only folder or a full disk: leave nothing half-made behind.
      for (const file of [this.dbPath, `${this.dbPath}-wal`, `${this.dbPath}-shm`, keyringPath(this.dbPath)])
        fs.rmSync(file, { force: true });
      const problem = storageProblem(error);
      throw problem ? new DbOpenError(problem, 'creating the database') : error;
    }
    this.#key = key;
    this.#state = { state: 'open', handle };
    return { db: handle.db, recoveryKey: demo ? null : recoveryKeyFor(key) };
  }

  /**
   * Opens a locked database with its passphrase. A plain database from before
   * encryption is encrypted now with this passphrase as its first one; the
   * recovery key is then returned to show once.
   */
  async unlock(passphrase: string): Promise<{ recoveryKey: string | null }> {
    const state = this.#state;
    if (state.state === 'unencrypted') {
      const key = newDatabaseKey();
      await encryptInPlace(this.dbPath, key, this.#openOptions());
      writeKeyring(this.dbPath, await sealDatabaseKey(key, passphrase, { params: this.options.kdfParams }));
      await this.#open(key);
      await this.#audit('database.encrypt');
      return { recoveryKey: recoveryKeyFor(key) };
    }
    if (state.state !== 'locked' || state.keyringMissing) throw new AppError('CONFLICT', 'not locked');
    const delay = unlockDelay(this.#wrongTries);
    if (delay) await (this.options.wait ?? sleep)(delay);
    const key = await openDatabaseKey(this.#keyring(), passphrase);
    if (!key) {
      this.#wrongTries++;
      throw new AppError('WRONG_PASSPHRASE');
    }
    try {
      await this.#open(key);
    } catch (error) {
      // A newer version's data, a read-only folder: shown on the start screen instead of the lock screen.
      if (error instanceof DbOpenError) this.#state = { state: 'error', error };
      throw error;
    }
    return { recoveryKey: null };
  }

  /** Opens with a key the caller already unsealed (the CLI, from MDO_PASSPHRASE and a key file). */
  async unlockWithKey(key: Buffer): Promise<void> {
    if (this.#state.state !== 'locked') throw new AppError('CONFLICT', 'not locked');
    await this.#open(key);
  }

  /** Opens with the printed recovery key and sets a new passphrase (a forgotten one, or a lost key file). */
  async recover(recoveryKey: string, newPassphrase: string): Promise<void> {
    if (this.#state.state !== 'locked') throw new AppError('CONFLICT', 'not locked');
    let key: Buffer;
    try {
      key = databaseKeyFromRecoveryKey(recoveryKey);
    } catch {
      throw new AppError('BAD_RECOVERY_KEY');
    }
    try {
      await this.#open(key, { keyProven: false });
    } catch (error) {
      if (error instanceof DbOpenError && error.code === 'NOT_A_DATABASE') throw new AppError('BAD_RECOVERY_KEY');
      throw error;
    }
    writeKeyring(this.dbPath, await sealDatabaseKey(key, newPassphrase, { params: this.options.kdfParams }));
    await this.#audit('session.recover');
  }

  /** A new passphrase: only the key file changes, the data is not re-encrypted. */
  async changePassphrase(current: string, next: string): Promise<void> {
    if (this.#state.state !== 'open' || !this.#key) throw new AppError('NO_DATABASE');
    const keyring = this.#keyring();
    const key = await openDatabaseKey(keyring, current);
    if (!key) throw new AppError('WRONG_PASSPHRASE');
    const renewed = await sealDatabaseKey(key, next, { params: this.options.kdfParams });
    // Remembering on this computer survives a new passphrase; the demo flag does not (it has a private one now).
    writeKeyring(this.dbPath, { ...renewed, ...(keyring.osProtected ? { osProtected: keyring.osProtected } : {}) });
    await this.#audit('session.change_passphrase');
  }

  /** Lets the operating system's key store open the database at start (or stops it). */
  async rememberOnThisComputer(enabled: boolean): Promise<void> {
    const protector = this.options.keyProtector;
    if (this.#state.state !== 'open' || !this.#key) throw new AppError('NO_DATABASE');
    if (enabled && !protector?.available()) throw new AppError('CONFLICT', 'no OS key store');
    const keyring = this.#keyring();
    delete keyring.osProtected;
    writeKeyring(this.dbPath, enabled ? { ...keyring, osProtected: protector!.encrypt(this.#key).toString('base64') } : keyring);
    await this.#audit(enabled ? 'session.remember_on' : 'session.remember_off');
  }

  /**
   * Closes the database and forgets its key: the lock screen shows nothing of
   * it. `quick` skips the backup on close (the computer is going to sleep).
   */
  async lock(options: { quick?: boolean } = {}): Promise<void> {
    if (this.#state.state === 'damaged') {
      this.#key = null;
      this.#state = { state: 'locked', demo: readKeyring(this.dbPath)?.demo ?? false, keyringMissing: false };
      return;
    }
    if (this.#state.state !== 'open') return;
    if (!options.quick) await this.#beforeClose();
    await this.#audit('session.lock');
    await this.#state.handle.close();
    this.#key = null;
    const keyring = readKeyring(this.dbPath);
    this.#state = { state: 'locked', demo: keyring?.demo ?? false, keyringMissing: !keyring };
  }

  get state(): SessionState {
    return this.#state;
  }

  /** Minutes without use before the app locks itself (a setting in the database; 5 by default). */
  async lockMinutes(): Promise<number> {
    const row = await this.db().selectFrom('setting').select('value').where('key', '=', LOCK_MINUTES_SETTING).executeTakeFirst();
    const minutes = Number(row?.value);
    return Number.isInteger(minutes) && minutes > 0 ? minutes : DEFAULT_LOCK_MINUTES;
  }

  async setLockMinutes(minutes: number): Promise<void> {
    await this.db()
      .insertInto('setting')
      .values({ key: LOCK_MINUTES_SETTING, value: String(minutes) })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: String(minutes) }))
      .execute();
  }

  /** Whether this computer's key store opens the database at start. */
  get remembered(): boolean {
    return this.#state.state === 'open' && !!readKeyring(this.dbPath)?.osProtected;
  }

  /** The open database, or NO_DATABASE / LOCKED for handlers called before it is open. */
  db(): Kysely<DB> {
    if (this.#state.state === 'locked' || this.#state.state === 'unencrypted') throw new AppError('LOCKED');
    if (this.#state.state === 'damaged') throw new AppError('DB_CORRUPT');
    if (this.#state.state !== 'open') throw new AppError('NO_DATABASE');
    return this.#state.handle.db;
  }

  async close(): Promise<void> {
    if (this.#state.state === 'open') {
      await this.#beforeClose();
      await this.#state.handle.close();
    }
    this.#key = null;
    this.#state = { state: 'missing' };
    releaseLock(this.dbPath);
  }

  async #beforeClose(): Promise<void> {
    try {
      await this.hooks.beforeClose?.();
    } catch {
      // A backup that fails (an unreachable share) must not keep the data open; it reports itself.
    }
  }

  #requireKey(): Buffer {
    if (!this.#key) throw new AppError(this.#state.state === 'open' ? 'NO_DATABASE' : 'LOCKED');
    return this.#key;
  }

  /** Writes a checked, encrypted backup of the open database (with its key file) to `target`. */
  async backupTo(target: string, onProgress?: CopyOptions['onProgress']): Promise<{ bytes: number; schemaVersion: number }> {
    const key = this.#requireKey();
    return writeCheckedBackup(this.dbPath, key, target, { nativeBinding: this.options.nativeBinding, onProgress });
  }

  /** Whether a copy opens with this installation's key and passes integrity_check. */
  checkCopy(file: string, options: { settle?: boolean } = {}): FileCheck {
    return checkDatabaseFile(file, this.#requireKey(), { nativeBinding: this.options.nativeBinding, ...options });
  }

  /** Tells this installation's backups apart from others' in a shared folder, without revealing the key. */
  keyId(): string {
    return createHash('sha256').update('mdo-backup-key-id:').update(this.#requireKey()).digest('hex').slice(0, 16);
  }

  /** Rows changed since this connection opened (what a backup on close compares against). */
  totalChanges(): number {
    if (this.#state.state !== 'open') return 0;
    return (this.#state.handle.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  /**
   * Replaces the database file by a checked copy (a restore) and opens it
   * again. A damaged file is put aside under a new name, never overwritten.
   * Returns that name, if any.
   */
  async replaceWith(copy: string, clock: Clock): Promise<{ keptAside: string | null }> {
    const key = this.#requireKey();
    if (this.#state.state !== 'open' && this.#state.state !== 'damaged') throw new AppError('LOCKED');
    const incoming = `${this.dbPath}.restoring`;
    fs.rmSync(incoming, { force: true });
    try {
      copyWritable(copy, incoming);
      fsyncFile(incoming);
    } catch (error) {
      fs.rmSync(incoming, { force: true });
      throw error;
    }
    let keptAside: string | null = null;
    if (this.#state.state === 'open') {
      await this.#state.handle.close();
    } else {
      keptAside = putAside(this.dbPath, clock);
    }
    this.#state = { state: 'missing' };
    for (const suffix of ['-wal', '-shm']) fs.rmSync(this.dbPath + suffix, { force: true });
    fs.renameSync(incoming, this.dbPath);
    syncFolder(path.dirname(this.dbPath));
    try {
      await this.#open(key);
    } catch (error) {
      // Never "missing" with a file in place: the start screen would offer to create a new school over it.
      this.#state = { state: 'error', error: error instanceof DbOpenError ? error : new DbOpenError('CORRUPT', String(error)) };
      throw error;
    }
    if (this.state.state === 'open') await this.#audit('backup.restore');
    return { keptAside };
  }
}

function passesQuickCheck(handle: OpenDatabase): boolean {
  try {
    const rows = handle.sqlite.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0].quick_check === 'ok';
  } catch {
    return false;
  }
}

/** Copies a backup to be the database: a backup may be read-only (from a read-only medium), the database must not be. */
export function copyWritable(source: string, target: string): void {
  fs.copyFileSync(source, target);
  fs.chmodSync(target, fs.statSync(target).mode | 0o600);
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Renames a damaged database (with its WAL) to a new, dated name beside it; returns that name. */
function putAside(dbPath: string, clock: Clock): string {
  const stamp = nowIso(clock).replace(/[-:.]/g, '');
  let aside = `${dbPath}.beschadigd-${stamp}`;
  for (let n = 2; fs.existsSync(aside); n++) aside = `${dbPath}.beschadigd-${stamp}-${n}`;
  fs.renameSync(dbPath, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, aside + suffix);
  }
  return path.basename(aside);
}

/** A restore that was cut off after the old file went away but before the new one was renamed into place: finish it. */
function finishInterruptedRestore(dbPath: string): void {
  const incoming = `${dbPath}.restoring`;
  if (!fs.existsSync(incoming)) return;
  if (fs.existsSync(dbPath)) fs.rmSync(incoming, { force: true });
  else fs.renameSync(incoming, dbPath);
}
