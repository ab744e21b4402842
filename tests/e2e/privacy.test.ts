import fs from 'node:fs';
import path from 'node:path';
import { axeBuilder } from './axe';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { xmlParts } from '../../core/documents/packDocx';
import { openDatabase } from '../../db/open';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { launchApp, tempDir, type LaunchedApp } from './harness';

// Two years and two months after the demo's day: its closed cases are past
// the default retention period.
const LATER = '2029-01-15T09:00:00.000Z';

/** No serious or critical accessibility problems in what is on screen now (the Privacy tab itself is checked in screens.test.ts). */
async function axe(page: Page): Promise<string[]> {
  await page.waitForTimeout(300);
  const result = await axeBuilder(page).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => violation.id);
}

describe('the Privacy screen', () => {
  let temp: ReturnType<typeof tempDir>;
  let app: LaunchedApp;

  beforeEach(async () => {
    temp = tempDir();
    const dbPath = temp.file('demo.db');
    await createDemoDatabase(dbPath);
    // A year of verslag exports: more than one page of the log.
    const seed = await openDatabase(dbPath);
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
      INSERT INTO audit_log (at, actor, action, entity, entity_id, school_id)
      SELECT strftime('%Y-%m-%dT%H:%M:%fZ', '2028-01-01', '+' || (i * 3) || ' days'), 'ib', 'export.minutes', 'meeting', 1, 1 FROM n`.execute(
      seed.db,
    );
    await seed.close();
    app = await launchApp({ dbPath, clock: fixedClock(LATER) });
  });
  afterEach(async () => {
    await app.close();
    temp.remove();
  });

  it('shows and exports the audit log, purges what passed the retention period, and erases one pupil', async () => {
    const { page, session } = app;
    const db = session.db();
    await page.getByRole('link', { name: 'Privacy', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Privacy', level: 2 }).isVisible()).toBe(true);

    // The log, newest first, 50 a page.
    const log = page.getByRole('table', { name: 'Logboek' });
    await expect.poll(() => log.getByRole('row').count()).toBe(51);
    const total = await db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect.poll(() => page.getByText(`${total.n} handelingen`).isVisible()).toBe(true);
    expect(await log.textContent()).toContain('Verslag geëxporteerd');
    const firstRow = await log.getByRole('row').nth(1).textContent();
    await page.getByRole('button', { name: 'Pagina 2', exact: true }).click();
    await expect.poll(() => log.getByRole('row').nth(1).textContent()).not.toBe(firstRow);

    // Exports in the first quarter of 2028, saved as CSV for Excel.
    await page.getByRole('combobox', { name: 'Soort handeling' }).click();
    await page.getByRole('option', { name: 'Exporteren' }).click();
    await page.getByRole('textbox', { name: 'Van', exact: true }).fill('2028-01-01');
    await page.getByRole('textbox', { name: 'Tot en met', exact: true }).fill('2028-03-31');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await expect.poll(() => page.getByText('30 handelingen').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Exporteren als CSV (Excel)' }).click();
    await expect.poll(() => app.exports.length).toBe(1);
    expect(path.basename(app.exports[0])).toBe('Logboek MDO 2029-01-15.csv');
    const csv = fs.readFileSync(app.exports[0], 'utf8');
    expect(csv.startsWith('\uFEFFTijdstip (UTC);Gebruiker;Handeling;Code;Onderdeel;Nummer;School;Aantallen\r\n')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(31);

    // Retention: the preview names what goes, the purge waits for the confirmation.
    const expired = await db
      .selectFrom('supportCase')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['supportCase.id', 'pupil.firstName', 'pupil.lastName'])
      .where('supportCase.status', '=', 'closed')
      .execute();
    expect(expired.length).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Bewaartermijn' }).click();
    expect(await page.getByLabel('Bewaren na afsluiten van de casus (jaren)').inputValue()).toBe('2');
    await page.getByRole('button', { name: 'Bekijken wat verwijderd wordt' }).click();
    const cases = page.getByRole('table', { name: 'Casussen die worden verwijderd' });
    await expect.poll(() => cases.getByRole('row').count()).toBe(expired.length + 1);
    for (const row of expired) expect(await cases.textContent()).toContain(`${row.firstName} ${row.lastName}`);
    await expect.poll(() => page.getByRole('table', { name: 'Opgeslagen verslagen die worden verwijderd' }).isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    if (process.env.MDO_SCREENSHOTS) {
      // Without the notice of the CSV export in front of the preview.
      for (const close of await page.getByRole('alert').getByRole('button', { name: 'Sluiten' }).all()) await close.click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${process.env.MDO_SCREENSHOTS}/privacy-bewaartermijn.png`, fullPage: true });
    }
    const purge = page.getByRole('button', { name: 'Definitief verwijderen' });
    expect(await purge.isDisabled()).toBe(true);
    await page.getByLabel('Ik heb gecontroleerd wat verwijderd wordt.', { exact: false }).check();
    await purge.click();
    await expect.poll(() => page.getByText(new RegExp(`^Verwijderd: .*\\b${expired.length} casus`)).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Er zijn geen afgesloten casussen waarvan de bewaartermijn voorbij is.').isVisible()).toBe(true);
    const ids = expired.map((row) => row.id);
    expect(await db.selectFrom('supportCase').select('id').where('id', 'in', ids).execute()).toEqual([]);

    // A parent asks for everything about their child, then for erasure: started from the pupils list.
    const pupil = await db
      .selectFrom('pupil')
      .innerJoin('supportCase', 'supportCase.pupilId', 'pupil.id')
      .select(['pupil.id', 'pupil.firstName', 'pupil.lastName'])
      .where('supportCase.firstDiscussedOn', 'is not', null)
      .orderBy('pupil.lastName')
      .executeTakeFirstOrThrow();
    const name = `${pupil.firstName} ${pupil.lastName}`;
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).click();
    await page.getByRole('button', { name: `AVG-verzoek: ${name}` }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Verzoek over een leerling' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Inzage exporteren als Word' }).click();
    await expect.poll(() => app.exports.length).toBe(2);
    expect(Object.values(xmlParts(fs.readFileSync(app.exports[1]))).join('\n')).toContain(`Gegevens van een leerling: ${name}`);

    await page.getByRole('button', { name: 'Alle gegevens verwijderen…' }).click();
    const dialog = page.getByRole('dialog', { name: `Alle gegevens van ${name} verwijderen` });
    await expect.poll(() => dialog.getByText('Wordt verwijderd:', { exact: false }).isVisible()).toBe(true);
    expect(await dialog.textContent()).toMatch(/1 leerling, 1 casus, \d+ besprekingen?/);
    expect(await axe(page)).toEqual([]);
    await dialog.getByLabel('Ik begrijp dat alle gegevens van deze leerling definitief worden verwijderd.').check();
    await dialog.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await expect.poll(() => page.getByText('De gegevens zijn verwijderd: 1 leerling', { exact: false }).isVisible()).toBe(true);
    expect(await db.selectFrom('pupil').select('id').where('id', '=', pupil.id).execute()).toEqual([]);

    // Both are in the log by number only.
    await page.getByRole('tab', { name: 'Logboek' }).click();
    await expect.poll(() => log.getByRole('row').nth(1).textContent()).toContain('Alle gegevens van een leerling verwijderd');
    expect(await log.textContent()).toContain(`leerling ${pupil.id}`);
    const entries = await db.selectFrom('auditLog').selectAll().where('at', '>=', '2029-01-01').orderBy('id').execute();
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['export.audit', 'retention.purge', 'export.pupil.docx', 'pupil.erase']),
    );
    const text = JSON.stringify(entries);
    for (const row of [...expired, pupil]) expect(text).not.toContain(row.lastName);
    expect(app.blockedRequests).toEqual([]);
    expect(app.failures).toEqual([]);
  });
});
