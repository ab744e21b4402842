import { PASSPHRASE_MIN_LENGTH, type PassphraseWarning } from '../core/passphrase/rule';
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

const WEAKNESS: Record<PassphraseWarning, string> = {
  tooShort: `it is shorter than ${PASSPHRASE_MIN_LENGTH} characters`,
  ownWords: "the school's name, people's names and words like 'mdo' or 'kernteam' are the first a guesser tries",
  straightRow: 'keys next to each other are easy to guess',
  keyPattern: 'short keyboard patterns are easy to guess',
  simpleRepeat: "repeated characters like 'aaa' are easy to guess",
  extendedRepeat: "repeated patterns like 'abcabcabc' are easy to guess",
  sequences: "sequences like 'abc' or '123' are easy to guess",
  recentYears: 'recent years are easy to guess',
  dates: 'dates are easy to guess',
  topTen: 'it is one of the most used passwords',
  topHundred: 'it is a very common password',
  common: 'it is a common password',
  similarToCommon: 'it is similar to a common password',
  wordByItself: 'a single word is easy to guess',
  namesByThemselves: 'names are easy to guess',
  commonNames: 'common first and last names are easy to guess',
  userInputs: 'words about you or the school are easy to guess',
  pwned: 'it appears in a known data breach',
};

/**
 * Refuses a weak new database passphrase (MDO_PASSPHRASE for a new database)
 * by the app's own rule, saying in English what is weak and how to make it strong.
 */
export async function assertStrongForCli(passphrase: string, ownWords: readonly string[] = []): Promise<void> {
  const { judgePassphrase } = await import('../core/passphrase/strength');
  const strength = judgePassphrase(passphrase, ownWords);
  if (strength.strong) return;
  const why = strength.warning ? WEAKNESS[strength.warning] : 'it has too few unpredictable words';
  failWith(
    `MDO_PASSPHRASE is too easy to guess: ${why}. Use four or five unrelated words (at least ${PASSPHRASE_MIN_LENGTH} characters), not a known phrase; nothing was written.`,
  );
}
