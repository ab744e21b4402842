import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { fixedClock } from '../../core/clock';
import { createSchool } from '../../core/services/schools';
import { E2E_NOW } from '../fixtures/demoDatabase';
import { launchApp, tempDir } from './harness';

describe('first steps on the start screen of a new school', () => {
  it('lists the four steps, ticks off the pupil once one is added, and can be hidden', async () => {
    // A school as "Begin met een lege school" leaves it: only the school and its roles.
    const temp = tempDir('mdo-first-steps-');
    const handle = await openDatabase(temp.file('mdo.db'), { create: true });
    await createSchool(handle.db, { name: 'Basisschool De Linde' }, fixedClock(E2E_NOW));
    await handle.close();
    const app = await launchApp({ dbPath: temp.file('mdo.db') });
    try {
      const { page, session } = app;
      const card = page.getByRole('region', { name: 'Eerste stappen' });
      await expect.poll(() => card.isVisible()).toBe(true);
      await expect.poll(() => card.getByText('0 van 4 gedaan').isVisible()).toBe(true);
      const step = (key: string) => card.locator(`[data-step="${key}"]`);
      for (const key of ['team', 'pupil', 'case', 'meeting'])
        await expect.poll(() => step(key).getByText('Nog te doen').isVisible()).toBe(true);

      // Each step leads to the screen where it is done.
      await card.getByRole('link', { name: 'Naar Leerlingen: Voeg een leerling toe' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Leerlingen' }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Leerling toevoegen' }).click();
      await page.getByLabel('Voornaam').fill('Noor');
      await page.getByLabel('Achternaam').fill('Visser');
      await page.getByLabel('Geboortedatum').fill('2017-03-04');
      await page.getByLabel('Groep of klas').fill('4');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await expect.poll(() => page.getByRole('cell', { name: 'Noor Visser', exact: true }).isVisible()).toBe(true);

      await page.getByRole('link', { name: 'Start', exact: true }).click();
      await expect.poll(() => card.getByText('1 van 4 gedaan').isVisible()).toBe(true);
      await expect.poll(() => step('pupil').getByText('Gedaan').isVisible()).toBe(true);
      await expect.poll(() => step('pupil').getByText('1 leerling', { exact: false }).isVisible()).toBe(true);
      expect(await step('pupil').getByRole('link').count()).toBe(0);
      await expect.poll(() => step('case').getByText('Nog te doen').isVisible()).toBe(true);
      expect(await card.getByRole('link', { name: 'Naar Kernteam: Vul het kernteam' }).getAttribute('href')).toContain('kernteam');
      await expect.poll(() => card.getByRole('link', { name: 'Naar Overleggen: Plan het eerste MDO' }).isVisible()).toBe(true);

      await card.getByRole('button', { name: 'Eerste stappen verbergen' }).click();
      await expect.poll(() => card.count()).toBe(0);
      const hidden = await session
        .db()
        .selectFrom('setting')
        .select('value')
        .where('key', 'like', 'dashboard.firstStepsHidden.%')
        .execute();
      expect(hidden).toEqual([{ value: '1' }]);
      expect(app.blockedRequests).toEqual([]);
    } finally {
      await app.close();
      temp.remove();
    }
  });
});
