import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import {
  ADDON_FILE,
  installedPackageVersion,
  isSideBuildCurrent,
  packageDir,
  sideBuildDir,
  type NativeBuildMeta,
  type NativeTarget,
} from '../db/nativeBinding';

const require = createRequire(import.meta.url);

export interface BuildOptions {
  root: string;
  target: NativeTarget;
  /** Where node-gyp gets the runtime's headers; for Electron its header server. */
  distUrl?: string;
  /** Local headers instead of a download (Node builds on a machine without network). */
  nodedir?: string;
  /** false: compile without optimisation, for a test that only proves the build loads (a quarter of the time). */
  optimize?: boolean;
  log?: (line: string) => void;
}

export const ELECTRON_HEADERS = 'https://electronjs.org/headers';

/**
 * Builds the SQLite addon for another runtime in a copy of the package, so the
 * Node build in node_modules is never touched, and moves the result into place
 * with its metadata only when the build succeeded.
 */
export async function buildSideBinding(options: BuildOptions): Promise<string> {
  const { root, target } = options;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mdo-native-'));
  try {
    const copy = path.join(work, 'pkg');
    fs.cpSync(packageDir(root), copy, {
      recursive: true,
      dereference: true,
      filter: (source) => !source.startsWith(path.join(packageDir(root), 'build')),
    });
    const args = [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${target.version}`,
      `--arch=${target.arch}`,
      `--jobs=max`,
      ...(options.distUrl ? [`--dist-url=${options.distUrl}`] : []),
      ...(options.nodedir ? [`--nodedir=${options.nodedir}`] : []),
      `--devdir=${path.join(os.homedir(), '.cache', 'mdo-node-gyp')}`,
    ];
    options.log?.(`Building SQLite for ${target.runtime} ${target.version} (${target.arch})…`);
    await run(process.execPath, args, copy, options.optimize === false ? { CFLAGS: '-O0', CXXFLAGS: '-O0' } : {});

    const staging = path.join(work, 'out');
    fs.mkdirSync(staging);
    fs.copyFileSync(path.join(copy, 'build', 'Release', ADDON_FILE), path.join(staging, ADDON_FILE));
    const meta: NativeBuildMeta = { ...target, packageVersion: installedPackageVersion(root), builtAt: new Date().toISOString() };
    fs.writeFileSync(path.join(staging, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
    const destination = sideBuildDir(root, target);
    fs.rmSync(destination, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.cpSync(staging, destination, { recursive: true });
    return path.join(destination, ADDON_FILE);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Builds only when no current side build exists; returns the addon path. */
export async function ensureSideBinding(options: BuildOptions): Promise<string> {
  if (!isSideBuildCurrent(options.root, options.target)) return buildSideBinding(options);
  return path.join(sideBuildDir(options.root, options.target), ADDON_FILE);
}

function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    // An npm setting like `nodedir=/usr` (in ~/.npmrc) would make node-gyp build against Node's headers
    // for an Electron target; only an explicit --nodedir may choose the headers.
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.toLowerCase() !== 'npm_config_nodedir')),
      ...extraEnv,
    };
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`node-gyp exited with ${code}:\n${output}`))));
  });
}
