import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, tempDir, type LaunchedApp } from '../../tests/e2e/harness';
import { createDemoDatabase } from '../../tests/fixtures/demoDatabase';
import { nl } from '../i18n/nl';
import { NO_POLICY, type MachinePolicy } from './policy';

// What a user sees on a computer where IT's policy fixed things: the screens
// leave out or lock what the main process would refuse anyway.
const managed: MachinePolicy = {
  ...NO_POLICY,
  source: '/etc/mdo/policy.json',
  lockMinutes: 15,
  retentionYears: 7,
  allowPersonalCertificates: false,
  offerDemoSchool: false,
};

describe('screens under a machine policy', () => {
  let temp: ReturnType<typeof tempDir>;
  let app: LaunchedApp | undefined;
  beforeEach(() => (temp = tempDir('mdo-policy-screens-')));
  afterEach(async () => {
    await app?.close();
    app = undefined;
    temp.remove();
  });

  it('offers no demo school on first start', async () => {
    app = await launchApp({ dbPath: temp.file('mdo.db'), policy: managed });
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { name: 'Welkom bij MDO' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Begin met een lege school' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Open de demoschool' }).count()).toBe(0);
  });

  it("shows the lock timeout as set by IT, only importing certificates and IT's retention default", async () => {
    const dbPath = temp.file('demo.db');
    await createDemoDatabase(dbPath);
    app = await launchApp({ dbPath, policy: managed });
    const { page } = app;
    await page.getByRole('link', { name: nl.nav.school, exact: true }).click();
    const minutes = page.getByLabel(nl.lock.idleMinutes);
    await expect.poll(() => minutes.isVisible()).toBe(true);
    expect(await minutes.inputValue()).toBe('15');
    expect(await minutes.isDisabled()).toBe(true);
    await expect.poll(() => page.getByText(nl.policy.lockMinutesFixed(15)).isVisible()).toBe(true);

    await page.getByRole('link', { name: nl.nav.team }).click();
    await expect.poll(() => page.getByRole('button', { name: nl.certificates.import }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: nl.certificates.create }).count()).toBe(0);
    await expect.poll(() => page.getByText(nl.policy.certificatesOff).isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('tab', { name: 'Bewaartermijn' }).click();
    await expect.poll(() => page.getByText(nl.privacy.retention.defaultHint(7)).isVisible()).toBe(true);
    expect(app.failures).toEqual([]);
  });
});
