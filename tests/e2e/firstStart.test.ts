import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appPerTest } from './harness';

describe('first start without a database', () => {
  // A folder that does not exist yet, as on a new laptop.
  const current = appPerTest({ demo: false, dbName: 'profiel/mdo.db' });

  it('offers the demo school, which opens on its upcoming MDO', async () => {
    const { page, session } = current();
    await expect.poll(() => page.getByRole('heading', { name: 'Welkom bij MDO' }).isVisible()).toBe(true);
    expect(session.state.state).toBe('missing');
    await page.getByRole('button', { name: 'Open de demoschool' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
    const school = await session.db().selectFrom('school').select(['name', 'isDemo']).executeTakeFirstOrThrow();
    expect(school.isDemo).toBe(1);
    expect(await page.getByText(school.name).isVisible()).toBe(true);
    expect(current().blockedRequests).toEqual([]);
  });

  it('starts an encrypted empty school after Dutch validation messages, and shows the recovery key once', async () => {
    const { page, session } = current();
    await page.getByRole('button', { name: 'Begin met een lege school' }).click();
    await expect.poll(() => page.getByText('Vul de naam van de school in (minstens twee tekens).').isVisible()).toBe(true);
    expect(await page.getByText('Kies een wachtwoord van minstens 10 tekens, bijvoorbeeld een korte zin.').count()).toBeGreaterThan(0);
    expect(session.state.state).toBe('missing');

    await page.getByLabel('Naam van de school').fill('Basisschool De Linde');
    await page.getByLabel('Nieuw wachtwoord').fill('lange zin als wachtwoord');
    await page.getByLabel('Herhaal het wachtwoord').fill('lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Begin met een lege school' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Uw herstelsleutel' }).isVisible()).toBe(true);
    const recoveryKey = (await page.getByTestId('recovery-key').textContent())!;
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    // The file on disk is encrypted: the school's name is nowhere in it.
    expect(fs.readFileSync(session.dbPath).includes('Basisschool De Linde')).toBe(false);
    await page.getByRole('button', { name: 'Ik heb de herstelsleutel bewaard' }).click();
    await expect.poll(() => page.getByText('Er is nog geen overleg gepland.').isVisible()).toBe(true);
    expect(await page.getByText('Basisschool De Linde').isVisible()).toBe(true);
    expect(await page.getByText('Demo', { exact: true }).count()).toBe(0);
    const roles = await session.db().selectFrom('role').select('name').execute();
    expect(roles.map((role) => role.name)).toContain('Leerplichtambtenaar');
  });
});
