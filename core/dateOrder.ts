import type { IsoDate } from '../db/schema';
import type { IpcError } from './contract/result';
import { AppError } from './errors';
import { nl } from './i18n/nl';

// Dates in order: the services refuse a write that would put two dates the
// wrong way round, and the database's triggers (migration 005) refuse the same
// write from anywhere else. Both name the rule, and the user reads its Dutch
// explanation from nl.dateOrder.

/** A pair of dates that must not be reversed, named as in migration 005's triggers. */
export type DateOrderRule = keyof typeof nl.dateOrder;

/** Rules judged against today, which only the services know (the database has no clock of the app's). */
export const TODAY_RULES: readonly DateOrderRule[] = ['birthAfterToday'];

/** A write refused because two of its dates are in the wrong order; `field` names the input to change, if there is one. */
export class DateOrderError extends AppError {
  constructor(
    readonly rule: DateOrderRule,
    readonly field?: string,
  ) {
    super('DATE_ORDER', rule);
  }
}

/** Refuses `date` when it lies before `bound`. The same day is fine; a missing date or bound is not judged. */
export function assertNotBefore(
  date: IsoDate | null | undefined,
  bound: IsoDate | null | undefined,
  rule: DateOrderRule,
  field?: string,
): void {
  if (date && bound && date < bound) throw new DateOrderError(rule, field);
}

const TRIGGER_MESSAGE = /^date order: (\w+)$/;

/** The rule a date-order trigger named when SQLite refused a write; null for any other error. */
export function triggerRule(error: unknown): DateOrderRule | null {
  if (!(error instanceof Error) || error.name !== 'SqliteError') return null;
  const rule = TRIGGER_MESSAGE.exec(error.message)?.[1];
  return rule && Object.hasOwn(nl.dateOrder, rule) ? (rule as DateOrderRule) : null;
}

/** The error the user sees for a refused date order, from a service or a trigger: the rule's Dutch text, also on its field. */
export function dateOrderFailure(error: unknown): IpcError | null {
  const rule = error instanceof DateOrderError ? error.rule : triggerRule(error);
  if (!rule) return null;
  const message = nl.dateOrder[rule];
  const field = error instanceof DateOrderError ? error.field : undefined;
  return { code: 'DATE_ORDER', message, ...(field ? { fields: [{ path: field, message }] } : {}) };
}
