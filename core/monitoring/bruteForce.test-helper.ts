import type { Display, SuppressionProblem } from './suppressionAudit';

/**
 * An audit by enumeration, independent of the LP audit: for each unshown
 * cell, every value up to `cap` for which some whole-number assignment of all
 * unshown cells satisfies every relation and the reader's bounds. Only for
 * small problems (a depth-first search with interval pruning).
 */
export function bruteForcePossible(problem: SuppressionProblem, display: readonly Display[], cap: number): Map<number, Set<number>> {
  const { values, relations } = problem;
  const unshown = values.map((_, cell) => cell).filter((cell) => display[cell] !== 'shown');
  const range = (cell: number): [number, number] => {
    switch (display[cell]) {
      case 'shown':
        return [values[cell], values[cell]];
      case 'small':
        return [1, 4];
      case 'hidden':
        return [values[cell] >= 5 ? 5 : 1, cap];
      default:
        return [0, cap];
    }
  };
  const assigned = new Map<number, number>();
  const interval = (cell: number): [number, number] => {
    const value = assigned.get(cell);
    return value === undefined ? range(cell) : [value, value];
  };
  // Necessary conditions on the intervals of a relation's cells; exact once every cell is assigned.
  const possible = () =>
    relations.every((relation) => {
      const [totalLow, totalHigh] = interval(relation.total);
      const parts = relation.parts.map(interval);
      const partsLow = parts.reduce((sum, [low]) => sum + low, 0);
      const partsHigh = parts.reduce((sum, [, high]) => sum + high, 0);
      if (relation.kind === 'sum') return totalLow <= partsHigh && partsLow <= totalHigh;
      return parts.every(([low]) => low <= totalHigh) && totalLow <= partsHigh;
    });
  const search = (order: number[], index: number): boolean => {
    if (!possible()) return false;
    if (index === order.length) return true;
    const cell = order[index];
    const [low, high] = range(cell);
    for (let value = low; value <= high; value++) {
      assigned.set(cell, value);
      if (search(order, index + 1)) {
        assigned.delete(cell);
        return true;
      }
    }
    assigned.delete(cell);
    return false;
  };
  const result = new Map<number, Set<number>>();
  for (const cell of unshown) {
    const found = new Set<number>();
    const [low, high] = range(cell);
    const others = unshown.filter((other) => other !== cell);
    for (let value = low; value <= high; value++) {
      assigned.set(cell, value);
      if (search(others, 0)) found.add(value);
      assigned.delete(cell);
    }
    result.set(cell, found);
  }
  return result;
}

/** Whether a "<5" keeps 1..4 and an "x" at least five values, by enumeration. */
export function bruteForceRuleHolds(possible: Map<number, Set<number>>, display: readonly Display[]): boolean {
  for (const [cell, values] of possible) {
    if (display[cell] === 'small' && ![1, 2, 3, 4].every((value) => values.has(value))) return false;
    if (display[cell] === 'hidden' && values.size < 5) return false;
  }
  return true;
}
