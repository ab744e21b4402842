import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { childEnv } from '../tests/fixtures/childEnv';
import { encryptedDemoCopy } from './benchApp';
import { bytesToMb, kbToMb, parseChildReport, type ChildReport } from './memoryReport';

// Main-process memory with the large demo open. Electron cannot run here, so the main process's
// core (Session, router, handlers, services, SQLite) runs in a child Node process: bench/memoryChild.ts.
// Electron's own main process (its Node, V8 and Chromium's browser-process code) adds a baseline
// of roughly 40–60 MB on top of these numbers, which the goal (< 300 MB) must leave room for. The
// renderer and GPU processes are separate and not counted here.
//
// Steady RSS and peak RSS differ on purpose: unlocking runs scrypt at the app's cost (N = 2^17,
// r = 8), which allocates 128 MiB for a moment; that shows in the peak (maxRSS) but is returned
// to the system right after, so the RSS after the session's calls and a full GC does not hold it.

const ROOT = path.resolve(import.meta.dirname, '..');
const CHILD_TIMEOUT_MS = 5 * 60_000;

export interface MemoryResult {
  /** RSS after the session's calls and a full GC, MiB. */
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** C++ memory tied to JS objects, better-sqlite3's among them. */
  externalMb: number;
  arrayBuffersMb: number;
  /** The highest RSS of the child's life (includes the unlock's scrypt), MiB. */
  peakRssMb: number;
  /** Node + better-sqlite3 with the file open and quick_checked, nothing else. */
  floorRssMb: number;
  floorPeakRssMb: number;
  /** rssMb over floorRssMb. */
  ratio: number;
  /** Router calls in the measured session. */
  calls: number;
}

/**
 * The child compiled to JavaScript once, as electron-vite compiles the main process: run through
 * tsx instead, its loader would sit in the child with a V8 heap of its own (about 40 MB of RSS)
 * that the app does not have. Packages stay external and load from node_modules, which the
 * folder inside node_modules/.cache finds; chunks keep the floor from loading the app's code.
 */
async function bundleChild(): Promise<{ entry: string; remove(): void }> {
  const cache = path.join(ROOT, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const outdir = fs.mkdtempSync(path.join(cache, 'mdo-bench-memory-'));
  await build({
    entryPoints: [path.join(import.meta.dirname, 'memoryChild.ts')],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  return { entry: path.join(outdir, 'memoryChild.mjs'), remove: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}

async function runChild(entry: string, args: string[], env: Record<string, string> = {}): Promise<ChildReport> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', entry, ...args], {
      cwd: ROOT,
      env: childEnv(env),
      timeout: CHILD_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    return parseChildReport(stdout);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    if (stderr) throw new Error(`the memory child (${args[0]}) failed: ${stderr}`, { cause: error });
    throw error;
  }
}

/**
 * Encrypts a copy of `plainDemoDb` as the app's demo school (real scrypt cost), then measures the
 * app's core on it in one child process and the Node + SQLite floor in another.
 */
export async function measureMemory(plainDemoDb: string, options: { clockIso: string }): Promise<MemoryResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdo-memory-'));
  const child = await bundleChild();
  try {
    const dbPath = path.join(dir, 'demo.db');
    // At the app's scrypt cost: the child's unlock pays what the app's does.
    const key = await encryptedDemoCopy(plainDemoDb, dbPath);

    // The floor first: the app's session writes (audit log), the floor only reads.
    const floor = await runChild(child.entry, ['floor', dbPath], { MDO_BENCH_KEY: key.toString('hex') });
    const app = await runChild(child.entry, ['app', dbPath, options.clockIso]);
    return {
      rssMb: bytesToMb(app.rss),
      heapUsedMb: bytesToMb(app.heapUsed),
      heapTotalMb: bytesToMb(app.heapTotal),
      externalMb: bytesToMb(app.external),
      arrayBuffersMb: bytesToMb(app.arrayBuffers),
      peakRssMb: kbToMb(app.maxRssKb),
      floorRssMb: bytesToMb(floor.rss),
      floorPeakRssMb: kbToMb(floor.maxRssKb),
      ratio: app.rss / floor.rss,
      calls: app.calls,
    };
  } finally {
    child.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
