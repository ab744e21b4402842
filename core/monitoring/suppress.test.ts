import { describe, expect, it } from 'vitest';
import { suppressCount, suppressGroup, type Cell } from './suppress';

const shown = (value: number): Cell => ({ kind: 'shown', value });
const small: Cell = { kind: 'small' };
const hidden: Cell = { kind: 'hidden' };

describe('small-count suppression', () => {
  it('shows 0 and 5 or more, and turns 1 to 4 into "<5"', () => {
    expect([0, 1, 2, 3, 4, 5, 120].map(suppressCount)).toEqual([shown(0), small, small, small, small, shown(5), shown(120)]);
  });

  it('refuses what is not a count, and counts that do not add up', () => {
    expect(() => suppressCount(-1)).toThrow(RangeError);
    expect(() => suppressGroup([1.5], 2)).toThrow(RangeError);
    expect(() => suppressGroup([3, 0], 6)).toThrow(RangeError);
  });

  it('leaves a group without small counts alone', () => {
    expect(suppressGroup([10, 0, 20], 30)).toEqual({ cells: [shown(10), shown(0), shown(20)], total: shown(30) });
  });

  it('never leaves one complement beside a single "<5": 33 − 20 − x would keep only four values open', () => {
    // With 3 and 10 hidden the reader knows 3 + x = 13: x is 9..12, four values; hiding 20 as well opens it up.
    expect(suppressGroup([3, 0, 20, 10], 33)).toEqual({ cells: [small, shown(0), hidden, hidden], total: shown(33) });
  });

  it('hides the total when no part is left to hide', () => {
    // 6 − 5 gives the 1 away; with the 5 hidden, "<5" + x = 6 and x >= 5 still do; so the total goes too.
    expect(suppressGroup([1, 5], 6)).toEqual({ cells: [small, hidden], total: hidden });
  });

  it('does not let 23 = 8 + 8 + "<5" + "<5" pin the two hidden counts to 3 and 4', () => {
    const group = suppressGroup([8, 8, 3, 4], 23);
    expect(group.total).toEqual(shown(23));
    expect(group.cells.filter((cell) => cell.kind === 'hidden')).toHaveLength(1);
    expect(group.cells.slice(2)).toEqual([small, small]);
  });

  it('hides a "<5" total as "x" when its "<5" parts would narrow it or each other (four times 1 in a total of 4)', () => {
    expect(suppressGroup([1, 1, 1, 1], 4)).toEqual({ cells: [small, small, small, small], total: hidden });
    expect(suppressGroup([1, 2], 3)).toEqual({ cells: [small, small], total: hidden });
    // A single "<5" part of a "<5" total equals it; both stay 1..4.
    expect(suppressGroup([3, 0], 3)).toEqual({ cells: [small, shown(0)], total: small });
  });

  it('knows that a case can count in several parts: 9 with 5 and 4 leaves the 4 open only once the 5 is hidden', () => {
    // 9 <= 5 + p pins p to 4 while 5 is shown.
    expect(suppressGroup([5, 4, 0], 9, 'cover')).toEqual({ cells: [hidden, small, shown(0)], total: shown(9) });
    // 13 with 6, 6 and a "<5": the "<5" may be 1..4 (13 <= 6 + 6 + 1 and 6 <= 13) without hiding anything.
    expect(suppressGroup([6, 6, 2], 13, 'cover')).toEqual({ cells: [shown(6), shown(6), small], total: shown(13) });
  });

  it('needs no complement when there is no total', () => {
    expect(suppressGroup([3, 40], null)).toEqual({ cells: [small, shown(40)], total: null });
    expect(suppressGroup([0, 0], 0)).toEqual({ cells: [shown(0), shown(0)], total: shown(0) });
  });
});
