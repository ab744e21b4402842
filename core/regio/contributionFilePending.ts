import type { Contribution } from './contribution';
import type { RegioIdentity } from './keyPairsPending';

/*
 * PENDING — TO BE SWAPPED BY THE LEAD. Stand-ins for the crypto helper's
 * core/regio/cms.ts (ContributionError) and core/regio/contributionFile.ts
 * (ReadContribution, readContributionFile), same names and signatures. Until
 * that branch is merged this reader refuses every file as not a CMS file, so
 * nothing unsigned can ever be stored. After the merge: import ContributionError
 * from './cms' and the rest from './contributionFile', and delete this file.
 */

export type ContributionErrorCode = 'NOT_CMS' | 'NOT_FOR_US' | 'TAMPERED' | 'NOT_CONTRIBUTION' | 'TOO_NEW' | 'NOT_CERTIFICATE';

export class ContributionError extends Error {
  constructor(
    readonly code: ContributionErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'ContributionError';
  }
}

/** A contribution file as read: the verified content, who signed it, and the file's SHA-256 (hex). */
export interface ReadContribution {
  contribution: Contribution;
  signer: { fingerprint: string; subject: string; certificatePem: string };
  fileSha256: string;
}

/** Decrypts with one of `keys`, verifies the signature and the content. Pending: refuses every file. */
export async function readContributionFile(bytes: Uint8Array, keys: readonly RegioIdentity[]): Promise<ReadContribution> {
  void bytes;
  void keys;
  throw new ContributionError('NOT_CMS', 'the CMS reader is not merged yet');
}
