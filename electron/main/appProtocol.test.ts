import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/e2e/harness';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { APP_INDEX_URL, appResponse, appScheme, pathSegments, resolveAppUrl, resolveFileUrl, serveAppFiles } from './appProtocol';
import { trustedUrl } from './security';

const posixRoot = '/opt/MDO/resources/app.asar/out/renderer';
const winRoot = 'C:\\Program Files\\MDO\\resources\\app.asar\\out\\renderer';

// Dot segments, also percent-encoded, are removed by the URL parser (Chromium does the same before
// the request reaches the handler): at the root they stop there, so these stay inside the folder.
const clamped: [string, string][] = [
  ['app://mdo/../main/index.js', 'main/index.js'],
  ['app://mdo/..', 'index.html'],
  ['app://mdo/%2e%2e/main/index.js', 'main/index.js'],
  ['app://mdo/%2E%2E/%2e%2e/package.json', 'package.json'],
  ['app://mdo/.%2e/secret', 'secret'],
  ['app://mdo/assets/../../../index.html', 'index.html'],
];

// Every other way we know to name a file outside the renderer folder, or something that is not a plain file in it.
const escapes = [
  'app://mdo/assets/..%2f..%2fmain%2findex.js',
  'app://mdo/assets/..%2F..%2Fmain',
  'app://mdo/assets/..%5c..%5cmain%5cindex.js',
  'app://mdo/..\\..\\main\\index.js',
  'app://mdo/assets\\..\\..\\main',
  'app://mdo/%00index.html',
  'app://mdo/index.html%00.png',
  'app://mdo/C:/Windows/win.ini',
  'app://mdo/C%3A%5CWindows%5Cwin.ini',
  'app://mdo//etc/passwd',
  'app://mdo/%2fetc%2fpasswd',
  'app://mdo/assets/',
  'app://mdo/assets//index.js',
  'app://mdo/CON',
  'app://mdo/assets/nul.txt',
  'app://mdo/index.html:stream',
  'app://mdo/%E0%A4%A',
  'app://other/index.html',
  'app://mdo:8080/index.html',
  'app://user:pw@mdo/index.html',
  'app:index.html',
  'file:///opt/MDO/resources/app.asar/out/renderer/index.html',
  'https://mdo/index.html',
  'javascript:alert(1)',
  'not a url',
  '',
];

describe('app:// resolver', () => {
  it('maps the app URLs to files inside the renderer folder, on POSIX and on Windows', () => {
    expect(resolveAppUrl(APP_INDEX_URL, posixRoot, path.posix)).toBe(`${posixRoot}/index.html`);
    expect(resolveAppUrl('app://mdo/', posixRoot, path.posix)).toBe(`${posixRoot}/index.html`);
    expect(resolveAppUrl('app://mdo', posixRoot, path.posix)).toBe(`${posixRoot}/index.html`);
    expect(resolveAppUrl('app://mdo/index.html#/casussen/3?tab=x', posixRoot, path.posix)).toBe(`${posixRoot}/index.html`);
    expect(resolveAppUrl('app://mdo/assets/index-BYe3.js?v=1', posixRoot, path.posix)).toBe(`${posixRoot}/assets/index-BYe3.js`);
    expect(resolveAppUrl('app://mdo/assets/Inter%20Regular.woff2', posixRoot, path.posix)).toBe(`${posixRoot}/assets/Inter Regular.woff2`);
    // The URL parser removes dot segments that stay inside: harmless.
    expect(resolveAppUrl('app://mdo/assets/../index.html', posixRoot, path.posix)).toBe(`${posixRoot}/index.html`);
    expect(resolveAppUrl('app://mdo/assets/index.js', winRoot, path.win32)).toBe(`${winRoot}\\assets\\index.js`);
  });

  it.each(clamped)('keeps %j inside the folder', (url, file) => {
    expect(resolveAppUrl(url, posixRoot, path.posix)).toBe(path.posix.join(posixRoot, file));
    expect(resolveAppUrl(url, winRoot, path.win32)).toBe(path.win32.join(winRoot, file));
  });

  it.each(escapes)('refuses %j', (url) => {
    expect(resolveAppUrl(url, posixRoot, path.posix)).toBeNull();
    expect(resolveAppUrl(url, winRoot, path.win32)).toBeNull();
  });

  it('refuses every segment that could leave the folder or mean a device', () => {
    for (const pathname of [
      '/..',
      '/.',
      '/a/../..',
      '/a\\b',
      '/%5C',
      '/%2F',
      '/%00',
      '/%0a',
      '/a:b',
      '/',
      '//',
      '/aux.js',
      '/LPT1',
      'relative',
    ]) {
      expect(pathSegments(pathname)).toBeNull();
    }
    expect(pathSegments('/assets/a%20b.js')).toEqual(['assets', 'a b.js']);
  });

  it('has a file: counterpart for the e2e harness with the same rules', () => {
    expect(resolveFileUrl('file:///opt/MDO/resources/app.asar/out/renderer/index.html#/x', posixRoot, path.posix)).toBe(
      `${posixRoot}/index.html`,
    );
    expect(resolveFileUrl('file:///C:/Program%20Files/MDO/resources/app.asar/out/renderer/assets/a.js', winRoot, path.win32)).toBe(
      `${winRoot}\\assets\\a.js`,
    );
    for (const url of [
      'file:///opt/MDO/resources/app.asar/out/main/index.js',
      'file:///opt/MDO/resources/app.asar/out/renderer/../main/index.js',
      'file:///opt/MDO/resources/app.asar/out/renderer/%2e%2e/main/index.js',
      'file:///opt/MDO/resources/app.asar/out/renderer/..%2fmain%2findex.js',
      'file:///opt/MDO/resources/app.asar/out/renderer\\..\\main\\index.js',
      'file:///opt/MDO/resources/app.asar/out/renderer',
      'file:///opt/MDO/resources/app.asar/out/renderer-evil/index.html',
      'file:///etc/passwd',
      'file:///home/user/Downloads/evil.html',
      'file://server/share/out/renderer/index.html',
      'app://mdo/index.html',
    ]) {
      expect(resolveFileUrl(url, posixRoot, path.posix), url).toBeNull();
    }
    for (const url of [
      'file:///D:/Program%20Files/MDO/resources/app.asar/out/renderer/index.html',
      'file:///C:/Program%20Files/MDO/resources/app.asar/out/renderer/..%5C..%5Cmain.js',
      'file:///C:/Program%20Files/MDO/resources/app.asar/out/renderer/%2e%2e/main/index.js',
      'file:///C:/Windows/win.ini',
      'file://server/share/index.html',
      'file:///opt/MDO/resources/app.asar/out/renderer/index.html',
    ]) {
      expect(resolveFileUrl(url, winRoot, path.win32), url).toBeNull();
    }
  });
});

