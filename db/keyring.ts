import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

// The database is encrypted with a random 256-bit key. That key is stored
// only wrapped, in a small file beside the database: by the user's passphrase
// (scrypt, memory-hard) and optionally by the operating system's key store.
// Changing the passphrase rewrites this file, never the database.

/** scrypt cost for new keyrings: 2^17 × 8 × 128 bytes = 128 MiB of memory per guess. */
export const KDF_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
export type KdfParams = { N: number; r: number; p: number };

const sealed = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const keyringSchema = z.object({
  format: z.literal('mdo-keyring'),
  version: z.literal(1),
  /** The fictional demo school: its passphrase is public and shown on the unlock screen. */
  demo: z.boolean().optional(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  passphrase: sealed,
  /** The database key encrypted by the OS key store (Electron safeStorage), when the user allowed it. */
  osProtected: z.string().optional(),
});
export type Keyring = z.infer<typeof keyringSchema>;

export class KeyringError extends Error {
  constructor(
    readonly code: 'DAMAGED' | 'BAD_RECOVERY_KEY',
    message: string,
  ) {
    super(message);
    this.name = 'KeyringError';
  }
}

/** The keyring file of a database file. */
export const keyringPath = (dbPath: string) => `${dbPath}.keys`;

export function readKeyring(dbPath: string): Keyring | null {
  let text: string;
  try {
    // A FIFO or folder in its place would block or fail to read: it is no key file.
    if (!fs.statSync(keyringPath(dbPath)).isFile()) throw new KeyringError('DAMAGED', 'the key file beside the database is not a file');
    text = fs.readFileSync(keyringPath(dbPath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return keyringSchema.parse(JSON.parse(text));
  } catch {
    throw new KeyringError('DAMAGED', 'the key file beside the database is damaged');
  }
}

/** Written beside and renamed into place, flushed first: a crash leaves the old or the new keyring, never half. */
export function writeKeyring(dbPath: string, keyring: Keyring): void {
  const target = keyringPath(dbPath);
  const temp = `${target}.tmp-${process.pid}`;
  try {
    const fd = fs.openSync(temp, 'w', 0o600);
    try {
      fs.writeSync(fd, `${JSON.stringify(keyring, null, 2)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

export function newDatabaseKey(): Buffer {
  return randomBytes(32);
}

function derive(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function seal(key: Buffer, secret: Buffer): z.infer<typeof sealed> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(secret), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function unseal(key: Buffer, box: z.infer<typeof sealed>): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** A keyring that opens `databaseKey` with `passphrase` (a fresh salt each time). */
export async function sealDatabaseKey(
  databaseKey: Buffer,
  passphrase: string,
  options: { params?: KdfParams; demo?: boolean } = {},
): Promise<Keyring> {
  const params = options.params ?? KDF_PARAMS;
  const salt = randomBytes(16);
  const wrapping = await derive(passphrase, salt, params);
  return {
    format: 'mdo-keyring',
    version: 1,
    ...(options.demo ? { demo: true } : {}),
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    passphrase: seal(wrapping, databaseKey),
  };
}

/** The database key, or null when the passphrase is wrong. */
export async function openDatabaseKey(keyring: Keyring, passphrase: string): Promise<Buffer | null> {
  const { N, r, p, salt } = keyring.kdf;
  return unseal(await derive(passphrase, Buffer.from(salt, 'base64'), { N, r, p }), keyring.passphrase);
}

// Crockford's base32: no I, L, O or U, so a printed key is read back without confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The recovery key to print: the database key itself plus a 2-byte checksum,
 * in groups of five. It opens the database even when the key file is lost.
 */
export function recoveryKeyFor(databaseKey: Buffer): string {
  const bytes = Buffer.concat([databaseKey, createHash('sha256').update(databaseKey).digest().subarray(0, 2)]);
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let text = '';
  for (let i = 0; i < bits.length; i += 5) text += ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return text.match(/.{1,5}/g)!.join('-');
}

/** Reads a typed recovery key back (case, spaces and dashes do not matter; O→0, I/L→1). */
export function databaseKeyFromRecoveryKey(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-Z]+$/.test(clean) || clean.length !== 55) throw new KeyringError('BAD_RECOVERY_KEY', 'the recovery key is not complete');
  let bits = '';
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new KeyringError('BAD_RECOVERY_KEY', 'the recovery key holds a character that does not belong in it');
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = Buffer.from(Array.from({ length: 34 }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2)));
  const key = bytes.subarray(0, 32);
  if (!createHash('sha256').update(key).digest().subarray(0, 2).equals(bytes.subarray(32))) {
    throw new KeyringError('BAD_RECOVERY_KEY', 'the recovery key has a typing error');
  }
  return Buffer.from(key);
}
