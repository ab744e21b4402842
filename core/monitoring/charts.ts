import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { xmlText } from '../documents/xmlText';
import type { ReportTable } from './report';

// Bar charts of the report's tables, drawn by Vega-Lite as SVG in main (the
// same picture on screen and in the DOCX) and rasterized for Word by resvg
// with a bundled font, so the image is the same on every machine.

const FONT_FAMILY = 'DejaVu Sans';
// resvg opens the font with its own file access, which cannot look inside an asar archive
// (it silently draws the charts without text): an installed MDO carries the font unpacked
// beside the archive (electron-builder.ts), so the path must point there.
export const asarUnpackedPath = (file: string) => file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
const FONT_FILE = asarUnpackedPath(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const BAR_COLOR = '#364fc7';
export const CHART_WIDTH = 640;
const LABEL_WIDTH = 310;

export interface Chart {
  /** Index of the report table the chart belongs to. */
  table: number;
  svg: string;
  /** The chart in words, for screen readers and the image's alt text. */
  description: string;
  width: number;
  height: number;
}

interface Bar {
  label: string;
  /** Drawn length: a suppressed count draws no bar. */
  value: number;
  /** What the bar is labelled with: "12", "<5" or "x". */
  text: string;
}

/** The categories of a table worth a chart: at least two, counted in the first column, and at least one bar to draw. */
function barsOf(table: ReportTable): Bar[] {
  const bars = table.rows
    .filter((row) => !row.summary)
    .map((row) => ({ label: row.label, value: row.cells[0]?.value ?? 0, text: row.cells[0]?.text ?? '' }));
  return bars.length >= 2 && bars.some((bar) => bar.value > 0) ? bars : [];
}

const BAR_STEP = 26;

// One spec for every chart: only the bars differ, and the height follows their
// number (a step per bar). Compiling and parsing it once instead of per chart
// makes drawing the monitoring report's charts about four times faster.
const SPEC: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: CHART_WIDTH - LABEL_WIDTH - 40,
  height: { step: BAR_STEP },
  padding: { left: 6, right: 28, top: 6, bottom: 6 },
  background: 'white',
  data: { name: 'bars' },
  encoding: {
    y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: LABEL_WIDTH, labelFontSize: 12, ticks: false } },
    x: {
      field: 'value',
      type: 'quantitative',
      title: null,
      axis: { format: 'd', tickMinStep: 1, labelFontSize: 10, gridColor: '#e9ecef' },
    },
  },
  layer: [
    { mark: { type: 'bar', color: BAR_COLOR, height: { band: 0.7 } } },
    { mark: { type: 'text', align: 'left', dx: 4, fontSize: 12, color: '#212529' }, encoding: { text: { field: 'text' } } },
  ],
  config: { font: FONT_FAMILY, view: { stroke: null } },
};

let runtime: vega.Runtime | undefined;

/** One SVG bar chart per table that has categories to compare. */
export async function reportCharts(tables: readonly ReportTable[]): Promise<Chart[]> {
  const charts: Chart[] = [];
  for (const [index, table] of tables.entries()) {
    const bars = barsOf(table);
    if (bars.length === 0) continue;
    const height = bars.length * BAR_STEP;
    runtime ??= vega.parse(compile(SPEC).spec);
    const view = new vega.View(runtime, { renderer: 'none' }).data('bars', bars);
    // Labels are typed theme and tag names, which Vega may also cut inside a surrogate pair;
    // resvg and the screen's <img> both parse the SVG as XML.
    const svg = xmlText(await view.toSVG());
    view.finalize();
    const size = /<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"/.exec(svg);
    charts.push({
      table: index,
      svg,
      description: `${table.title}: ${bars.map((bar) => `${bar.label} ${bar.text}`).join(', ')}`,
      width: Number(size?.[1] ?? CHART_WIDTH),
      height: Number(size?.[2] ?? height),
    });
  }
  return charts;
}

/** A chart as PNG at twice its size, for crisp printing from Word. */
export function chartPng(chart: Chart): Uint8Array {
  const resvg = new Resvg(chart.svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
  });
  return resvg.render().asPng();
}
