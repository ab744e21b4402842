import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase, type OpenDatabase, type OpenOptions } from '../db/open';
import { DbOpenError } from '../db/openErrors';
import type { DB } from '../db/schema';
import { AppError } from './errors';

export type SessionState = { state: 'missing' } | { state: 'open'; handle: OpenDatabase } | { state: 'error'; error: DbOpenError };

/** Owns the one database file of this installation: opening, creating, closing. */
export class Session {
  #state: SessionState = { state: 'missing' };

  constructor(
    readonly dbPath: string,
    private readonly openOptions: Pick<OpenOptions, 'nativeBinding'> = {},
  ) {}

  /** Opens the file if it exists; a file that cannot be opened is left untouched and reported. */
  async init(): Promise<SessionState> {
    try {
      this.#state = { state: 'open', handle: await openDatabase(this.dbPath, this.openOptions) };
    } catch (error) {
      if (!(error instanceof DbOpenError)) throw error;
      this.#state = error.code === 'NOT_FOUND' ? { state: 'missing' } : { state: 'error', error };
    }
    return this.#state;
  }

  /** Creates the database file; only when there is none yet. */
  async create(): Promise<Kysely<DB>> {
    if (this.#state.state !== 'missing') throw new AppError('CONFLICT', 'database exists');
    fs.mkdirSync(path.dirname(this.dbPath), { recursive: true });
    const handle = await openDatabase(this.dbPath, { ...this.openOptions, create: true });
    this.#state = { state: 'open', handle };
    return handle.db;
  }

  get state(): SessionState {
    return this.#state;
  }

  /** The open database, or NO_DATABASE for handlers called before set-up. */
  db(): Kysely<DB> {
    if (this.#state.state !== 'open') throw new AppError('NO_DATABASE');
    return this.#state.handle.db;
  }

  async close(): Promise<void> {
    if (this.#state.state === 'open') await this.#state.handle.close();
    this.#state = { state: 'missing' };
  }
}
