import { describe, expect, it } from 'vitest';
import { growthChartSvg, measuredMarkdown } from './performanceDoc';
import { judge, type BenchRow } from './rows';

const row = (operation: string, p50: number, size: number): BenchRow =>
  judge({
    operation,
    unit: 'ms',
    calls: 300,
    p50,
    p95: p50 * 1.5,
    floorP50: p50 / 2,
    floorP95: p50,
    floor: 'same SQL, prepared',
    goals: { maxP95: 30, maxRatio: 2 },
    size: { count: size, of: 'cases' },
    firstCallMs: p50 * 2,
  });

const datasets = [
  { label: 'demo', rows: [row('case list', 0.5, 12), row('search', 1, 100)] },
  { label: 'large', rows: [row('case list', 2, 250), row('search', 2, 2000)] },
  { label: '4× large', rows: [row('case list', 9, 1000), row('search', 3, 8000)] },
].map((dataset, index) => ({
  ...dataset,
  summary: { schools: index ? 20 : 1, pupils: 40, cases: 12, meetings: 9 },
  fileBytes: (index + 1) * 1024 * 1024,
}));

const json = {
  createdAt: '2026-12-02T06:00:00.000Z',
  environment: { node: 'v20', platform: 'linux x64', cpu: 'Test CPU', cpus: 2, memoryGb: 8 },
  datasets,
  bundle: {
    files: [
      { file: 'assets/index.js', bytes: 204800, gzipBytes: 61440, firstScreen: true },
      { file: 'assets/ChairPage.js', bytes: 10240, gzipBytes: 4096, firstScreen: false },
    ],
    totals: { firstScreenBytes: 204800, firstScreenGzipBytes: 61440, totalBytes: 215040, totalGzipBytes: 65536 },
  },
};

describe('docs/performance.md from the bench JSON', () => {
  it('tables the large dataset, the growth with its verdict, and the bundle', () => {
    const markdown = measuredMarkdown(json);
    expect(markdown).toContain('| case list | ms | 2.00 | 3.00 | 1.00 | 2.00 | 1.50× | 4.00 | p95 < 30, ≤ 2x | ok | same SQL, prepared |');
    // 4.5x time for 4x size is within the allowance; the exponent of the last step is shown.
    expect(markdown).toMatch(/\| case list \(ms\) \| 0\.50 \| 2\.00 \| 9\.00 \| 12\.0 \| 250 \| 1000 \| 1\.08 \| yes \| cases \|/);
    expect(markdown).toContain('First screen: 200 kB (60 kB gzip) of 210 kB (64 kB gzip) in all.');
    expect(markdown).toContain('| assets/ChairPage.js |  | 10 kB | 4 kB |');
  });

  it('draws every operation in the growth chart', async () => {
    const svg = await growthChartSvg(json);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('case list');
    expect(svg).toContain('search');
  });
});
