import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { createDemoRegionDatabase } from '../fixtures/regionDatabase';
import { root } from './build';
import { launchApp, tempDir } from './harness';

// Each Mantine component's CSS travels with the chunk that draws it (electron.vite.config.ts), so the
// first screen loads only its own. A component drawn without its CSS would show unstyled: here every
// Mantine class (m_xxxxxxx) an element carries must have a rule in a stylesheet the page has loaded,
// whenever Mantine's full stylesheets have one. Checked on the lock screen and the start screen before
// any lazy screen has loaded (with search and a tooltip open), on the welcome screen, and on every
// lazy screen opened on its own by reloading at its address, so no earlier screen lends it styles.

const CLASS = /\.(m_[0-9a-f]+)/g;

function classesIn(css: string): string[] {
  return [...css.matchAll(CLASS)].map((match) => match[1]);
}

/** Every class Mantine has CSS for, with the stylesheet that holds it (for the message). */
function mantineClasses(): Map<string, string> {
  const owner = new Map<string, string>();
  const add = (file: string, name: string) => {
    for (const name_ of classesIn(fs.readFileSync(file, 'utf8'))) if (!owner.has(name_)) owner.set(name_, name);
  };
  const core = path.join(root, 'node_modules', '@mantine', 'core', 'styles');
  for (const file of fs.readdirSync(core).filter((name) => name.endsWith('.css') && !name.endsWith('.layer.css')))
    add(path.join(core, file), `@mantine/core/styles/${file}`);
  for (const pkg of ['notifications', 'spotlight'])
    add(path.join(root, 'node_modules', '@mantine', pkg, 'styles.css'), `@mantine/${pkg}/styles.css`);
  return owner;
}

const MANTINE = mantineClasses();

/** What the page draws and which stylesheets it has (files are read here: file:// pages may not read their rules). */
async function drawnAndLoaded(page: Page): Promise<{ drawn: string[]; sheets: string[]; inline: string[] }> {
  return page.evaluate(() => {
    const drawn = new Set<string>();
    for (const element of document.querySelectorAll('[class]'))
      for (const name of element.classList) if (/^m_[0-9a-f]+$/.test(name)) drawn.add(name);
    const sheets: string[] = [];
    const inline: string[] = [];
    for (const sheet of document.styleSheets) {
      if (sheet.href) sheets.push(sheet.href);
      else inline.push(sheet.ownerNode?.textContent ?? '');
    }
    return { drawn: [...drawn], sheets, inline };
  });
}

/** Mantine classes on the page without any loaded rule, as "Component (m_…)". */
async function unstyled(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const { drawn, sheets, inline } = await drawnAndLoaded(page);
  const loaded = new Set([...sheets.map((href) => fs.readFileSync(fileURLToPath(href), 'utf8')), ...inline].flatMap(classesIn));
  expect(sheets.length, 'stylesheets loaded').toBeGreaterThan(0);
  return drawn.filter((name) => MANTINE.has(name) && !loaded.has(name)).map((name) => `${MANTINE.get(name)} (${name})`);
}

const heading2 = (page: Page) => expect.poll(() => page.getByRole('heading', { level: 2 }).first().isVisible()).toBe(true);

