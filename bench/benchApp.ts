import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { Backups } from '../core/backups/backups';
import type { Clock } from '../core/clock';
import { handlers } from '../core/handlers';
import { createRouter, type Router } from '../core/ipc/router';
import { NO_POLICY } from '../core/policy/policy';
import { Session } from '../core/session';
import { KDF_PARAMS } from '../db/keyring';
import type { DB } from '../db/schema';
import { encryptAsDemo } from '../tests/fixtures/demoDatabase';
import { folderDialogs } from '../tests/fixtures/folderDialogs';

// The benchmark measures what the main process does for the renderer: the real
// session over an encrypted file, the real router (input and output
// validation), and serializing the answer as Electron's IPC does in main
// (V8's serializer; the renderer deserializes it on its own thread).

/** Copies a plain demo file and encrypts the copy as the app keeps its file, with a keyring for the demo passphrase at the app's scrypt cost. */
export async function encryptedDemoCopy(plainFile: string, target: string): Promise<Buffer> {
  fs.copyFileSync(plainFile, target);
  return encryptAsDemo(target, KDF_PARAMS);
}

export interface BenchApp {
  session: Session;
  router: Router;
  /** The session's own connection, for floors that must share its cache and pragmas. */
  sqlite: Database.Database;
  db: Kysely<DB>;
  /** Calls a channel as the renderer would; returns the data, serialized for IPC on the way. */
  call(channel: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** Opens an encrypted file with its key through the real session and router. */
export async function openBenchApp(file: string, key: Buffer, clock: Clock): Promise<BenchApp> {
  const session = new Session(file, { clock });
  await session.init();
  await session.unlockWithKey(key);
  const backups = new Backups(session, { clock, appVersion: 'bench' });
  const files = folderDialogs(path.join(path.dirname(file), 'exports'));
  const router = createRouter(handlers, { session, clock, appVersion: 'bench', files, backups, policy: NO_POLICY }, (entry) => {
    // An internal error is the bench's own bug: show it; `call` throws with the code.
    if (entry.error) console.error(entry.error);
  });
  const state = session.state;
  if (state.state !== 'open') throw new Error(`the bench database did not open: ${state.state}`);
  return {
    session,
    router,
    sqlite: state.handle.sqlite,
    db: state.handle.db,
    async call(channel, input) {
      const result = await router.call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}`);
      v8.serialize(result.data);
      return result.data;
    },
    close: () => session.close(),
  };
}