describe('trusted pages', () => {
  it('are the renderer on app://mdo/ and, in development only, the dev server origin', () => {
    const production = trustedUrl(undefined, posixRoot);
    expect(production('app://mdo/index.html#/kernteam')).toBe(true);
    expect(production('app://mdo/assets/index.js')).toBe(true);
    for (const url of [...escapes, 'http://localhost:5173/', 'devtools://devtools/bundled/inspector.html', 'data:text/html,<p>x</p>']) {
      expect(production(url), url).toBe(false);
    }
    const development = trustedUrl('http://localhost:5173', posixRoot);
    expect(development('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(development('http://localhost:5173.evil.example/')).toBe(false);
    expect(development('http://localhost:5174/')).toBe(false);
    expect(development('https://localhost:5173/')).toBe(false);
    expect(development('file:///etc/passwd')).toBe(false);
  });
});

describe('app:// handler', () => {
  const temp = tempDir('mdo-app-protocol-');
  const root = path.join(temp.dir, 'out', 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>MDO</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)');
  fs.writeFileSync(path.join(temp.dir, 'out', 'secret.txt'), 'not for the renderer');
  afterAll(() => temp.remove());

  it('is registered with the privileges a web page needs and no more', () => {
    expect(appScheme).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } });
    const handled: string[] = [];
    serveAppFiles({ handle: (scheme: string) => void handled.push(scheme) } as never, root);
    expect(handled).toEqual(['app']);
  });

  it('serves the renderer files with their type and the CSP, and 404 for everything else', async () => {
    const index = await appResponse({ url: APP_INDEX_URL, method: 'GET' }, root);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('<title>MDO</title>');
    const script = await appResponse({ url: 'app://mdo/assets/index.js', method: 'GET' }, root);
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);

    // secret.txt sits beside the renderer folder: however it is named, it is not served.
    const outside = [
      'app://mdo/../secret.txt',
      'app://mdo/%2e%2e/secret.txt',
      'app://mdo/assets/..%2f..%2fsecret.txt',
      'app://mdo/..%5csecret.txt',
    ];
    for (const url of [...outside, 'app://mdo/assets', 'app://mdo/missing.js', ...escapes]) {
      const response = await appResponse({ url, method: 'GET' }, root);
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('Not found');
    }
    expect((await appResponse({ url: APP_INDEX_URL, method: 'POST' }, root)).status).toBe(404);
  });
});
