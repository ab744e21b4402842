import { format } from 'date-fns';

/** The source of "now", passed in so that services and tests agree on time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that always answers the same moment (tests, reproducible demo data). */
export function fixedClock(iso: string): Clock {
  const moment = new Date(iso);
  return { now: () => new Date(moment) };
}

/** Today as 'YYYY-MM-DD' in local time: what a user calls "today". */
export function today(clock: Clock): string {
  return format(clock.now(), 'yyyy-MM-dd');
}

/** Now as an ISO-8601 UTC moment for created_at / updated_at columns. */
export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}
