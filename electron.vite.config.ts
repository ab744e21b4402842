import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

// Mantine ships each component's CSS as its own file (@mantine/core/styles/<Name>.css, one per
// <Name>.module.mjs that holds the component's class names; @mantine/notifications and
// @mantine/spotlight have one styles.css each). Importing that file from the class-name module puts
// the CSS in whichever chunk holds the component: the first screen loads the styles of the
// components it draws, and each lazy screen brings the styles only it uses, with no list of imports
// to keep up by hand. A component imports the components it builds on before its own class names,
// so their styles come first, as in Mantine's own styles.css. (mantineGlobalStyles below adds the
// global ones; tests/e2e/styles.test.ts checks that every Mantine class a screen draws has its CSS.)
const MANTINE_CLASS_MODULE =
  /[\\/]node_modules[\\/]@mantine[\\/](core|notifications|spotlight)[\\/]esm[\\/](?:.*[\\/])?([A-Za-z]+)\.module\.mjs$/;

function mantineStylesPerComponent(): Plugin {
  return {
    name: 'mdo-mantine-styles-per-component',
    transform(code, id) {
      const match = MANTINE_CLASS_MODULE.exec(id);
      if (!match) return null;
      const [, pkg, name] = match;
      const css = pkg === 'core' ? `@mantine/core/styles/${name}.css` : `@mantine/${pkg}/styles.css`;
      // After the "use client" directive, which must stay the first statement.
      const directive = /^\s*(['"])use client\1;?\n?/.exec(code)?.[0] ?? '';
      return { code: `${directive}import ${JSON.stringify(css)};\n${code.slice(directive.length)}`, map: null };
    },
  };
}

// Mantine's global styles (reset, default CSS variables, the static helper classes) must come
// before every component's, as in its own styles.css: imported from main.tsx they would land in the
// entry's stylesheet, which Vite links after those of the chunks the entry shares with lazy screens.
// So they are their own file, linked first. The dev server pre-bundles Mantine, so the plugin above
// never sees its modules there: it gets Mantine's whole stylesheets inline instead.
function mantineGlobalStyles(): Plugin {
  const require = createRequire(import.meta.url);
  const read = (file: string) => readFileSync(require.resolve(file), 'utf8');
  const css = ['baseline', 'default-css-variables', 'global'].map((name) => read(`@mantine/core/styles/${name}.css`)).join('\n');
  const whole = ['@mantine/core/styles.css', '@mantine/notifications/styles.css', '@mantine/spotlight/styles.css'];
  const fileName = `assets/mantine-global-${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
  let serve = false;
  return {
    name: 'mdo-mantine-global-styles',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    buildStart() {
      if (!serve) this.emitFile({ type: 'asset', fileName, source: css });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          '</title>',
          `</title>\n    ${serve ? `<style>${whole.map(read).join('\n')}</style>` : `<link rel="stylesheet" crossorigin href="./${fileName}">`}`,
        ),
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
    plugins: [react(), contentSecurityPolicy(), mantineGlobalStyles(), mantineStylesPerComponent()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // Screens after the first are lazy chunks (renderer/src/App.tsx); the largest is the
      // passphrase word lists (zxcvbn-ts, ~870 kB), loaded only at the first key typed into a new
      // passphrase. bench/bundleSizes.ts measures them.
      chunkSizeWarningLimit: 1024,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        output: {
          codeSplitting: {
            // React, ReactDOM and the router in one chunk whose name and bytes change only with those packages,
            // so a release diff shows what changed in the app. Not Mantine: a Mantine group would pull the
            // components only lazy screens use (NumberInput, MultiSelect, …) into the first screen (+80 kB).
            groups: [
              { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/ },
              // The Dutch catalogue on its own, so the bench can say what it weighs (bench/firstScreen.ts).
              { name: 'nl-catalogue', test: /[\\/]core[\\/]i18n[\\/]nl(Monitoring)?\.ts$/ },
            ],
          },
        },
      },
    },
  },
});
