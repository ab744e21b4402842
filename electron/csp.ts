/**
 * The renderer's Content-Security-Policy: only the app's own files, no remote
 * origin anywhere. Injected into index.html at build time and sent as a header.
 * Inline styles are allowed because Mantine sets style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
