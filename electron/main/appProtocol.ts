import fs from 'node:fs';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../csp';

/*
 * The renderer is served from app://mdo/ instead of file://.
 *
 * Why not keep loadFile: the packaged app turns the Electron fuse
 * GrantFileProtocolExtraPrivileges off (build/fuses.ts). Without that fuse a
 * file:// page can neither load its own module scripts (Chromium blocks them as
 * cross-origin) nor read anything inside app.asar, so loadFile would show an
 * empty window; and with it, a file:// page may read any file on the machine.
 * A custom scheme serves exactly one folder (out/renderer) and nothing else,
 * and the one function that decides which file a URL names is pure and
 * unit-tested (electron/main/appProtocol.test.ts): `..`, `%2e%2e`, encoded or
 * literal (back)slashes, drive letters, NUL and Windows device names are refused.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'mdo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before the app is ready. standard: relative URLs and a real origin
 * (app://mdo) that the CSP's 'self' matches; secure: a secure context like
 * https; supportFetchAPI and corsEnabled: module scripts (fetched in CORS mode)
 * load as they do over https. No bypassCSP, no service workers, no streaming.
 */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
};

/** The parts of node:path the resolver uses: node:path itself, or path.win32 / path.posix in tests. */
export type PathApi = Pick<path.PlatformPath, 'join' | 'relative' | 'resolve' | 'isAbsolute' | 'sep'>;

// Windows opens a device, not a file, for these names in any folder and with any extension.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$/i;

/**
 * The decoded path segments of a URL path, or null when any segment could
 * step outside its folder or means something else on some platform: empty,
 * `.`/`..` (also percent-encoded), a slash, backslash, colon, NUL or other
 * control character (also percent-encoded), or a Windows device name.
 */
export function pathSegments(pathname: string): string[] | null {
  if (!pathname.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    if (raw.includes('\\')) return null;
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    // eslint-disable-next-line no-control-regex
    if (name === '' || name === '.' || name === '..' || /[/\\:\u0000-\u001f\u007f]/.test(name) || WINDOWS_DEVICE.test(name)) return null;
    segments.push(name);
  }
  return segments;
}

/** The file `segments` name inside `root`, or null when it would not be inside (checked again after joining). */
function inside(root: string, segments: string[], paths: PathApi): string | null {
  if (segments.length === 0) return null;
  const base = paths.resolve(root);
  const file = paths.join(base, ...segments);
  const relative = paths.relative(base, file);
  if (!relative || relative === '..' || relative.startsWith(`..${paths.sep}`) || paths.isAbsolute(relative)) return null;
  return file;
}

/**
 * The file inside `root` that an app://mdo/… URL names, or null for any other
 * URL. `app://mdo/` means index.html; query and fragment (the hash router's
 * route) are ignored.
 */
export function resolveAppUrl(url: string, root: string, paths: PathApi = path): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port || parsed.username || parsed.password) {
    return null;
  }
  if (parsed.pathname === '/' || parsed.pathname === '') return inside(root, ['index.html'], paths);
  const segments = pathSegments(parsed.pathname);
  return segments ? inside(root, segments, paths) : null;
}

/**
 * The same decision for a file: URL. The app never loads file:// (it is refused
 * by the request filter); the e2e harness does, because Debian's Chromium has no
 * app:// handler, and uses this to accept only the built renderer's own files.
 */
export function resolveFileUrl(url: string, root: string, paths: PathApi = path): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return null; // also refuses UNC (file://server/share)
  let pathname = parsed.pathname;
  let prefix: string = paths.sep;
  if (paths.sep === '\\') {
    // file:///C:/dir/file: the drive is the first segment.
    const drive = /^\/([A-Za-z]:)(\/|$)/.exec(pathname);
    if (!drive) return null;
    prefix = `${drive[1]}\\`;
    pathname = pathname.slice(3);
  }
  const segments = pathSegments(pathname);
  if (!segments) return null;
  const absolute = paths.join(prefix, ...segments);
  const base = paths.resolve(root);
  const relative = paths.relative(base, absolute);
  if (!relative || relative === '..' || relative.startsWith(`..${paths.sep}`) || paths.isAbsolute(relative)) return null;
  return absolute;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** A response for one request to the app scheme: the file, or 404 for anything else. */
export async function appResponse(request: { url: string; method: string }, root: string): Promise<Response> {
  const file = request.method === 'GET' ? resolveAppUrl(request.url, root) : null;
  if (file) {
    try {
      // fs reads inside app.asar too (Electron patches it); a folder or device is not a file.
      if ((await fs.promises.stat(file)).isFile()) {
        const body = new Uint8Array(await fs.promises.readFile(file));
        return new Response(body, {
          status: 200,
          headers: {
            'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
            'content-security-policy': CONTENT_SECURITY_POLICY,
            'x-content-type-options': 'nosniff',
          },
        });
      }
    } catch {
      // missing or unreadable: 404 below
    }
  }
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** Serves the built renderer folder, and only it, on app://mdo/. Call after the app is ready. */
export function serveAppFiles(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, root));
}
