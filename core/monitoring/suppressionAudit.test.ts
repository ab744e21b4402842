import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForcePossible, bruteForceRuleHolds } from './bruteForce.test-helper';
import { randomGroup, randomTree } from './randomProblem.test-helper';
import { seeded, type Random } from './randomRegion.test-helper';
import { auditSuppression, SuppressionAuditor, type Display, type Relation, type SuppressionProblem } from './suppressionAudit';

/** A small table: rows of parts with row totals (sums, or covers where a case counts twice), column totals and a grand total for sums, maybe a latent "at most". */
function randomTable(random: Random): SuppressionProblem {
  const values: number[] = [];
  const relations: Relation[] = [];
  const latent: number[] = [];
  const count = () => (random() < 0.35 ? Math.floor(random() * 5) : Math.floor(random() * 12));
  const rows = 1 + Math.floor(random() * 2);
  const columns = 2 + Math.floor(random() * 2);
  const cells = Array.from({ length: rows }, () => Array.from({ length: columns }, () => values.push(count()) - 1));
  const cover = random() < 0.35;
  const rowTotals = cells.map((row) => {
    const parts = row.map((cell) => values[cell]);
    const sum = parts.reduce((a, b) => a + b, 0);
    const largest = Math.max(...parts);
    const total = values.push(cover ? largest + Math.floor(random() * (sum - largest + 1)) : sum) - 1;
    relations.push({ kind: cover ? 'cover' : 'sum', total, parts: row });
    return total;
  });
  if (rows > 1 && !cover) {
    for (let column = 0; column < columns; column++) {
      const total = values.push(cells.reduce((sum, row) => sum + values[row[column]], 0)) - 1;
      relations.push({ kind: 'sum', total, parts: cells.map((row) => row[column]) });
    }
    const grand = values.push(rowTotals.reduce((sum, total) => sum + values[total], 0)) - 1;
    relations.push({ kind: 'sum', total: grand, parts: rowTotals });
  }
  if (random() < 0.3) {
    const slack = values.push(values[rowTotals[0]] - values[cells[0][0]]) - 1;
    latent.push(slack);
    relations.push({ kind: 'sum', total: rowTotals[0], parts: [cells[0][0], slack] });
  }
  return { values, relations, latent };
}

/** Any display a suppression could produce: 1..4 as "<5" (or hidden), 0 shown, the rest shown or hidden. */
function randomDisplay(problem: SuppressionProblem, random: Random): Display[] {
  const latent = new Set(problem.latent ?? []);
  return problem.values.map((value, cell) => {
    if (latent.has(cell)) return 'latent';
    if (value === 0) return 'shown';
    if (value <= 4) return random() < 0.2 ? 'hidden' : 'small';
    return random() < 0.35 ? 'hidden' : 'shown';
  });
}

const unshownCount = (display: readonly Display[]) => display.filter((shown) => shown !== 'shown').length;

describe('the suppression audit', () => {
  it('finds that 23 = 8 + 8 + "<5" + "<5" pins both hidden counts to 3 and 4, and that hiding one 8 frees them', () => {
    const problem: SuppressionProblem = { values: [23, 8, 8, 3, 4], relations: [{ kind: 'sum', total: 0, parts: [1, 2, 3, 4] }] };
    const pinned = auditSuppression(problem, ['shown', 'shown', 'shown', 'small', 'small']);
    expect(pinned.violations).toEqual([3, 4]);
    const auditor = new SuppressionAuditor(problem);
    expect(auditor.range(['shown', 'shown', 'shown', 'small', 'small'], 3)).toEqual({ min: 3, max: 4 });
    const freed = auditSuppression(problem, ['shown', 'hidden', 'shown', 'small', 'small']);
    expect(freed.ok).toBe(true);
    expect(freed.cells.map((cell) => cell.possible.slice(0, 4))).toEqual([
      [7, 8, 9, 10],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
  });

  it('agrees with enumeration on random small tables, groups and trees: the same verdict and the same range for every cell', () => {
    const structures = [randomTable, randomGroup, (random: Random) => randomTree(random, 2, { children: [2, 2], parts: 2 })];
    let compared = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0, 1, 2), (seed, kind) => {
        const random = seeded(seed);
        const problem = structures[kind](random);
        const display = randomDisplay(problem, random);
        fc.pre(unshownCount(display) <= 7);
        const cap = 2 * Math.max(...problem.values) + 10;
        const possible = bruteForcePossible(problem, display, cap);
        const auditor = new SuppressionAuditor(problem);
        const audit = auditor.audit(display);
        for (const verdict of audit.cells) {
          const enumerated = possible.get(verdict.cell)!;
          expect(verdict.ok, `cell ${verdict.cell} of ${JSON.stringify({ problem, display })}`).toBe(
            bruteForceRuleHolds(new Map([[verdict.cell, enumerated]]), display),
          );
          // Every value the audit calls possible is one (its witnesses are checked, not trusted); enumeration
          // caps every cell, so it sees the values well below the cap only.
          const reliable = Math.max(...problem.values) + 10;
          for (const value of verdict.possible) if (value <= reliable) expect(enumerated.has(value), `value ${value}`).toBe(true);
          const range = auditor.range(display, verdict.cell);
          const values = [...enumerated];
          expect(range.min).toBe(Math.min(...values));
          // Enumeration stops at the cap; near it, the reader's range is simply open.
          if (Math.max(...values) < cap - Math.max(...problem.values)) expect(range.max).toBe(Math.max(...values));
          else expect(range.max).toBeGreaterThanOrEqual(Math.max(...values));
          compared++;
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(300);
  });
});
