import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { axeBuilder } from './axe';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nlRegio } from '../../core/i18n/nlRegio';
import { NO_POLICY } from '../../core/policy/policy';
import type { Contribution } from '../../core/regio/contribution';
import { writeContributionFile } from '../../core/regio/contributionFile';
import { readP12 } from '../../core/signing/certificates';
import { sampleContribution, testKey, type TestKey } from '../fixtures/regio';
import { appPerTest, launchApp, tempDir, type LaunchedApp } from './harness';

// The coordinator's side of the regiomonitor in the built app: a region file from the first
// start, contributions made here with real key pairs and CMS, read in through the dialogs, and
// the demo region. No IPC call may fail on a region file (the school's channels are refused there).

const s = nlRegio.screens;
const PASSPHRASE = 'paraplu kanarie bakfiets lepel';
const Q2 = { from: '2026-04-01', to: '2026-06-30' };
const Q3 = { from: '2026-07-01', to: '2026-09-30' };

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

/** Makes the open app's empty file a region file through the channel the form uses, and shows it. */
async function startRegion(app: LaunchedApp, regionName = 'Regio Noord-Kennemerland') {
  const started = await app.page.evaluate((input) => window.mdo.invoke('setup.start', input), {
    mode: 'region',
    regionName,
    coordinatorName: 'Sanne de Wit',
    passphrase: PASSPHRASE,
  } as const);
  expect(started).toMatchObject({ ok: true });
  await app.page.reload();
  await heading(app.page, 'Overzicht');
}

/** The region's certificate as a school gets it: saved with "Certificaat opslaan (.pem)". */
async function savedCertificate(app: LaunchedApp): Promise<X509Certificate> {
  const { page } = app;
  await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
  await heading(page, 'Instellingen');
  const before = app.exports.length;
  await page.getByRole('button', { name: 'Certificaat opslaan (.pem)' }).click();
  await expect.poll(() => app.exports.length).toBe(before + 1);
  const file = app.exports.at(-1)!;
  expect(path.basename(file)).toBe('Certificaat coördinator Regio Noord-Kennemerland.pem');
  const pem = fs.readFileSync(file, 'utf8');
  // The public certificate only, never the key.
  expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
  expect(pem).not.toContain('PRIVATE KEY');
  return new X509Certificate(pem);
}

/** A school's .mdoregio file, signed by `signer` and encrypted for `recipient`, written into `dir`. */
async function contributionFile(dir: string, name: string, contribution: Contribution, signer: TestKey, recipient: X509Certificate) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await writeContributionFile(contribution, signer.identity, recipient));
  return file;
}

const contribution = (school: string, period: { from: string; to: string }, createdAt: string) =>
  sampleContribution({ school: { name: school }, period, createdAt, measures: { ...sampleContribution().measures, asOf: period.to } });

/** The result line of one file in "Resultaat van het inlezen". */
const resultOf = (page: Page, fileName: string) =>
  page.getByRole('region', { name: 'Resultaat van het inlezen' }).getByRole('listitem', { name: fileName, exact: true });

/** The state shown for a school and a period in the overview's matrix. */
async function cell(page: Page, school: string, period: string): Promise<string> {
  const table = page.getByRole('table', { name: 'Bijdragen per school en periode' });
  const headers = await table.getByRole('columnheader').allTextContents();
  const column = headers.indexOf(period);
  expect(column, `${period} in ${headers.join(' | ')}`).toBeGreaterThan(0);
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: school, exact: true }) });
  return (
    (await row
      .getByRole('cell')
      .nth(column - 1)
      .textContent()) ?? ''
  );
}

