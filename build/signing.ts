/**
 * Which signing a build gets, decided only from environment variables (CI
 * secrets or a release engineer's shell), never from files in the repository.
 * One function for the electron-builder config and for scripts/dist.ts, so the
 * installer's name and the warning printed before the build never disagree.
 */

export type TargetOs = 'win' | 'mac' | 'linux';

type Env = Record<string, string | undefined>;

export interface SigningPlan {
  os: TargetOs;
  /** Every artifact of this OS gets a signature that IT can check (Authenticode, Developer ID + notarization, GPG). */
  signed: boolean;
  /** How, for the build log and SIGNING.txt. */
  method: string;
  /** Windows: Azure Trusted Signing instead of a certificate file. */
  azure?: { endpoint: string; codeSigningAccountName: string; certificateProfileName: string; publisherName: string };
  /** Linux: the GPG key that signs SHA256SUMS. */
  gpgKey?: string;
  /** Half-configured signing: someone meant to sign and forgot a variable. Always an error, never an unsigned build. */
  problems: string[];
  /** What would make an unsigned build signed, for the warning. */
  howToSign: string[];
}

/** Marks every artifact of an unsigned build, so nobody rolls it out by mistake. */
export const UNSIGNED_SUFFIX = '-UNSIGNED';

const AZURE_AUTH = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'];
const AZURE_MDO = ['MDO_AZURE_ENDPOINT', 'MDO_AZURE_ACCOUNT', 'MDO_AZURE_PROFILE', 'MDO_WIN_PUBLISHER'];
// The three ways @electron/notarize accepts credentials (electron-builder reads the same names).
const NOTARIZE_SETS = [
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
];

const has = (env: Env, name: string) => (env[name] ?? '').trim() !== '';
const missingOf = (env: Env, names: string[]) => names.filter((name) => !has(env, name));

export function signingPlan(os: TargetOs, env: Env = process.env): SigningPlan {
  switch (os) {
    case 'win':
      return windowsPlan(env);
    case 'mac':
      return macPlan(env);
    case 'linux':
      return linuxPlan(env);
  }
}

function windowsPlan(env: Env): SigningPlan {
  const howToSign = [
    'WIN_CSC_LINK (or CSC_LINK) = .pfx file or base64, with WIN_CSC_KEY_PASSWORD (or CSC_KEY_PASSWORD)',
    `or Azure Trusted Signing: ${[...AZURE_AUTH, ...AZURE_MDO].join(', ')}`,
  ];
  const certificate = has(env, 'WIN_CSC_LINK') || has(env, 'CSC_LINK');
  const azureNames = [...AZURE_AUTH, ...AZURE_MDO];
  const azureMissing = missingOf(env, azureNames);
  const azureStarted = azureMissing.length < azureNames.length;
  const problems: string[] = [];
  if (azureStarted && azureMissing.length > 0)
    problems.push(`Azure Trusted Signing is half configured: ${azureMissing.join(', ')} missing`);
  if (azureStarted && certificate)
    problems.push('both a certificate (WIN_CSC_LINK/CSC_LINK) and Azure Trusted Signing are configured: choose one');
  if (azureStarted && azureMissing.length === 0 && !certificate) {
    return {
      os: 'win',
      signed: true,
      method: 'Azure Trusted Signing',
      azure: {
        endpoint: env.MDO_AZURE_ENDPOINT!,
        codeSigningAccountName: env.MDO_AZURE_ACCOUNT!,
        certificateProfileName: env.MDO_AZURE_PROFILE!,
        publisherName: env.MDO_WIN_PUBLISHER!,
      },
      problems,
      howToSign,
    };
  }
  if (certificate && !azureStarted) {
    const source = has(env, 'WIN_CSC_LINK') ? 'WIN_CSC_LINK' : 'CSC_LINK';
    return { os: 'win', signed: true, method: `Authenticode certificate (${source})`, problems, howToSign };
  }
  return { os: 'win', signed: false, method: 'none', problems, howToSign };
}

function macPlan(env: Env): SigningPlan {
  const howToSign = [
    'CSC_LINK = Developer ID Application .p12 (file or base64) with CSC_KEY_PASSWORD, or CSC_NAME = identity in the keychain',
    `and notarization: ${NOTARIZE_SETS.map((set) => set.join(' + ')).join(', or ')}`,
  ];
  const identity = has(env, 'CSC_LINK') || has(env, 'CSC_NAME');
  const notarize = NOTARIZE_SETS.some((set) => missingOf(env, set).length === 0);
  const started = NOTARIZE_SETS.flat().filter((name) => has(env, name));
  const problems: string[] = [];
  // A signed app that is not notarized is stopped by Gatekeeper on a downloaded copy: not a release.
  if (identity && !notarize) problems.push(`a signing identity is set but no complete notarization credentials (${howToSign[1]})`);
  if (!identity && started.length > 0)
    problems.push(`notarization credentials (${started.join(', ')}) are set but no signing identity (CSC_LINK or CSC_NAME)`);
  if (identity && notarize) {
    const source = has(env, 'CSC_LINK') ? 'CSC_LINK' : `keychain identity "${env.CSC_NAME}"`;
    return { os: 'mac', signed: true, method: `Developer ID (${source}), hardened runtime, notarized`, problems, howToSign };
  }
  return { os: 'mac', signed: false, method: 'none (ad-hoc signature only)', problems, howToSign };
}

function linuxPlan(env: Env): SigningPlan {
  const howToSign = ['MDO_GPG_KEY_ID = a key in the gpg keyring that signs SHA256SUMS (SHA256SUMS.asc)'];
  if (has(env, 'MDO_GPG_KEY_ID')) {
    return {
      os: 'linux',
      signed: true,
      method: `GPG-signed SHA256SUMS (key ${env.MDO_GPG_KEY_ID})`,
      gpgKey: env.MDO_GPG_KEY_ID,
      problems: [],
      howToSign,
    };
  }
  return { os: 'linux', signed: false, method: 'none (SHA256SUMS without signature)', problems: [], howToSign };
}

/** `MDO-Setup-0.1.0-x64.exe` or, unsigned, `MDO-Setup-0.1.0-x64-UNSIGNED.exe`. */
export function artifactName(plan: SigningPlan, stem: string): string {
  return `${stem}${plan.signed ? '' : UNSIGNED_SUFFIX}.\${ext}`;
}
