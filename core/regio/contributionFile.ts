import { createHash, type X509Certificate } from 'node:crypto';
import { summarize } from '../signing/certificates';
import { openContribution, sealContribution } from './cms';
import { CONTRIBUTION_FORMAT, CONTRIBUTION_VERSION, contributionSchema, type Contribution } from './contribution';
import { ContributionError } from './contributionError';
import type { RegioIdentity } from './keyPairs';

// A .mdoregio file: the contribution's JSON (the documented format of
// core/regio/contribution.ts), signed by the school and encrypted for the
// coordinator (core/regio/cms.ts).

/** What the region learns from one file: the contribution, who signed it, and the file's hash (one row per file). */
export interface ReadContribution {
  contribution: Contribution;
  signer: { fingerprint: string; subject: string; certificatePem: string };
  /** Hex SHA-256 of the file's bytes as read. */
  fileSha256: string;
}

/** The contribution as UTF-8 JSON (no BOM, two-space indents); refuses one that is not the documented format. */
export function encodeContribution(c: Contribution): Uint8Array {
  const checked = contributionSchema.safeParse(c);
  if (!checked.success)
    throw new ContributionError('NOT_CONTRIBUTION', `The contribution is not valid: ${issueSummary(checked.error.issues)}.`);
  return new TextEncoder().encode(`${JSON.stringify(checked.data, null, 2)}\n`);
}

/** The contribution in UTF-8 JSON bytes; throws NOT_CONTRIBUTION, or TOO_NEW for a newer format version. */
export function decodeContribution(bytes: Uint8Array): Contribution {
  let value: unknown;
  try {
    // A BOM is tolerated: a file written by hand in Notepad has one.
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw new ContributionError('NOT_CONTRIBUTION', 'The signed content is not UTF-8 JSON.');
  }
  // Before the strict schema: a newer version may have fields this one does not know.
  const header = value as { format?: unknown; formatVersion?: unknown } | null;
  if (
    typeof header === 'object' &&
    header !== null &&
    header.format === CONTRIBUTION_FORMAT &&
    typeof header.formatVersion === 'number' &&
    header.formatVersion > CONTRIBUTION_VERSION
  )
    throw new ContributionError(
      'TOO_NEW',
      `The contribution has format version ${header.formatVersion}; this MDO reads up to version ${CONTRIBUTION_VERSION}. Update MDO.`,
    );
  const checked = contributionSchema.safeParse(value);
  if (!checked.success)
    throw new ContributionError('NOT_CONTRIBUTION', `The signed content is not a contribution: ${issueSummary(checked.error.issues)}.`);
  return checked.data;
}

/** Opens, checks and decodes a contribution file with the coordinator's keys (current and earlier ones). */
export async function readContributionFile(bytes: Uint8Array, keys: readonly RegioIdentity[]): Promise<ReadContribution> {
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  const opened = await openContribution(bytes, keys);
  const contribution = decodeContribution(opened.content);
  const subject = summarize(opened.signer).name || opened.signer.subject.replace(/\n/g, ', ');
  return {
    contribution,
    signer: { fingerprint: opened.signer.fingerprint256, subject, certificatePem: opened.signer.toString() },
    fileSha256,
  };
}

/** The .mdoregio file's bytes: the contribution signed by the school and encrypted for the coordinator. */
export async function writeContributionFile(c: Contribution, signer: RegioIdentity, recipient: X509Certificate): Promise<Uint8Array> {
  return sealContribution(encodeContribution(c), signer, recipient);
}

/** The first few problems, by field path; the values themselves are never quoted. */
function issueSummary(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message));
  return `${shown.join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`;
}
