import fs from 'node:fs';
import path from 'node:path';
import { axeBuilder } from './axe';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nlMonitoring } from '../../core/i18n/nlMonitoring';
import { nlRegioReport } from '../../core/i18n/nlRegioReport';
import { createDemoRegionDatabase } from '../fixtures/regionDatabase';
import { launchApp, tempDir, type LaunchedApp } from './harness';

// The coordinator's Regiorapportage in the built app, on the demo region and on a region
// that has no contribution yet.

const PASSPHRASE = 'paraplu kanarie bakfiets lepel';

const heading = (page: Page, name: string, level = 2) =>
  expect.poll(() => page.getByRole('heading', { name, level, exact: true }).isVisible()).toBe(true);

/** Serious or critical accessibility problems on the page as it is now (axe-core). */
async function axeProblems(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
  const result = await axeBuilder(page).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('Regiorapportage', () => {
  const temp = tempDir();
  let app: LaunchedApp;

  beforeAll(async () => {
    await createDemoRegionDatabase(temp.file('regio.db'));
    app = await launchApp({ dbPath: temp.file('regio.db') });
  });
  afterAll(async () => {
    await app.close();
    temp.remove();
  });

  it('shows the demo region, a gebied and the learning cycle with its charts, and exports a CSV without a count 1-4', async () => {
    const { page } = app;
    await heading(page, 'Overzicht');
    await page.getByRole('link', { name: 'Regiorapportage', exact: true }).click();
    await heading(page, 'Regiorapportage');

    // The newest delivered period is chosen; every delivered period is offered, newest first.
    const periods = await page.evaluate(() => window.mdo.invoke('region.periods', undefined));
    if (!periods.ok) throw new Error(periods.error.message);
    expect(periods.data.length).toBeGreaterThan(1);
    const select = page.getByLabel('Periode');
    await expect.poll(() => select.inputValue()).toBe(`${periods.data[0].from}/${periods.data[0].to}`);
    const options = await select.locator('option').allTextContents();
    expect(options).toHaveLength(periods.data.length);
    for (const [index, option] of options.entries()) expect(option).toContain(`${periods.data[index].schools} van 16 scholen geleverd`);
    expect(options[0]).toMatch(/kwartaal \d{4} \(1 \w+ \d{4} t\/m \d+ \w+ \d{4}\)/);

    const report = await page.evaluate((period) => window.mdo.invoke('region.report', period), {
      from: periods.data[0].from,
      to: periods.data[0].to,
    });
    if (!report.ok || !report.data) throw new Error('no report');
    const region = report.data.nodes.find((node) => node.level === 'region')!;
    const regionSection = page.getByRole('region', { name: nlRegioReport.regionHeading });
    await expect.poll(() => regionSection.isVisible()).toBe(true);
    for (const table of region.report.tables) {
      await expect.poll(() => regionSection.getByRole('heading', { name: table.title, level: 4, exact: true }).isVisible()).toBe(true);
      if (table.rows.length > 0)
        await expect
          .poll(() => regionSection.getByRole('table', { name: `${region.label}: ${table.title}`, exact: true }).isVisible())
          .toBe(true);
    }
    // The region's bar charts follow the numbers, one per table main draws a chart for.
    const barCharts = await page.evaluate((tables) => window.mdo.invoke('monitoring.charts', { tables }), region.report.tables);
    if (!barCharts.ok) throw new Error(barCharts.error.message);
    await expect.poll(() => regionSection.getByRole('img', { name: /^Grafiek\. / }).count()).toBe(barCharts.data.charts.length);
    if (region.entirelyHidden) await expect.poll(() => regionSection.getByText(nlMonitoring.linked.entirelyHidden).isVisible()).toBe(true);
    for (const cell of await regionSection.getByRole('cell').allTextContents()) expect(cell.trim()).not.toMatch(/^[1-4]$/);

    // A gebied opens to its tables (or says it is entirely hidden); closed, its tables are out of sight.
    const areas = page.getByRole('region', { name: nlRegioReport.areasHeading });
    const area = report.data.nodes.find((node) => node.level === 'area')!;
    const control = areas.getByRole('button', { name: area.label, exact: true });
    expect(await control.getAttribute('aria-expanded')).toBe('false');
    await control.click();
    await expect.poll(() => control.getAttribute('aria-expanded')).toBe('true');
    // The panel the button opens, as a screen reader follows it.
    const panel = page.locator(`[id="${await control.getAttribute('aria-controls')}"]`);
    if (area.entirelyHidden) await expect.poll(() => panel.getByText(nlRegioReport.entirelyHidden).isVisible()).toBe(true);
    else
      await expect
        .poll(() => panel.getByRole('heading', { name: area.report.tables[0].title, level: 5, exact: true }).isVisible())
        .toBe(true);
    const schools = page.getByRole('region', { name: nlRegioReport.schoolsHeading });
    expect(await schools.getByRole('button').count()).toBe(report.data.nodes.filter((node) => node.level === 'school').length);

    // The learning cycle: its tables with their line charts, described in words.
    const cycle = page.getByRole('region', { name: nlRegioReport.cycleHeading });
    expect(report.data.cycle?.tables.length).toBeGreaterThan(0);
    for (const table of report.data.cycle!.tables)
      await expect.poll(() => cycle.getByRole('heading', { name: table.title, level: 4, exact: true }).isVisible()).toBe(true);
    for (const label of report.data.cycle!.periods)
      expect(await cycle.getByRole('columnheader', { name: label, exact: true }).count()).toBeGreaterThan(0);
    const charts = await page.evaluate((tables) => window.mdo.invoke('region.report.cycleCharts', { tables }), report.data.cycle!.tables);
    if (!charts.ok) throw new Error(charts.error.message);
    expect(charts.data.charts.length).toBeGreaterThan(0);
    for (const chart of charts.data.charts)
      await expect.poll(() => cycle.getByRole('img', { name: chart.description, exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: nlMonitoring.legend.title, level: 3 }).isVisible()).toBe(true);

    expect(await axeProblems(page)).toEqual([]);

    // The CSV as Excel opens it: the learning cycle in it, and no count 1-4 in any cell.
    const before = app.exports.length;
    await page.getByRole('button', { name: 'Exporteren als CSV (Excel)' }).click();
    await expect.poll(() => app.exports.length).toBe(before + 1);
    const file = app.exports.at(-1)!;
    expect(path.extname(file)).toBe('.csv');
    await expect.poll(() => page.getByText(`Opgeslagen als ${path.basename(file)}.`).isVisible()).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain(nlMonitoring.linked.cycleTitle);
    for (const label of report.data.cycle!.periods) expect(text).toContain(label);
    const fields = text.split('\r\n').flatMap((line) => line.split(';').slice(1));
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.filter((field) => /^"?[1-4]"?$/.test(field.trim()))).toEqual([]);
    expect(app.failures).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
});

describe('Regiorapportage before any contribution', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  it('says what to do first', async () => {
    const app = await launchApp({ dbPath: path.join(temp.dir, 'profiel', 'mdo.db') });
    try {
      const { page } = app;
      const started = await page.evaluate((input) => window.mdo.invoke('setup.start', input), {
        mode: 'region',
        regionName: 'Regio Noord-Kennemerland',
        coordinatorName: 'Sanne de Wit',
        passphrase: PASSPHRASE,
      } as const);
      expect(started).toMatchObject({ ok: true });
      await page.reload();
      await heading(page, 'Overzicht');
      await page.getByRole('link', { name: 'Regiorapportage', exact: true }).click();
      await heading(page, 'Regiorapportage');
      await expect.poll(() => page.getByText(nlRegioReport.screen.empty).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Exporteren als CSV (Excel)' }).count()).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      expect(app.failures).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
