import type { Random } from './randomRegion.test-helper';
import type { Relation, SuppressionProblem } from './suppressionAudit';

/** Mostly small counts, as a school's tables have them: many 0..4, some up to 14. */
export function smallCount(random: Random): number {
  const roll = random();
  if (roll < 0.15) return 0;
  if (roll < 0.6) return 1 + Math.floor(random() * 4);
  return 5 + Math.floor(random() * 10);
}

/** One group: a total and 2..5 parts that add up to it ('sum'), or where a case may count in several parts ('cover'). */
export function randomGroup(random: Random): SuppressionProblem {
  const parts = Array.from({ length: 2 + Math.floor(random() * 4) }, () => smallCount(random));
  const sum = parts.reduce((a, b) => a + b, 0);
  const cover = random() < 0.3;
  const largest = Math.max(...parts);
  const total = cover ? largest + Math.floor(random() * (sum - largest + 1)) : sum;
  return {
    values: [total, ...parts],
    relations: [{ kind: cover ? 'cover' : 'sum', total: 0, parts: parts.map((_, index) => index + 1) }],
  };
}

/**
 * A tree of reports (root, then `levels - 1` levels of 2..3 children each),
 * every report a group of a total and 2..3 parts; each count of a node is
 * the sum of that count of its children. Optionally a latent slack on the
 * root (its first part at most its second, as "new <= active").
 */
export function randomTree(
  random: Random,
  levels: number,
  options: { children?: [number, number]; parts?: number } = {},
): SuppressionProblem {
  const [fewest, most] = options.children ?? [2, 3];
  const partCount = options.parts ?? 2 + Math.floor(random() * 2);
  const values: number[] = [];
  const relations: Relation[] = [];
  const latent: number[] = [];
  // Returns the node's cells: [total, ...parts].
  const node = (level: number): number[] => {
    let partValues: number[];
    let childCells: number[][] = [];
    if (level === levels) partValues = Array.from({ length: partCount }, () => smallCount(random));
    else {
      const count = fewest + Math.floor(random() * (most - fewest + 1));
      childCells = Array.from({ length: count }, () => node(level + 1));
      partValues = Array.from({ length: partCount }, (_, part) => childCells.reduce((sum, cells) => sum + values[cells[part + 1]], 0));
    }
    const cells = [partValues.reduce((a, b) => a + b, 0), ...partValues].map((value) => values.push(value) - 1);
    relations.push({ kind: 'sum', total: cells[0], parts: cells.slice(1) });
    if (childCells.length > 0)
      cells.forEach((cell, index) =>
        relations.push({
          kind: 'sum',
          total: cell,
          parts: childCells.map((child) => child[index]),
        }),
      );
    return cells;
  };
  const root = node(1);
  if (random() < 0.5 && values[root[1]] <= values[root[2]]) {
    const slack = values.push(values[root[2]] - values[root[1]]) - 1;
    latent.push(slack);
    relations.push({ kind: 'sum', total: root[2], parts: [root[1], slack] });
  }
  return { values, relations, latent };
}
