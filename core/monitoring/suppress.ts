/**
 * Small-count suppression for the anonymous monitoring report.
 *
 * - Primary: any count from 1 to 4 is shown as "<5" (0 stays 0).
 * - Complementary: within a group whose total is shown, no hidden cell may be
 *   recoverable from the total. A reader knows every shown cell, the total,
 *   that a "<5" cell holds 1..4 and that a complementary cell holds 5 or more
 *   (only non-zero shown cells, which are never below 5, are chosen). While
 *   that pins any hidden cell to one value, the next smallest shown non-zero
 *   cell is hidden too; when none is left, the total is hidden instead.
 *   With one hidden cell this is the rule "suppress the next smallest too".
 *
 * Pure: numbers in, cells out. Hidden cells carry no value, so a report built
 * from them cannot leak what it does not show.
 */

/** Counts below this (and above 0) are never shown. */
export const MIN_COUNT = 5;

export type Cell =
  /** Shown as is. */
  | { kind: 'shown'; value: number }
  /** 1..4: shown as "<5". */
  | { kind: 'small' }
  /** Hidden so that a small cell cannot be recomputed from a total. */
  | { kind: 'hidden' };

export interface SuppressedGroup {
  cells: Cell[];
  /** The group total as shown, or null when the group has no shown total. */
  total: Cell | null;
}

function assertCount(value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`not a count: ${value}`);
}

/** Primary suppression of one count that is not part of a group with a shown total. */
export function suppressCount(value: number): Cell {
  assertCount(value);
  return value >= 1 && value < MIN_COUNT ? { kind: 'small' } : { kind: 'shown', value };
}

/** Bounds a reader can infer for a hidden cell from the rules alone. */
function bounds(cell: Cell): [number, number] {
  return cell.kind === 'small' ? [1, MIN_COUNT - 1] : [MIN_COUNT, Number.POSITIVE_INFINITY];
}

/**
 * Whether a reader who sees the total can pin any hidden cell to one value.
 * The hidden cells together hold `sum` (total minus the shown cells); each
 * lies in its bounds. Groups that are not strictly additive (a case counted
 * under two themes) are treated as if they were: the conservative choice.
 */
export function recoverable(values: readonly number[], cells: readonly Cell[]): boolean {
  const hidden = cells.map((cell, index) => ({ cell, value: values[index] })).filter(({ cell }) => cell.kind !== 'shown');
  if (hidden.length === 0) return false;
  const sum = hidden.reduce((total, { value }) => total + value, 0);
  const lows = hidden.map(({ cell }) => bounds(cell)[0]);
  const highs = hidden.map(({ cell }) => bounds(cell)[1]);
  const lowSum = lows.reduce((a, b) => a + b, 0);
  const highSum = highs.reduce((a, b) => a + b, 0);
  return hidden.some((_, index) => {
    const low = Math.max(lows[index], sum - (highSum - highs[index]));
    const high = Math.min(highs[index], sum - (lowSum - lows[index]));
    return low >= high;
  });
}

/**
 * Suppresses a row or group of counts that belong together, with its total
 * (null when no total is shown anywhere: then only primary suppression).
 */
export function suppressGroup(values: readonly number[], total: number | null): SuppressedGroup {
  values.forEach(assertCount);
  const cells = values.map(suppressCount);
  if (total === null) return { cells, total: null };
  let totalCell = suppressCount(total);
  // A total that is itself hidden gives the reader no equation to solve.
  while (totalCell.kind === 'shown' && recoverable(values, cells)) {
    let next = -1;
    cells.forEach((cell, index) => {
      if (cell.kind === 'shown' && cell.value > 0 && (next < 0 || cell.value < values[next])) next = index;
    });
    if (next < 0) totalCell = { kind: 'hidden' };
    else cells[next] = { kind: 'hidden' };
  }
  return { cells, total: totalCell };
}

/** The shown value of a cell, or null when it is suppressed. */
export function shownValue(cell: Cell): number | null {
  return cell.kind === 'shown' ? cell.value : null;
}
