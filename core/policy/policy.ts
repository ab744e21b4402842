import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { MAX_RETENTION_YEARS } from '../contract/privacy';
import { AppError } from '../errors';
import { nl } from '../i18n/nl';

/**
 * The machine policy: a JSON file that IT places where only an administrator
 * can write (docs/it-beheer.md), read once at start. A missing file means no
 * policy. A file that is there but wrong stops the app with a message naming
 * the file and the problem: running with defaults IT meant to override (a data
 * folder on the wrong disk, a long lock timeout) would be worse than not running.
 */

export const LOCK_MINUTES = { min: 1, max: 240 } as const;

const folder = z.string().trim().min(1);

/** Every key IT may set; any other key is an error, so a typo never goes unnoticed. */
export const policyFile = z.strictObject({
  dataFolder: folder.optional(),
  backupFolder: folder.optional(),
  lockMinutes: z.number().int().min(LOCK_MINUTES.min).max(LOCK_MINUTES.max).optional(),
  retentionYears: z.number().int().min(1).max(MAX_RETENTION_YEARS).optional(),
  allowPersonalCertificates: z.boolean().optional(),
  offerDemoSchool: z.boolean().optional(),
  /** The regiocoördinator's certificate: a full path to a .pem file, or the PEM text itself. */
  regionCertificate: z.string().trim().min(1).max(100_000).optional(),
});

export type PolicyFile = z.infer<typeof policyFile>;

/** What the app runs with: the file's settings, and the defaults for what it leaves out. */
export interface MachinePolicy {
  /** The policy file, or null when there is none. */
  source: string | null;
  /** Folder for mdo.db and its key file; null: Electron's user-data folder. */
  dataFolder: string | null;
  /** Folder for backups, overriding the user's choice; null: the user chooses (default beside the data). */
  backupFolder: string | null;
  /** Idle minutes before the lock, fixed by IT; null: the user's setting. */
  lockMinutes: number | null;
  /** Retention default for schools without their own setting; null: the app's default. */
  retentionYears: number | null;
  allowPersonalCertificates: boolean;
  offerDemoSchool: boolean;
  /** The coordinator's certificate (PEM) every regiobijdrage is encrypted for, fixed by IT; null: the school chooses. */
  regionCertificatePem: string | null;
}

export const NO_POLICY: MachinePolicy = Object.freeze({
  source: null,
  dataFolder: null,
  backupFolder: null,
  lockMinutes: null,
  retentionYears: null,
  allowPersonalCertificates: true,
  offerDemoSchool: true,
  regionCertificatePem: null,
});

export type PolicyProblem = 'unreadable' | 'json' | 'schema';

/** An invalid policy: the app must not start. `message` is Dutch and names the file. */
export class PolicyError extends Error {
  override name = 'PolicyError';
  constructor(
    readonly file: string,
    readonly problem: PolicyProblem,
    readonly details: string[],
  ) {
    super(nl.policy.invalid(file, details));
  }
}

export interface PolicyEnvironment {
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  /** Replaces {username} in folders; the account running MDO by default. */
  username?: string;
}

/** Where IT puts the policy file on this OS. */
export function policyLocation(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'MDO', 'policy.json');
    case 'darwin':
      return '/Library/Application Support/MDO/policy.json';
    default:
      return '/etc/mdo/policy.json';
  }
}

/**
 * Reads and checks the policy file. `file` defaults to the OS location; the
 * app passes MDO_POLICY instead only when it is not packaged (tests, development),
 * so a user cannot point an installed MDO at a policy of their own.
 */
