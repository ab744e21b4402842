import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/csp';

// Puts the CSP into index.html. The dev server (npm run dev) needs its
// websocket and inline module preamble, so it gets a looser policy there only.
function contentSecurityPolicy(): Plugin {
  let serve = false;
  return {
    name: 'mdo-csp',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    transformIndexHtml(html) {
      const policy = serve
        ? `${CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws://localhost:*")}`
        : CONTENT_SECURITY_POLICY;
      return html.replace('%CSP%', policy);
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // Screens after the first are lazy chunks (renderer/src/App.tsx); the largest
      // chunk left is the react vendor chunk of ~300 kB. bench/bundleSizes.ts measures them.
      chunkSizeWarningLimit: 512,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        output: {
          codeSplitting: {
            // React, ReactDOM and the router in one chunk whose name and bytes change only with those packages,
            // so a release diff shows what changed in the app. Not Mantine: a Mantine group would pull the
            // components only lazy screens use (NumberInput, MultiSelect, …) into the first screen (+80 kB).
            groups: [
              { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/ },
            ],
          },
        },
      },
    },
  },
});
