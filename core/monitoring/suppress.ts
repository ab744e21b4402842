import { suppressCells } from './cellSuppression';
import { MIN_SHOWN, type Relation } from './suppressionAudit';

/**
 * Small-count suppression for the anonymous monitoring report: the cells a
 * report is built from, and the simple cases of the engine in
 * cellSuppression.ts (one count, or one group with its total).
 *
 * - Primary: any count from 1 to 4 is shown as "<5" (0 stays 0).
 * - Secondary: no shown number may pin or narrow a hidden one: every "<5"
 *   keeps 1..4 possible and every "x" at least five values.
 *
 * Pure: numbers in, cells out. Hidden cells carry no value, so a report built
 * from them cannot leak what it does not show.
 */

/** Counts below this (and above 0) are never shown. */
export const MIN_COUNT = MIN_SHOWN;

export type Cell =
  /** Shown as is. */
  | { kind: 'shown'; value: number }
  /** 1..4: shown as "<5". */
  | { kind: 'small' }
  /** Hidden so that no "<5" can be worked out or narrowed from the other numbers. */
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

/**
 * Suppresses a row or group of counts that belong together, with its total
 * (null when no total is shown anywhere: then only primary suppression).
 * `sum`: the counts add up to the total; `cover`: a case can count in
 * several of them (the largest <= total <= their sum).
 */
export function suppressGroup(values: readonly number[], total: number | null, kind: Relation['kind'] = 'sum'): SuppressedGroup {
  values.forEach(assertCount);
  if (total === null) return { cells: values.map(suppressCount), total: null };
  assertCount(total);
  const cells = values.map((_, index) => index + 1);
  const { display } = suppressCells({ values: [total, ...values], relations: [{ kind, total: 0, parts: cells }] });
  const asCell = (index: number): Cell =>
    display[index] === 'shown'
      ? { kind: 'shown', value: index === 0 ? total : values[index - 1] }
      : display[index] === 'small'
        ? { kind: 'small' }
        : { kind: 'hidden' };
  return { cells: cells.map(asCell), total: asCell(0) };
}

/** The shown value of a cell, or null when it is suppressed. */
export function shownValue(cell: Cell): number | null {
  return cell.kind === 'shown' ? cell.value : null;
}
