import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForcePossible, bruteForceRuleHolds } from './bruteForce.test-helper';
import { suppressCells } from './cellSuppression';
import { randomGroup, randomTree } from './randomProblem.test-helper';
import { seeded } from './randomRegion.test-helper';
import { auditSuppression, type Display, type SuppressionProblem } from './suppressionAudit';

/** Primary suppression is kept, nothing shown changes, and zeros are never hidden. */
function expectHonest(problem: SuppressionProblem, display: readonly Display[]) {
  const latent = new Set(problem.latent ?? []);
  problem.values.forEach((value, cell) => {
    if (latent.has(cell)) expect(display[cell]).toBe('latent');
    else if (value === 0) expect(display[cell]).toBe('shown');
    else if (value <= 4) expect(display[cell]).not.toBe('shown');
    else expect(display[cell]).not.toBe('small');
  });
}

/** The rule for every hidden cell, by enumeration where that is small enough, by an independent audit otherwise. */
function expectRule(problem: SuppressionProblem, display: readonly Display[]) {
  const unshown = display.filter((shown) => shown !== 'shown').length;
  if (unshown <= 8) {
    const possible = bruteForcePossible(problem, display, 2 * Math.max(...problem.values) + 10);
    expect(bruteForceRuleHolds(possible, display), JSON.stringify({ problem, display })).toBe(true);
  } else {
    const audit = auditSuppression(problem, display);
    expect(audit.violations, JSON.stringify({ problem, display })).toEqual([]);
  }
}

describe('cell suppression', () => {
  it('turns 23 = 8 + 8 + "<5" + "<5" into 23 = 8 + x + "<5" + "<5": the smallest shown part goes', () => {
    const problem: SuppressionProblem = { values: [23, 8, 8, 3, 4], relations: [{ kind: 'sum', total: 0, parts: [1, 2, 3, 4] }] };
    const { display, audit } = suppressCells(problem);
    expect(display).toEqual(['shown', 'hidden', 'shown', 'small', 'small']);
    expect(audit.ok).toBe(true);
    expect(bruteForcePossible(problem, display, 60)).toEqual(
      new Map([
        [1, new Set([7, 8, 9, 10, 11, 12, 13])],
        [3, new Set([1, 2, 3, 4])],
        [4, new Set([1, 2, 3, 4])],
      ]),
    );
  });

  it('hides a "<5" gebied over "<5" schools as "x": four schools with 1 each in a gebied of 4 would all be pinned', () => {
    const problem: SuppressionProblem = { values: [4, 1, 1, 1, 1], relations: [{ kind: 'sum', total: 0, parts: [1, 2, 3, 4] }] };
    expect(suppressCells(problem).display).toEqual(['hidden', 'small', 'small', 'small', 'small']);
  });

  it('applies rules beyond the relations: a follower is hidden with its leader', () => {
    // 9 = 5 + 4 hides the 5; the 6 follows it although nothing relates them.
    const problem: SuppressionProblem = { values: [9, 5, 4, 6], relations: [{ kind: 'sum', total: 0, parts: [1, 2] }] };
    expect(suppressCells({ ...problem, hideWith: [{ cell: 3, leader: 1 }] }).display).toEqual(['hidden', 'hidden', 'small', 'hidden']);
    expect(suppressCells(problem).display[3]).toBe('shown');
  });

  it('tells why it hid each cell', () => {
    const events: unknown[] = [];
    suppressCells({
      values: [23, 8, 8, 3, 4],
      relations: [{ kind: 'sum', total: 0, parts: [1, 2, 3, 4] }],
      trace: (event) => events.push(event),
    });
    expect(events).toEqual([{ cell: 1, phase: 'relation', relation: 0, narrowed: 3 }]);
  });

  it('gives the same cells every time', () => {
    const problem = randomTree(seeded(7), 3);
    expect(suppressCells(problem).display).toEqual(suppressCells(structuredClone(problem)).display);
  });

  it('refuses counts that break their relations', () => {
    expect(() => suppressCells({ values: [5, 2, 2], relations: [{ kind: 'sum', total: 0, parts: [1, 2] }] })).toThrow(RangeError);
    expect(() => suppressCells({ values: [5, 6, 2], relations: [{ kind: 'cover', total: 0, parts: [1, 2] }] })).toThrow(RangeError);
    expect(() => suppressCells({ values: [-1], relations: [] })).toThrow(RangeError);
  });

  it('on random groups: every "<5" keeps 1..4 and every "x" five values (by enumeration), and nothing shown changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const problem = randomGroup(seeded(seed));
        const { display, audit } = suppressCells(problem);
        expect(audit.ok).toBe(true);
        expectHonest(problem, display);
        expectRule(problem, display);
      }),
      { numRuns: 250 },
    );
  });

  it('on random two-level and three-level trees of groups: the rule holds for every hidden cell of every node', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(2, 3), (seed, levels) => {
        const problem = randomTree(seeded(seed), levels, levels === 3 ? { children: [2, 2], parts: 2 } : {});
        const { display, audit } = suppressCells(problem);
        expect(audit.ok).toBe(true);
        expectHonest(problem, display);
        expectRule(problem, display);
      }),
      { numRuns: 60 },
    );
  });
});