export function loadPolicy(file: string, environment: PolicyEnvironment = {}): MachinePolicy {
  const platform = environment.platform ?? process.platform;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NO_POLICY;
    // There but unreadable (a folder, no read rights): IT meant something, so this is not "no policy".
    throw new PolicyError(file, 'unreadable', [nl.policy.unreadable((error as NodeJS.ErrnoException).code ?? String(error))]);
  }
  let json: unknown;
  try {
    // Notepad saves UTF-8 with a byte-order mark; JSON.parse does not accept one.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PolicyError(file, 'json', [nl.policy.notJson(error instanceof Error ? error.message : String(error))]);
  }
  const parsed = policyFile.safeParse(json);
  if (!parsed.success) throw new PolicyError(file, 'schema', parsed.error.issues.map(describeIssue));
  const settings = parsed.data;
  const username = environment.username ?? os.userInfo().username;
  const folderOf = (key: 'dataFolder' | 'backupFolder') => {
    const value = settings[key];
    if (value === undefined) return null;
    if (!isAbsoluteFolder(value, platform)) throw new PolicyError(file, 'schema', [nl.policy.relativeFolder(key, value)]);
    const pathApi = platform === 'win32' ? path.win32 : path.posix;
    return pathApi.normalize(value.replaceAll('{username}', username));
  };
  return {
    source: file,
    dataFolder: folderOf('dataFolder'),
    backupFolder: folderOf('backupFolder'),
    lockMinutes: settings.lockMinutes ?? null,
    retentionYears: settings.retentionYears ?? null,
    allowPersonalCertificates: settings.allowPersonalCertificates ?? NO_POLICY.allowPersonalCertificates,
    offerDemoSchool: settings.offerDemoSchool ?? NO_POLICY.offerDemoSchool,
    regionCertificatePem: settings.regionCertificate === undefined ? null : regionCertificate(file, settings.regionCertificate, platform),
  };
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/**
 * The coordinator's certificate from the policy: the PEM text itself or an
 * absolute path to a .pem file, read now. A value that yields no certificate
 * stops the app like any other wrong setting: IT meant every contribution of
 * this machine to go to that coordinator.
 */
function regionCertificate(file: string, value: string, platform: NodeJS.Platform): string {
  let text = value;
  if (!value.includes('-----BEGIN')) {
    if (!isAbsoluteFolder(value, platform)) throw new PolicyError(file, 'schema', [nl.policy.regionCertificatePath(value)]);
    try {
      text = fs.readFileSync(value, 'utf8');
    } catch (error) {
      throw new PolicyError(file, 'schema', [
        nl.policy.regionCertificateUnreadable(value, (error as NodeJS.ErrnoException).code ?? String(error)),
      ]);
    }
  }
  const pem = PEM_CERTIFICATE.exec(text)?.[0];
  try {
    if (!pem) throw new Error('no certificate');
    new X509Certificate(pem);
  } catch {
    throw new PolicyError(file, 'schema', [nl.policy.regionCertificateInvalid]);
  }
  return pem;
}

/** A drive path (D:\MDO) or a UNC share (\\server\share\MDO) on Windows; /… elsewhere. Never relative to wherever MDO happens to start. */
export function isAbsoluteFolder(value: string, platform: NodeJS.Platform): boolean {
  if (platform === 'win32') return /^[A-Za-z]:[\\/]/.test(value) || /^\\\\[^\\/]+[\\/][^\\/]+/.test(value);
  return value.startsWith('/');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return nl.policy.unknownKeys(issue.keys);
  const key = issue.path[0];
  if (typeof key !== 'string') return nl.policy.notAnObject;
  const rule = nl.policy.rules[key as keyof PolicyFile];
  return rule ? nl.policy.badValue(key, rule) : nl.policy.unknownKeys([key]);
}

/** The database file: MDO_DB in development and tests, else the policy's folder, else Electron's user-data folder. */
export function databasePath(options: {
  policy: MachinePolicy;
  userData: string;
  packaged: boolean;
  env?: Record<string, string | undefined>;
}): string {
  const env = options.env ?? process.env;
  // An installed MDO under a policy with a data folder ignores MDO_DB: the folder is IT's decision.
  if (env.MDO_DB && !(options.packaged && options.policy.dataFolder)) return env.MDO_DB;
  return path.join(options.policy.dataFolder ?? options.userData, 'mdo.db');
}

/** The policy file this process reads: MDO_POLICY only outside an installed app. */
export function policyFileFor(options: {
  packaged: boolean;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
}): string {
  const env = options.env ?? process.env;
  if (!options.packaged && env.MDO_POLICY) return env.MDO_POLICY;
  return policyLocation(options.platform, env);
}

/** Refuses what IT switched off on this machine. */
export function assertAllowed(policy: MachinePolicy, what: 'personalCertificates' | 'demoSchool' | 'lockMinutes'): void {
  const allowed =
    what === 'personalCertificates'
      ? policy.allowPersonalCertificates
      : what === 'demoSchool'
        ? policy.offerDemoSchool
        : policy.lockMinutes === null;
  if (!allowed) throw new AppError('POLICY', what);
}
