import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signingPlan, UNSIGNED_SUFFIX, type SigningPlan, type TargetOs } from '../build/signing';
import { electronInstall } from './electronBinary';
import { ELECTRON_HEADERS, ensureSideBinding } from './nativeBuild';

// `npm run dist` (dist:win, dist:mac, dist:linux): the installers for one OS and
// architecture, on that OS (the native modules are built there).
//
//   npm run dist [-- --win|--mac|--linux] [--arch x64|arm64] [--dir] [--require-signing]
//
// 1. Decides the signing from environment variables only (build/signing.ts): a
//    half-configured signing fails; no credentials gives an UNSIGNED build,
//    announced here and in every artifact name, or fails with --require-signing.
// 2. Builds the app (electron-vite) and SQLite for this Electron and architecture,
//    beside the Node build in node_modules (the tests keep working).
// 3. Runs electron-builder (electron-builder.ts), never publishing anything.
// 4. Writes SHA256SUMS-<os>-<arch>.txt and SIGNING-<os>-<arch>.txt next to the
//    artifacts; with signing, checks the signatures with the OS's own tools.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  os: TargetOs;
  arch: string;
  dir: boolean;
  requireSigning: boolean;
}

const HOST_OS: Record<string, TargetOs | undefined> = { win32: 'win', darwin: 'mac', linux: 'linux' };
const OS_NAME: Record<TargetOs, string> = { win: 'Windows', mac: 'macOS', linux: 'Linux' };
// The resvg binding npm installed for each target (one per OS and architecture).
const RESVG_PACKAGE: Record<string, string> = {
  'win-x64': '@resvg/resvg-js-win32-x64-msvc',
  'win-arm64': '@resvg/resvg-js-win32-arm64-msvc',
  'mac-x64': '@resvg/resvg-js-darwin-x64',
  'mac-arm64': '@resvg/resvg-js-darwin-arm64',
  'linux-x64': '@resvg/resvg-js-linux-x64-gnu',
  'linux-arm64': '@resvg/resvg-js-linux-arm64-gnu',
};

class DistError extends Error {}

function parseArgs(argv: string[]): Options {
  const host = HOST_OS[process.platform];
  if (!host) throw new DistError(`MDO is not built on ${process.platform}.`);
  let os: TargetOs = host;
  let arch: string = process.arch;
  let dir = false;
  let requireSigning = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--win' || arg === '--mac' || arg === '--linux') os = arg.slice(2) as TargetOs;
    else if (arg === '--arch') arch = argv[++index] ?? '';
    else if (arg === '--dir') dir = true;
    else if (arg === '--require-signing') requireSigning = true;
    else
      throw new DistError(
        `Unknown argument "${arg}". Usage: npm run dist [-- --win|--mac|--linux] [--arch x64|arm64] [--dir] [--require-signing]`,
      );
  }
  // SQLite and resvg are native code for one OS: built (SQLite) or installed (resvg) on this machine.
  if (os !== host)
    throw new DistError(
      `${OS_NAME[os]} installers are built on ${OS_NAME[os]} (CI: .github/workflows/release.yml), not on ${OS_NAME[host]}.`,
    );
  if (!RESVG_PACKAGE[`${os}-${arch}`]) throw new DistError(`Architecture "${arch}" is not built for ${OS_NAME[os]}.`);
  return { os, arch, dir, requireSigning };
}

function banner(lines: string[]): void {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const bar = '#'.repeat(width);
  console.warn(['', bar, ...lines.map((line) => `# ${line.padEnd(width - 4)} #`), bar, ''].join('\n'));
}

