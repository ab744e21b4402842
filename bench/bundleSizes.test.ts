import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleSizes, bundleTable } from './bundleSizes';

// A renderer build in miniature: index.html loads the entry script and the
// stylesheet, the entry imports a vendor chunk statically and a route lazily.
const HTML = `<!doctype html>
<html lang="nl">
  <head>
    <script type="module" crossorigin src="./assets/index-a1.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-b2.css">
  </head>
  <body><div id="root"></div></body>
</html>
`;
const ENTRY = 'import{r as e}from"./vendor-c3.js";const t=()=>import("./Chair-d4.js");e(t);';
const VENDOR = `export const r=(f)=>f;${'/* react */'.repeat(50)}`;
const CSS = 'body{margin:0}'.repeat(20);
const LAZY = 'export const Chair=1;'.padEnd(4096, 'x');

describe('bundleSizes', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdo-bundle-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), HTML);
    fs.writeFileSync(path.join(dir, 'assets', 'index-a1.js'), ENTRY);
    fs.writeFileSync(path.join(dir, 'assets', 'index-b2.css'), CSS);
    fs.writeFileSync(path.join(dir, 'assets', 'vendor-c3.js'), VENDOR);
    fs.writeFileSync(path.join(dir, 'assets', 'Chair-d4.js'), LAZY);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

  it('marks what index.html loads and what its scripts import statically as first screen, not the lazy route', () => {
    const report = bundleSizes(dir);
    const firstScreen = Object.fromEntries(report.files.map((file) => [file.file, file.firstScreen]));
    expect(firstScreen).toEqual({
      'index.html': true,
      'assets/index-a1.js': true,
      'assets/index-b2.css': true,
      'assets/vendor-c3.js': true,
      'assets/Chair-d4.js': false,
    });
  });

  it('measures every file, largest first, and adds up both totals', () => {
    const report = bundleSizes(dir);
    expect(report.files.map((file) => file.file)).toEqual([
      'assets/Chair-d4.js',
      'assets/vendor-c3.js',
      'assets/index-b2.css',
      'index.html',
      'assets/index-a1.js',
    ]);
    const lazy = report.files[0];
    expect(lazy).toEqual({ file: 'assets/Chair-d4.js', bytes: LAZY.length, gzipBytes: gzip(LAZY), firstScreen: false });
    const first = [HTML, ENTRY, CSS, VENDOR];
    expect(report.totals).toEqual({
      firstScreenBytes: first.reduce((sum, text) => sum + text.length, 0),
      firstScreenGzipBytes: first.reduce((sum, text) => sum + gzip(text), 0),
      firstScreenStyleBytes: CSS.length,
      firstScreenCatalogueBytes: 0,
      totalBytes: [...first, LAZY].reduce((sum, text) => sum + text.length, 0),
      totalGzipBytes: [...first, LAZY].reduce((sum, text) => sum + gzip(text), 0),
    });
  });

  it('counts a chunk the html preloads, even when no script imports it', () => {
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      HTML.replace('</head>', '<link rel="modulepreload" crossorigin href="./assets/Chair-d4.js">\n</head>'),
    );
    expect(bundleSizes(dir).files.find((file) => file.file === 'assets/Chair-d4.js')?.firstScreen).toBe(true);
  });

  it('prints a table with the first-screen files marked and both totals', () => {
    const table = bundleTable(bundleSizes(dir)).split('\n');
    expect(table[0]).toMatch(/^renderer file\s+first screen\s+kB\s+gzip kB$/);
    expect(table[2]).toMatch(/^assets\/Chair-d4\.js\s+4\.0\s+/);
    expect(table.find((line) => line.startsWith('assets/vendor-c3.js'))).toMatch(/\byes\b/);
    expect(table.at(-4)).toMatch(new RegExp(`^first screen: CSS\\s+${(CSS.length / 1024).toFixed(1)}$`));
    expect(table.at(-3)).toMatch(/^first screen: Dutch catalogue\s+0\.0$/);
    expect(table.at(-2)).toMatch(/^first screen\s+\d+\.\d\s+\d+\.\d$/);
    expect(table.at(-1)).toMatch(/^total\s+\d+\.\d\s+\d+\.\d$/);
  });
});
