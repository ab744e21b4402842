import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { newRegioKeyPair } from '../../core/regio/keyPairs';
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
    const result = await new AxeBuilder({ page: page as never }).analyze();
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
    await expect.poll(() => page.getByRole('heading', { name: 'Toestemming ouders' }).isVisible()).toBe(true);
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
