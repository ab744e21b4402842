import fs from 'node:fs';
import { axeBuilder } from './axe';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatShortDate } from '../../core/i18n/formatDate';
import { nlRegioSchool } from '../../core/i18n/nlRegioSchool';
import { NO_POLICY } from '../../core/policy/policy';
import { readContributionFile } from '../../core/regio/contributionFile';
import { contributionTables } from '../../core/regio/contributionTables';
import { fingerprintGroups } from '../../core/regio/fingerprintGroups';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { testKey, type TestKey } from '../fixtures/regio';
import { appPerTest, E2E_NOW, launchApp, tempDir } from './harness';

// The school's side of the regiomonitor in the app: the coordinator's .pem in
// Schoolprofiel, the preview on "Regiobijdrage maken", and the saved file as
// the coordinator opens it.

const s = nlRegioSchool.screen;
const keys = tempDir('mdo-regio-e2e-keys-');
let coordinator: TestKey;
beforeAll(() => {
  coordinator = testKey(keys.dir, 'coordinator', 'coordinator', 'Regio Noord', new Date(E2E_NOW));
});
afterAll(() => keys.remove());

const go = (page: Page, hash: string) => page.evaluate((value) => (window.location.hash = value), hash);
const heading = (page: Page, name: string, level = 2) =>
  expect.poll(() => page.getByRole('heading', { name, level }).isVisible(), { message: name }).toBe(true);
const periodShown = (page: Page, from: string, to: string) =>
  expect.poll(() => page.getByTestId('regio-period').textContent()).toBe(s.periodText(formatShortDate(from), formatShortDate(to)));

/** Every table of the preview as the IB reads it: caption, column heads, and each row's cells. */
function screenTables(page: Page) {
  return page
    .getByRole('region', { name: s.holds })
    .locator('table')
    .evaluateAll((tables) =>
      tables.map((table) => ({
        title: table.querySelector('caption')?.textContent ?? '',
        columns: [...table.querySelectorAll('thead th')].map((cell) => cell.textContent ?? ''),
        rows: [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
      })),
    );
}

async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const result = await axeBuilder(page).analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
}

