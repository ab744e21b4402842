import type { BenchRow } from './rows';
import { formatTable } from './table';

// "Nothing may grow faster than linearly in the size of what it shows": from
// one dataset to the next, an operation's p50 may grow at most as much as the
// size of what it shows or reads (BenchRow.size), times an allowance for the
// noise of short timings. Work whose size does not grow may not grow either,
// beyond that allowance.

/**
 * How much faster than its size an operation's time may grow between two datasets before it
 * counts as superlinear. Runs on a shared 2-core machine differ by up to half for figures under a
 * few milliseconds; the steps grow sizes 4 to 60 times, so growth as the square of the size would
 * still overshoot this allowance at least twice.
 */
export const NOISE_ALLOWANCE = 2;

export interface DatasetRows {
  /** e.g. 'demo', 'large', '4× large'. */
  label: string;
  rows: readonly BenchRow[];
}

export interface GrowthStep {
  from: string;
  to: string;
  timeRatio: number;
  sizeRatio: number;
  /** log(time ratio) / log(size ratio): 1 is linear; undefined when the size did not grow. */
  exponent?: number;
  linear: boolean;
}

export interface Growth {
  operation: string;
  unit: BenchRow['unit'];
  sizeOf: string;
  points: { label: string; p50: number; size: number }[];
  steps: GrowthStep[];
  linear: boolean;
}

/** Whether time grew no faster than size from one point to the next. */
export function growthStep(from: { p50: number; size: number }, to: { p50: number; size: number }): Omit<GrowthStep, 'from' | 'to'> {
  const timeRatio = to.p50 / from.p50;
  const sizeRatio = to.size / from.size;
  const grew = sizeRatio > 1.05;
  return {
    timeRatio,
    sizeRatio,
    ...(grew ? { exponent: Math.log(Math.max(timeRatio, Number.MIN_VALUE)) / Math.log(sizeRatio) } : {}),
    linear: timeRatio <= Math.max(sizeRatio, 1) * NOISE_ALLOWANCE,
  };
}

/** The growth of every operation measured on all datasets, in the order of the first dataset's rows. */
export function growthOf(datasets: readonly DatasetRows[]): Growth[] {
  if (datasets.length < 2) throw new Error('growth needs at least two datasets');
  return datasets[0].rows
    .filter((row) => datasets.every((dataset) => dataset.rows.some((other) => other.operation === row.operation)))
    .map((row) => {
      const points = datasets.map((dataset) => {
        const found = dataset.rows.find((other) => other.operation === row.operation)!;
        return { label: dataset.label, p50: found.p50, size: found.size.count };
      });
      const steps = points.slice(1).map((point, index) => ({
        from: points[index].label,
        to: point.label,
        ...growthStep(points[index], point),
      }));
      return { operation: row.operation, unit: row.unit, sizeOf: row.size.of, points, steps, linear: steps.every((step) => step.linear) };
    });
}

const figure = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/** The growth table: p50 and size on every dataset, then time and size ratios of each step. */
export function growthTable(growth: readonly Growth[]): string {
  const labels = growth[0]?.points.map((point) => point.label) ?? [];
  const stepNames = growth[0]?.steps.map((step) => `${step.from} → ${step.to}`) ?? [];
  return formatTable(
    ['operation', ...labels.map((label) => `p50 ${label}`), ...labels.map((label) => `size ${label}`), ...stepNames, 'linear', 'size is'],
    growth.map((entry) => [
      `${entry.operation} (${entry.unit})`,
      ...entry.points.map((point) => figure(point.p50)),
      ...entry.points.map((point) => figure(point.size)),
      ...entry.steps.map((step) => `time ${step.timeRatio.toFixed(1)}x / size ${step.sizeRatio.toFixed(1)}x`),
      entry.linear ? 'yes' : 'NO',
      entry.sizeOf,
    ]),
    [false, ...labels.map(() => true), ...labels.map(() => true), ...stepNames.map(() => true), false, false],
  );
}
