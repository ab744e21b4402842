/** What `npm run bench` holds an operation to, in the unit of its row (ms or MB); a goal left out is not set. */
export interface Goals {
  /** p50 must stay below this. */
  maxP50?: number;
  /** p95 must stay below this. */
  maxP95?: number;
  /** p95 may be at most this many times the floor's p95. */
  maxRatio?: number;
}

/** List and page views (issue 10): p95 below 30 ms and at most twice the raw-SQL floor. */
export const GOALS: Goals = { maxP95: 30, maxRatio: 2 };

/**
 * The p-th percentile (0 to 100) with linear interpolation between the closest
 * ranks, the same definition as numpy's default, so numbers can be compared
 * with other tools.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

export interface Summary {
  p50: number;
  p95: number;
}

export function summarize(durations: readonly number[]): Summary {
  return { p50: percentile(durations, 50), p95: percentile(durations, 95) };
}

/** How many times slower than the floor; a floor of zero cannot be divided by, so it counts as unbounded. */
export function ratio(value: number, floor: number): number {
  return floor > 0 ? value / floor : Number.POSITIVE_INFINITY;
}

export type GoalMiss = 'p50' | 'p95' | 'ratio';

/** Which goals a measurement misses; empty when it meets them all. */
export function missedGoals(measured: { p50: number; p95: number; ratio: number }, goals: Goals = GOALS): GoalMiss[] {
  const misses: GoalMiss[] = [];
  if (goals.maxP50 !== undefined && !(measured.p50 < goals.maxP50)) misses.push('p50');
  if (goals.maxP95 !== undefined && !(measured.p95 < goals.maxP95)) misses.push('p95');
  if (goals.maxRatio !== undefined && !(measured.ratio <= goals.maxRatio)) misses.push('ratio');
  return misses;
}