describe('Mantine styles per chunk', () => {
  it('the lock screen and the start screen have the CSS of every component they draw, before any other screen loaded', async () => {
    const temp = tempDir('mdo-styles-');
    await createDemoDatabase(temp.file('demo.db'));
    const app = await launchApp({ dbPath: temp.file('demo.db'), locked: true });
    try {
      const { page } = app;
      await expect.poll(() => page.getByRole('heading', { name: 'MDO is vergrendeld' }).isVisible()).toBe(true);
      expect(await unstyled(page), 'lock screen').toEqual([]);

      await page.getByLabel('Wachtwoord').fill('demo-mdo-2026');
      await page.getByRole('button', { name: 'Ontgrendelen' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
      expect(await unstyled(page), 'start screen').toEqual([]);

      await page.getByRole('button', { name: 'Vergrendelen' }).hover();
      await expect.poll(() => page.getByRole('tooltip').isVisible()).toBe(true);
      expect(await unstyled(page), 'tooltip').toEqual([]);

      await page.keyboard.press('Control+K');
      const search = page.getByRole('textbox', { name: 'Zoeken' });
      await expect.poll(() => search.isVisible()).toBe(true);
      await search.fill('zorg');
      await expect.poll(() => page.locator('.mantine-Spotlight-action').count()).toBeGreaterThan(0);
      expect(await unstyled(page), 'search').toEqual([]);
      // Nothing but the first screen's own files so far.
      expect(app.blockedRequests).toEqual([]);
    } finally {
      await app.close();
      temp.remove();
    }
  });

  it('the welcome screen of a first start has the CSS of every component it draws', async () => {
    const temp = tempDir('mdo-styles-');
    const app = await launchApp({ dbPath: temp.file('profiel/mdo.db') });
    try {
      await expect.poll(() => app.page.getByRole('heading', { name: 'Welkom bij MDO' }).isVisible()).toBe(true);
      expect(await unstyled(app.page), 'welcome').toEqual([]);
    } finally {
      await app.close();
      temp.remove();
    }
  });

  it('every lazy screen, opened on its own, has the CSS of every component it draws', { timeout: 180_000 }, async () => {
    const temp = tempDir('mdo-styles-');
    await createDemoDatabase(temp.file('demo.db'));
    const app = await launchApp({ dbPath: temp.file('demo.db') });
    try {
      const { page, session } = app;
      const db = session.db();
      const meeting = await db.selectFrom('meeting').select('id').where('status', '=', 'planned').orderBy('date').executeTakeFirstOrThrow();
      const supportCase = await db.selectFrom('supportCase').select('id').orderBy('id').executeTakeFirstOrThrow();
      const routes = [
        'overleggen',
        `overleggen/${meeting.id}`,
        `overleggen/${meeting.id}/voorzitten`,
        `overleggen/${meeting.id}/afsluiten`,
        'casussen',
        `casussen/${supportCase.id}`,
        'leerlingen',
        'kernteam',
        'school',
        'monitoring',
        'controleren',
        'privacy',
      ];
      const problems: string[] = [];
      for (const route of routes) {
        await page.goto(`${app.url}#/${route}`);
        await page.reload();
        await heading2(page);
        problems.push(...(await unstyled(page)).map((problem) => `#/${route}: ${problem}`));
      }
      expect(problems).toEqual([]);
      expect(app.blockedRequests).toEqual([]);
    } finally {
      await app.close();
      temp.remove();
    }
  });

  it('every region screen, opened on its own, has the CSS of every component it draws', async () => {
    const temp = tempDir('mdo-styles-');
    await createDemoRegionDatabase(temp.file('regio.db'));
    const app = await launchApp({ dbPath: temp.file('regio.db') });
    try {
      const { page } = app;
      const problems: string[] = [];
      for (const route of ['regio', 'regio/scholen', 'regio/rapportage', 'regio/instellingen', 'controleren', 'privacy']) {
        await page.goto(`${app.url}#/${route}`);
        await page.reload();
        await heading2(page);
        problems.push(...(await unstyled(page)).map((problem) => `#/${route}: ${problem}`));
      }
      // The history of a replaced contribution, in its popover.
      await page.goto(`${app.url}#/regio`);
      await page.reload();
      await page.getByRole('button', { name: /^Geschiedenis: / }).click();
      await expect.poll(() => page.getByText(/^Vervangen: gemaakt op/).isVisible()).toBe(true);
      problems.push(...(await unstyled(page)).map((problem) => `history: ${problem}`));
      expect(problems).toEqual([]);
      expect(app.failures).toEqual([]);
    } finally {
      await app.close();
      temp.remove();
    }
  });
});
