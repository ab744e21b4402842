import {
  HIDDEN_VALUES,
  readerBounds,
  relationsByCell,
  SMALL_MAX,
  SuppressionAuditor,
  unshownComponents,
  type AuditResult,
  type Display,
  type Relation,
  type SuppressionProblem,
} from './suppressionAudit';

/**
 * Cell suppression for any set of counts with known relations (one report,
 * or the linked tables of a region: whole, gebieden, schools, periods).
 *
 * - Primary: 1..4 is shown as "<5"; 0 and 5 or more are shown.
 * - Secondary: while a "<5" does not keep 1..4 open, or an "x" five values
 *   (see suppressionAudit.ts), one more cell is hidden as "x", greedily: the
 *   smallest shown non-zero part of a relation that narrows it, a shown total
 *   when no such part is left. Narrowing is found in three steps, cheapest
 *   first: a relation on its own (its range given the others' bounds);
 *   a chain of relations (bounds propagated until nothing changes: outer
 *   bounds, so what they narrow is narrowed for certain; the relation that
 *   narrowed last is where a cell is hidden); and only then the audit, which
 *   finds what relations narrow together, the cell then taken from the
 *   relations nearest to the narrowed one. The audit's verdict is final.
 * - When nothing shown is left to hide nearby, a "<5" itself is hidden as
 *   "x" (a total first): a "<5" total over "<5" parts narrows them by itself
 *   (four schools with 1 each in a gebied of 4 would all be pinned to 1), and
 *   an "x" over two "<5" parts alone keeps only 5..8 open. Such an "x" is
 *   audited as "at least 1". With every non-zero cell hidden the rule always
 *   holds (any witness times 2, 3, 4, 5 is one as well), so the loop ends.
 *
 * Deterministic: the same counts give the same cells, in every run.
 */

export interface SuppressionInput extends SuppressionProblem {
  /** Rules beyond the relations: the cell is hidden whenever its leader is hidden as "x". */
  hideWith?: readonly { cell: number; leader: number }[];
  /** Told every cell hidden beyond primary suppression, with why (for tests and explanations). */
  trace?: (event: { cell: number; phase: 'rule' | 'relation' | 'chain' | 'audit'; relation?: number; narrowed?: number }) => void;
}

export interface SuppressionResult {
  /** Per cell: shown, "<5" (small), "x" (hidden), or latent (never printed). */
  display: Display[];
  /** The final audit; ok unless the solver could not prove a value (then the cells it names are hidden as far as possible). */
  audit: AuditResult;
  /** Rounds of hiding until the audit passed. */
  rounds: number;
}

/** The range a single relation leaves a cell, with every other cell of it anywhere within its reader's bounds. */
export function localRange(relation: Relation, cell: number, bounds: (cell: number) => [number, number]): [number, number] {
  const [low, high] = bounds(cell);
  let range: [number, number];
  if (relation.kind === 'sum') {
    // total - parts = 0: the cell balances the others' sum.
    let least = 0;
    let most = 0;
    for (const other of [relation.total, ...relation.parts]) {
      if (other === cell) continue;
      const [otherLow, otherHigh] = bounds(other);
      if (other === relation.total) {
        least += otherLow;
        most += otherHigh;
      } else {
        least -= otherHigh;
        most -= otherLow;
      }
    }
    range = cell === relation.total ? [-most, -least] : [least, most];
  } else if (cell === relation.total) {
    range = [Math.max(...relation.parts.map((part) => bounds(part)[0])), relation.parts.reduce((sum, part) => sum + bounds(part)[1], 0)];
  } else {
    const others = relation.parts.filter((part) => part !== cell).reduce((sum, part) => sum + bounds(part)[1], 0);
    range = [bounds(relation.total)[0] - others, bounds(relation.total)[1]];
  }
  return [Math.max(low, range[0]), Math.min(high, range[1])];
}

function rangeMeetsRule(display: Display, [low, high]: [number, number]): boolean {
  if (display === 'small') return low <= 1 && high >= SMALL_MAX;
  if (display === 'hidden') return high - low + 1 >= HIDDEN_VALUES;
  return true;
}

// How many cells are tried (each proven with the audit) for a narrowing only the audit finds.
const PROBES = 8;
// How often bounds propagation may revisit one relation: its bounds are sound at any point, this only caps the work.
const PROPAGATION_VISITS = 12;

/**
 * Bounds every unshown cell by propagating the relations' ranges until
 * nothing changes (or the visits run out). The bounds always contain every
 * value a reader must consider, so a cell they narrow is narrowed for
 * certain; `reason` is the relation that narrowed each cell last.
 */
