import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appPerTest } from './harness';

describe('first start without a database', () => {
  // A folder that does not exist yet, as on a new laptop.
  const current = appPerTest({ demo: false, dbName: 'profiel/mdo.db' });

  it('offers a real school first and the demo school second, which opens on its upcoming MDO', async () => {
    const { page, session } = current();
    await expect.poll(() => page.getByRole('heading', { name: 'Welkom bij MDO' }).isVisible()).toBe(true);
    expect(session.state.state).toBe('missing');
    // The real school is the solid primary button; the demo the outlined one, said to be made up.
    const background = (name: string) => page.getByRole('button', { name }).evaluate((button) => getComputedStyle(button).backgroundColor);
    expect(await background('Begin met een lege school')).not.toBe('rgba(0, 0, 0, 0)');
    expect(await background('Open de demoschool')).toBe('rgba(0, 0, 0, 0)');
    await expect.poll(() => page.getByText('Oefenen met verzonnen leerlingen en casussen: niets hiervan is echt.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Open de demoschool' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
    const school = await session.db().selectFrom('school').select(['name', 'isDemo']).executeTakeFirstOrThrow();
    expect(school.isDemo).toBe(1);
    await expect.poll(() => page.getByText(school.name).isVisible()).toBe(true);
    expect(current().blockedRequests).toEqual([]);
  });

  it('judges the passphrase while typing, refuses a weak one with the reason, and starts the school with its IB', async () => {
    const { page, session } = current();
    await page.getByRole('button', { name: 'Begin met een lege school' }).click();
    await expect.poll(() => page.getByText('Vul de naam van de school in (minstens twee tekens).').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Vul een naam in van minstens twee tekens.').isVisible()).toBe(true);
    expect(session.state.state).toBe('missing');

    await page.getByLabel('Naam van de school').fill('Basisschool De Linde');
    await page.getByLabel('Uw naam').fill('Fatima el Amrani');
    const meter = page.getByTestId('passphrase-strength');
    const passphrase = page.getByLabel('Nieuw wachtwoord');
    await passphrase.fill('aaaaaaaaaa');
    await expect.poll(() => meter.textContent()).toContain('Sterkte: Heel zwak');
    expect(await meter.textContent()).toContain('korter dan 12 tekens');
    expect(await meter.getAttribute('aria-live')).toBe('polite');
    // The school's own name with a year is what a guesser tries first.
    await passphrase.fill('Basisschool De Linde 2026');
    await expect.poll(() => meter.textContent()).toContain('De naam van de school');
    await page.getByLabel('Herhaal het wachtwoord').fill('Basisschool De Linde 2026');
    await page.getByRole('button', { name: 'Begin met een lege school' }).click();
    const refusal = page.getByText(/Dit wachtwoord is te makkelijk te raden\..*vier of vijf losse woorden/);
    await expect.poll(() => refusal.isVisible()).toBe(true);
    expect(session.state.state).toBe('missing');

    await passphrase.fill('paraplu kanarie bakfiets lepel');
    await expect.poll(() => meter.textContent()).toMatch(/Sterkte: (Sterk|Heel sterk) · Dit wachtwoord is sterk genoeg\./);
    await page.getByLabel('Herhaal het wachtwoord').fill('paraplu kanarie bakfiets lepel');
    await page.getByRole('button', { name: 'Begin met een lege school' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Uw herstelsleutel' }).isVisible()).toBe(true);
    // The file on disk is encrypted: the school's name is nowhere in it.
    expect(fs.readFileSync(session.dbPath).includes('Basisschool De Linde')).toBe(false);

    // The key in eleven groups of five, none broken over two lines, also at 640 px wide.
    const key = page.getByTestId('recovery-key');
    const recoveryKey = (await key.textContent())!;
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    for (const width of [1280, 640]) {
      await page.setViewportSize({ width, height: 720 });
      const groups = await key.locator('span').evaluateAll((spans) => spans.map((span) => span.getClientRects().length));
      expect(groups).toEqual(Array(11).fill(1));
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await page.setViewportSize({ width: 1280, height: 860 });

    // Copy puts the whole key on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Kopiëren' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Gekopieerd' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(recoveryKey);

    // Printed, the page holds the key with the school and the date, and nothing else of the app.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => document.body.innerText);
    expect(printed).toContain('Herstelsleutel van MDO');
    expect(printed).toContain('Basisschool De Linde');
    expect(printed).toMatch(/Gemaakt op \d/);
    expect(printed.replace(/\s/g, '')).toContain(recoveryKey);
    for (const screenOnly of ['Kopiëren', 'Controle', 'Ik heb de herstelsleutel bewaard', 'Print deze herstelsleutel'])
      expect(printed).not.toContain(screenOnly);
    await page.emulateMedia({ media: 'screen' });

    // Going on asks for the last group back.
    const lastGroup = page.getByLabel('Laatste groep van de herstelsleutel');
    await lastGroup.fill('ZZZZZ');
    await page.getByRole('button', { name: 'Ik heb de herstelsleutel bewaard' }).click();
    await expect.poll(() => page.getByText('Dit is niet de laatste groep van de herstelsleutel.', { exact: false }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Uw herstelsleutel' }).isVisible()).toBe(true);
    await lastGroup.fill(recoveryKey.slice(-5).toLowerCase());
    await page.getByRole('button', { name: 'Ik heb de herstelsleutel bewaard' }).click();
    await expect.poll(() => page.getByText('Er is nog geen overleg gepland.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Basisschool De Linde').first().isVisible()).toBe(true);
    expect(await page.getByText('Demo', { exact: true }).count()).toBe(0);
    const roles = await session.db().selectFrom('role').select('name').execute();
    expect(roles.map((role) => role.name)).toContain('Leerplichtambtenaar');

    // The IB is in the kernteam and chairs a new meeting by default.
    await page.getByRole('link', { name: 'Kernteam', exact: true }).click();
    await expect.poll(() => page.getByText('Fatima el Amrani').first().isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Overleggen', exact: true }).click();
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    expect(await page.getByRole('combobox', { name: 'Voorzitter' }).inputValue()).toBe('Fatima el Amrani (Intern begeleider)');
    await page.getByLabel('Datum').fill('2026-12-08');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Voorstellen voor de agenda' }).isVisible()).toBe(true);
    const meeting = await session
      .db()
      .selectFrom('meeting')
      .innerJoin('member', 'member.id', 'meeting.chairId')
      .select('member.name')
      .executeTakeFirst();
    expect(meeting?.name).toBe('Fatima el Amrani');
  });
});
