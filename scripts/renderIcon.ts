import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

// Renders build/icon.svg to build/icon.png (512×512) for the installers.
// Run after changing the SVG: `npx tsx scripts/renderIcon.ts`.
const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const browser = await chromium.launch({
  executablePath: process.env.MDO_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.goto(pathToFileURL(path.join(buildDir, 'icon.svg')).href);
fs.writeFileSync(path.join(buildDir, 'icon.png'), await page.screenshot({ omitBackground: true }));
await browser.close();
