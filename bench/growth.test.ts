import { describe, expect, it } from 'vitest';
import { growthOf, growthStep, growthTable, NOISE_ALLOWANCE } from './growth';
import { judge, type BenchRow } from './rows';

const row = (operation: string, p50: number, size: number): BenchRow =>
  judge({
    operation,
    unit: 'ms',
    calls: 10,
    p50,
    p95: p50 * 1.2,
    floorP50: p50 / 2,
    floorP95: p50 / 2,
    floor: 'same SQL',
    goals: { maxP95: 30, maxRatio: 2 },
    size: { count: size, of: 'cases' },
  });

describe('growth', () => {
  it('accepts time that grows as fast as size, and calls quadratic growth superlinear', () => {
    expect(growthStep({ p50: 2, size: 100 }, { p50: 8, size: 400 })).toMatchObject({ timeRatio: 4, sizeRatio: 4, linear: true });
    expect(growthStep({ p50: 2, size: 100 }, { p50: 8, size: 400 }).exponent).toBeCloseTo(1);
    const quadratic = growthStep({ p50: 2, size: 100 }, { p50: 32, size: 400 });
    expect(quadratic.linear).toBe(false);
    expect(quadratic.exponent).toBeCloseTo(2);
  });

  it('holds work of the same size to the same time, within the noise allowance', () => {
    expect(growthStep({ p50: 1, size: 20 }, { p50: NOISE_ALLOWANCE * 0.99, size: 20 })).toMatchObject({ linear: true });
    expect(growthStep({ p50: 1, size: 20 }, { p50: NOISE_ALLOWANCE * 1.5, size: 20 })).toMatchObject({ linear: false });
    expect(growthStep({ p50: 1, size: 20 }, { p50: 1, size: 20 }).exponent).toBeUndefined();
  });

  it('follows each operation over the datasets, skipping one that was not measured on all of them', () => {
    const growth = growthOf([
      { label: 'demo', rows: [row('case list', 1, 12), row('first screen', 300, 10)] },
      { label: 'large', rows: [row('case list', 10, 250)] },
      { label: '4× large', rows: [row('case list', 90, 1000)] },
    ]);
    expect(growth).toHaveLength(1);
    expect(growth[0].points.map((point) => point.p50)).toEqual([1, 10, 90]);
    expect(growth[0].steps.map((step) => [step.from, step.to, step.linear])).toEqual([
      ['demo', 'large', true],
      ['large', '4× large', false],
    ]);
    expect(growth[0].linear).toBe(false);
    const table = growthTable(growth);
    expect(table).toContain('large → 4× large');
    expect(table.split('\n')[2]).toMatch(/^case list \(ms\).*NO\s+cases$/);
  });
});

describe('judge', () => {
  it('computes the ratio over the floor and names the missed goals', () => {
    expect(row('fast', 10, 1)).toMatchObject({ ratio: 2.4, status: 'MISS', missed: ['ratio'] });
    const ok = judge({ ...row('ok', 1, 1), p95: 2, floorP95: 1.5 });
    expect(ok).toMatchObject({ status: 'ok', missed: [] });
  });
});
