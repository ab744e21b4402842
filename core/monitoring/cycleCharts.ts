import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { xmlText } from '../documents/xmlText';
import { CHART_WIDTH, type Chart } from './charts';
import type { ReportTable } from './report';

// The learning cycle as line charts: one chart per table of the cycle, one
// line per row, one point per period. A hidden count ("<5", "x") draws no
// point and breaks its line, so a chart never shows what the table hides.

/** The rows of a cycle table as points: a count per period and row, null where the table shows none. */
interface Point {
  period: string;
  order: number;
  series: string;
  value: number | null;
}

const SPEC: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: CHART_WIDTH - 260,
  height: 180,
  padding: { left: 6, right: 12, top: 6, bottom: 6 },
  background: 'white',
  data: { name: 'points' },
  mark: { type: 'line', point: true, invalid: 'break-paths-show-path-domains' },
  encoding: {
    x: { field: 'period', type: 'ordinal', sort: { field: 'order' }, title: null, axis: { labelAngle: 0, labelFontSize: 10 } },
    y: {
      field: 'value',
      type: 'quantitative',
      title: null,
      axis: { format: 'd', tickMinStep: 1, labelFontSize: 10, gridColor: '#e9ecef' },
    },
    color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'right', labelLimit: 220, labelFontSize: 11 } },
  },
  config: { font: 'DejaVu Sans', view: { stroke: null } },
};

let runtime: vega.Runtime | undefined;

/** Points of a table's category rows (totals and derived numbers left out), over its period columns. */
function pointsOf(table: ReportTable): Point[] {
  const periods = table.columns.slice(1);
  return table.rows
    .filter((row) => !row.summary)
    .flatMap((row) => periods.map((period, order) => ({ period, order, series: row.label, value: row.cells[order]?.value ?? null })));
}

/** One SVG line chart per learning-cycle table that has a shown count to draw. */
export async function cycleCharts(tables: readonly ReportTable[]): Promise<Chart[]> {
  const charts: Chart[] = [];
  for (const [index, table] of tables.entries()) {
    const points = pointsOf(table);
    if (!points.some((point) => point.value !== null && point.value > 0)) continue;
    runtime ??= vega.parse(compile(SPEC).spec);
    const view = new vega.View(runtime, { renderer: 'none' }).data('points', points);
    const svg = xmlText(await view.toSVG());
    view.finalize();
    const size = /<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"/.exec(svg);
    const rows = table.rows.filter((row) => !row.summary);
    charts.push({
      table: index,
      svg,
      description: `${table.title}: ${rows
        .map((row) => `${row.label}: ${row.cells.map((cell, column) => `${table.columns[column + 1]} ${cell.text}`).join(', ')}`)
        .join('; ')}`,
      width: Number(size?.[1] ?? CHART_WIDTH),
      height: Number(size?.[2] ?? 200),
    });
  }
  return charts;
}
