import type { App, Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../csp';

/** Only the app's own pages; in development also the local dev server. */
export function trustedUrl(devServerUrl: string | undefined): (url: string) => boolean {
  return (url) => url.startsWith('file://') || (!!devServerUrl && url.startsWith(devServerUrl));
}

/**
 * No network and no powers for web content: every request that is not the
 * app's own file is cancelled, permissions are denied, the CSP header is set.
 */
export function hardenSession(session: Session, isTrusted: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
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
