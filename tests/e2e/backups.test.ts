import fs from 'node:fs';
import path from 'node:path';
import { axeBuilder } from './axe';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { NO_POLICY } from '../../core/policy/policy';
import { launchApp, tempDir, type LaunchedApp } from './harness';

/**
 * No serious or critical accessibility problems in what is on screen now (or in `only`, e.g. an open dialog);
 * a screenshot when MDO_SCREENSHOTS is set. The panel itself is checked in screens.test.ts.
 */
async function check(page: Page, name: string, only?: string): Promise<void> {
  await page.waitForTimeout(300);
  const axe = axeBuilder(page);
  const result = await (only ? axe.include(only) : axe).analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
  if (process.env.MDO_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.MDO_SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A moment as the page shows it (formatMoment in the browser's Europe/Amsterdam, not this process's time zone). */
function formatMoment(iso: string): string {
  const format = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const part = Object.fromEntries(format.formatToParts(new Date(iso)).map(({ type, value }) => [type, value]));
  return `${part.day} ${part.month} ${part.year} om ${part.hour}:${part.minute}`;
}

const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(([c, i]) => window.mdo.invoke(c as never, i as never), [channel, input] as const);

describe('backups', () => {
  let temp: ReturnType<typeof tempDir>;
  let dbPath: string;
  let app: LaunchedApp | null;

  beforeEach(async () => {
    temp = tempDir();
    dbPath = temp.file('demo.db');
    await createDemoDatabase(dbPath);
    app = await launchApp({ dbPath });
  });
  afterEach(async () => {
    await app?.close();
    temp.remove();
  });

  async function openSchoolSettings(page: Page) {
    await page.getByRole('link', { name: 'School', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Reservekopieën', level: 3 }).isVisible()).toBe(true);
  }

  it('makes a checked backup by hand and restores it through the confirmation, keeping a safety backup of what it replaced', async () => {
    const { page } = app!;
    await openSchoolSettings(page);
    const panel = page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: 'Reservekopieën' }) });
    // The panel's own chunk and its overview arrive after the screen's heading.
    await expect.poll(() => panel.getByText('Er staan nog geen reservekopieën van deze computer in deze map.').isVisible()).toBe(true);
    await expect.poll(() => panel.getByText(path.join(temp.dir, 'backups'), { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => panel.getByText('Standaardmap', { exact: true }).isVisible()).toBe(true);
    expect(
      await panel
        .getByText(
          'MDO bewaart 7 dagelijkse, 4 wekelijkse en 12 maandelijkse reservekopieën, en van de handmatige reservekopieën en die van vóór een update of terugzetten telkens de laatste 5.',
        )
        .isVisible(),
    ).toBe(true);

    // Another folder (a network share, say), and back to the default.
    const elsewhere = temp.file('netwerkschijf');
    app!.chooseFolder(elsewhere);
    await page.getByRole('button', { name: 'Andere map kiezen…' }).click();
    await expect.poll(() => panel.getByText(elsewhere, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => panel.getByText('Door u gekozen', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`Nieuwe reservekopieën komen voortaan in ${elsewhere}.`).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Standaardmap gebruiken' }).click();
    await expect.poll(() => panel.getByText(path.join(temp.dir, 'backups'), { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Standaardmap gebruiken' }).count()).toBe(0);

    // A backup by hand: listed as checked, with its size, and on disk with its check beside it.
    await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
    const table = page.getByRole('table', { name: 'Reservekopieën' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const moment = formatMoment(app!.backups.list()[0].createdAt);
    const first = table.getByRole('row').nth(1);
    expect(await first.textContent()).toMatch(new RegExp(`^${moment}Handmatig[\\d,.]+ (kB|MB)GecontroleerdControleren`));
    await expect.poll(() => page.getByText(`De reservekopie van ${moment} is gemaakt en gecontroleerd.`).isVisible()).toBe(true);
    const [manual] = app!.backups.list();
    expect(manual).toMatchObject({ kind: 'manual', status: 'ok' });
    expect(fs.existsSync(path.join(temp.dir, 'backups', manual.name))).toBe(true);

    // Checking it again says so.
    await page.getByRole('button', { name: `Controleren: reservekopie van ${moment} (handmatig)` }).click();
    await expect.poll(() => page.getByText(`De reservekopie van ${moment} is gecontroleerd en in orde.`).isVisible()).toBe(true);

    // A change after the backup.
    const db = () => app!.session.db();
    const pupil = await db()
      .selectFrom('pupil')
      .select(['id', 'firstName', 'lastName', 'dateOfBirth', 'groupName'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const renamed = {
      pupilId: pupil.id,
      firstName: 'Gewijzigd',
      lastName: pupil.lastName,
      dateOfBirth: pupil.dateOfBirth,
      groupName: pupil.groupName,
    };
    expect(await invoke(page, 'pupils.update', renamed)).toMatchObject({ ok: true });
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).click();
    await expect.poll(() => page.getByText(`Gewijzigd ${pupil.lastName}`).first().isVisible()).toBe(true);

    // And the school's name, in the form.
    await openSchoolSettings(page);
    const schoolName = page.getByRole('textbox', { name: 'Naam van de school' });
    const originalSchoolName = await schoolName.inputValue();
    await schoolName.fill('Basisschool Hernoemd');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Opgeslagen.').isVisible()).toBe(true);

    // Restore: the red button waits for the tick.
    await page.getByRole('button', { name: `Terugzetten: reservekopie van ${moment} (handmatig)` }).click();
    const dialog = page.getByRole('dialog', { name: 'Reservekopie terugzetten' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(`Wat na ${moment} is ingevoerd of gewijzigd, is daarna niet meer in MDO te zien.`);
    const restore = dialog.getByRole('button', { name: 'Terugzetten', exact: true });
    expect(await restore.isDisabled()).toBe(true);
    await check(page, 'reservekopie-terugzetten', '[role="dialog"]');
    await dialog.getByRole('checkbox', { name: `Ik begrijp dat wijzigingen van na ${moment} niet meer te zien zijn` }).check();
    expect(await restore.isDisabled()).toBe(false);
    await restore.click();

    // The notification names the safety backup, which is listed too.
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const backups = app!.backups.list();
    expect(backups.map((entry) => [entry.kind, entry.status])).toEqual([
      ['restore', 'ok'],
      ['manual', 'ok'],
    ]);
    const safety = backups[0];
    await expect
      .poll(() => page.getByText(`De reservekopie van ${moment} is teruggezet.`, { exact: false }).textContent())
      .toContain(safety.name);
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(await table.getByRole('row').nth(1).textContent()).toContain('Voor terugzetten');
    expect(await table.getByRole('row').nth(1).textContent()).toContain('Gecontroleerd');

    // The old names are back, in the form, in the file and on screen.
    await expect.poll(() => schoolName.inputValue()).toBe(originalSchoolName);
    const restored = await db().selectFrom('pupil').select('firstName').where('id', '=', pupil.id).executeTakeFirstOrThrow();
    expect(restored.firstName).toBe(pupil.firstName);
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).click();
    await expect.poll(() => page.getByText(`${pupil.firstName} ${pupil.lastName}`).first().isVisible()).toBe(true);
    expect(await page.getByText(`Gewijzigd ${pupil.lastName}`).count()).toBe(0);
    expect(app!.failures).toEqual([]);
    expect(app!.blockedRequests).toEqual([]);
  });

  it('offers the newest good backup when the data file is damaged, keeps the damaged file aside and opens the app after the restore', async () => {
    const good = await app!.backups.create('manual');
    await app!.close();
    app = null;

    // One page in the middle of the (encrypted) file overwritten, as a disk error would.
    expect(fs.existsSync(`${dbPath}-wal`) ? fs.statSync(`${dbPath}-wal`).size : 0).toBe(0);
    const size = fs.statSync(dbPath).size;
    const page = 4096;
    const offset = Math.floor(size / page / 2) * page;
    const fd = fs.openSync(dbPath, 'r+');
    fs.writeSync(fd, Buffer.alloc(page, 0x5a), 0, page, offset);
    fs.closeSync(fd);
    const damagedBytes = fs.readFileSync(dbPath);

    app = await launchApp({ dbPath });
    const screen = app.page;
    await expect.poll(() => screen.getByRole('heading', { name: 'Het gegevensbestand is beschadigd' }).isVisible()).toBe(true);
    await expect.poll(() => screen.getByText('MDO heeft niets gewijzigd of verwijderd.', { exact: false }).isVisible()).toBe(true);
    const moment = formatMoment(good.createdAt);
    await check(screen, 'beschadigd');

    await screen.getByRole('button', { name: `Reservekopie van ${moment} terugzetten` }).click();
    await expect.poll(() => screen.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
    await expect.poll(() => screen.getByText('Het beschadigde gegevensbestand is apart bewaard', { exact: false }).isVisible()).toBe(true);

    // The damaged file is kept, byte for byte, under another name.
    const aside = fs.readdirSync(temp.dir).filter((name) => name.startsWith('demo.db.beschadigd-') && !/-(wal|shm)$/.test(name));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(temp.dir, aside[0])).equals(damagedBytes)).toBe(true);
    expect(app.blockedRequests).toEqual([]);
  });

  it('says in Dutch when the data is in use by another MDO, and changes nothing', async () => {
    await app!.close();
    app = null;
    const before = fs.readFileSync(dbPath);
    // Another living process (here pid 1) holds the database.
    fs.writeFileSync(`${dbPath}.lock`, '1');
    app = await launchApp({ dbPath });
    const screen = app.page;
    await expect.poll(() => screen.getByRole('alert').textContent()).toContain('De gegevens kunnen niet worden geopend');
    expect(await screen.getByRole('alert').textContent()).toContain(
      'Deze gegevens zijn al geopend in een ander MDO-venster of -programma. Sluit dat eerst.',
    );
    await check(screen, 'in-gebruik');
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('says where MDO looked when there is no good backup', async () => {
    await app!.close();
    app = null;
    const fd = fs.openSync(dbPath, 'r+');
    const size = fs.statSync(dbPath).size;
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
    fs.closeSync(fd);

    app = await launchApp({ dbPath });
    const screen = app.page;
    await expect.poll(() => screen.getByRole('heading', { name: 'Het gegevensbestand is beschadigd' }).isVisible()).toBe(true);
    await expect
      .poll(() => screen.getByText('MDO heeft in de map voor reservekopieën geen goede reservekopie gevonden.').isVisible())
      .toBe(true);
    await expect.poll(() => screen.getByText(path.join(temp.dir, 'backups'), { exact: true }).isVisible()).toBe(true);
    await check(screen, 'beschadigd-zonder-reservekopie');
    await screen.getByRole('button', { name: 'Opnieuw zoeken' }).click();
    await expect.poll(() => screen.getByRole('heading', { name: 'Het gegevensbestand is beschadigd' }).isVisible()).toBe(true);
  });

  it('writes to the folder IT set in the machine policy, which the IB cannot change', async () => {
    await app!.close();
    const share = temp.file('ict-share');
    app = await launchApp({ dbPath, policy: { ...NO_POLICY, source: temp.file('policy.json'), backupFolder: share } });
    const { page } = app;
    await openSchoolSettings(page);
    const panel = page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: 'Reservekopieën' }) });
    await expect.poll(() => panel.getByText(share, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => panel.getByText('Ingesteld door ICT', { exact: true }).isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Andere map kiezen…' }).count()).toBe(0);
    expect(await invoke(page, 'backups.resetFolder', undefined)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Reservekopieën' }).getByRole('row').count()).toBe(2);
    expect(fs.readdirSync(share).filter((name) => name.endsWith('-handmatig.db'))).toHaveLength(1);
  });
});