export function propagateBounds(
  relations: readonly Relation[],
  byCell: readonly number[][],
  initial: (cell: number) => [number, number],
  cellCount: number,
): { bounds: (cell: number) => [number, number]; reason: Int32Array } {
  const low = new Float64Array(cellCount);
  const high = new Float64Array(cellCount);
  for (let cell = 0; cell < cellCount; cell++) [low[cell], high[cell]] = initial(cell);
  const bounds = (cell: number): [number, number] => [low[cell], high[cell]];
  const reason = new Int32Array(cellCount).fill(-1);
  const visits = new Uint16Array(relations.length);
  const queued = new Uint8Array(relations.length).fill(1);
  const queue = relations.map((_, id) => id);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    queued[id] = 0;
    if (++visits[id] > PROPAGATION_VISITS) continue;
    const relation = relations[id];
    for (const cell of [relation.total, ...relation.parts]) {
      if (low[cell] === high[cell]) continue;
      const [least, most] = localRange(relation, cell, bounds);
      if (least <= low[cell] && most >= high[cell]) continue;
      low[cell] = Math.max(low[cell], least);
      high[cell] = Math.min(high[cell], most);
      reason[cell] = id;
      for (const other of byCell[cell])
        if (other !== id && !queued[other]) {
          queued[other] = 1;
          queue.push(other);
        }
    }
  }
  return { bounds, reason };
}