function announce(plan: SigningPlan, options: Options): void {
  if (plan.problems.length > 0) {
    throw new DistError(
      `Signing for ${OS_NAME[plan.os]} is configured only in part:\n${plan.problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  if (plan.signed) {
    console.log(`mdo dist: ${OS_NAME[plan.os]} ${options.arch}, signed: ${plan.method}`);
    return;
  }
  const lines = [
    `UNSIGNED BUILD: ${OS_NAME[plan.os]} ${options.arch}`,
    '',
    `No signing credentials in the environment. Every artifact is named *${UNSIGNED_SUFFIX}*:`,
    'for testing only, never to be rolled out to schools.',
    '',
    'To sign, set:',
    ...plan.howToSign.map((line) => `  ${line}`),
  ];
  banner(lines);
  if (options.requireSigning) throw new DistError('--require-signing: refusing to build without signing credentials.');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0)
    throw new DistError(`${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
}

/** Fails unless the command succeeds; for the signature checks. */
function check(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new DistError(`Signature check failed: ${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`);
  console.log(`mdo dist: ok: ${command} ${args.join(' ')}`);
}

/**
 * An addon built for Electron refuses to load in Node (another NODE_MODULE_VERSION); one that
 * loads was built against Node's headers and would stop the installed app at start.
 */
function assertNotNodeAbi(addon: string, arch: string): void {
  if (arch !== process.arch) return;
  const probe = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(addon)})`], { encoding: 'utf8' });
  if (probe.status === 0) {
    throw new DistError(`${addon} loads in Node ${process.version}: it was built for Node, not Electron. Remove it and run again.`);
  }
  if (!probe.stderr.includes('NODE_MODULE_VERSION')) throw new DistError(`${addon} does not load:\n${probe.stderr.slice(0, 2000)}`);
}

function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The installers and archives of this run: they carry the version and the architecture in their name. */
function artifactsOf(outDir: string, options: Options): string[] {
  const extensions = { win: ['.exe', '.msi'], mac: ['.dmg', '.zip'], linux: ['.AppImage', '.deb'] }[options.os];
  const arch = options.os === 'linux' && options.arch === 'x64' ? ['x64', 'x86_64', 'amd64'] : [options.arch];
  return fs
    .readdirSync(outDir)
    .filter(
      (name) => extensions.some((extension) => name.endsWith(extension)) && name.includes(version()) && arch.some((a) => name.includes(a)),
    )
    .sort();
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function verifySignatures(plan: SigningPlan, outDir: string, artifacts: string[], options: Options): void {
  if (!plan.signed) return;
  if (options.os === 'mac') {
    const app = path.join(outDir, options.arch === 'x64' ? 'mac' : `mac-${options.arch}`, 'MDO.app');
    check('codesign', ['--verify', '--deep', '--strict', '--verbose=2', app]);
    check('spctl', ['--assess', '--type', 'execute', '-vv', app]);
    check('xcrun', ['stapler', 'validate', app]);
  } else if (options.os === 'win') {
    const unpacked = path.join(outDir, options.arch === 'x64' ? 'win-unpacked' : `win-${options.arch}-unpacked`);
    const files = [...artifacts.map((name) => path.join(outDir, name)), path.join(unpacked, 'MDO.exe')];
    for (const name of fs.readdirSync(unpacked)) if (name.endsWith('.dll')) files.push(path.join(unpacked, name));
    const addons = path.join(unpacked, 'resources', 'app.asar.unpacked');
    if (fs.existsSync(addons)) {
      for (const entry of fs.readdirSync(addons, { recursive: true, encoding: 'utf8' }))
        if (entry.endsWith('.node')) files.push(path.join(addons, entry));
    }
    for (const file of files) {
      check('powershell', [
        '-NoProfile',
        '-Command',
        `$s = Get-AuthenticodeSignature -LiteralPath '${file.replaceAll("'", "''")}'; if ($s.Status -ne 'Valid') { Write-Output $s.StatusMessage; exit 1 }`,
      ]);
    }
  }
}

