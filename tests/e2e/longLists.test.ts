import { axeBuilder } from './axe';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { createCase, listCases } from '../../core/services/cases';
import { createPupil, listPupils } from '../../core/services/pupils';
import { listSchools } from '../../core/services/schools';
import { openDatabase } from '../../db/open';
import { createDemoDatabase, E2E_NOW } from '../fixtures/demoDatabase';
import { launchApp, tempDir, type LaunchedApp } from './harness';

// A school after years of use: the demo school with 600 more pupils and 300 more
// cases, added through the real services. Long lists render only the rows near
// the viewport (components/VirtualTable.tsx); screens other than the first load
// as their own chunks (App.tsx).
const EXTRA_PUPILS = 600;
const EXTRA_CASES = 300;

describe('a school with years of data', () => {
  const temp = tempDir();
  let app: LaunchedApp;
  let pupils: Awaited<ReturnType<typeof listPupils>>;
  let cases: Awaited<ReturnType<typeof listCases>>;
  let nextMeetingId: number;

  beforeAll(async () => {
    const dbPath = temp.file('demo.db');
    await createDemoDatabase(dbPath);
    const handle = await openDatabase(dbPath);
    // Only for seeding: one fsync per insert would make 900 inserts take seconds.
    handle.sqlite.pragma('synchronous = OFF');
    const clock = fixedClock(E2E_NOW);
    const [school] = await listSchools(handle.db);
    const added: number[] = [];
    for (let n = 1; n <= EXTRA_PUPILS; n++) {
      const input = {
        firstName: `Leerling${n}`,
        lastName: `Lijst ${String(n).padStart(4, '0')}`,
        dateOfBirth: '2016-05-01',
        groupName: '5',
      };
      added.push(await createPupil(handle.db, school.id, input, clock));
    }
    for (const pupilId of added.slice(0, EXTRA_CASES)) {
      await createCase(handle.db, pupilId, { question: 'Zorgen over verzuim na de herfstvakantie.', analysis: '', themeIds: [] }, clock);
    }
    pupils = await listPupils(handle.db, school.id);
    cases = await listCases(handle.db, school.id);
    const meeting = await handle.db
      .selectFrom('meeting')
      .select('id')
      .where('schoolId', '=', school.id)
      .where('status', '=', 'planned')
      .orderBy('date')
      .executeTakeFirstOrThrow();
    nextMeetingId = meeting.id;
    await handle.close();
    app = await launchApp({ dbPath });
  });
  afterAll(async () => {
    await app?.close();
    temp.remove();
  });

  const go = (page: Page, hash: string) => page.evaluate((value) => (window.location.hash = value), hash);
  const heading = (page: Page, name: string) => expect.poll(() => page.getByRole('heading', { name, level: 2 }).isVisible()).toBe(true);
  // Like pressing End until nothing moves: rows are measured as they render, so the page can grow on the way down.
  const scrollToEnd = async (page: Page, lastRow: ReturnType<Page['locator']>) => {
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return lastRow.isVisible();
      })
      .toBe(true);
  };
  const chunk = (name: string) => new RegExp(`/assets/${name}-[\\w-]+\\.js$`);

  it('shows the first entries of a long list on the start screen, and all of them on request', async () => {
    const { page } = app;
    await go(page, '#/');
    // The 300 new cases have no consent decision yet: all of them are on the start screen's list.
    const section = page.getByRole('region', { name: /Toestemming ontbreekt/ });
    await expect.poll(() => section.isVisible()).toBe(true);
    expect(await section.getByRole('listitem').count()).toBe(8);
    const showAll = section.getByRole('button', { name: /^Toon alle \d+$/ });
    const total = Number((await showAll.textContent())!.replace('Toon alle ', ''));
    expect(total).toBeGreaterThanOrEqual(EXTRA_CASES);
    expect(await showAll.getAttribute('aria-expanded')).toBe('false');
    await showAll.click();
    await expect.poll(() => section.getByRole('listitem').count()).toBe(total);
    await section.getByRole('button', { name: 'Toon minder' }).click();
    await expect.poll(() => section.getByRole('listitem').count()).toBe(8);
  });

  it('loads the Dashboard without the other screens, and each screen when it is first opened', async () => {
    const { page } = app;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    // From the start, so every file the first screen needs is seen.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(requested.some((url) => chunk('index').test(url))).toBe(true);
    for (const screen of ['Meetings', 'MeetingPage', 'ChairPage', 'Cases', 'Pupils', 'PrivacyPage', 'Welcome'])
      expect(requested.filter((url) => chunk(screen).test(url))).toEqual([]);

    await page.getByRole('link', { name: 'Overleggen', exact: true }).click();
    await heading(page, 'Overleggen');
    expect(requested.some((url) => chunk('Meetings').test(url))).toBe(true);
    expect(requested.some((url) => chunk('ChairPage').test(url))).toBe(false);

    await go(page, `#/overleggen/${nextMeetingId}/voorzitten`);
    await expect.poll(() => requested.some((url) => chunk('ChairPage').test(url))).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Opening en mededelingen' }).isVisible()).toBe(true);
    expect(app.blockedRequests).toEqual([]);
  });

  it('shows all pupils in a table that renders only the rows in view, down to the last one', async () => {
    const { page } = app;
    await go(page, '#/leerlingen');
    await heading(page, 'Leerlingen');
    expect(pupils.length).toBeGreaterThan(EXTRA_PUPILS);
    await expect.poll(() => page.getByText(`${pupils.length} leerlingen`, { exact: true }).isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Leerlingen' });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(pupils.length + 1));

    const first = pupils[0];
    const last = pupils[pupils.length - 1];
    const rendered = await table.getByRole('row').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    await expect.poll(() => table.getByText(`${first.firstName} ${first.lastName}`, { exact: true }).isVisible()).toBe(true);
    // Spacer rows and row indexes pass axe-core as the full table does (tests/e2e/screens.test.ts).
    const { violations } = await axeBuilder(page).include('main').analyze();
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((v) => v.id)).toEqual(
      [],
    );

    // Keyboard focus in the first row survives scrolling it far out of view.
    const firstButton = table.getByRole('button', { name: `Casus aanmelden: ${first.firstName} ${first.lastName}` });
    await firstButton.focus();
    const lastRow = table.locator(`tr[aria-rowindex="${pupils.length + 1}"]`);
    await scrollToEnd(page, lastRow);
    expect(await lastRow.textContent()).toContain(`${last.firstName} ${last.lastName}`);
    expect(await table.getByRole('row').count()).toBeLessThan(100);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Casus aanmelden: ${first.firstName} ${first.lastName}`,
    );

    // Stripes follow the row's place in the list, whatever spacer rows stand before it.
    const stripes = await table
      .locator('tbody tr[data-index]')
      .evaluateAll((rows) =>
        rows.map((row) => ({ index: Number(row.getAttribute('data-index')), background: getComputedStyle(row).backgroundColor })),
      );
    const even = new Set(stripes.filter((row) => row.index % 2 === 0).map((row) => row.background));
    const odd = new Set(stripes.filter((row) => row.index % 2 === 1).map((row) => row.background));
    expect(even.size).toBe(1);
    expect(odd.size).toBe(1);
    expect([...even][0]).not.toBe([...odd][0]);

    // Back to the top with the keyboard, as a user would.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Home');
    await expect.poll(() => table.getByText(`${first.firstName} ${first.lastName}`, { exact: true }).isVisible()).toBe(true);
  });

  it('shows all cases the same way, the last one at the bottom', async () => {
    const { page } = app;
    await go(page, '#/casussen');
    await heading(page, 'Casussen');
    expect(cases.length).toBeGreaterThan(EXTRA_CASES);
    await expect.poll(() => page.getByText(`${cases.length} casussen`, { exact: true }).isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Casussen' });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(cases.length + 1));
    expect(await table.getByRole('row').count()).toBeLessThan(60);

    const lastRow = table.locator(`tr[aria-rowindex="${cases.length + 1}"]`);
    await scrollToEnd(page, lastRow);
    expect(await lastRow.getByRole('link').textContent()).toBe(cases[cases.length - 1].pupilName);
    // Every case can be reached: the link of the last one opens it.
    await lastRow.getByRole('link').click();
    await expect.poll(() => page.url()).toContain(`#/casussen/${cases[cases.length - 1].id}`);
  });
});
