import { missedGoals, ratio, type GoalMiss, type Goals } from './stats';
import { formatTable } from './table';

/** One line of `npm run bench`: an operation, its floor and its goals, in ms (or MB for memory). */
export interface BenchRow {
  operation: string;
  unit: 'ms' | 'MB';
  /** Calls (or loads, or runs) measured. */
  calls: number;
  p50: number;
  p95: number;
  floorP50: number;
  floorP95: number;
  /** What the floor is, in a few words. */
  floor: string;
  /** p95 over the floor's p95 (p50 over p50 where `ratioAt` says so). */
  ratio: number;
  /** Which percentile the ratio compares; p95 unless a goal was set on p50 (backup, issue 8). */
  ratioAt?: 'p50';
  goals: Goals;
  missed: GoalMiss[];
  status: 'ok' | 'MISS';
  /** How much the operation shows or reads, so growth can be judged against it (see growth.ts). */
  size: { count: number; of: string };
  /** The operation's very first call in the process (cold code and caches), where measured. */
  firstCallMs?: number;
  /** Statements sent per call, where counted: tells one query from many small ones. */
  statementsPerCall?: number;
  inputs?: unknown[];
  /** Figures that belong to this operation only (build and sign times, bytes). */
  detail?: Record<string, unknown>;
}

export type MeasuredRow = Omit<BenchRow, 'ratio' | 'missed' | 'status'>;

/** Adds the ratio and judges the row against its goals. */
export function judge(row: MeasuredRow): BenchRow {
  const slowdown = row.ratioAt === 'p50' ? ratio(row.p50, row.floorP50) : ratio(row.p95, row.floorP95);
  const missed = missedGoals({ p50: row.p50, p95: row.p95, ratio: slowdown }, row.goals);
  return { ...row, ratio: slowdown, missed, status: missed.length ? 'MISS' : 'ok' };
}

/** A goal as the table shows it, e.g. "p95 < 30, ≤ 2x". */
export function goalText({ maxP50, maxP95, maxRatio }: Goals): string {
  const parts = [];
  if (maxP50 !== undefined) parts.push(`p50 < ${maxP50}`);
  if (maxP95 !== undefined) parts.push(`p95 < ${maxP95}`);
  if (maxRatio !== undefined) parts.push(`≤ ${maxRatio}x`);
  return parts.join(', ') || '-';
}

const number = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/** The one table `npm run bench` prints. */
export function benchTable(rows: readonly BenchRow[]): string {
  return formatTable(
    ['operation', 'unit', 'p50', 'p95', 'floor p50', 'floor p95', 'ratio', 'stmts', '1st call', 'goal', 'status', 'floor is'],
    rows.map((row) => [
      row.operation,
      row.unit,
      number(row.p50),
      number(row.p95),
      number(row.floorP50),
      number(row.floorP95),
      Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}x${row.ratioAt === 'p50' ? ' p50' : ''}` : '-',
      row.statementsPerCall === undefined ? '' : row.statementsPerCall.toFixed(1),
      row.firstCallMs === undefined ? '' : number(row.firstCallMs),
      goalText(row.goals),
      row.status === 'ok' ? 'ok' : `MISS ${row.missed.join('+')}`,
      row.floor,
    ]),
    [false, false, true, true, true, true, true, true, true, false, false, false],
  );
}
