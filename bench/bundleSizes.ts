import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatTable } from './table';

// What the renderer build weighs, and how much of it the first screen (lock
// screen, Dashboard) needs before any lazy route loads. Read from a finished
// build (out/renderer); this builds nothing itself.

/** The chunk the renderer build gives the Dutch catalogue, core/i18n/nl.ts (electron.vite.config.ts). */
export const CATALOGUE_CHUNK = /^nl-catalogue-[\w-]+\.js$/;

export interface BundleFile {
  /** Relative to the renderer's out folder, with forward slashes: "assets/index-abc.js". */
  file: string;
  bytes: number;
  /** gzip at level 9: a stable measure of how much a file really holds, not how it is shipped (from disk, uncompressed). */
  gzipBytes: number;
  /** index.html itself, what it loads (script, modulepreload, stylesheet) and what those scripts import statically. */
  firstScreen: boolean;
}

export interface BundleReport {
  /** Largest first. */
  files: BundleFile[];
  totals: {
    firstScreenBytes: number;
    firstScreenGzipBytes: number;
    /** Of firstScreenBytes: the stylesheets, and the Dutch catalogue's chunk. */
    firstScreenStyleBytes: number;
    firstScreenCatalogueBytes: number;
    totalBytes: number;
    totalGzipBytes: number;
  };
}

export function bundleSizes(rendererOutDir: string): BundleReport {
  const firstScreen = firstScreenFiles(rendererOutDir);
  const files = listFiles(rendererOutDir).map((file): BundleFile => {
    const content = fs.readFileSync(path.join(rendererOutDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length, firstScreen: firstScreen.has(file) };
  });
  files.sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
  const sum = (list: BundleFile[], key: 'bytes' | 'gzipBytes') => list.reduce((total, file) => total + file[key], 0);
  const first = files.filter((file) => file.firstScreen);
  return {
    files,
    totals: {
      firstScreenBytes: sum(first, 'bytes'),
      firstScreenGzipBytes: sum(first, 'gzipBytes'),
      firstScreenStyleBytes: sum(
        first.filter((file) => file.file.endsWith('.css')),
        'bytes',
      ),
      firstScreenCatalogueBytes: sum(
        first.filter((file) => CATALOGUE_CHUNK.test(path.posix.basename(file.file))),
        'bytes',
      ),
      totalBytes: sum(files, 'bytes'),
      totalGzipBytes: sum(files, 'gzipBytes'),
    },
  };
}

/** One line per file, largest first, first-screen files marked, then the first screen's CSS and catalogue, and the two totals. */
export function bundleTable(report: BundleReport): string {
  const kB = (bytes: number) => (bytes / 1024).toFixed(1);
  const { totals } = report;
  const rows = [
    ...report.files.map((file) => [file.file, file.firstScreen ? 'yes' : '', kB(file.bytes), kB(file.gzipBytes)]),
    ['first screen: CSS', '', kB(totals.firstScreenStyleBytes), ''],
    ['first screen: Dutch catalogue', '', kB(totals.firstScreenCatalogueBytes), ''],
    ['first screen', '', kB(totals.firstScreenBytes), kB(totals.firstScreenGzipBytes)],
    ['total', '', kB(totals.totalBytes), kB(totals.totalGzipBytes)],
  ];
  return formatTable(['renderer file', 'first screen', 'kB', 'gzip kB'], rows, [false, false, true, true]);
}

function listFiles(root: string, under = ''): string[] {
  return fs
    .readdirSync(path.join(root, under), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = under ? `${under}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(root, relative) : [relative];
    })
    .sort();
}

const SCRIPT_SRC = /<script\b[^>]*\bsrc=["']([^"']+)["']/gi;
const LINK = /<link\b[^>]*>/gi;
const LINK_REL = /\brel=["']([^"']+)["']/i;
const LINK_HREF = /\bhref=["']([^"']+)["']/i;
// Static imports in minified ES modules: `import"./a.js"`, `import{x as y}from"./b.js"`, `export{z}from"./c.js"`.
// Dynamic `import("./d.js")` has a parenthesis before the quote and is left out: that is what loads later.
const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+)["']/g;

/**
 * The files that load before any lazy route: what index.html references, and
 * what those scripts import statically (the html normally preloads those too,
 * but a chunk it forgot would load all the same).
 */
function firstScreenFiles(root: string): Set<string> {
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(SCRIPT_SRC)].map((match) => match[1]);
  for (const [tag] of html.matchAll(LINK)) {
    const rel = LINK_REL.exec(tag)?.[1].toLowerCase().split(/\s+/) ?? [];
    const href = LINK_HREF.exec(tag)?.[1];
    if (href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) referenced.push(href);
  }
  const found = new Set(['index.html']);
  const visit = (file: string) => {
    if (found.has(file) || !fs.existsSync(path.join(root, file))) return;
    found.add(file);
    if (!file.endsWith('.js')) return;
    const code = fs.readFileSync(path.join(root, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) visit(path.posix.join(path.posix.dirname(file), match[1]));
  };
  for (const reference of referenced) visit(path.posix.normalize(reference.replace(/^\.\//, '')));
  return found;
}
