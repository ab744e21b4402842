import { solve, type Constraint } from 'yalps';

/**
 * What a reader can work out from a suppressed set of counts, and the audit
 * that proves it is not too much.
 *
 * The reader sees every shown count exactly and knows the relations between
 * the counts: a total is the sum of its parts, or, where one case can count
 * in several parts, the largest part <= total <= the sum of the parts. The
 * reader knows that a "<5" is 1..4; that an "x" is at least 5 when it hides
 * a shown count (only counts of 5 or more are hidden that way: assume the
 * worst-case reader who knows that) and at least 1 when it hides a "<5"
 * (cellSuppression.ts does that only when nothing else helps); and that a
 * count the report never prints but a reader can reason with (a latent
 * cell, such as the checked cases behind "effect within 14 days") is >= 0.
 *
 * The rule: for every "<5" each value 1..4 stays possible, for every "x" at
 * least five values, where "possible" means that some assignment of whole
 * numbers to all unshown cells satisfies every relation and every bound.
 *
 * The audit proves every possible value by a witness: a complete integer
 * assignment, checked exactly (integer arithmetic, every relation and bound
 * it touches) before it counts. The exact counts are the first witness; the
 * others come from integer programs solved with yalps, one connected
 * component of unshown cells at a time (components share no relation, so
 * they are independent). A value without a witness counts as impossible, so
 * a solver that gives up or errs can only hide more, never show too much.
 *
 * Why the values between two witnessed ones are not simply assumed: the LP
 * bounds would be exact for a network structure (a hierarchy of totals
 * crossed with one level of parts, such as gebieden x schools x one table,
 * is a network matrix, totally unimodular, so every integer between the
 * minimum and the maximum is possible). But "largest part <= total <= sum"
 * and the latent cells (one total split two ways, as cases "new" and "closed"
 * within the active ones) are not network structures; their integer points
 * can have gaps. So each value is proven on its own; the integer programs
 * are exact (branch and bound), and for the network parts their relaxation is
 * integral already, so the solver rarely branches. An "x" whose maximum is
 * unbounded takes infinitely many values (a rational polyhedron with an
 * integer point has integer points as high as its LP goes).
 */

/** The largest count that is shown as "<5". */
export const SMALL_MAX = 4;
/** The smallest count that is shown as a number (besides 0). */
export const MIN_SHOWN = SMALL_MAX + 1;
/** How many values an "x" must keep open, and "<5" keeps 1..4. */
export const HIDDEN_VALUES = 5;

/**
 * A relation a reader knows between counts (cell indexes).
 * - sum: total = the sum of the parts.
 * - cover: the largest part <= total <= the sum of the parts (a case counted under two themes).
 */
export interface Relation {
  kind: 'sum' | 'cover';
  total: number;
  parts: readonly number[];
}

/** How a cell appears: a number, "<5", "x", or never printed (latent). */
export type Display = 'shown' | 'small' | 'hidden' | 'latent';

/** Exact counts with the relations a reader knows between them. */
export interface SuppressionProblem {
  values: readonly number[];
  /** Cells that are never printed but take part in relations (the reader knows only that they are at least 0). */
  latent?: readonly number[];
  relations: readonly Relation[];
}

/** The bounds a reader knows for a cell from its display alone. */
export function readerBounds(value: number, display: Display): [number, number] {
  if (display === 'shown') return [value, value];
  if (display === 'small') return [1, SMALL_MAX];
  if (display === 'hidden') return [value >= MIN_SHOWN ? MIN_SHOWN : 1, Number.POSITIVE_INFINITY];
  return [0, Number.POSITIVE_INFINITY];
}

/** Whether a relation holds for the given values. */
export function relationHolds(relation: Relation, value: (cell: number) => number): boolean {
  const total = value(relation.total);
  const parts = relation.parts.map(value);
  const sum = parts.reduce((a, b) => a + b, 0);
  if (relation.kind === 'sum') return total === sum;
  return total <= sum && parts.every((part) => part <= total);
}

