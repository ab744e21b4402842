import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { ReadContribution } from '../../regio/contributionFile';

// Files of signers the region does not trust yet wait here, decrypted and
// verified, until the coordinator compares the fingerprint and accepts (or
// dismisses) it: no need to choose the files again. Only in memory, per open
// database connection: locking closes the connection and they are gone.

export interface PendingContribution {
  pendingId: string;
  fileName: string;
  read: ReadContribution;
}

/** More than any import of a region's files; beyond it the oldest waiting file is dropped. */
const MAX_PENDING = 1000;
const stores = new WeakMap<Kysely<DB>, Map<string, PendingContribution>>();

/** The waiting files of this open database (a new, empty store after every unlock). */
export function pendingStore(db: Kysely<DB>): PendingStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new Map()));
  return new PendingStore(store);
}

export class PendingStore {
  constructor(private readonly entries: Map<string, PendingContribution>) {}

  /** Keeps a file; the same file (by SHA-256) twice keeps its first handle. */
  add(fileName: string, read: ReadContribution): string {
    for (const entry of this.entries.values()) if (entry.read.fileSha256 === read.fileSha256) return entry.pendingId;
    const pendingId = randomBytes(16).toString('hex');
    this.entries.set(pendingId, { pendingId, fileName, read });
    if (this.entries.size > MAX_PENDING) this.entries.delete(this.entries.keys().next().value!);
    return pendingId;
  }

  get(pendingId: string): PendingContribution | undefined {
    return this.entries.get(pendingId);
  }

  /** Every waiting file signed with this key, taken out of the store. */
  takeSignedBy(fingerprint: string): PendingContribution[] {
    const taken = [...this.entries.values()].filter((entry) => entry.read.signer.fingerprint === fingerprint);
    for (const entry of taken) this.entries.delete(entry.pendingId);
    return taken;
  }

  list(): PendingContribution[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }
}
