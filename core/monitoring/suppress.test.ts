import { describe, expect, it } from 'vitest';
import { recoverable, suppressCount, suppressGroup, type Cell } from './suppress';

const shown = (value: number): Cell => ({ kind: 'shown', value });
const small: Cell = { kind: 'small' };
const hidden: Cell = { kind: 'hidden' };

describe('small-count suppression', () => {
  it('shows 0 and 5 or more, and turns 1 to 4 into "<5"', () => {
    expect([0, 1, 2, 3, 4, 5, 120].map(suppressCount)).toEqual([shown(0), small, small, small, small, shown(5), shown(120)]);
  });

  it('refuses what is not a count', () => {
    expect(() => suppressCount(-1)).toThrow(RangeError);
    expect(() => suppressGroup([1.5], 2)).toThrow(RangeError);
  });

  it('leaves a group without small counts alone', () => {
    expect(suppressGroup([10, 0, 20], 30)).toEqual({ cells: [shown(10), shown(0), shown(20)], total: shown(30) });
  });

  it('hides the next smallest non-zero cell when exactly one cell is small', () => {
    expect(suppressGroup([3, 0, 20, 10], 33)).toEqual({ cells: [small, shown(0), shown(20), hidden], total: shown(33) });
  });

  it('keeps hiding while the total still pins a cell: 1 + 5 = 6 would give both away', () => {
    // With 1 and 5 hidden the reader knows a + b = 6, a in 1..4, b >= 5: so a = 1.
    expect(suppressGroup([1, 5, 30], 36)).toEqual({ cells: [small, hidden, hidden], total: shown(36) });
  });

  it('also protects two small cells that the total would pin (1 + 1, 4 + 4)', () => {
    expect(suppressGroup([1, 1, 20], 22)).toEqual({ cells: [small, small, hidden], total: shown(22) });
    expect(suppressGroup([4, 4, 30], 38)).toEqual({ cells: [small, small, hidden], total: shown(38) });
    // 2 + 3 = 5 leaves 1..4 for each: nothing more to hide.
    expect(suppressGroup([2, 3, 30], 35)).toEqual({ cells: [small, small, shown(30)], total: shown(35) });
  });

  it('hides the total when no cell is left to hide', () => {
    // Not additive (a case under two themes): 3 and 0 with a total of 6.
    expect(suppressGroup([3, 0], 6)).toEqual({ cells: [small, shown(0)], total: hidden });
  });

  it('needs no complement when the total itself is small or absent', () => {
    expect(suppressGroup([1, 2], 3)).toEqual({ cells: [small, small], total: small });
    expect(suppressGroup([3, 40], null)).toEqual({ cells: [small, shown(40)], total: null });
    expect(suppressGroup([0, 0], 0)).toEqual({ cells: [shown(0), shown(0)], total: shown(0) });
  });

  it('never lets the total pin a hidden cell (brute force over many groups)', () => {
    let seed = 7;
    const random = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % (max + 1);
    };
    for (let round = 0; round < 2000; round++) {
      const values = Array.from({ length: 2 + random(3) }, () => (random(2) === 0 ? random(4) : random(14)));
      const total = values.reduce((a, b) => a + b, 0);
      const result = suppressGroup(values, total);
      expect(recoverable(values, result.cells) && result.total?.kind === 'shown').toBe(false);
      if (result.total?.kind !== 'shown') continue;
      // Every assignment of the hidden cells that a reader cannot rule out.
      const hiddenIndexes = result.cells.flatMap((cell, index) => (cell.kind === 'shown' ? [] : [index]));
      const rest = total - values.reduce((sum, value, index) => (result.cells[index].kind === 'shown' ? sum + value : sum), 0);
      const options = hiddenIndexes.map((index) => {
        const range = result.cells[index].kind === 'small' ? [1, 4] : [5, rest];
        return Array.from({ length: Math.max(0, range[1] - range[0] + 1) }, (_, n) => range[0] + n);
      });
      const seen = hiddenIndexes.map(() => new Set<number>());
      const walk = (position: number, left: number, chosen: number[]) => {
        if (position === hiddenIndexes.length) {
          if (left === 0) chosen.forEach((value, n) => seen[n].add(value));
          return;
        }
        for (const value of options[position]) if (value <= left) walk(position + 1, left - value, [...chosen, value]);
      };
      walk(0, rest, []);
      for (const possible of seen) expect(possible.size).toBeGreaterThan(1);
    }
  });
});
