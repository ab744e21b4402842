import type { App, Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { resolveAppUrl } from './appProtocol';

/**
 * Only the app's own pages: app://mdo/ URLs that name a file inside the built
 * renderer folder; in development also the local dev server (same origin, not
 * a prefix: http://localhost:5173.evil.example is not the dev server).
 * file:// is never trusted (see appProtocol.ts).
 */
export function trustedUrl(devServerUrl: string | undefined, rendererDir: string): (url: string) => boolean {
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
  return (url) => resolveAppUrl(url, rendererDir) !== null || (devOrigin !== null && originOf(url) === devOrigin);
}

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * No network and no powers for web content: every request that is not the
 * app's own file is cancelled, permissions are denied (but writing to the
 * clipboard from the app's own page), the CSP header is set.
 */
export function hardenSession(session: Session, isTrusted: (url: string) => boolean): void {
  // The one exception: the app's own page may write text to the clipboard (the recovery key's copy button). Never read it.
  const allowed = (permission: string, url: string | undefined) => permission === 'clipboard-sanitized-write' && !!url && isTrusted(url);
  session.setPermissionRequestHandler((contents, permission, callback) => callback(allowed(permission, contents?.getURL())));
  session.setPermissionCheckHandler((contents, permission) => allowed(permission, contents?.getURL()));
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isTrusted(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** Navigation, redirects, new windows and webviews are refused for every web contents. */
export function denyNavigation(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
