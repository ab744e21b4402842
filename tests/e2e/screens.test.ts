import fs from 'node:fs';
import path from 'node:path';
import { axeBuilder } from './axe';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { writeContributionFile } from '../../core/regio/contributionFile';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { newRegioKeyPair } from '../../core/regio/keyPairs';
import { sampleContribution, testKey } from '../fixtures/regio';
import { createDemoRegionDatabase } from '../fixtures/regionDatabase';
import { E2E_NOW, launchApp, tempDir, type LaunchedApp } from './harness';

// Every main screen of the demo school: no serious or critical accessibility
// violations (axe-core), and a screenshot. `npm run screenshots` writes them to
// docs/screenshots for the README; otherwise they go to a temporary folder.
describe('main screens', () => {
  const temp = tempDir();
  const shots = process.env.MDO_SCREENSHOTS ?? temp.file('shots');
  let app: LaunchedApp;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    await createDemoDatabase(temp.file('demo.db'));
    app = await launchApp({ dbPath: temp.file('demo.db') });
  });
  afterAll(async () => {
    await app.close();
    temp.remove();
  });

  async function check(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    // Let Mantine's transitions settle so the picture and axe see the final state.
    await page.waitForTimeout(300);
    const result = await axeBuilder(page).analyze();
    const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(
      serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
      name,
    ).toEqual([]);
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
  }

  const go = (page: Page, hash: string) => page.evaluate((value) => (window.location.hash = value), hash);

  async function visit(page: Page, screens: [link: string, heading: string, name: string][]) {
    for (const [link, heading, name] of screens) {
      await page.getByRole('link', { name: link }).click();
      await expect.poll(() => page.getByRole('heading', { name: heading, level: 2 }).isVisible()).toBe(true);
      await check(page, name);
    }
  }

  // Two tests, so that each stays within the time limit on a busy machine (axe takes seconds a screen).
  it('start, meetings, cases and pupils', async () => {
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
    await check(page, 'start');
    await visit(page, [
      ['Overleggen', 'Overleggen', 'overleggen'],
      ['Casussen', 'Casussen', 'casussen'],
      ['Leerlingen', 'Leerlingen', 'leerlingen'],
    ]);
  });

  it('kernteam, school, monitoring and privacy', async () => {
    await visit(app.page, [
      ['Kernteam', 'Kernteam', 'kernteam'],
      ['School', 'Schoolprofiel', 'school'],
      ['Monitoring', 'Monitoring', 'monitoring'],
      ['Privacy', 'Privacy', 'privacy'],
    ]);
  });

  it('backups in School settings, with one made by hand', async () => {
    const { page } = app;
    await go(page, '#/school');
    await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Reservekopieën' }).getByRole('row').count()).toBe(2);
    // The picture without the notification "gemaakt en gecontroleerd" (it closes by itself).
    await expect.poll(() => page.getByText('is gemaakt en gecontroleerd', { exact: false }).count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('heading', { name: 'Reservekopieën', level: 3 }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await check(page, 'reservekopieen');
  });

  it('meeting preparation, chair mode, projector view, closing and a case page', async () => {
    const { page, session } = app;
    const db = session.db();
    const meeting = await db.selectFrom('meeting').select('id').where('status', '=', 'planned').executeTakeFirstOrThrow();
    const item = await db
      .selectFrom('agendaItem')
      .select(['id', 'caseId'])
      .where('meetingId', '=', meeting.id)
      .where('kind', '=', 'case')
      .orderBy('position')
      .executeTakeFirstOrThrow();
    await go(page, `#/overleggen/${meeting.id}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Voorstellen voor de agenda' }).isVisible()).toBe(true);
    await check(page, 'overleg-voorbereiden');
    await go(page, `#/overleggen/${meeting.id}/voorzitten/${item.id}`);
    await expect.poll(() => page.getByLabel('Aantekeningen').isVisible()).toBe(true);
    await check(page, 'voorzitten');
    await page.getByRole('button', { name: 'Projecteren' }).click();
    await expect.poll(() => page.getByTestId('projector').isVisible()).toBe(true);
    // The projector shows the current case only: no agenda, no other pupils.
    const others = await db
      .selectFrom('agendaItem')
      .innerJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['pupil.firstName', 'pupil.lastName'])
      .where('agendaItem.meetingId', '=', meeting.id)
      .where('agendaItem.id', '!=', item.id)
      .execute();
    const projected = (await page.locator('main').textContent()) ?? '';
    for (const other of others) expect(projected).not.toContain(`${other.firstName} ${other.lastName}`);
    await check(page, 'projectie');
    await page.getByRole('button', { name: 'Terug naar voorzittersweergave' }).click();
    await go(page, `#/overleggen/${meeting.id}/afsluiten`);
    await expect.poll(() => page.getByRole('heading', { name: 'Actielijst per uitvoerder' }).isVisible()).toBe(true);
    await check(page, 'afsluiten');
    await go(page, `#/casussen/${item.caseId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Toestemming', exact: true }).isVisible()).toBe(true);
    await check(page, 'casus');
  });

  it("the regiomonitor: the coordinator's certificate in Schoolprofiel and Regiobijdrage maken", async () => {
    const { page } = app;
    const coordinator = newRegioKeyPair({
      purpose: 'coordinator',
      name: 'Regiocoördinator Amsterdam-Oost',
      organisation: 'Stuurgroep MDO Amsterdam-Oost',
      now: new Date(E2E_NOW),
    });
    fs.writeFileSync(temp.file('coordinator.pem'), coordinator.certificatePem);
    await go(page, '#/school');
    const panel = page.getByRole('region', { name: 'Regiomonitor' });
    app.chooseFile(temp.file('coordinator.pem'));
    await panel.getByRole('button', { name: 'Certificaat kiezen…' }).click();
    await expect.poll(() => panel.getByTestId('region-fingerprint').isVisible()).toBe(true);
    // The whole section in the picture, below the app's fixed header.
    await panel.evaluate((section) => {
      section.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -72);
    });
    await check(page, 'regiomonitor-school');
    await go(page, '#/monitoring/regiobijdrage');
    await expect.poll(() => page.getByRole('heading', { name: 'Wat het bestand bevat', level: 3 }).isVisible()).toBe(true);
    await check(page, 'regiobijdrage');
  });

  it('a signed verslag, Verslag controleren and the lock screen', async () => {
    const { page, session } = app;
    const db = session.db();
    const meeting = await db
      .selectFrom('meeting')
      .select(['id', 'chairId', 'minuteTakerId'])
      .where('status', '=', 'held')
      .executeTakeFirstOrThrow();
    const invoke = (channel: string, input: unknown) =>
      page.evaluate(([c, i]) => window.mdo.invoke(c as never, i as never), [channel, input] as const);
    const chair = await invoke('certificates.create', { memberId: meeting.chairId, passphrase: 'voorzitter-2026' });
    expect(await invoke('certificates.create', { memberId: meeting.minuteTakerId, passphrase: 'notulist-2026' })).toMatchObject({
      ok: true,
    });
    expect(await invoke('minutes.finalize', { meetingId: meeting.id })).toMatchObject({ ok: true });
    const certificateId = (chair as { data: { id: number } }).data.id;
    expect(await invoke('minutes.sign', { meetingId: meeting.id, certificateId, passphrase: 'voorzitter-2026' })).toMatchObject({
      ok: true,
    });
    await go(page, `#/overleggen/${meeting.id}`);
    await expect.poll(() => page.getByRole('button', { name: /^Ondertekenen als notulist/ }).isVisible()).toBe(true);
    await page.getByRole('heading', { name: 'Ondertekening' }).scrollIntoViewIfNeeded();
    await check(page, 'verslag-ondertekenen');

    await page.getByRole('button', { name: 'Verslag exporteren' }).click();
    await expect.poll(() => app.exports.length).toBe(1);
    await page.getByRole('link', { name: 'Verslag controleren' }).click();
    app.chooseFile(app.exports[0]);
    await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
    await expect.poll(() => page.getByText('Alle handtekeningen zijn geldig', { exact: false }).isVisible()).toBe(true);
    await check(page, 'verslag-controleren');

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'MDO is vergrendeld' }).isVisible()).toBe(true);
    await check(page, 'vergrendeld');
  });
});

