/** Why a regiobijdrage (or a certificate for one) was refused; the caller turns the code into a message. */
export type ContributionErrorCode = 'NOT_CMS' | 'NOT_FOR_US' | 'TAMPERED' | 'NOT_CONTRIBUTION' | 'TOO_NEW' | 'NOT_CERTIFICATE';

/** A refused contribution file or certificate. The message is English and never quotes the file's content. */
export class ContributionError extends Error {
  constructor(
    readonly code: ContributionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ContributionError';
  }
}
