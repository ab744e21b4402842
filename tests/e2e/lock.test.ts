import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { appPerTest, launchApp, tempDir } from './harness';

const IDLE_REASON = 'MDO is vergrendeld omdat de computer een tijd niet is gebruikt.';

describe('the app lock', () => {
  it('opens on the lock screen without any personal data, unlocks with the passphrase, and locks again on request and when idle', async () => {
    const temp = tempDir('mdo-lock-');
    await createDemoDatabase(temp.file('demo.db'));
    const app = await launchApp({ dbPath: temp.file('demo.db'), locked: true });
    try {
      const { page, session } = app;
      await expect.poll(() => page.getByRole('heading', { name: 'MDO is vergrendeld' }).isVisible()).toBe(true);
      expect(await page.title()).toBe('MDO');
      await expect
        .poll(() => page.getByText('Dit is de demoschool met verzonnen gegevens. Het wachtwoord is: demo-mdo-2026').isVisible())
        .toBe(true);
      expect(fs.readFileSync(temp.file('demo.db')).includes('Regenboog')).toBe(false);

      await page.getByLabel('Wachtwoord').fill('verkeerd');
      await page.getByRole('button', { name: 'Ontgrendelen' }).click();
      await expect.poll(() => page.getByText('Dit wachtwoord klopt niet.', { exact: false }).isVisible()).toBe(true);
      await page.getByLabel('Wachtwoord').fill('demo-mdo-2026');
      await page.getByRole('button', { name: 'Ontgrendelen' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
      const pupils = await session.db().selectFrom('pupil').select(['firstName', 'lastName']).execute();
      const failed = await session.db().selectFrom('auditLog').select('action').where('action', '=', 'session.unlock_failed').execute();
      expect(failed).toHaveLength(1);

      const noPersonalData = async () => {
        const text = (await page.locator('body').textContent()) ?? '';
        for (const pupil of pupils) expect(text).not.toContain(pupil.lastName);
        expect(text).not.toContain('Regenboog');
      };
      await page.getByRole('button', { name: 'Vergrendelen' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'MDO is vergrendeld' }).isVisible()).toBe(true);
      expect(session.state.state).toBe('locked');
      // Locked by hand: no word about inactivity.
      expect(await page.getByText(IDLE_REASON).count()).toBe(0);
      await noPersonalData();

      // Idle: one minute without keyboard or mouse locks it (the page clock runs fast here).
      await page.clock.install();
      await page.getByLabel('Wachtwoord').fill('demo-mdo-2026');
      await page.getByRole('button', { name: 'Ontgrendelen' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
      await page.evaluate(() => window.mdo.invoke('session.setLockMinutes', { minutes: 1 }));
      // The new setting is read when the app starts again (a reload keeps the database open).
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
      await page.clock.fastForward(30_000);
      expect(session.state.state).toBe('open');
      await page.clock.fastForward(31_000);
      await expect.poll(() => session.state.state).toBe('locked');
      await expect.poll(() => page.getByRole('heading', { name: 'MDO is vergrendeld' }).isVisible()).toBe(true);
      // Locked by the idle timer: the lock screen says why.
      await expect.poll(() => page.getByRole('status').filter({ hasText: IDLE_REASON }).isVisible()).toBe(true);
      await noPersonalData();
    } finally {
      await app.close();
      temp.remove();
    }
  });
});

describe('the lock button and its shortcut', () => {
  const current = appPerTest();

  it('names the button, announces Ctrl+L, and locks with Ctrl+L even while typing in a field', async () => {
    const { page, session } = current();
    await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
    const button = page.getByRole('button', { name: 'Vergrendelen' });
    // Wide enough for its label: the text shows beside the icon.
    expect(await button.textContent()).toBe('Vergrendelen');
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('Control+L');
    await button.hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Vergrendelen (Ctrl+L)');

    // Narrow: the icon alone, still named and with the same shortcut.
    await page.setViewportSize({ width: 640, height: 360 });
    await expect.poll(() => button.textContent()).toBe('');
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('Control+L');

    // While typing a pupil's name in a dialog.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).click();
    await page.getByRole('button', { name: 'Leerling toevoegen' }).click();
    await page.getByLabel('Voornaam').fill('Noor');
    await page.keyboard.press('Control+L');
    await expect.poll(() => page.getByRole('heading', { name: 'MDO is vergrendeld' }).isVisible()).toBe(true);
    expect(session.state.state).toBe('locked');
    expect(await page.getByText(IDLE_REASON).count()).toBe(0);
  });
});