/** Suppresses the counts so that the audit passes; see the comment at the top of this file. */
export function suppressCells(input: SuppressionInput): SuppressionResult {
  const { values, relations } = input;
  const auditor = new SuppressionAuditor(input);
  const byCell = relationsByCell(input);
  const latent = new Set(input.latent ?? []);
  const display: Display[] = values.map((value, cell) =>
    latent.has(cell) ? 'latent' : value >= 1 && value <= SMALL_MAX ? 'small' : 'shown',
  );
  const bounds = (cell: number) => readerBounds(values[cell], display[cell]);
  const isShownCount = (cell: number) => display[cell] === 'shown' && values[cell] > 0;
  const smallest = (cells: number[]) =>
    cells.length === 0
      ? undefined
      : cells.reduce((best, cell) => (values[cell] < values[best] || (values[cell] === values[best] && cell < best) ? cell : best));

  let changed = new Set<number>(values.keys());
  const hide = (cell: number, why: Parameters<NonNullable<SuppressionInput['trace']>>[0]) => {
    input.trace?.(why);
    if (display[cell] !== 'shown' && display[cell] !== 'small') throw new Error(`cell ${cell} cannot be hidden further`);
    display[cell] = 'hidden';
    changed.add(cell);
  };

  /**
   * The cell to hide for a narrowing within these relations, nearest first:
   * a shown part, a shown total (in these relations or the next ring), then
   * a "<5" total or part (hiding it as "x" costs the reader less than a
   * number, and it is often what narrows); rings further away only when the
   * nearer ones have nothing.
   */
  const pickAround = (start: readonly number[], narrowsAlone = false): number | undefined => {
    const visited = new Set<number>();
    const isSmall = (cell: number) => display[cell] === 'small';
    const shownIn = (ring: number[]) =>
      smallest(ring.flatMap((id) => relations[id].parts.filter(isShownCount))) ??
      smallest(ring.map((id) => relations[id].total).filter(isShownCount));
    const smallIn = (ring: number[]) =>
      smallest(ring.map((id) => relations[id].total).filter(isSmall)) ??
      smallest(ring.flatMap((id) => relations[id].parts.filter(isSmall)));
    const next = (ring: number[]) => {
      ring.forEach((id) => visited.add(id));
      const unshown = ring.flatMap((id) => [relations[id].total, ...relations[id].parts]).filter((cell) => display[cell] !== 'shown');
      const outer = [...new Set(unshown.flatMap((cell) => byCell[cell]))].filter((id) => !visited.has(id)).sort((a, b) => a - b);
      outer.forEach((id) => visited.add(id));
      return outer;
    };
    let ring = [...new Set(start)];
    let outer = next(ring);
    if (shownIn(ring) !== undefined) return shownIn(ring);
    // A relation that narrows on its own is fixed within itself: nothing further out can widen it.
    if (narrowsAlone && smallIn(ring) !== undefined) return smallIn(ring);
    while (ring.length > 0) {
      const pick = shownIn(outer) ?? smallIn(ring);
      if (pick !== undefined) return pick;
      ring = outer;
      outer = next(ring);
    }
    return undefined;
  };

  /** Cells that could be hidden, nearest relations first (each ring: shown parts, shown totals, "<5" totals, "<5" parts). */
  const candidatesAround = (start: readonly number[], rings: number): number[] => {
    const visited = new Set<number>();
    const found: number[] = [];
    const byValue = (cells: number[]) => [...new Set(cells)].sort((a, b) => values[a] - values[b] || a - b);
    const isSmall = (cell: number) => display[cell] === 'small';
    let ring = [...new Set(start)];
    for (let level = 0; level < rings && ring.length > 0; level++) {
      ring.forEach((id) => visited.add(id));
      const parts = ring.flatMap((id) => relations[id].parts);
      const totals = ring.map((id) => relations[id].total);
      for (const cell of [
        ...byValue(parts.filter(isShownCount)),
        ...byValue(totals.filter(isShownCount)),
        ...byValue(totals.filter(isSmall)),
        ...byValue(parts.filter(isSmall)),
      ])
        if (!found.includes(cell)) found.push(cell);
      const unshown = [...parts, ...totals].filter((cell) => display[cell] !== 'shown');
      ring = [...new Set(unshown.flatMap((cell) => byCell[cell]))].filter((id) => !visited.has(id)).sort((a, b) => a - b);
    }
    return found;
  };

  type Why = Parameters<NonNullable<SuppressionInput['trace']>>[0];
  for (let rounds = 1; ; rounds++) {
    for (const { cell, leader } of input.hideWith ?? [])
      if (display[leader] === 'hidden' && (isShownCount(cell) || display[cell] === 'small'))
        hide(cell, { cell, phase: 'rule', narrowed: leader });

    const picks = new Map<number, Why>();
    const pickFor = (start: number[], why: Omit<Why, 'cell'>, narrowsAlone = false) => {
      const pick = pickAround(start, narrowsAlone);
      if (pick !== undefined && !picks.has(pick)) picks.set(pick, { ...why, cell: pick });
    };
    const hidePicks = () => {
      [...picks].sort(([a], [b]) => a - b).forEach(([cell, why]) => hide(cell, why));
      return picks.size > 0;
    };

    // Relations that narrow a cell on their own: each gets one more hidden cell of its own.
    const dirty = [...new Set([...changed].flatMap((cell) => byCell[cell]))].sort((a, b) => a - b);
    changed = new Set();
    for (const id of dirty) {
      const relation = relations[id];
      const narrowed = [relation.total, ...relation.parts].find(
        (cell) =>
          (display[cell] === 'small' || display[cell] === 'hidden') && !rangeMeetsRule(display[cell], localRange(relation, cell, bounds)),
      );
      if (narrowed !== undefined) pickFor([id], { phase: 'relation', relation: id, narrowed }, true);
    }
    if (hidePicks()) continue;

    // Narrowed through a chain of relations, as far as their ranges show: one more cell per narrowing relation.
    const { bounds: propagated, reason } = propagateBounds(relations, byCell, bounds, values.length);
    const reasons = new Map<number, number>();
    display.forEach((shown, cell) => {
      if ((shown === 'small' || shown === 'hidden') && !rangeMeetsRule(shown, propagated(cell))) {
        const id = reason[cell] >= 0 ? reason[cell] : byCell[cell][0];
        if (!reasons.has(id)) reasons.set(id, cell);
      }
    });
    // One per group of linked unshown cells: hiding one often widens the others as well.
    const componentOf = new Map<number, number>();
    unshownComponents(input, display).forEach((component, index) => component.forEach((cell) => componentOf.set(cell, index)));
    const handled = new Set<number>();
    for (const id of [...reasons.keys()].sort((a, b) => a - b)) {
      const narrowed = reasons.get(id)!;
      if (handled.has(componentOf.get(narrowed)!)) continue;
      handled.add(componentOf.get(narrowed)!);
      pickFor([id], { phase: 'chain', relation: id, narrowed });
    }
    if (hidePicks()) continue;

    // What only several relations together narrow: one more hidden cell per component.
    const audit = auditor.audit(display);
    if (audit.ok) return { display, audit, rounds };
    // One per narrowed cell whose relations no earlier pick of this round touches: audits are the
    // expensive part, so each round fixes what it can without two picks for one narrowing.
    // The nearest cell whose hiding is proven to free the narrowed one (the cause of a narrowing that
    // takes several relations is not where the relations say); else the nearest at all.
    const touched = new Set<number>();
    for (const cell of audit.violations) {
      if (byCell[cell].some((id) => touched.has(id))) continue;
      const candidates = candidatesAround(byCell[cell], 3).filter((candidate) => !picks.has(candidate));
      const freeing = candidates.slice(0, PROBES).find((candidate) => {
        const trial = [...display];
        trial[candidate] = 'hidden';
        return auditor.wouldHold(trial, cell);
      });
      const pick = freeing ?? pickAround(byCell[cell]);
      if (pick === undefined || picks.has(pick)) continue;
      picks.set(pick, { cell: pick, phase: 'audit', narrowed: cell });
      for (const id of [...byCell[cell], ...byCell[pick]]) touched.add(id);
    }
    if (!hidePicks()) return { display, audit, rounds };
  }
}
