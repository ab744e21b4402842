import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { root } from '../tests/e2e/build';
import type { BundleReport } from './bundleSizes';
import { growthOf, NOISE_ALLOWANCE, type Growth } from './growth';
import { goalText, type BenchRow } from './rows';

// `npm run bench:doc`: writes the measured part of docs/performance.md (between
// its markers) and the growth chart docs/performance-growth.svg from the JSON
// of `npm run bench -- --growth` (bench-results/growth.json, or a file given).

const DOC = path.join(root, 'docs', 'performance.md');
const CHART = path.join(root, 'docs', 'performance-growth.svg');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

interface GrowthJson {
  createdAt: string;
  environment: { node: string; platform: string; cpu: string; cpus: number; memoryGb: number };
  datasets: {
    label: string;
    summary: { schools: number; pupils: number; cases: number; meetings: number };
    fileBytes: number;
    rows: BenchRow[];
  }[];
  /** JSON written before issue 16 lacks the first screen's CSS and catalogue figures. */
  bundle: Omit<BundleReport, 'totals'> & {
    totals: Omit<BundleReport['totals'], 'firstScreenStyleBytes' | 'firstScreenCatalogueBytes'> & Partial<BundleReport['totals']>;
  };
  /** As judged when measured; the document judges the datasets again with today's rule (growth.ts). */
  growth?: Growth[];
}

const figure = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

