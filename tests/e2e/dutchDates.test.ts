import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatLongDate, formatShortDate } from '../../core/i18n/formatDate';
import { testKey } from '../fixtures/regio';
import { createDemoRegionDatabase } from '../fixtures/regionDatabase';
import { appPerTest, E2E_NOW, launchApp, tempDir } from './harness';

// A guard for the one Dutch date format on screen: walking the demo school's
// screens, the text a user reads never shows a date as 2026-11-25 or 25-11-2026.

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const NUMERIC_DATE = /\b\d{1,2}-\d{1,2}-\d{4}\b/;

async function expectDutchDates(page: Page, screen: string) {
  await page.waitForLoadState('networkidle');
  // Wait for the screen's data: no loader left.
  await expect.poll(() => page.locator('.mantine-Loader-root').count(), { message: screen }).toBe(0);
  const text = await page.evaluate(() => document.body.innerText);
  expect(text.match(ISO_DATE)?.[0], `${screen} shows an ISO date`).toBeUndefined();
  expect(text.match(NUMERIC_DATE)?.[0], `${screen} shows a numeric date`).toBeUndefined();
}

describe('dates on screen', () => {
  const current = appPerTest();

  it('are written out in Dutch on every main screen of the demo school', async () => {
    const { page, session } = current();
    const db = session.db();
    const go = async (hash: string, heading: string) => {
      await page.evaluate((value) => (window.location.hash = value), hash);
      await expect.poll(() => page.getByRole('heading', { name: heading }).first().isVisible(), { message: hash }).toBe(true);
      await expectDutchDates(page, hash);
    };

    await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
    await expectDutchDates(page, 'start');
    // The demo school has taken every first step: no checklist.
    expect(await page.getByRole('region', { name: 'Eerste stappen' }).count()).toBe(0);
    const next = await db.selectFrom('meeting').select('date').where('status', '=', 'planned').orderBy('date').executeTakeFirstOrThrow();
    expect(await page.getByTestId('next-meeting-date').textContent()).toBe(formatLongDate(next.date));

    await go('#/overleggen', 'Overleggen');
    const finalized = await db
      .selectFrom('meeting')
      .select(['id', 'date'])
      .where('status', 'in', ['finalized', 'held'])
      .orderBy('status', 'desc')
      .orderBy('date', 'desc')
      .executeTakeFirstOrThrow();
    expect(await page.getByText(formatShortDate(finalized.date), { exact: true }).count()).toBeGreaterThan(0);
    await go(`#/overleggen/${finalized.id}`, `MDO ${formatLongDate(finalized.date)}`);

    await go('#/casussen', 'Casussen');
    const supportCase = await db.selectFrom('supportCase').select('id').where('firstDiscussedOn', 'is not', null).executeTakeFirstOrThrow();
    await go(`#/casussen/${supportCase.id}`, 'Hulpvraag');
    await go('#/leerlingen', 'Leerlingen');
    await go('#/kernteam', 'Kernteam');
    // The regiocoördinator's certificate, with its "Geldig tot" in Schoolprofiel and on Regiobijdrage maken.
    const keys = tempDir('mdo-dates-keys-');
    current().chooseFile(testKey(keys.dir, 'coordinator', 'coordinator', 'Regio Noord', new Date(E2E_NOW)).pem);
    expect(await page.evaluate(() => window.mdo.invoke('regio.chooseRecipient', { schoolId: 1 }))).toMatchObject({ ok: true });
    keys.remove();
    await go('#/school', 'Schoolprofiel');
    await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Reservekopieën' }).getByRole('row').count()).toBe(2);
    await expectDutchDates(page, 'reservekopieën');
    await go('#/monitoring', 'Monitoring');
    await go('#/monitoring/regiobijdrage', 'Regiobijdrage maken');
    await expect.poll(() => page.getByRole('heading', { name: 'Wat het bestand bevat' }).isVisible()).toBe(true);
    await expectDutchDates(page, 'regiobijdrage');
    await go('#/privacy?tab=logboek', 'Privacy');
    await go('#/privacy?tab=bewaartermijn', 'Privacy');
    const pupil = await db.selectFrom('pupil').select('id').executeTakeFirstOrThrow();
    await go(`#/privacy?tab=leerling&leerling=${pupil.id}`, 'Privacy');
    await go('#/controleren', 'Verslag controleren');
  });
});

describe('dates on the region screens', () => {
  it('are written out in Dutch on every screen of the demo region, the history of a replaced contribution too', async () => {
    const temp = tempDir();
    await createDemoRegionDatabase(temp.file('regio.db'));
    const app = await launchApp({ dbPath: temp.file('regio.db') });
    try {
      const { page } = app;
      await expect.poll(() => page.getByRole('heading', { name: 'Overzicht' }).isVisible()).toBe(true);
      await expectDutchDates(page, '#/regio');
      await page.getByRole('button', { name: /^Geschiedenis: / }).click();
      await expect.poll(() => page.getByText(/^Vervangen: gemaakt op \d{1,2} \p{L}+ \d{4}, ingelezen op/u).isVisible()).toBe(true);
      await expectDutchDates(page, 'geschiedenis');
      await page.keyboard.press('Escape');
      for (const [hash, heading] of [
        ['#/regio/scholen', 'Scholen en gebieden'],
        ['#/regio/instellingen', 'Instellingen'],
        ['#/privacy', 'Privacy'],
      ]) {
        await page.evaluate((value) => (window.location.hash = value), hash);
        await expect.poll(() => page.getByRole('heading', { name: heading }).first().isVisible(), { message: hash }).toBe(true);
        await expectDutchDates(page, hash);
      }
      expect(app.failures).toEqual([]);
    } finally {
      await app.close();
      temp.remove();
    }
  });
});
