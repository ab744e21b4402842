import type { ErrorCode } from './contract/result';

/** An expected failure of a service, shown to the user by its code's Dutch message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail = '',
    /** A Dutch message for this case (e.g. naming whose certificate is not valid yet), shown instead of the code's; never logged. */
    readonly userMessage?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
  }
}

/** A VALIDATION error a service found on one field, with its own Dutch message (the router passes both on). */
export class FieldError extends AppError {
  constructor(
    readonly field: string,
    readonly text: string,
  ) {
    super('VALIDATION', field);
  }
}