function markdownTable(header: string[], rows: string[][], right: boolean[]): string {
  const rule = right.map((alignRight) => (alignRight ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The measured sections of the document, as Markdown. */
export function measuredMarkdown(json: GrowthJson): string {
  const large = json.datasets.find((dataset) => dataset.label === 'large') ?? json.datasets.at(-1)!;
  const env = json.environment;
  const totals = json.bundle.totals;
  const datasets = markdownTable(
    ['dataset', 'schools', 'pupils', 'cases', 'meetings', 'file'],
    json.datasets.map((d) => [
      d.label,
      String(d.summary.schools),
      String(d.summary.pupils),
      String(d.summary.cases),
      String(d.summary.meetings),
      `${(d.fileBytes / 1024 / 1024).toFixed(1)} MB`,
    ]),
    [false, true, true, true, true, true],
  );
  const operations = markdownTable(
    ['operation', 'unit', 'p50', 'p95', 'floor p50', 'floor p95', 'ratio', 'first call', 'goal', 'status', 'floor is'],
    large.rows.map((row) => [
      row.operation,
      row.unit,
      figure(row.p50),
      figure(row.p95),
      figure(row.floorP50),
      figure(row.floorP95),
      `${row.ratio.toFixed(2)}×${row.ratioAt === 'p50' ? ' (p50)' : ''}`,
      row.firstCallMs === undefined ? '' : figure(row.firstCallMs),
      goalText(row.goals),
      row.status === 'ok' ? 'ok' : `**MISS** ${row.missed.join('+')}`,
      row.floor,
    ]),
    [false, false, true, true, true, true, true, true, false, false, false],
  );
  const growth = growthOf(json.datasets);
  const labels = growth[0]?.points.map((point) => point.label) ?? [];
  const growthRows = markdownTable(
    [
      'operation',
      ...labels.map((label) => `p50 ${label}`),
      ...labels.map((label) => `size ${label}`),
      'exponent (last step)',
      'linear',
      'size is',
    ],
    growth.map((entry) => [
      `${entry.operation} (${entry.unit})`,
      ...entry.points.map((point) => figure(point.p50)),
      ...entry.points.map((point) => figure(point.size)),
      entry.steps.at(-1)?.exponent === undefined ? 'size same' : entry.steps.at(-1)!.exponent!.toFixed(2),
      entry.linear ? 'yes' : '**no**',
      entry.sizeOf,
    ]),
    [false, ...labels.map(() => true), ...labels.map(() => true), true, false, false],
  );
  const bundle = markdownTable(
    ['file', 'first screen', 'size', 'gzip'],
    json.bundle.files.map((file) => [file.file, file.firstScreen ? 'yes' : '', kb(file.bytes), kb(file.gzipBytes)]),
    [false, false, true, true],
  );
  return [
    `Measured ${json.createdAt.slice(0, 10)} on ${env.cpus} × ${env.cpu}, ${env.memoryGb} GB, ${env.platform}, Node ${env.node}.`,
    '',
    '### Datasets',
    '',
    datasets,
    '',
    `### Every operation on the large dataset`,
    '',
    operations,
    '',
    '### Growth from dataset to dataset',
    '',
    'p50 per dataset and the size of what each operation shows or reads; the exponent is log(time ratio) / log(size ratio)',
    `of the last step (1 = linear). "Linear" means time grew at most ${NOISE_ALLOWANCE}× as much as size on every step (bench/growth.ts).`,
    '',
    growthRows,
    '',
    '![p50 against the size of what each operation shows, both relative to the large dataset, log-log; the dashed line is linear growth](performance-growth.svg)',
    '',
    '### Renderer bundle',
    '',
    `First screen: ${kb(totals.firstScreenBytes)} (${kb(totals.firstScreenGzipBytes)} gzip) of ${kb(totals.totalBytes)} (${kb(totals.totalGzipBytes)} gzip) in all.` +
      // Measured since issue 16; older JSON has no such figures.
      (totals.firstScreenStyleBytes === undefined
        ? ''
        : ` Of the first screen, ${kb(totals.firstScreenStyleBytes)} CSS and ${kb(totals.firstScreenCatalogueBytes ?? 0)} the Dutch catalogue.`),
    '',
    bundle,
  ].join('\n');
}

/** Log-log chart: each operation's p50 against the size of what it shows, both relative to the large dataset. */
export async function growthChartSvg(json: GrowthJson): Promise<string> {
  const growth = growthOf(json.datasets);
  const reference = growth[0]?.points.findIndex((point) => point.label === 'large') ?? 0;
  const values = growth.flatMap((entry) =>
    entry.points.map((point) => ({
      operation: entry.operation,
      dataset: point.label,
      size: point.size / entry.points[reference].size,
      time: point.p50 / entry.points[reference].p50,
    })),
  );
  const sizes = values.map((value) => value.size);
  const line = [Math.min(...sizes), Math.max(...sizes)].map((size) => ({ size, time: size }));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 560,
    height: 380,
    background: 'white',
    layer: [
      {
        data: { values: line },
        mark: { type: 'line', strokeDash: [6, 4], color: '#868e96' },
        encoding: { x: { field: 'size', type: 'quantitative' }, y: { field: 'time', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'size', type: 'quantitative', scale: { type: 'log' }, title: 'size of what it shows (large = 1)' },
          y: { field: 'time', type: 'quantitative', scale: { type: 'log' }, title: 'p50 (large = 1)' },
          color: { field: 'operation', type: 'nominal', title: null, scale: { scheme: 'tableau20' }, legend: { labelLimit: 340 } },
          order: { field: 'size', type: 'quantitative' },
        },
      },
    ],
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

async function main(): Promise<void> {
  const source = process.argv[2] ?? path.join(root, 'bench-results', 'growth.json');
  if (!fs.existsSync(source)) throw new Error(`${source} is missing: run "npm run bench -- --growth" first`);
  const json = JSON.parse(fs.readFileSync(source, 'utf8')) as GrowthJson;
  if (json.datasets.length < 2) throw new Error(`${source} has one dataset: it comes from "npm run bench" without --growth`);
  const doc = fs.readFileSync(DOC, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC} lacks the markers ${START} and ${END}`);
  fs.writeFileSync(DOC, `${doc.slice(0, start + START.length)}\n\n${measuredMarkdown(json)}\n\n${doc.slice(end)}`);
  fs.writeFileSync(CHART, (await growthChartSvg(json)) + '\n');
  console.error(
    `Wrote ${path.relative(process.cwd(), DOC)} and ${path.relative(process.cwd(), CHART)} from ${path.relative(process.cwd(), source)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    console.error(`bench:doc failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
