import { DEMO_PASSPHRASE } from '../core/session';
import { keyringPath, openDatabaseKey, readKeyring, type Keyring } from '../db/keyring';
import { failWith, UsageError, type CliIo } from './args';

/**
 * The key of an encrypted database, unsealed with MDO_PASSPHRASE (the demo
 * school also with its public passphrase); null for a plain database from
 * before encryption. `keysOf` names another file whose key file to use (a
 * backup's, when the database itself has none).
 */
export async function keyForCli(dbPath: string, io: CliIo, keysOf = dbPath): Promise<Buffer | null> {
  let keyring: Keyring | null;
  try {
    keyring = readKeyring(keysOf);
  } catch {
    failWith(`the key file ${keyringPath(keysOf)} is damaged.`);
  }
  if (!keyring) return null;
  const passphrase = (io.env ?? process.env).MDO_PASSPHRASE ?? (keyring.demo ? DEMO_PASSPHRASE : undefined);
  if (passphrase === undefined)
    throw new UsageError('the database is encrypted: set its passphrase in the environment variable MDO_PASSPHRASE');
  const key = await openDatabaseKey(keyring, passphrase);
  if (!key) failWith('the database passphrase (MDO_PASSPHRASE) is wrong; nothing was changed.');
  return key;
}
