import { describe, expect, it } from 'vitest';
import { GOALS, missedGoals, percentile, ratio, summarize } from './stats';
import { formatTable } from './table';

describe('percentile', () => {
  it('interpolates between the closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
  });

  it('does not depend on the order of the values and leaves them unsorted', () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 50)).toBe(3);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it('gives the extremes at 0 and 100 and the value itself for one sample', () => {
    expect(percentile([3, 9, 1], 0)).toBe(1);
    expect(percentile([3, 9, 1], 100)).toBe(9);
    expect(percentile([7], 95)).toBe(7);
  });

  it('refuses an empty list and a percentile outside 0 to 100', () => {
    expect(() => percentile([], 50)).toThrow(/empty/);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('summarizes 1 to 100 ms as p50 and p95', () => {
    const durations = Array.from({ length: 100 }, (_, index) => index + 1);
    const { p50, p95 } = summarize(durations);
    expect(p50).toBe(50.5);
    expect(p95).toBeCloseTo(95.05);
  });
});

describe('ratio and goals', () => {
  it('divides by the floor and treats a zero floor as unbounded', () => {
    expect(ratio(3, 1.5)).toBe(2);
    expect(ratio(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('names each missed goal; exactly 2x still meets the ratio goal, exactly 30 ms misses p95', () => {
    expect(GOALS).toEqual({ maxP95: 30, maxRatio: 2 });
    expect(missedGoals({ p50: 1, p95: 29.99, ratio: 2 })).toEqual([]);
    expect(missedGoals({ p50: 1, p95: 30, ratio: 1 })).toEqual(['p95']);
    expect(missedGoals({ p50: 1, p95: 5, ratio: 2.01 })).toEqual(['ratio']);
    expect(missedGoals({ p50: 1, p95: 40, ratio: Number.POSITIVE_INFINITY })).toEqual(['p95', 'ratio']);
  });

  it('checks only the goals an operation has', () => {
    expect(missedGoals({ p50: 310, p95: 900, ratio: 50 }, { maxP50: 300 })).toEqual(['p50']);
    expect(missedGoals({ p50: 10, p95: 900, ratio: 50 }, { maxP50: 300 })).toEqual([]);
    expect(missedGoals({ p50: 10, p95: 900, ratio: 50 }, {})).toEqual([]);
  });
});

describe('formatTable', () => {
  it('pads text left and numbers right under a rule', () => {
    const table = formatTable(
      ['op', 'p95', 'status'],
      [
        ['case page', '1.50', 'ok'],
        ['search', '12.25', 'MISS'],
      ],
      [false, true, false],
    );
    expect(table.split('\n')).toEqual([
      'op           p95  status',
      '---------  -----  ------',
      'case page   1.50  ok',
      'search     12.25  MISS',
    ]);
  });
});
