// What bench/memoryChild.ts prints on its last line of stdout, and the conversions bench/memory.ts makes of it.

export interface ChildReport {
  mode: 'app' | 'floor';
  /** process.memoryUsage() after a full garbage collection, in bytes. */
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** process.resourceUsage().maxRSS: the highest RSS of the process's life, in kilobytes. */
  maxRssKb: number;
  /** Router calls the child made (0 for the floor). */
  calls: number;
}

const NUMBERS = ['rss', 'heapUsed', 'heapTotal', 'external', 'arrayBuffers', 'maxRssKb', 'calls'] as const;

/** The report on the last non-empty line of a child's stdout; throws with that output when there is none. */
export function parseChildReport(stdout: string): ChildReport {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  let value: unknown;
  try {
    value = JSON.parse(last);
  } catch {
    throw new Error(`the memory child printed no report: ${JSON.stringify(stdout.slice(-500))}`);
  }
  const report = value as Record<string, unknown>;
  if (report === null || typeof report !== 'object' || (report.mode !== 'app' && report.mode !== 'floor'))
    throw new Error(`the memory child's report has no mode: ${last}`);
  for (const key of NUMBERS)
    if (typeof report[key] !== 'number' || !Number.isFinite(report[key]) || (report[key] as number) < 0)
      throw new Error(`the memory child's report has no valid ${key}: ${last}`);
  return Object.fromEntries([['mode', report.mode], ...NUMBERS.map((key) => [key, report[key]])]) as unknown as ChildReport;
}

/** Bytes to MiB (what "MB" means in the memory goal and in tools like Task Manager). */
export const bytesToMb = (bytes: number) => bytes / 1024 / 1024;

/**
 * maxRSS to MiB. Node reports it in kilobytes on every platform (libuv converts macOS's bytes),
 * so no platform check is needed.
 */
export const kbToMb = (kb: number) => kb / 1024;
