import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmlParts } from '../../core/documents/packDocx';
import { formatShortDate } from '../../core/i18n/formatDate';
import { appPerTest } from './harness';

describe('the monitoring screen', () => {
  const current = appPerTest();

  it('shows the anonymous report with charts and their tables, and exports it as DOCX and CSV without pupil names', async () => {
    const { page, session } = current();
    await page.getByRole('link', { name: 'Monitoring', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Monitoring', level: 2 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Afspraken', level: 3 }).isVisible()).toBe(true);
    // Each chart is an image described in words, next to its table of numbers.
    const charts = page.getByRole('img', { name: /^Grafiek\. / });
    await expect.poll(() => charts.count()).toBeGreaterThan(1);
    expect(await page.getByRole('cell', { name: '<5' }).count()).toBeGreaterThan(0);
    for (const cell of await page.getByRole('cell').allTextContents()) expect(cell.trim()).not.toMatch(/^[1-4]$/);

    const pupils = await session.db().selectFrom('pupil').select(['firstName', 'lastName']).execute();
    const screenText = (await page.locator('main').textContent()) ?? '';
    for (const pupil of pupils) expect(screenText).not.toContain(`${pupil.firstName} ${pupil.lastName}`);

    // A shorter period gives other numbers.
    const before = await page.getByRole('table').first().textContent();
    await page.getByLabel('Van', { exact: true }).fill('2026-10-01');
    // The screen's default period ends on the computer's today; the test fixes it.
    await page.getByLabel('Tot en met', { exact: true }).fill('2026-11-25');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await expect
      .poll(() => page.getByText(`Periode: ${formatShortDate('2026-10-01')} t/m ${formatShortDate('2026-11-25')}`).isVisible())
      .toBe(true);
    expect(await page.getByRole('table').first().textContent()).not.toBe(before);

    await page.getByRole('button', { name: 'Exporteren als Word' }).click();
    await page.getByRole('button', { name: 'Exporteren als CSV (Excel)' }).click();
    await expect.poll(() => current().exports.length).toBe(2);
    expect(
      current()
        .exports.map((file) => path.basename(file))
        .sort(),
    ).toEqual([
      'Monitoringsrapportage MDO 2026-10-01 tot en met 2026-11-25.csv',
      'Monitoringsrapportage MDO 2026-10-01 tot en met 2026-11-25.docx',
    ]);
    const docx = current().exports.find((file) => file.endsWith('.docx'))!;
    const csv = fs.readFileSync(
      current().exports.find((file) => file.endsWith('.csv'))!,
      'utf8',
    );
    const everything = Object.values(xmlParts(fs.readFileSync(docx))).join('\n') + csv;
    for (const pupil of pupils) expect(everything).not.toContain(`${pupil.firstName} ${pupil.lastName}`);
    const audit = await session.db().selectFrom('auditLog').select(['action', 'entityId']).where('action', 'like', 'export.%').execute();
    expect(audit).toEqual([
      { action: 'export.monitoring', entityId: null },
      { action: 'export.monitoring', entityId: null },
    ]);
  });
});
