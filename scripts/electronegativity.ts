import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../electron/csp';
import { installNetworkGuard } from '../tests/security/networkGuard';

/*
 * `npm run security`: Doyensec's electronegativity over what Electron runs, offline.
 * Fails (exit 1) on every HIGH or MEDIUM finding that build/electronegativity-justifications.json
 * does not justify (check id + file + reason), on a justification that no longer matches a
 * finding, and on any file the tool could not parse (a file it did not check).
 *
 * What it sees, copied into a temporary folder with the repository's relative paths:
 * electron/ (main, preload, CSP), renderer/src, the renderer's index.html as built (from
 * out/renderer, or the source with the CSP filled in as the build does), the built preload
 * bundle when out/ exists, and package.json (Electron version, arguments). Not the built
 * main bundle: its parser cannot read class private fields, and electron/main is its source.
 *
 * Offline: the tool fetches translations and Electron's release list; `got` is replaced by
 * one that fails at once, the release check (AvailableSecurityFixesGlobalCheck, which only
 * works online) is left out, and a network guard fails the run if anything still tries.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const JUSTIFICATIONS = path.join(root, 'build', 'electronegativity-justifications.json');
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

export interface Finding {
  check: string;
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  confidence: string;
  file: string;
  line: number;
  manualReview: boolean;
  description: string;
}

export interface Justification {
  check: string;
  file: string;
  reason: string;
}

export interface Verdict {
  findings: Finding[];
  /** HIGH or MEDIUM without a justification. */
  unjustified: Finding[];
  /** Justifications that match no finding any more. */
  stale: Justification[];
  /** Files the tool could not parse. */
  unparsed: { file: string; message: string }[];
  checks: number;
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number };
  severity: { name: Finding['severity'] };
  confidence: { name: string };
  manualReview?: boolean;
  description: string;
}
type Runner = (options: Record<string, unknown>) => Promise<{
  issues: RawIssue[];
  errors: { file: string; message: string; tolerable: boolean }[];
  globalChecks: number;
  atomicChecks: number;
}>;

const require = createRequire(import.meta.url);

/** The runner, with a `got` that fails at once instead of reaching the internet. */
function loadRunner(): Runner {
  const packageDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [packageDir] });
  const offline = Object.assign(() => Promise.reject(new Error('offline')), {
    get: () => Promise.reject(new Error('offline')),
    head: () => Promise.reject(new Error('offline')),
  });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
  return require('@doyensec/electronegativity') as Runner;
}

function copyTree(from: string, to: string, keep: (file: string) => boolean): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target, keep);
    else if (keep(entry.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
    }
  }
}

/** The files electronegativity should judge, in a temporary folder, at their repository paths. */
export function stage(projectRoot: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdo-electronegativity-'));
  const code = (name: string) => /\.(ts|tsx|js|cjs|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name);
  fs.copyFileSync(path.join(projectRoot, 'package.json'), path.join(dir, 'package.json'));
  copyTree(path.join(projectRoot, 'electron'), path.join(dir, 'electron'), code);
  copyTree(path.join(projectRoot, 'renderer', 'src'), path.join(dir, 'renderer', 'src'), code);
  const builtIndex = path.join(projectRoot, 'out', 'renderer', 'index.html');
  if (fs.existsSync(builtIndex)) {
    fs.mkdirSync(path.join(dir, 'out', 'renderer'), { recursive: true });
    fs.copyFileSync(builtIndex, path.join(dir, 'out', 'renderer', 'index.html'));
  } else {
    const source = fs.readFileSync(path.join(projectRoot, 'renderer', 'index.html'), 'utf8');
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), source.replace('%CSP%', CONTENT_SECURITY_POLICY));
  }
  const preload = path.join(projectRoot, 'out', 'preload', 'index.cjs');
  if (fs.existsSync(preload)) {
    fs.mkdirSync(path.join(dir, 'out', 'preload'), { recursive: true });
    fs.copyFileSync(preload, path.join(dir, 'out', 'preload', 'index.cjs'));
  }
  return dir;
}

function installedElectronVersion(projectRoot: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return undefined; // then the tool reads the range in package.json
  }
}

/** Runs the checks on a folder and judges the findings against the justifications. */
export async function scan(input: string, justifications: Justification[], electronVersion?: string): Promise<Verdict> {
  const run = loadRunner();
  // The tool's translation loader logs its (offline) failure with console.log.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (!/Could not retrieve updated translations/.test(String(args[0]))) log(...args);
  };
  let result: Awaited<ReturnType<Runner>>;
  try {
    result = await run({ input, isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: OFFLINE_EXCLUDED });
  } finally {
    console.log = log;
  }
  const findings: Finding[] = result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file.split(path.sep).join('/'),
    line: issue.location.line,
    manualReview: !!issue.manualReview,
    description: issue.description,
  }));
  const matches = (finding: Finding, justification: Justification) =>
    justification.check === finding.check && justification.file === finding.file;
  const serious = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');
  return {
    findings,
    unjustified: serious.filter((finding) => !justifications.some((justification) => matches(finding, justification))),
    stale: justifications.filter((justification) => !serious.some((finding) => matches(finding, justification))),
    unparsed: result.errors.filter((error) => !error.tolerable).map((error) => ({ file: error.file, message: error.message })),
    checks: result.globalChecks + result.atomicChecks,
  };
}

export function readJustifications(file = JUSTIFICATIONS): Justification[] {
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected an array`);
  return entries.map((entry: Partial<Justification>, index) => {
    if (
      typeof entry?.check !== 'string' ||
      typeof entry.file !== 'string' ||
      typeof entry.reason !== 'string' ||
      entry.reason.trim().length < 20
    ) {
      throw new Error(`${file}[${index}]: each entry needs "check", "file" and a real "reason"`);
    }
    return { check: entry.check, file: entry.file, reason: entry.reason };
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  const guard = installNetworkGuard();
  const justifications = readJustifications();
  const dir = stage(root);
  let verdict: Verdict;
  try {
    verdict = await scan(dir, justifications, installedElectronVersion(root));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const finding of verdict.findings) {
    const serious = finding.severity === 'HIGH' || finding.severity === 'MEDIUM';
    const status = !serious ? 'info' : verdict.unjustified.includes(finding) ? 'NOT JUSTIFIED' : 'justified';
    console.log(
      `${status.padEnd(13)} ${finding.severity.padEnd(6)} ${finding.check} ${finding.file}:${finding.line} (${finding.confidence})`,
    );
  }
  for (const justification of verdict.stale) {
    console.log(
      `STALE         ${justification.check} ${justification.file}: no such finding any more; remove it from ${path.relative(root, JUSTIFICATIONS)}`,
    );
  }
  for (const error of verdict.unparsed) console.log(`UNPARSED      ${error.file}: ${error.message}`);
  for (const attempt of guard.attempts) console.log(`NETWORK       ${attempt.api} ${attempt.target}`);
  const failed = verdict.unjustified.length + verdict.stale.length + verdict.unparsed.length + guard.attempts.length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `electronegativity: ${verdict.checks} checks, ${verdict.findings.length} findings, ${verdict.unjustified.length} HIGH/MEDIUM not justified (${seconds} s)`,
  );
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
