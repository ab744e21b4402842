import { z } from 'zod';

// What bench/memoryChild.ts prints on its last line of stdout, and the conversions bench/memory.ts makes of it.

const size = z.number().nonnegative();
const childReport = z.object({
  mode: z.enum(['app', 'floor']),
  /** process.memoryUsage() after a full garbage collection, in bytes. */
  rss: size,
  heapUsed: size,
  heapTotal: size,
  external: size,
  arrayBuffers: size,
  /** process.resourceUsage().maxRSS: the highest RSS of the process's life, in kilobytes. */
  maxRssKb: size,
  /** Router calls the child made (0 for the floor). */
  calls: size,
});

export type ChildReport = z.infer<typeof childReport>;

/** The report on the last non-empty line of a child's stdout; throws with that output when there is none. */
export function parseChildReport(stdout: string): ChildReport {
  const last = stdout.trim().split('\n').at(-1) ?? '';
  let value: unknown;
  try {
    value = JSON.parse(last);
  } catch {
    throw new Error(`the memory child printed no report: ${JSON.stringify(stdout.slice(-500))}`);
  }
  const parsed = childReport.safeParse(value);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0].path[0];
  throw new Error(
    field === undefined || field === 'mode'
      ? `the memory child's report has no mode: ${last}`
      : `the memory child's report has no valid ${String(field)}: ${last}`,
  );
}

/** Bytes to MiB (what "MB" means in the memory goal and in tools like Task Manager). */
export const bytesToMb = (bytes: number) => bytes / 1024 / 1024;

/**
 * maxRSS to MiB. Node reports it in kilobytes on every platform (libuv converts macOS's bytes),
 * so no platform check is needed.
 */
export const kbToMb = (kb: number) => kb / 1024;