/** Refuses a problem the audit would misread: non-counts, bad indexes, a cell twice in one relation, exact values that break a relation. */
export function assertProblem(problem: SuppressionProblem): void {
  const { values, relations } = problem;
  values.forEach((value, index) => {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cell ${index} is not a count: ${value}`);
  });
  const isCell = (cell: number) => Number.isInteger(cell) && cell >= 0 && cell < values.length;
  for (const cell of problem.latent ?? []) if (!isCell(cell)) throw new RangeError(`latent cell ${cell} does not exist`);
  relations.forEach((relation, index) => {
    const cells = [relation.total, ...relation.parts];
    if (relation.kind !== 'sum' && relation.kind !== 'cover') throw new RangeError(`relation ${index} has an unknown kind`);
    if (relation.parts.length === 0) throw new RangeError(`relation ${index} has no parts`);
    if (!cells.every(isCell)) throw new RangeError(`relation ${index} names a cell that does not exist`);
    if (new Set(cells).size !== cells.length) throw new RangeError(`relation ${index} names a cell twice`);
    if (!relationHolds(relation, (cell) => values[cell])) throw new RangeError(`relation ${index} does not hold for the exact counts`);
  });
}

/** The relations each cell takes part in. */
export function relationsByCell(problem: SuppressionProblem): number[][] {
  const byCell: number[][] = problem.values.map(() => []);
  problem.relations.forEach((relation, index) => {
    for (const cell of [relation.total, ...relation.parts]) byCell[cell].push(index);
  });
  return byCell;
}

/** Groups of unshown cells that relations tie together; each sorted, in order of their first cell. */
export function unshownComponents(problem: SuppressionProblem, display: readonly Display[]): number[][] {
  const parent = problem.values.map((_, index) => index);
  const find = (cell: number): number => {
    while (parent[cell] !== cell) {
      parent[cell] = parent[parent[cell]];
      cell = parent[cell];
    }
    return cell;
  };
  for (const relation of problem.relations) {
    const unshown = [relation.total, ...relation.parts].filter((cell) => display[cell] !== 'shown');
    for (const cell of unshown.slice(1)) {
      const [a, b] = [find(unshown[0]), find(cell)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  display.forEach((shown, cell) => {
    if (shown === 'shown') return;
    const root = find(cell);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(cell);
  });
  return [...groups.values()];
}

/** Whether a cell's possible values already satisfy the rule. */
export function ruleMet(display: Display, possible: ReadonlySet<number> | readonly number[]): boolean {
  const values = possible instanceof Set ? possible : new Set(possible);
  if (display === 'small') return [1, 2, 3, 4].every((value) => values.has(value));
  if (display === 'hidden') return values.size >= HIDDEN_VALUES;
  return true;
}

/** The audit's verdict on one "<5" or "x" cell. */
export interface CellVerdict {
  cell: number;
  display: 'small' | 'hidden';
  ok: boolean;
  /** Values proven possible (by a checked witness), ascending; for an "x" at least five when ok, unless unbounded. */
  possible: number[];
  /** An "x" that can be as large as you like (then it takes infinitely many values). */
  unbounded: boolean;
}

export interface AuditResult {
  ok: boolean;
  cells: CellVerdict[];
  /** Cells that break the rule, ascending. */
  violations: number[];
  /** Integer programs solved. */
  solves: number;
}

type Bounds = Map<number, [number, number]>;
type BoundsOf = (cell: number) => [number, number];
type Outcome = { status: 'found'; values: Map<number, number> } | { status: 'infeasible' | 'unbounded' | 'failed' };
/** A witness: the exact values moved t steps along a direction (direction -1: the exact values themselves). */
type Witness = { direction: number; t: number };

// Branch and bound stops here: a count not proven possible counts as impossible (safe side).
const MAX_BRANCHES = 4000;
const INTEGRAL = 1e-6;
/** Sizes of the neighbourhoods a value is first sought in, before the whole component. */
const NEIGHBOURHOODS = [12, 40, 120, Number.POSITIVE_INFINITY];
/** Unit moves are sought only nearby: further out, the programs of the proofs are as cheap. */
const UNIT_MOVE_NEIGHBOURHOODS = [12, 40];
/** How far along a witness's line further witnesses are recorded. */
const LINE_STEPS = 8;
const EXACT: Witness = { direction: -1, t: 0 };

/**
 * Audits suppressions of one problem, keeping every witness it finds: while
 * cells are only ever hidden further, a witness stays valid (hiding a cell
 * only widens what a reader must consider), so later audits solve only for
 * what is still missing.
 *
 * Most witnesses come cheap. The sums are linear and homogeneous, so with
 * the exact values x and a witness w every x + t(w - x) satisfies them too;
 * it is a witness for every whole t that keeps each cell within its bounds
 * and each "largest part <= total <= sum" true (both cut the line to an
 * interval of t). A "unit move" (the cell one up or down, every other cell at
 * most one away from its exact value) then often gives a whole run of values
 * at once. Programs are first solved over the cells nearest to the one in
 * question, the others kept at their exact counts (sound: a witness is a
 * witness), and over the whole component only when that does not suffice.
 */
export class SuppressionAuditor {
  private readonly byCell: number[][];
  private readonly directions: Map<number, number>[] = [];
  /** Per cell: proven value → its witness. */
  private readonly seen = new Map<number, Map<number, Witness>>();
  /** Cells whose last proof needed their whole component. */
  private readonly far = new Set<number>();
  /** Cells proven to have no upper bound (hiding more cells keeps it so). */
  private readonly unbounded = new Set<number>();
  private bounds: (cell: number) => [number, number] = (cell) => [this.problem.values[cell], this.problem.values[cell]];
  /** Per cell, the unshown cells nearest to it in order, for this audit's display. */
  private nearest = new Map<number, number[]>();
  solves = 0;

  /** `byCell` only for a scratch copy of an auditor whose problem was checked already. */
  constructor(
    private readonly problem: SuppressionProblem,
    byCell?: number[][],
  ) {
    if (!byCell) assertProblem(problem);
    this.byCell = byCell ?? relationsByCell(problem);
  }

  /**
   * Whether a cell would keep the rule under another display in which more
   * is hidden; starts from this auditor's witnesses of the cell (still valid
   * there) and keeps none of what it finds.
   */
  wouldHold(display: readonly Display[], cell: number): boolean {
    const scratch = new SuppressionAuditor(this.problem, this.byCell);
    scratch.directions.push(...this.directions);
    scratch.seen.set(cell, new Map(this.possible(cell)));
    this.unbounded.forEach((other) => scratch.unbounded.add(other));
    scratch.bounds = (other) => readerBounds(this.problem.values[other], display[other]);
    const component = unshownComponents(this.problem, display).find((cells) => cells.includes(cell));
    if (!component) return true;
    return scratch.auditComponent(component, display, cell).every((verdict) => verdict.ok);
  }

  /** Audits every "<5" and "x" cell of the display. */
  audit(display: readonly Display[]): AuditResult {
    const solvesBefore = this.solves;
    this.bounds = (cell) => readerBounds(this.problem.values[cell], display[cell]);
    this.nearest = new Map();
    const cells: CellVerdict[] = [];
    for (const component of unshownComponents(this.problem, display)) cells.push(...this.auditComponent(component, display));
    cells.sort((a, b) => a.cell - b.cell);
    const violations = cells.filter((verdict) => !verdict.ok).map((verdict) => verdict.cell);
    return { ok: violations.length === 0, cells, violations, solves: this.solves - solvesBefore };
  }

  /** The exact integer minimum and maximum of an unshown cell (maximum Infinity when unbounded). */
  range(display: readonly Display[], cell: number): { min: number; max: number } {
    const component = unshownComponents(this.problem, display).find((cells) => cells.includes(cell));
    if (!component) return { min: this.problem.values[cell], max: this.problem.values[cell] };
    const bounds: BoundsOf = (other) => readerBounds(this.problem.values[other], display[other]);
    const exact = (other: number) => this.problem.values[other];
    const lowest = this.solveCells(component, exact, bounds, new Map([[cell, 1]]), 'minimize');
    const highest = this.solveCells(component, exact, bounds, new Map([[cell, 1]]), 'maximize');
    if (lowest.status !== 'found') throw new Error(`no assignment found for cell ${cell}: ${lowest.status}`);
    if (highest.status === 'unbounded') return { min: lowest.values.get(cell)!, max: Number.POSITIVE_INFINITY };
    if (highest.status !== 'found') throw new Error(`no assignment found for cell ${cell}: ${highest.status}`);
    return { min: lowest.values.get(cell)!, max: highest.values.get(cell)! };
  }

  private possible(cell: number): Map<number, Witness> {
    let values = this.seen.get(cell);
    if (!values) {
      values = new Map([[this.problem.values[cell], EXACT]]);
      this.seen.set(cell, values);
    }
    return values;
  }

  /** The cells a witness moves away from their exact values. */
  private support(witness: Witness): Iterable<number> {
    return witness.direction < 0 || witness.t === 0 ? [] : this.directions[witness.direction].keys();
  }

  private valueAt(witness: Witness, cell: number): number {
    const step = witness.direction < 0 ? 0 : (this.directions[witness.direction].get(cell) ?? 0);
    return this.problem.values[cell] + witness.t * step;
  }

  /** Records a witness (the values of some cells, the others exact) and every point of its line within the bounds. */
  private remember(values: Map<number, number>): void {
    const direction = new Map<number, number>();
    for (const [cell, value] of values) if (value !== this.problem.values[cell]) direction.set(cell, value - this.problem.values[cell]);
    if (direction.size === 0) return;
    let [tLow, tHigh] = [-LINE_STEPS, LINE_STEPS];
    for (const [cell, step] of direction) {
      const [low, high] = this.bounds(cell);
      const exact = this.problem.values[cell];
      const [a, b] = [(low - exact) / step, (high - exact) / step];
      tLow = Math.max(tLow, Math.ceil(Math.min(a, b)));
      tHigh = Math.min(tHigh, Math.floor(Math.max(a, b)));
    }
    // The sums hold all along the line (they hold at both ends and are homogeneous); each "largest
    // part <= total <= sum of the parts" is an inequality in t that cuts the line.
    const at = (t: number) => (cell: number) => this.problem.values[cell] + t * (direction.get(cell) ?? 0);
    for (const id of new Set([...direction.keys()].flatMap((cell) => this.byCell[cell]))) {
      const relation = this.problem.relations[id];
      if (relation.kind !== 'cover') continue;
      const partsSum = (value: (cell: number) => number) => relation.parts.reduce((sum, part) => sum + value(part), 0);
      const gaps = [
        ...relation.parts.map((part) => (value: (cell: number) => number) => value(relation.total) - value(part)),
        (value: (cell: number) => number) => partsSum(value) - value(relation.total),
      ];
      for (const gap of gaps) {
        const [start, slope] = [gap(at(0)), gap(at(1)) - gap(at(0))];
        if (slope > 0) tLow = Math.max(tLow, Math.ceil(-start / slope));
        if (slope < 0) tHigh = Math.min(tHigh, Math.floor(start / -slope));
      }
    }
    // Checked exactly at both ends (the good t form an interval); only the witness itself otherwise.
    const holds = (t: number) =>
      [...direction.keys()].every((cell) => {
        const [low, high] = this.bounds(cell);
        return at(t)(cell) >= low && at(t)(cell) <= high;
      }) &&
      [...new Set([...direction.keys()].flatMap((cell) => this.byCell[cell]))].every((id) =>
        relationHolds(this.problem.relations[id], at(t)),
      );
    if (!holds(tLow) || !holds(tHigh)) [tLow, tHigh] = [1, 1];
    const id = this.directions.push(direction) - 1;
    for (let t = tLow; t <= tHigh; t++) {
      if (t === 0) continue;
      for (const [cell, step] of direction) {
        const possible = this.possible(cell);
        const value = this.problem.values[cell] + t * step;
        if (!possible.has(value)) possible.set(value, { direction: id, t });
      }
    }
  }

  private met(cell: number, display: Display): boolean {
    if (display === 'hidden' && this.unbounded.has(cell)) return true;
    return ruleMet(display, new Set(this.possible(cell).keys()));
  }

  private auditComponent(component: number[], display: readonly Display[], only?: number): CellVerdict[] {
    const targets = component.filter(
      (cell) => (display[cell] === 'small' || display[cell] === 'hidden') && (only === undefined || cell === only),
    );
    const bounds = this.bounds;
    const inComponent = new Set(component);
    const exact = (cell: number) => this.problem.values[cell];
    const ok = new Map<number, boolean>();
    for (const cell of targets) {
      if (!this.met(cell, display[cell]) && !this.far.has(cell)) this.unitMoves(cell, component, inComponent, display, bounds);
      if (this.met(cell, display[cell])) {
        ok.set(cell, true);
        continue;
      }
      // Most values need only a few cells around the cell to change (the others keep their exact
      // counts, which is sound); the whole component only when the nearer ones do not suffice.
      let proven = false;
      // A cell that needed the whole component last time (its narrowing reaches far) starts there.
      for (const limit of this.far.has(cell) ? [Number.POSITIVE_INFINITY] : NEIGHBOURHOODS) {
        const vars = limit >= component.length ? component : this.neighbourhood(cell, inComponent, display, limit);
        const solveIn = (fix: Bounds, objective?: Map<number, number>, direction?: 'minimize' | 'maximize') => {
          const outcome = this.solveCells(vars, exact, (other) => fix.get(other) ?? bounds(other), objective, direction);
          if (outcome.status === 'found') this.remember(outcome.values);
          return outcome;
        };
        proven = display[cell] === 'small' ? this.proveSmall(cell, bounds, solveIn) : this.proveHidden(cell, bounds, solveIn);
        if (vars.length === component.length) this.far.add(cell);
        if (proven || vars.length === component.length) break;
      }
      ok.set(cell, proven);
    }
    return targets.map((cell) => ({
      cell,
      display: display[cell] as 'small' | 'hidden',
      ok: ok.get(cell)! && this.met(cell, display[cell]),
      possible: [...this.possible(cell).keys()].sort((a, b) => a - b),
      unbounded: this.unbounded.has(cell),
    }));
  }

  /**
   * Unit moves: the cell one step up (or down), every other cell at most one
   * step away from its exact value, sought among the nearest cells only.
   * Repeated along its line, one move often is a whole run of values, for
   * the cell and for every cell it moves.
   */
  private unitMoves(cell: number, component: number[], inComponent: Set<number>, display: readonly Display[], bounds: BoundsOf): void {
    const exact = this.problem.values[cell];
    const [low, high] = bounds(cell);
    for (const step of [1, -1]) {
      if (this.met(cell, display[cell])) return;
      if (exact + step < low || exact + step > high || this.possible(cell).has(exact + step)) continue;
      for (const limit of UNIT_MOVE_NEIGHBOURHOODS) {
        const vars = limit >= component.length ? component : this.neighbourhood(cell, inComponent, display, limit);
        const box: BoundsOf = (other) => {
          if (other === cell) return [exact + step, exact + step];
          const [otherLow, otherHigh] = bounds(other);
          const value = this.problem.values[other];
          return [Math.max(otherLow, value - 1), Math.min(otherHigh, value + 1)];
        };
        const outcome = this.solveCells(vars, (other) => this.problem.values[other], box);
        if (outcome.status === 'found') {
          this.remember(outcome.values);
          break;
        }
        if (vars.length === component.length) break;
      }
    }
  }

  /**
   * Up to `limit` unshown cells of the component nearest to `cell`, through
   * shared relations; of equally near relations the smaller first (a cell's
   * own report before the long sums across schools).
   */
  private neighbourhood(cell: number, component: Set<number>, display: readonly Display[], limit: number): number[] {
    let order = this.nearest.get(cell);
    if (!order) {
      order = this.nearestOrder(cell, component, display, NEIGHBOURHOODS.at(-2)!);
      this.nearest.set(cell, order);
    }
    return order.slice(0, limit).sort((a, b) => a - b);
  }

  private nearestOrder(cell: number, component: Set<number>, display: readonly Display[], limit: number): number[] {
    const found = [cell];
    const seen = new Set(found);
    const visited = new Set<number>();
    let layer = [cell];
    while (layer.length > 0 && found.length < limit) {
      const relations = [...new Set(layer.flatMap((member) => this.byCell[member]))].filter((id) => !visited.has(id));
      relations.sort((a, b) => this.problem.relations[a].parts.length - this.problem.relations[b].parts.length || a - b);
      const next: number[] = [];
      for (const id of relations) {
        visited.add(id);
        const relation = this.problem.relations[id];
        for (const other of [relation.total, ...relation.parts])
          if (!seen.has(other) && display[other] !== 'shown' && component.has(other) && found.length < limit) {
            seen.add(other);
            found.push(other);
            next.push(other);
          }
      }
      layer = next;
    }
    return found;
  }

  /** Proves each of 1..4 possible for a "<5" cell, or finds one that is not. */
  private proveSmall(cell: number, bounds: BoundsOf, solve: (fix: Bounds) => Outcome): boolean {
    for (const value of [1, SMALL_MAX, 2, 3]) {
      if (this.possible(cell).has(value)) continue;
      if (!this.findValue(cell, value, bounds, solve)) return false;
    }
    return true;
  }

  /** Proves five values possible for an "x" cell, or shows there are fewer. */
  private proveHidden(
    cell: number,
    bounds: BoundsOf,
    solve: (fix: Bounds, objective?: Map<number, number>, direction?: 'minimize' | 'maximize') => Outcome,
  ): boolean {
    const known = () => [...this.possible(cell).keys()].sort((a, b) => a - b);
    const enough = () => this.met(cell, 'hidden');
    const [low] = bounds(cell);
    const fillBetween = () => {
      const values = known();
      const exact = this.problem.values[cell];
      const gaps: number[] = [];
      for (let value = values[0] + 1; value < values[values.length - 1]; value++) if (!this.possible(cell).has(value)) gaps.push(value);
      gaps.sort((a, b) => Math.abs(a - exact) - Math.abs(b - exact) || a - b);
      for (const value of gaps.slice(0, 2 * HIDDEN_VALUES)) {
        if (enough()) return;
        this.findValue(cell, value, bounds, solve);
      }
    };
    fillBetween();
    // Without an upper bound the cell takes infinitely many values: the polyhedron is rational and
    // holds an integer point (the exact values), so its integer points reach every height too.
    if (!enough()) {
      const highest = solve(new Map(), new Map([[cell, 1]]), 'maximize');
      if (highest.status === 'unbounded') this.unbounded.add(cell);
      fillBetween();
    }
    if (!enough() && known()[0] > low) {
      solve(new Map(), new Map([[cell, 1]]), 'minimize');
      fillBetween();
    }
    return enough();
  }

  /**
   * Proves `value` possible for `cell`: first within the cells on which two
   * witnesses around the value differ (a tiny program; for network tables it
   * always succeeds), then with `solve`.
   */
  private findValue(cell: number, value: number, bounds: BoundsOf, solve: (fix: Bounds) => Outcome): boolean {
    let below: [number, Witness] | undefined;
    let above: [number, Witness] | undefined;
    for (const [seenValue, witness] of this.possible(cell)) {
      if (seenValue < value && (!below || seenValue > below[0])) below = [seenValue, witness];
      if (seenValue > value && (!above || seenValue < above[0])) above = [seenValue, witness];
    }
    if (below && above) {
      const [from, to] = [below[1], above[1]];
      const moved = new Set([...this.support(from), ...this.support(to)]);
      const differing = [...moved].filter((other) => this.valueAt(from, other) !== this.valueAt(to, other)).sort((a, b) => a - b);
      const box: BoundsOf = (other) => {
        if (other === cell) return [value, value];
        const [a, b] = [this.valueAt(from, other), this.valueAt(to, other)];
        const [readerLow, readerHigh] = bounds(other);
        return [Math.max(readerLow, Math.min(a, b)), Math.min(readerHigh, Math.max(a, b))];
      };
      const outcome = this.solveCells(differing, (other) => this.valueAt(from, other), box);
      if (outcome.status === 'found') {
        this.remember(new Map([...moved].map((other) => [other, outcome.values.get(other) ?? this.valueAt(from, other)])));
        return true;
      }
    }
    return solve(new Map([[cell, [value, value]]])).status === 'found';
  }

  /**
   * Solves for the cells `vars` (each within its bounds), every other cell
   * fixed at `fixed(cell)`, and checks the answer exactly: only then is it a
   * witness. Returns the values of `vars`.
   */
  private solveCells(
    vars: readonly number[],
    fixed: (cell: number) => number,
    bounds: BoundsOf,
    objective?: Map<number, number>,
    direction: 'minimize' | 'maximize' = 'minimize',
  ): Outcome {
    this.solves++;
    const inVars = new Set(vars);
    const low = (cell: number) => bounds(cell)[0];
    const relationIds = [...new Set(vars.flatMap((cell) => this.byCell[cell]))].sort((a, b) => a - b);
    // A slack (in one sum only, without upper bound, not optimized) need not be a column: its sum
    // becomes "the others' balance is at least its lower bound", and its value follows from theirs.
    const slackOf = new Map<number, number>();
    for (const cell of vars) {
      const ids = this.byCell[cell];
      if (ids.length !== 1 || objective?.has(cell) || Number.isFinite(bounds(cell)[1]) || slackOf.has(ids[0])) continue;
      const relation = this.problem.relations[ids[0]];
      if (relation.kind === 'sum' && [relation.total, ...relation.parts].some((other) => other !== cell && inVars.has(other)))
        slackOf.set(ids[0], cell);
    }
    const slacks = new Set(slackOf.values());
    const constraints = new Map<string, Constraint>();
    const columns = new Map<number, Map<string, number>>(vars.filter((cell) => !slacks.has(cell)).map((cell) => [cell, new Map()]));
    const addRow = (key: string, terms: [number, number][], kind: 'equal' | 'min' | 'max', bound: number) => {
      // The variables are shifted to start at 0 (yalps keeps every variable >= 0): y = x - low.
      let constant = 0;
      const varTerms: [number, number][] = [];
      for (const [cell, coefficient] of terms) {
        if (inVars.has(cell)) {
          varTerms.push([cell, coefficient]);
          constant += coefficient * low(cell);
        } else constant += coefficient * fixed(cell);
      }
      if (varTerms.length === 0) return;
      constraints.set(key, { [kind]: bound - constant });
      for (const [cell, coefficient] of varTerms) columns.get(cell)!.set(key, coefficient);
    };
    for (const id of relationIds) {
      const relation = this.problem.relations[id];
      const all: [number, number][] = [[relation.total, 1], ...relation.parts.map((part): [number, number] => [part, -1])];
      const slack = slackOf.get(id);
      if (slack !== undefined) {
        const sign = slack === relation.total ? 1 : -1;
        addRow(
          `r${id}`,
          all.filter(([cell]) => cell !== slack),
          sign < 0 ? 'min' : 'max',
          sign < 0 ? low(slack) : -low(slack),
        );
      } else if (relation.kind === 'sum') addRow(`r${id}`, all, 'equal', 0);
      else {
        addRow(`r${id}`, all, 'max', 0);
        relation.parts.forEach((part, index) => addRow(`r${id}p${index}`, [all[0], [part, -1]], 'min', 0));
      }
    }
    for (const cell of vars) {
      const [lowest, highest] = bounds(cell);
      if (highest < lowest) return { status: 'infeasible' };
      if (Number.isFinite(highest) && !slacks.has(cell)) {
        constraints.set(`u${cell}`, { max: highest - lowest });
        columns.get(cell)!.set(`u${cell}`, 1);
      }
    }
    if (objective) for (const [cell, coefficient] of objective) if (inVars.has(cell)) columns.get(cell)!.set('objective', coefficient);
    const solution = solve(
      {
        direction,
        objective: objective ? 'objective' : undefined,
        constraints,
        variables: [...columns].map(([cell, column]): [number, Map<string, number>] => [cell, column]),
        integers: true,
      },
      { includeZeroVariables: true, maxIterations: MAX_BRANCHES },
    );
    if (solution.status === 'infeasible' || solution.status === 'unbounded') return { status: solution.status };
    if (solution.status !== 'optimal') return { status: 'failed' };
    const values = new Map<number, number>(vars.map((cell) => [cell, low(cell)]));
    for (const [cell, shifted] of solution.variables) {
      const rounded = Math.round(shifted);
      if (Math.abs(shifted - rounded) > INTEGRAL) return { status: 'failed' };
      values.set(cell, low(cell) + rounded);
    }
    const value = (cell: number) => values.get(cell) ?? fixed(cell);
    for (const [id, slack] of slackOf) {
      const relation = this.problem.relations[id];
      const others = relation.parts.filter((part) => part !== slack).reduce((sum, part) => sum + value(part), 0);
      values.set(slack, slack === relation.total ? others : value(relation.total) - others);
    }
    for (const cell of vars) {
      const [lowest, highest] = bounds(cell);
      if (value(cell) < lowest || value(cell) > highest) return { status: 'failed' };
    }
    for (const id of relationIds) if (!relationHolds(this.problem.relations[id], value)) return { status: 'failed' };
    return { status: 'found', values };
  }
}

/** Audits one suppression: every "<5" keeps 1..4 possible and every "x" at least five values. */
export function auditSuppression(problem: SuppressionProblem, display: readonly Display[]): AuditResult {
  return new SuppressionAuditor(problem).audit(display);
}