function writeChecksums(plan: SigningPlan, outDir: string, artifacts: string[], options: Options): string[] {
  const tag = `${options.os}-${options.arch}`;
  const sums = path.join(outDir, `SHA256SUMS-${tag}.txt`);
  // The format of sha256sum, so `sha256sum -c` checks it on Linux.
  fs.writeFileSync(sums, artifacts.map((name) => `${sha256(path.join(outDir, name))}  ${name}\n`).join(''));
  const written = [sums];
  if (plan.gpgKey) {
    run('gpg', ['--batch', '--yes', '--local-user', plan.gpgKey, '--armor', '--detach-sign', '--output', `${sums}.asc`, sums]);
    run('gpg', ['--batch', '--verify', `${sums}.asc`, sums]);
    written.push(`${sums}.asc`);
  }
  const signingFile = path.join(outDir, `SIGNING-${tag}.txt`);
  fs.writeFileSync(
    signingFile,
    [
      `MDO ${version()} for ${OS_NAME[options.os]} ${options.arch}, built ${new Date().toISOString()}`,
      '',
      plan.signed
        ? `SIGNED: ${plan.method}.`
        : `UNSIGNED: no signing credentials were set for this build. For testing only; do not roll out. (${plan.method})`,
      '',
      'Artifacts (SHA-256):',
      ...artifacts.map((name) => `  ${sha256(path.join(outDir, name))}  ${name}`),
      '',
      'How IT checks a signature: docs/it-beheer.md, "Handtekening controleren".',
      '',
    ].join('\n'),
  );
  written.push(signingFile);
  return written;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const plan = signingPlan(options.os);
  announce(plan, options);

  run(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);

  const electron = electronInstall(root);
  // npm passes its `nodedir` setting (set on machines that build offline) to node-gyp, which
  // then compiles against Node's headers instead of Electron's: an addon Electron cannot load.
  delete process.env.npm_config_nodedir;
  delete process.env.NPM_CONFIG_NODEDIR;
  let addon: string;
  try {
    addon = await ensureSideBinding({
      root,
      target: { runtime: 'electron', version: electron.version, arch: options.arch },
      distUrl: ELECTRON_HEADERS,
      log: (line) => console.log(`mdo dist: ${line}`),
    });
  } catch (error) {
    throw new DistError(
      `Could not build SQLite for Electron ${electron.version} (${options.arch}); it needs Electron's headers once (network):\n${String(error).slice(0, 3000)}`,
    );
  }
  assertNotNodeAbi(addon, options.arch);
  const resvg = RESVG_PACKAGE[`${options.os}-${options.arch}`];
  if (!fs.existsSync(path.join(root, 'node_modules', resvg))) {
    throw new DistError(
      `${resvg} is not installed: build ${OS_NAME[options.os]} ${options.arch} on a machine of that architecture (npm ci there).`,
    );
  }

  const builderArgs = [`--${options.os}`, `--${options.arch}`, '--publish', 'never', ...(options.dir ? ['--dir'] : [])];
  const env = { ...process.env, ...(options.requireSigning ? { MDO_REQUIRE_SIGNING: '1' } : {}) };
  run(process.execPath, [path.join(root, 'node_modules', 'electron-builder', 'cli.js'), ...builderArgs], env);

  const outDir = path.join(root, 'release', version());
  if (options.dir) {
    console.log(`mdo dist: unpacked app in ${path.relative(root, outDir)}`);
  } else {
    const artifacts = artifactsOf(outDir, options);
    if (artifacts.length === 0) throw new DistError(`electron-builder wrote no artifacts for ${options.os} ${options.arch} to ${outDir}.`);
    verifySignatures(plan, outDir, artifacts, options);
    const written = writeChecksums(plan, outDir, artifacts, options);
    console.log(
      `mdo dist: in ${path.relative(root, outDir)}:\n${[...artifacts, ...written.map((file) => path.basename(file))].map((name) => `  ${name}`).join('\n')}`,
    );
  }
  // Said again at the end, where nobody scrolls past it.
  if (!plan.signed) banner([`UNSIGNED BUILD: ${OS_NAME[options.os]} ${options.arch}. For testing only.`]);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof DistError)) throw error;
  console.error(`mdo dist: ${error.message}`);
  process.exitCode = 1;
}
