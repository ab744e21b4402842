import { performance } from 'node:perf_hooks';
import type { MeasuredRow } from './rows';
import { GOALS, summarize, type Goals } from './stats';

/** One repeatable operation and its floor, as `measure` times them. */
export interface Operation {
  name: string;
  /** The targets of this operation, when not the default for list and page views. */
  goals?: Goals;
  /** What the floor is, in a few words. */
  floorIs: string;
  /** What the calls rotate over, for the JSON report. */
  inputs: unknown[];
  service(iteration: number): Promise<unknown>;
  /** Synchronous for SQL floors; awaited all the same (one microtask), for a floor that is not. */
  floor(iteration: number): unknown;
  /** Throws unless the floor does the same work as the service for every input. */
  verify(): Promise<void>;
  /** How much the operation shows or reads, averaged over its inputs (after verify). */
  size(): { count: number; of: string };
}

export interface MeasureOptions {
  /**
   * Calls before measuring, or as many as fit in warmupMs: V8 needs several hundred calls of a
   * path (router, validation, Kysely) before it runs optimized; what the first calls cost shows
   * in the first screen's row instead.
   */
  warmup: number;
  warmupMs: number;
  iterations: number;
  /** Statements run so far, to report statements per call. */
  statements?: () => number;
}

/** Times service and floor in turns, after a warm-up, and summarizes both. */
export async function measure(operation: Operation, options: MeasureOptions): Promise<MeasuredRow> {
  // The very first call, before anything of it is warm: reported beside the steady figures.
  const first = performance.now();
  await operation.service(0);
  const firstCallMs = performance.now() - first;
  const warmupEnd = performance.now() + options.warmupMs;
  for (let iteration = 1; iteration < options.warmup && performance.now() < warmupEnd; iteration++) {
    await operation.service(iteration);
    await operation.floor(iteration);
  }
  const serviceMs: number[] = [];
  const floorMs: number[] = [];
  const timeService = async (iteration: number) => {
    const start = performance.now();
    await operation.service(iteration);
    serviceMs.push(performance.now() - start);
  };
  const timeFloor = async (iteration: number) => {
    const start = performance.now();
    await operation.floor(iteration);
    floorMs.push(performance.now() - start);
  };
  const statementsBefore = options.statements?.() ?? 0;
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    // Taking turns at going first keeps a cache warmed by one side from favouring the other.
    if (iteration % 2 === 0) {
      await timeService(iteration);
      await timeFloor(iteration);
    } else {
      await timeFloor(iteration);
      await timeService(iteration);
    }
  }
  const service = summarize(serviceMs);
  const floor = summarize(floorMs);
  return {
    operation: operation.name,
    unit: 'ms',
    calls: options.iterations,
    p50: service.p50,
    p95: service.p95,
    floorP50: floor.p50,
    floorP95: floor.p95,
    floor: operation.floorIs,
    goals: operation.goals ?? GOALS,
    size: operation.size(),
    inputs: operation.inputs,
    firstCallMs,
    ...(options.statements ? { statementsPerCall: (options.statements() - statementsBefore) / options.iterations } : {}),
  };
}