// The coordinator's screens of the demo region (region-*.png), with the same checks.
describe('region screens', () => {
  const temp = tempDir();
  const shots = process.env.MDO_SCREENSHOTS ?? temp.file('shots');
  let app: LaunchedApp;

  beforeAll(async () => {
    fs.mkdirSync(shots, { recursive: true });
    await createDemoRegionDatabase(temp.file('regio.db'));
    app = await launchApp({ dbPath: temp.file('regio.db') });
  });
  afterAll(async () => {
    await app.close();
    temp.remove();
  });

  async function check(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
    await page.waitForTimeout(300);
    const result = await axeBuilder(page).analyze();
    const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(
      serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
      name,
    ).toEqual([]);
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
  }

  it('the first start offers a region next to the school', async () => {
    const first = await launchApp({ dbPath: path.join(temp.dir, 'nieuw', 'mdo.db') });
    try {
      await expect.poll(() => first.page.getByRole('heading', { name: 'Coördineert u een regio?' }).isVisible()).toBe(true);
      await first.page.getByRole('heading', { name: 'Coördineert u een regio?' }).scrollIntoViewIfNeeded();
      await check(first.page, 'region-welkom');
    } finally {
      await first.close();
    }
  });

  it('overview, schools and gebieden, settings', async () => {
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { name: 'Overzicht', level: 2 }).isVisible()).toBe(true);
    await check(page, 'region-overzicht');
    for (const [link, name] of [
      ['Scholen en gebieden', 'region-scholen'],
      ['Instellingen', 'region-instellingen'],
    ]) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await expect.poll(() => page.getByRole('heading', { name: link, level: 2 }).isVisible()).toBe(true);
      await check(page, name);
    }
    expect(app.failures).toEqual([]);
  });

  it('the Regiorapportage: the period, the export and the region as a whole', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Regiorapportage', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Leercyclus', level: 3 }).isVisible()).toBe(true);
    await check(page, 'region-rapportage');
    expect(app.failures).toEqual([]);
  });

  it('a new school’s first contribution: the signer to confirm, then the result per file', async () => {
    const { page, session } = app;
    const { certificatePem } = await session
      .db()
      .selectFrom('regionKey')
      .select('certificatePem')
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    const school = testKey(temp.dir, 'school', 'school', 'Demo — IB Basisschool De Boomhut');
    const file = temp.file('Regiobijdrage Demo — Basisschool De Boomhut 2026-07-01 tot en met 2026-09-30.mdoregio');
    const contribution = sampleContribution({
      school: { name: 'Demo — Basisschool De Boomhut' },
      period: { from: '2026-07-01', to: '2026-09-30' },
      createdAt: '2026-10-09T09:00:00.000Z',
      measures: { ...sampleContribution().measures, asOf: '2026-09-30' },
    });
    fs.writeFileSync(file, await writeContributionFile(contribution, school.identity, new X509Certificate(certificatePem)));
    // And one made with another region's certificate: refused with its message.
    const other = testKey(temp.dir, 'other', 'coordinator', 'Demo — Coördinator Regio West');
    const otherFile = temp.file('Regiobijdrage Demo — Basisschool De Boomhut voor Regio West.mdoregio');
    fs.writeFileSync(otherFile, await writeContributionFile(contribution, school.identity, other.identity.certificate));
    await page.getByRole('link', { name: 'Overzicht', exact: true }).click();
    app.chooseMany([file, otherFile]);
    await page.getByRole('button', { name: 'Bijdragen inlezen…' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Nieuwe afzender' }).isVisible()).toBe(true);
    await check(page, 'region-afzender');
    await page.getByRole('dialog').getByRole('button', { name: 'Afzender vertrouwen' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.getByText('Ingelezen', { exact: true }).isVisible()).toBe(true);
    // The picture without the notification "vertrouwd als" (it closes by itself).
    await expect.poll(() => page.getByText('De afzender is vertrouwd als', { exact: false }).count(), { timeout: 10_000 }).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await check(page, 'region-inlezen');
    expect(app.failures).toEqual([]);
  });
});
