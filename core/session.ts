import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { encryptInPlace, isPlainSqlite, plainHeader } from '../db/encrypt';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import {
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
import { DbOpenError } from '../db/openErrors';
import type { DB } from '../db/schema';
import { systemClock, type Clock } from './clock';
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
  | { state: 'error'; error: DbOpenError };

/** Encrypts and decrypts with the operating system's key store (Electron safeStorage); main passes it in. */
export interface KeyProtector {
  available(): boolean;
  encrypt(secret: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

export interface SessionOptions extends Pick<OpenOptions, 'nativeBinding'> {
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

/** Owns the one database file of this installation: creating, unlocking, locking, closing. */
export class Session {
  #state: SessionState = { state: 'missing' };
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
      this.#state = await this.#inspect();
    } catch (error) {
      if (error instanceof DbOpenError) this.#state = { state: 'error', error };
      else if (error instanceof KeyringError) this.#state = { state: 'error', error: new DbOpenError('CORRUPT', error.message) };
      else throw error;
    }
    return this.#state;
  }

  async #inspect(): Promise<SessionState> {
    if (!fs.existsSync(this.dbPath)) return { state: 'missing' };
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

  async #open(key: Buffer): Promise<void> {
    const handle = await openDatabase(this.dbPath, { ...this.#openOptions(), key });
    this.#key = key;
    this.#state = { state: 'open', handle };
    await this.#audit('session.open');
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
    if (this.#state.state !== 'missing') throw new AppError('CONFLICT', 'database exists');
    fs.mkdirSync(path.dirname(this.dbPath), { recursive: true });
    const key = newDatabaseKey();
    const demo = 'demo' in input;
    writeKeyring(
      this.dbPath,
      await sealDatabaseKey(key, demo ? DEMO_PASSPHRASE : input.passphrase, { params: this.options.kdfParams, demo }),
    );
    const handle = await openDatabase(this.dbPath, { ...this.#openOptions(), create: true, key });
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
    await this.#open(key);
    return { recoveryKey: null };
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
      await this.#open(key);
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

  /** Closes the database and forgets its key: the lock screen shows nothing of it. */
  async lock(): Promise<void> {
    if (this.#state.state !== 'open') return;
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
    if (this.#state.state !== 'open') throw new AppError('NO_DATABASE');
    return this.#state.handle.db;
  }

  async close(): Promise<void> {
    if (this.#state.state === 'open') await this.#state.handle.close();
    this.#key = null;
    this.#state = { state: 'missing' };
  }
}