describe('a regiobijdrage made by the IB', () => {
  const current = appPerTest();

  it("chooses the coordinator's .pem, previews a period and saves a file whose numbers the coordinator reads exactly", async () => {
    const { page, session } = current();
    await page.getByRole('link', { name: 'School', exact: true }).click();
    await heading(page, 'Schoolprofiel');
    const panel = page.getByRole('region', { name: 'Regiomonitor' });
    await expect.poll(() => panel.getByText(nlRegioSchool.settings.none).isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Verwijderen' }).count()).toBe(0);
    await expect.poll(() => panel.getByText(nlRegioSchool.settings.schoolKeyNone).isVisible()).toBe(true);

    // A file that is no certificate: its Dutch message, and nothing chosen.
    fs.writeFileSync(keys.file('aantekening.pem'), 'Geen certificaat');
    current().chooseFile(keys.file('aantekening.pem'));
    await panel.getByRole('button', { name: 'Certificaat kiezen…' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toBe(nlRegioSchool.errors.notACertificate);

    current().chooseFile(coordinator.pem);
    await panel.getByRole('button', { name: 'Certificaat kiezen…' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe(nlRegioSchool.settings.chosen);
    expect(await panel.getByRole('alert').count()).toBe(0);
    // The fingerprint in groups the IB compares with what the coordinator gave.
    await expect
      .poll(() => panel.getByTestId('region-fingerprint').textContent())
      .toBe(fingerprintGroups(coordinator.fingerprint).join(' '));
    await expect.poll(() => panel.getByText('Regio Noord', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => panel.getByText(`Geldig tot ${formatShortDate(coordinator.notAfter)}`).isVisible()).toBe(true);
    await expect.poll(() => panel.getByText('Geldig', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, 'Schoolprofiel with the coordinator');

    await page.getByRole('link', { name: 'Monitoring', exact: true }).click();
    await page.getByRole('link', { name: 'Regiobijdrage maken' }).click();
    await heading(page, 'Regiobijdrage maken');
    // The last whole quarter before 25 November 2026 first; then the last school year; then dates typed in.
    await periodShown(page, '2026-07-01', '2026-09-30');
    await page.getByRole('button', { name: 'Vorig schooljaar' }).click();
    await periodShown(page, '2025-08-01', '2026-07-31');
    await page.getByLabel('Van', { exact: true }).fill('2026-08-01');
    await page.getByLabel('Tot en met', { exact: true }).fill('2026-10-31');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await periodShown(page, '2026-08-01', '2026-10-31');
    expect(await page.getByTestId('regio-period').textContent()).toBe('1 augustus 2026 tot en met 31 oktober 2026');

    const forWhom = page.getByRole('region', { name: s.forWhom });
    expect(await forWhom.getByTestId('region-fingerprint').textContent()).toBe(fingerprintGroups(coordinator.fingerprint).join(' '));
    const never = page.getByRole('region', { name: s.never });
    expect(await never.getByRole('listitem').allTextContents()).toEqual(s.neverList);
    const shown = await screenTables(page);
    expect(shown.length).toBeGreaterThan(5);
    // Nobody's name on the screen: only counts.
    const pupils = await session.db().selectFrom('pupil').select(['firstName', 'lastName']).execute();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const pupil of pupils) expect(text).not.toContain(`${pupil.firstName} ${pupil.lastName}`);
    await expectAccessible(page, 'Regiobijdrage maken');

    await page.getByRole('button', { name: 'Bijdrage opslaan…' }).click();
    await expect.poll(() => current().exports.length).toBe(1);
    const school = await session.db().selectFrom('school').select('name').where('id', '=', 1).executeTakeFirstOrThrow();
    const fileName = nlRegioSchool.fileName(school.name, '2026-08-01', '2026-10-31');
    expect(current().exports[0].endsWith(`/${fileName}`)).toBe(true);
    await expect.poll(() => page.getByText(`Opgeslagen als ${fileName}.`).isVisible()).toBe(true);

    // The coordinator opens it with the key: every number the IB saw, exactly.
    const read = await readContributionFile(fs.readFileSync(current().exports[0]), [coordinator.identity]);
    expect(read.contribution.period).toEqual({ from: '2026-08-01', to: '2026-10-31' });
    const expected = contributionTables(read.contribution).map((table) => ({
      title: table.title,
      columns: table.columns,
      rows: table.rows.length ? table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)]) : [[table.emptyText ?? '']],
    }));
    expect(shown).toEqual(expected);
    expect(read.contribution.measures.cases.newCases + read.contribution.measures.cases.activeCases).toBeGreaterThan(0);
    const audit = await session.db().selectFrom('auditLog').select('action').where('action', 'like', '%regio%').orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['regio.certificate', 'export.regio']);

    // Schoolprofiel now shows the fingerprint of the key that signed it, for the coordinator to compare.
    await page.getByRole('link', { name: 'School', exact: true }).click();
    await expect
      .poll(() => panel.getByTestId('school-fingerprint').textContent())
      .toBe(fingerprintGroups(read.signer.fingerprint).join(' '));
  });

  it('without a coordinator shows why, leads to Schoolprofiel, and offers no save', async () => {
    const { page } = current();
    await go(page, '#/monitoring/regiobijdrage');
    await heading(page, 'Regiobijdrage maken');
    const forWhom = page.getByRole('region', { name: s.forWhom });
    await expect.poll(() => forWhom.getByText(s.noRecipient).isVisible()).toBe(true);
    // The preview itself is there: the IB can read what the file would hold.
    expect((await screenTables(page)).length).toBeGreaterThan(5);
    expect(await page.getByRole('button', { name: 'Bijdrage opslaan…' }).count()).toBe(0);
    await expectAccessible(page, 'Regiobijdrage without a coordinator');
    await forWhom.getByRole('link', { name: 'Naar Schoolprofiel' }).click();
    await heading(page, 'Schoolprofiel');
    const choose = page.getByRole('region', { name: 'Regiomonitor' }).getByRole('button', { name: 'Certificaat kiezen…' });
    await expect.poll(() => choose.isVisible()).toBe(true);
  });
});

describe("a coordinator's certificate set by IT", () => {
  it('shows "Ingesteld door ICT" without buttons, and the preview can be saved', async () => {
    const temp = tempDir();
    await createDemoDatabase(temp.file('demo.db'));
    const app = await launchApp({
      dbPath: temp.file('demo.db'),
      policy: { ...NO_POLICY, regionCertificatePem: coordinator.certificatePem },
    });
    try {
      const { page } = app;
      await go(page, '#/school');
      await heading(page, 'Schoolprofiel');
      const panel = page.getByRole('region', { name: 'Regiomonitor' });
      await expect.poll(() => panel.getByText('Ingesteld door ICT', { exact: true }).isVisible()).toBe(true);
      await expect.poll(() => panel.getByText(nlRegioSchool.settings.setByItHint).isVisible()).toBe(true);
      expect(await panel.getByTestId('region-fingerprint').textContent()).toBe(fingerprintGroups(coordinator.fingerprint).join(' '));
      expect(await panel.getByRole('button').count()).toBe(0);

      await go(page, '#/monitoring/regiobijdrage');
      await heading(page, 'Regiobijdrage maken');
      const forWhom = page.getByRole('region', { name: s.forWhom });
      await expect.poll(() => forWhom.getByText('Ingesteld door ICT', { exact: true }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Bijdrage opslaan…' }).click();
      await expect.poll(() => app.exports.length).toBe(1);
      const read = await readContributionFile(fs.readFileSync(app.exports[0]), [coordinator.identity]);
      expect(read.contribution.period).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    } finally {
      await app.close();
      temp.remove();
    }
  });
});
