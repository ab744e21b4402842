import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tests/e2e/harness';
import { root } from '../tests/e2e/build';
import { childEnv } from '../tests/fixtures/childEnv';
import type { BenchRow } from './rows';

// The benchmark end to end on the demo dataset with few calls: every operation
// of issue 10 measured, printed in one table and written as JSON. It asserts
// that the bench works, not how fast anything is (that is the bench's job).
const OPERATIONS = [
  'open + unlock + quick_check + migrate',
  'open at start (OS key store)',
  'agenda suggestions',
  'case page',
  'global search',
  'meeting list',
  'case list',
  'pupil list',
  'dashboard',
  'monitoring, 1 year, all schools',
  'monitoring charts (Vega SVG)',
  'autosave commit',
  'regio export, 1 year, per school',
  'regio combine, 8 quarters, all schools (stored)',
  'regio combine, 1 quarter of .mdoregio files (CLI)',
  'verslag export + sign',
  'backup (encrypted snapshot)',
  'renderer first screen (Chromium)',
  'main-process memory (steady / peak)',
];

describe('npm run bench', () => {
  it('measures every operation against its floor and writes the table as JSON', { timeout: 180_000 }, async () => {
    const temp = tempDir('mdo-bench-test-');
    try {
      const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
      const { stdout } = await promisify(execFile)(
        tsx,
        [path.join(root, 'bench', 'run.ts'), '--dataset', 'demo', '--quick', '--no-build', '--out', temp.dir],
        { cwd: root, env: childEnv(), maxBuffer: 16 * 1024 * 1024 },
      );
      expect(stdout).toMatch(/MDO bench, demo dataset: 1 schools, 40 pupils, 12 cases/);
      for (const operation of OPERATIONS) expect(stdout).toContain(operation);

      const json = JSON.parse(fs.readFileSync(path.join(temp.dir, 'latest.json'), 'utf8')) as {
        datasets: { label: string; rows: BenchRow[] }[];
        bundle: { totals: { firstScreenBytes: number; totalBytes: number } };
      };
      const rows = json.datasets[0].rows;
      expect(rows.map((row) => row.operation)).toEqual(OPERATIONS);
      for (const row of rows) {
        expect(row.p50, row.operation).toBeGreaterThan(0);
        expect(row.p95, row.operation).toBeGreaterThanOrEqual(row.p50);
        expect(row.floorP50, row.operation).toBeGreaterThan(0);
        // A missed goal is named, and only then is the row a MISS.
        expect(row.status, row.operation).toBe(row.missed.length === 0 ? 'ok' : 'MISS');
      }
      const { firstScreenBytes, totalBytes } = json.bundle.totals;
      expect(firstScreenBytes).toBeGreaterThan(0);
      expect(firstScreenBytes).toBeLessThan(totalBytes);
    } finally {
      temp.remove();
    }
  });

  it('measures the regio export and combine alone with --only regio, without a renderer', { timeout: 120_000 }, async () => {
    const temp = tempDir('mdo-bench-regio-test-');
    try {
      const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
      const { stdout } = await promisify(execFile)(
        tsx,
        [path.join(root, 'bench', 'run.ts'), '--only', 'regio', '--dataset', 'demo', '--quick', '--out', temp.dir],
        { cwd: root, env: childEnv(), maxBuffer: 16 * 1024 * 1024 },
      );
      expect(stdout).not.toContain('Renderer bundle');
      // A part alone leaves latest.json (what bench:doc reads) alone.
      expect(fs.existsSync(path.join(temp.dir, 'latest.json'))).toBe(false);
      const json = JSON.parse(fs.readFileSync(path.join(temp.dir, 'regio.json'), 'utf8')) as { datasets: { rows: BenchRow[] }[] };
      const rows = json.datasets[0].rows;
      expect(rows.map((row) => row.operation)).toEqual([
        'regio export, 1 year, per school',
        'regio combine, 8 quarters, all schools (stored)',
        'regio combine, 1 quarter of .mdoregio files (CLI)',
      ]);
      for (const row of rows) {
        expect(row.p95, row.operation).toBeGreaterThanOrEqual(row.p50);
        expect(row.floorP50, row.operation).toBeGreaterThan(0);
        expect(stdout).toMatch(new RegExp(`${row.operation.replace(/[().]/g, '\\$&')}.*\\d\\.\\d+x`));
      }
    } finally {
      temp.remove();
    }
  });
});