describe('region mode', () => {
  const current = appPerTest({ demo: false, dbName: 'profiel/mdo.db' });

  it('starts as a region at first start: its own menu and header, an empty overview, and the certificate made with it', async () => {
    const app = current();
    const { page, session } = app;
    await heading(page, 'Welkom bij MDO', 1);
    await expect.poll(() => page.getByRole('button', { name: 'Demoregio bekijken' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Een regio coördineren' }).click();
    await heading(page, 'Een regio coördineren');
    await page.getByRole('button', { name: 'Regio aanmaken' }).click();
    await expect.poll(() => page.getByText(nlRegio.setup.regionNameRequired).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(nlRegio.setup.coordinatorNameRequired).isVisible()).toBe(true);
    expect(session.state.state).toBe('missing');

    await page.getByLabel('Naam van de regio').fill('Regio Noord-Kennemerland');
    await page.getByLabel('Uw naam').fill('Sanne de Wit');
    // The region's own name is what a guesser tries first.
    await page.getByLabel('Nieuw wachtwoord').fill('Regio Noord-Kennemerland 2026');
    await page.getByLabel('Herhaal het wachtwoord').fill('Regio Noord-Kennemerland 2026');
    await page.getByRole('button', { name: 'Regio aanmaken' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Dit wachtwoord is te makkelijk te raden/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(session.state.state).toBe('missing');
    await page.getByLabel('Nieuw wachtwoord').fill(PASSPHRASE);
    await page.getByLabel('Herhaal het wachtwoord').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Regio aanmaken' }).click();

    // The recovery key, as for a school; its sheet names the region.
    await heading(page, 'Uw herstelsleutel', 1);
    expect(await page.getByTestId('recovery-sheet').textContent()).toContain('Regio Noord-Kennemerland');
    const key = (await page.getByTestId('recovery-key').textContent())!;
    await page.getByLabel('Laatste groep van de herstelsleutel').fill(key.slice(-5));
    await page.getByRole('button', { name: 'Ik heb de herstelsleutel bewaard' }).click();

    await heading(page, 'Overzicht');
    await expect.poll(() => page.getByText(s.overview.empty).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('0 scholen in 0 gebieden · 0 bijdragen').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('banner').getByText('Regio Noord-Kennemerland').isVisible()).toBe(true);
    expect(await page.getByText('Demoregio', { exact: true }).count()).toBe(0);
    // Only what works on a region file: no pupils, cases or meetings, no pupil search.
    const menu = page.getByRole('navigation', { name: 'Menu' });
    expect(await menu.getByRole('link').allTextContents()).toEqual([
      'Overzicht',
      'Scholen en gebieden',
      'Regiorapportage',
      'Instellingen',
      'Verslag controleren',
      'Privacy',
    ]);
    expect(await page.getByRole('button', { name: /Zoeken/ }).count()).toBe(0);
    expect(await axeProblems(page)).toEqual([]);

    // Locked and opened again with the passphrase: back in region mode.
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await heading(page, 'MDO is vergrendeld', 1);
    await page.getByLabel('Wachtwoord').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await heading(page, 'Overzicht');
    await expect.poll(() => page.getByRole('banner').getByText('Regio Noord-Kennemerland').isVisible()).toBe(true);

    // The file is encrypted, holds the region and the coordinator's active key, and no school.
    expect(fs.readFileSync(session.dbPath).includes('Noord-Kennemerland')).toBe(false);
    const db = session.db();
    expect(await db.selectFrom('region').select('name').executeTakeFirstOrThrow()).toEqual({ name: 'Regio Noord-Kennemerland' });
    expect(await db.selectFrom('regionKey').select('active').execute()).toEqual([{ active: 1 }]);
    expect(await db.selectFrom('school').select('id').execute()).toEqual([]);
    // Main may have refused the weak passphrase (when the form had not judged it yet): an answer, not a failure.
    expect(app.failures.filter((failure) => !(failure.channel === 'setup.start' && failure.code === 'VALIDATION'))).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });

  it('reads contributions in: an unknown signer confirmed first, another coordinator’s file and a changed byte refused, nothing of them stored', async () => {
    const app = current();
    const { page, session } = app;
    await startRegion(app);
    const db = session.db();
    const temp = tempDir('mdo-region-files-');
    try {
      // De Regenboog is registered with its gebied before it sends anything.
      await page.getByRole('link', { name: 'Scholen en gebieden', exact: true }).click();
      await heading(page, 'Scholen en gebieden');
      await page.getByLabel('Naam van het gebied').fill('Oost');
      await page.getByRole('button', { name: 'Gebied toevoegen' }).click();
      await expect.poll(() => page.getByRole('listitem', { name: 'Oost' }).isVisible()).toBe(true);
      await page.getByLabel('Naam van de school', { exact: true }).fill('De Regenboog');
      await page.getByRole('combobox', { name: 'Gebied', exact: true }).click();
      await page.getByRole('option', { name: 'Oost', exact: true }).click();
      await page.getByRole('button', { name: 'School toevoegen' }).click();
      await expect.poll(() => page.getByRole('table', { name: 'Scholen' }).getByText('De Regenboog').isVisible()).toBe(true);

      const certificate = await savedCertificate(app);
      const linde = testKey(temp.dir, 'linde', 'school', 'IB OBS De Linde');
      const regenboog = testKey(temp.dir, 'regenboog', 'school', 'IB De Regenboog');
      const kompas = testKey(temp.dir, 'kompas', 'school', 'IB Het Kompas');
      const otherCoordinator = testKey(temp.dir, 'other', 'coordinator', 'Andere coördinator');
      const files = {
        lindeQ3: await contributionFile(
          temp.dir,
          'linde-q3.mdoregio',
          contribution('OBS De Linde', Q3, '2026-10-05T09:00:00.000Z'),
          linde,
          certificate,
        ),
        lindeQ2: await contributionFile(
          temp.dir,
          'linde-q2.mdoregio',
          contribution('OBS De Linde', Q2, '2026-07-06T09:00:00.000Z'),
          linde,
          certificate,
        ),
        regenboog: await contributionFile(
          temp.dir,
          'regenboog-q3.mdoregio',
          contribution('De Regenboog', Q3, '2026-10-07T09:00:00.000Z'),
          regenboog,
          certificate,
        ),
        kompas: await contributionFile(
          temp.dir,
          'kompas-q3.mdoregio',
          contribution('Het Kompas', Q3, '2026-10-08T09:00:00.000Z'),
          kompas,
          certificate,
        ),
        other: await contributionFile(
          temp.dir,
          'andere-coordinator.mdoregio',
          contribution('OBS De Linde', Q3, '2026-10-05T09:00:00.000Z'),
          linde,
          otherCoordinator.identity.certificate,
        ),
      };
      // One base64 letter changed in the middle of the text, as a mail program might.
      const sealed = fs.readFileSync(files.regenboog);
      let at = Math.floor(sealed.length / 2);
      while (!/[A-Za-z]/.test(String.fromCharCode(sealed[at]))) at++;
      sealed[at] = sealed[at] === 0x41 ? 0x42 : 0x41;
      const changed = path.join(temp.dir, 'gewijzigd.mdoregio');
      fs.writeFileSync(changed, sealed);

      await page.getByRole('link', { name: 'Overzicht', exact: true }).click();
      await heading(page, 'Overzicht');
      app.chooseMany([files.lindeQ3, files.lindeQ2, files.regenboog, files.kompas, files.other, changed]);
      await page.getByRole('button', { name: 'Bijdragen inlezen…' }).click();

      // The first unknown signer: De Linde, with both its files; the region has no school by that name.
      const dialog = page.getByRole('dialog', { name: 'Nieuwe afzender' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await expect.poll(() => dialog.getByText('OBS De Linde', { exact: true }).isVisible()).toBe(true);
      await expect.poll(() => dialog.getByText('IB OBS De Linde', { exact: true }).isVisible()).toBe(true);
      const fingerprint = dialog.getByTestId('fingerprint');
      expect((await fingerprint.locator('span').allTextContents()).join(':')).toBe(linde.fingerprint);
      expect(await fingerprint.locator('span').count()).toBe(8);
      await expect.poll(() => dialog.getByText('linde-q3.mdoregio (3e kwartaal 2026)').isVisible()).toBe(true);
      await expect.poll(() => dialog.getByText('linde-q2.mdoregio (2e kwartaal 2026)').isVisible()).toBe(true);
      expect(await dialog.getByRole('radio', { name: 'Een nieuwe school' }).isChecked()).toBe(true);
      expect(await dialog.getByLabel('Naam van de nieuwe school').inputValue()).toBe('OBS De Linde');
      // Nothing is stored while the coordinator compares.
      expect(await db.selectFrom('contribution').select('id').execute()).toEqual([]);
      expect(await axeProblems(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Afzender vertrouwen' }).click();

      // Then De Regenboog: the school of the same name is chosen.
      await expect.poll(() => dialog.getByTestId('fingerprint').textContent()).toContain(regenboog.fingerprint.slice(0, 11));
      expect(await dialog.getByRole('radio', { name: 'Een school in de regio' }).isChecked()).toBe(true);
      expect(await dialog.getByRole('combobox', { name: 'School' }).inputValue()).toBe('De Regenboog');
      await dialog.getByRole('button', { name: 'Afzender vertrouwen' }).click();

      // Het Kompas is not trusted: its file is dropped.
      await expect.poll(() => dialog.getByTestId('fingerprint').textContent()).toContain(kompas.fingerprint.slice(0, 11));
      await dialog.getByRole('button', { name: 'Niet vertrouwen' }).click();
      await expect.poll(() => dialog.count()).toBe(0);

      const expected: [string, string, string][] = [
        ['linde-q3.mdoregio', 'Ingelezen', nlRegio.contributions.outcome.stored],
        ['linde-q2.mdoregio', 'Ingelezen', nlRegio.contributions.outcome.stored],
        ['regenboog-q3.mdoregio', 'Ingelezen', nlRegio.contributions.outcome.stored],
        ['kompas-q3.mdoregio', 'Afzender niet vertrouwd', s.results.dismissedMessage],
        ['andere-coordinator.mdoregio', 'Niet voor deze coördinator', nlRegio.contributions.refused.NOT_FOR_US],
        ['gewijzigd.mdoregio', 'Gewijzigd na ondertekening', nlRegio.contributions.refused.TAMPERED],
      ];
      for (const [file, label, message] of expected) {
        const line = resultOf(page, file);
        await expect.poll(() => line.textContent(), { message: file }).toContain(label);
        expect(await line.textContent()).toContain(message);
      }
      expect(await resultOf(page, 'regenboog-q3.mdoregio').textContent()).toContain('De Regenboog · 3e kwartaal 2026');

      // Stored: the three trusted files, for the schools of their signers; nothing of the refused or dismissed ones.
      const stored = await db
        .selectFrom('contribution')
        .innerJoin('regionSchool', 'regionSchool.id', 'contribution.regionSchoolId')
        .select(['regionSchool.name', 'contribution.periodFrom', 'contribution.fileSha256'])
        .orderBy('regionSchool.name')
        .orderBy('contribution.periodFrom')
        .execute();
      expect(stored.map((row) => `${row.name} ${row.periodFrom}`)).toEqual([
        'De Regenboog 2026-07-01',
        'OBS De Linde 2026-04-01',
        'OBS De Linde 2026-07-01',
      ]);
      expect(await db.selectFrom('regionSigner').select('subject').orderBy('subject').execute()).toEqual([
        { subject: 'IB De Regenboog' },
        { subject: 'IB OBS De Linde' },
      ]);
      expect((await db.selectFrom('regionSchool').select('name').orderBy('name').execute()).map((row) => row.name)).toEqual([
        'De Regenboog',
        'OBS De Linde',
      ]);

      // The overview: by gebied (Oost first, the new school without gebied after it), newest period first.
      await page.getByRole('button', { name: 'Resultaat sluiten' }).click();
      const table = page.getByRole('table', { name: 'Bijdragen per school en periode' });
      await expect
        .poll(() => table.getByRole('columnheader').allTextContents())
        .toEqual(['School', '3e kwartaal 2026', '2e kwartaal 2026']);
      expect(await table.locator('th[scope="rowgroup"]').allTextContents()).toEqual(['Oost', 'Zonder gebied']);
      expect(await cell(page, 'De Regenboog', '3e kwartaal 2026')).toBe('Geleverdgemaakt op 7 oktober 2026');
      expect(await cell(page, 'De Regenboog', '2e kwartaal 2026')).toBe('Ontbreekt');
      expect(await cell(page, 'OBS De Linde', '2e kwartaal 2026')).toBe('Geleverdgemaakt op 6 juli 2026');
      await expect.poll(() => page.getByText('2 scholen in 1 gebied · 3 bijdragen').isVisible()).toBe(true);

      // A folder: De Linde sent its third quarter again (the newer one counts), a file read before, and a note.
      const folder = path.join(temp.dir, 'map');
      fs.mkdirSync(folder);
      await contributionFile(
        folder,
        'linde-q3-opnieuw.mdoregio',
        contribution('OBS De Linde', Q3, '2026-10-20T09:00:00.000Z'),
        linde,
        certificate,
      );
      fs.copyFileSync(files.lindeQ2, path.join(folder, 'linde-q2.mdoregio'));
      fs.writeFileSync(path.join(folder, 'notitie.txt'), 'niet inlezen');
      app.chooseMany([folder]);
      await page.getByRole('button', { name: 'Map inlezen…' }).click();
      await expect.poll(() => resultOf(page, 'linde-q3-opnieuw.mdoregio').textContent()).toContain('Vervangt een eerdere bijdrage');
      expect(await resultOf(page, 'linde-q2.mdoregio').textContent()).toContain('Al ingelezen');
      await expect.poll(() => page.getByText(s.results.ignored(1), { exact: false }).isVisible()).toBe(true);
      await expect.poll(() => cell(page, 'OBS De Linde', '3e kwartaal 2026')).toBe('Vervangengemaakt op 20 oktober 2026Geschiedenis');
      await page.getByRole('button', { name: 'Geschiedenis: OBS De Linde, 3e kwartaal 2026' }).click();
      await expect
        .poll(() => page.getByText('Vervangen: gemaakt op 5 oktober 2026, ingelezen op 25 november 2026.').isVisible())
        .toBe(true);
      await expect
        .poll(() => page.getByText('In gebruik: gemaakt op 20 oktober 2026, ingelezen op 25 november 2026.').isVisible())
        .toBe(true);
      expect(await db.selectFrom('contribution').select('id').execute()).toHaveLength(4);
      expect(await axeProblems(page)).toEqual([]);

      // A signer removed in Instellingen is asked about again; its contributions stay.
      await page.keyboard.press('Escape');
      await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
      const signers = page.getByRole('list', { name: 'Vertrouwde afzenders' });
      await expect.poll(() => signers.getByRole('listitem').count()).toBe(2);
      await signers.getByRole('button', { name: 'Afzender verwijderen: De Regenboog' }).click();
      await page
        .getByRole('dialog', { name: 'Afzender niet meer vertrouwen' })
        .getByRole('button', { name: 'Niet meer vertrouwen' })
        .click();
      await expect.poll(() => signers.getByRole('listitem').count()).toBe(1);
      expect(await db.selectFrom('contribution').select('id').execute()).toHaveLength(4);
      expect(app.failures).toEqual([]);
    } finally {
      temp.remove();
    }
  });

  it('keeps the schools and gebieden: a CSV refused line by line with nothing stored, then read in; rename, move and remove', async () => {
    const app = current();
    const { page, session } = app;
    await startRegion(app);
    const db = session.db();
    const temp = tempDir('mdo-region-csv-');
    try {
      await page.getByRole('link', { name: 'Scholen en gebieden', exact: true }).click();
      await heading(page, 'Scholen en gebieden');
      await expect.poll(() => page.getByText(s.schools.empty).isVisible()).toBe(true);

      const bad = temp.file('scholen-fout.csv');
      fs.writeFileSync(bad, 'school;gebied\nDe Linde;Oost;extra\nX;Oost\n"Het Kompas;West\n');
      app.chooseFile(bad);
      await page.getByRole('button', { name: 'CSV inlezen…' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'scholen-fout.csv is niet ingelezen' });
      await expect.poll(() => refusal.isVisible()).toBe(true);
      expect(await refusal.getByRole('listitem').allTextContents()).toEqual([
        `Regel 2: ${nlRegio.csv.problems.tooManyFields}`,
        `Regel 3: ${nlRegio.csv.problems.shortSchool}`,
        `Regel 4: ${nlRegio.csv.problems.openQuote}`,
      ]);
      expect(await refusal.textContent()).toContain(nlRegio.csv.refused);
      expect(await db.selectFrom('regionSchool').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('regionArea').select('id').execute()).toEqual([]);

      const good = temp.file('scholen.csv');
      fs.writeFileSync(good, '\uFEFFschool;gebied\r\nDe Linde;Oost\r\nHet Kompas;West\r\nDe Regenboog;Oost\r\nDe Springplank;\r\n');
      app.chooseFile(good);
      await page.getByRole('button', { name: 'CSV inlezen…' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'scholen.csv is ingelezen' }).textContent())
        .toBe('scholen.csv is ingelezen: 4 scholen, waarvan 4 nieuw en 0 met een ander gebied; 2 nieuwe gebieden.');
      const schools = page.getByRole('table', { name: 'Scholen' });
      await expect.poll(() => schools.getByRole('row').count()).toBe(5);
      expect(await schools.getByRole('combobox', { name: 'Gebied van De Springplank' }).inputValue()).toBe('Geen gebied');
      expect(await page.getByRole('listitem', { name: 'Oost' }).textContent()).toContain('2 scholen');

      // Het Kompas moves to Oost; De Linde is renamed; a name taken is refused.
      await schools.getByRole('combobox', { name: 'Gebied van Het Kompas' }).click();
      await page.getByRole('option', { name: 'Oost', exact: true }).click();
      await expect.poll(() => page.getByRole('listitem', { name: 'Oost' }).textContent()).toContain('3 scholen');
      await schools.getByRole('button', { name: 'Naam wijzigen: De Linde' }).click();
      const rename = page.getByRole('dialog', { name: 'Naam van de school wijzigen' });
      await rename.getByLabel('Nieuwe naam').fill('De Regenboog');
      await rename.getByRole('button', { name: 'Opslaan' }).click();
      await expect.poll(() => rename.getByText(nlRegio.forms.schoolExists).isVisible()).toBe(true);
      await rename.getByLabel('Nieuwe naam').fill('OBS De Linde');
      await rename.getByRole('button', { name: 'Opslaan' }).click();
      await expect.poll(() => schools.getByText('OBS De Linde').isVisible()).toBe(true);

      // West is renamed, then, with no school left, removed. Oost goes too; its schools stay, without gebied.
      await page.getByRole('button', { name: 'Naam wijzigen: West' }).click();
      const renameArea = page.getByRole('dialog', { name: 'Naam van het gebied wijzigen' });
      await renameArea.getByLabel('Nieuwe naam').fill('Nieuw-West');
      await renameArea.getByRole('button', { name: 'Opslaan' }).click();
      await expect.poll(() => page.getByRole('listitem', { name: 'Nieuw-West' }).textContent()).toContain('0 scholen');
      await page.getByRole('button', { name: 'Verwijderen: Nieuw-West' }).click();
      await page.getByRole('dialog', { name: 'Gebied verwijderen' }).getByRole('button', { name: 'Verwijderen' }).click();
      await expect.poll(() => page.getByRole('listitem', { name: 'Nieuw-West' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Verwijderen: Oost' }).click();
      const removeArea = page.getByRole('dialog', { name: 'Gebied verwijderen' });
      expect(await removeArea.textContent()).toContain('De 3 scholen blijven in de regio, zonder gebied.');
      await removeArea.getByRole('button', { name: 'Verwijderen' }).click();
      await expect.poll(() => page.getByText(s.schools.areasEmpty).isVisible()).toBe(true);
      expect(await schools.getByRole('combobox', { name: 'Gebied van Het Kompas' }).inputValue()).toBe('Geen gebied');

      await schools.getByRole('button', { name: 'Verwijderen: De Springplank' }).click();
      const removeSchool = page.getByRole('dialog', { name: 'School verwijderen' });
      expect(await removeSchool.textContent()).toContain('De Springplank gaat uit de regio, met 0 bijdragen en 0 vertrouwde afzenders.');
      await removeSchool.getByRole('button', { name: 'Verwijderen' }).click();
      await expect.poll(() => schools.getByRole('row').count()).toBe(4);
      expect((await db.selectFrom('regionSchool').select('name').orderBy('name').execute()).map((row) => row.name)).toEqual([
        'De Regenboog',
        'Het Kompas',
        'OBS De Linde',
      ]);
      expect(await axeProblems(page)).toEqual([]);
      // The name taken was refused as a form's answer (VALIDATION); nothing else failed.
      expect(app.failures.map((failure) => `${failure.channel} ${failure.code}`)).toEqual(['region.schools.rename VALIDATION']);
    } finally {
      temp.remove();
    }
  });

  it('shows the coordinator’s certificate; saves the key as .p12 under a strong passphrase, makes a new one, imports the old back', async () => {
    const app = current();
    const { page, session } = app;
    await startRegion(app);
    const certificate = await savedCertificate(app);
    // Name, region, the fingerprint in eight groups, the validity with its state.
    const details = page.getByRole('region', { name: 'Certificaat van de coördinator' }).getByRole('definition');
    expect(await details.allTextContents()).toEqual(expect.arrayContaining(['Sanne de Wit', 'Regio Noord-Kennemerland']));
    const fingerprint = page.getByTestId('fingerprint').first().locator('span');
    expect(await fingerprint.count()).toBe(8);
    expect((await fingerprint.allTextContents()).join(':')).toBe(certificate.fingerprint256);
    expect(await details.filter({ hasText: 'Geldig' }).textContent()).toMatch(/^\d{1,2} \w+ 20\d\d(Geldig|Verloopt binnenkort)$/);

    // The .p12 opens every contribution: a weak passphrase is refused with the reason.
    await page.getByRole('button', { name: 'Sleutel opslaan (.p12)' }).click();
    const p12 = page.getByRole('dialog', { name: 'Sleutel opslaan (.p12)' });
    await p12.getByLabel('Nieuw wachtwoord').fill('Noord-Kennemerland');
    await p12.getByLabel('Herhaal het wachtwoord').fill('Noord-Kennemerland');
    await p12.getByRole('button', { name: 'Opslaan…' }).click();
    await expect
      .poll(() =>
        p12
          .getByText(/te makkelijk te raden|te kort/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const before = app.exports.length;
    await p12.getByLabel('Nieuw wachtwoord').fill('zeehond lantaarn oktober fiets');
    await p12.getByLabel('Herhaal het wachtwoord').fill('zeehond lantaarn oktober fiets');
    await p12.getByRole('button', { name: 'Opslaan…' }).click();
    await expect.poll(() => app.exports.length).toBe(before + 1);
    const keyFile = app.exports.at(-1)!;
    expect(path.basename(keyFile)).toBe('Sleutel coördinator Regio Noord-Kennemerland.p12');
    expect(readP12(fs.readFileSync(keyFile), 'zeehond lantaarn oktober fiets').certificate.fingerprint256).toBe(certificate.fingerprint256);

    // A new certificate becomes the active one; the old one stays to open late files.
    await page.getByRole('button', { name: 'Nieuw certificaat maken' }).click();
    const create = page.getByRole('dialog', { name: 'Nieuw certificaat maken' });
    expect(await create.getByLabel('Uw naam').inputValue()).toBe('Sanne de Wit');
    await create.getByRole('button', { name: 'Certificaat maken' }).click();
    await expect.poll(() => page.getByText(s.settings.created).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Eerdere certificaten' }).isVisible()).toBe(true);
    const db = session.db();
    const active = () => db.selectFrom('regionKey').select('fingerprint').where('active', '=', 1).executeTakeFirstOrThrow();
    expect((await active()).fingerprint).not.toBe(certificate.fingerprint256);

    // The saved key taken back in: active again (the same key, not a copy).
    await page.getByRole('button', { name: 'Sleutel importeren (.p12)' }).click();
    const importing = page.getByRole('dialog', { name: 'Sleutel importeren (.p12)' });
    await importing.getByLabel('Wachtwoord van het .p12-bestand').fill('verkeerd wachtwoord');
    app.chooseFile(keyFile);
    await importing.getByRole('button', { name: 'Bestand kiezen…' }).click();
    await expect.poll(() => importing.getByRole('alert').count()).toBe(1);
    await importing.getByLabel('Wachtwoord van het .p12-bestand').fill('zeehond lantaarn oktober fiets');
    app.chooseFile(keyFile);
    await importing.getByRole('button', { name: 'Bestand kiezen…' }).click();
    await expect.poll(() => page.getByText(s.settings.imported).isVisible()).toBe(true);
    expect((await active()).fingerprint).toBe(certificate.fingerprint256);
    expect(await db.selectFrom('regionKey').select('id').execute()).toHaveLength(2);

    // The region's new name shows in the header.
    await page.getByLabel('Naam van de regio').fill('Regio Kennemerland');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => page.getByRole('banner').getByText('Regio Kennemerland').isVisible()).toBe(true);
    expect(await axeProblems(page)).toEqual([]);
    // The refused passphrase and the wrong .p12 passphrase are answers to the user, not failures of the app.
    expect(app.failures.filter((failure) => !['VALIDATION', 'CERT_PASSPHRASE', 'CERT_FILE'].includes(failure.code))).toEqual([]);
  });

  it('opens the demo region with 16 schools in 7 buurten; every region screen answers without a failed call', async () => {
    const app = current();
    const { page } = app;
    await heading(page, 'Welkom bij MDO', 1);
    await page.getByRole('button', { name: 'Demoregio bekijken' }).click();
    await heading(page, 'Overzicht');
    await expect.poll(() => page.getByRole('banner').getByText('Demo — Regio Oost').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('banner').getByText('Demoregio', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/^16 scholen in 7 gebieden · \d+ bijdragen$/).isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Bijdragen per school en periode' });
    expect(await table.locator('th[scope="rowgroup"]').count()).toBe(7);
    expect(await table.locator('th[scope="row"]').count()).toBe(16);
    expect(await table.getByRole('columnheader').count()).toBe(5);
    expect(await table.getByText('Ontbreekt', { exact: true }).count()).toBe(3);
    expect(await table.getByText('Vervangen', { exact: true }).count()).toBe(1);

    // Every screen of the region's menu, and a school's address, which leads to the overview.
    const screens: [link: string, title: string][] = [
      ['Scholen en gebieden', 'Scholen en gebieden'],
      ['Regiorapportage', 'Regiorapportage'],
      ['Instellingen', 'Instellingen'],
      ['Verslag controleren', 'Verslag controleren'],
      ['Privacy', 'Privacy'],
      ['Overzicht', 'Overzicht'],
    ];
    const problems: string[] = [];
    for (const [link, title] of screens) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await heading(page, title);
      problems.push(...(await axeProblems(page)).map((problem) => `${link}: ${problem}`));
    }
    await page.evaluate(() => (window.location.hash = '#/casussen'));
    await heading(page, 'Overzicht');
    await page.evaluate(() => (window.location.hash = '#/'));
    await heading(page, 'Overzicht');
    expect(problems).toEqual([]);
    expect(app.failures).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });
});

describe('region mode under IT’s policy', () => {
  it('offers no demo region where IT left the demo school out', async () => {
    const temp = tempDir();
    const app = await launchApp({ dbPath: temp.file('mdo.db'), policy: { ...NO_POLICY, offerDemoSchool: false } });
    try {
      await heading(app.page, 'Welkom bij MDO', 1);
      await expect.poll(() => app.page.getByRole('button', { name: 'Een regio coördineren' }).isVisible()).toBe(true);
      expect(await app.page.getByRole('button', { name: 'Demoregio bekijken' }).count()).toBe(0);
      expect(await app.page.getByRole('button', { name: 'Open de demoschool' }).count()).toBe(0);
    } finally {
      await app.close();
      temp.remove();
    }
  });
});
