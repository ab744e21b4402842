import path from 'node:path';
import { axeBuilder } from './axe';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appPerTest } from './harness';

/** No serious or critical accessibility problems on the screen as it is now; a screenshot when MDO_SCREENSHOTS is set. */
async function axe(page: Page, name: string): Promise<void> {
  const result = await axeBuilder(page).analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
  if (process.env.MDO_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.MDO_SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('consent per party: a 13-year-old decides with the parents', () => {
  const current = appPerTest();

  it('refuses her by name while only her mother consented, says why in Dutch, and takes her once she consents herself', async () => {
    const { page, session, router } = current();
    const db = session.db();
    const meeting = await db
      .selectFrom('meeting')
      .select(['id', 'schoolId', 'date'])
      .where('status', '=', 'planned')
      .orderBy('date')
      .executeTakeFirstOrThrow();
    // Thirteen today and on the meeting date.
    const born = `${Number(meeting.date.slice(0, 4)) - 13}-06-15`;
    const pupil = await router.call('pupils.create', {
      schoolId: meeting.schoolId,
      firstName: 'Fenna',
      lastName: 'Dijkstra',
      dateOfBirth: born,
      groupName: 'Groep 8',
    });
    const pupilId = (pupil as { data: { id: number } }).data.id;
    const created = await router.call('cases.create', { pupilId, question: 'Fenna trekt zich terug in de klas en eet slecht.' });
    const caseId = (created as { data: { id: number } }).data.id;
    const mother = await router.call('cases.addParent', { caseId, name: 'Karin Dijkstra', relation: 'moeder', hasAuthority: true });
    const parentId = (mother as { data: { id: number } }).data.id;
    expect(
      await router.call('cases.recordConsent', {
        caseId,
        party: 'parent',
        parentId,
        status: 'given',
        method: 'written',
        recordedOn: '2026-11-20',
      }),
    ).toMatchObject({ ok: true });

    // The agenda: suggested as a new case, with whose decision is missing.
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}`);
    const suggestion = page
      .getByRole('list', { name: 'Voorstellen voor de agenda' })
      .getByRole('listitem')
      .filter({ hasText: 'Fenna Dijkstra' });
    await expect.poll(() => suggestion.getByText('Er is nog geen toestemming van de leerling (13 jaar).').isVisible()).toBe(true);
    await suggestion.getByRole('button', { name: 'Toevoegen: Fenna Dijkstra', exact: true }).click();
    // Refused by name, with the rule: from 12 the pupil decides too.
    const refusal = page.getByRole('alert').filter({ hasText: 'kan nog niet bij naam op de agenda' });
    await expect.poll(() => refusal.textContent()).toContain('Er is nog geen toestemming van de leerling (13 jaar).');
    expect(await refusal.textContent()).toContain('Van 12 tot 16 jaar: de ouders met gezag én de leerling beslissen.');
    const onAgenda = () =>
      db.selectFrom('agendaItem').select('anonymous').where('meetingId', '=', meeting.id).where('caseId', '=', caseId).execute();
    expect(await onAgenda()).toEqual([]);

    // The case page: who decides at 13, the mother's consent, the pupil's missing decision.
    await page.evaluate((hash) => (window.location.hash = hash), `#/casussen/${caseId}`);
    await expect.poll(() => page.getByText('De leerling is nu 13 jaar.', { exact: false }).isVisible()).toBe(true);
    const parents = page.getByRole('list', { name: 'Ouders en verzorgers' });
    await expect
      .poll(() => parents.getByRole('listitem').filter({ hasText: 'Karin Dijkstra (moeder)' }).getByText('Gegeven').isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText('Nog niet bij naam bespreken: alleen anoniem.').isVisible()).toBe(true);
    await axe(page, 'consent-case-page-missing');

    // Her own decision, recorded with the keyboard-reachable form.
    await page.getByRole('combobox', { name: 'Wie besluit', exact: true }).click();
    await page.getByRole('option', { name: 'De leerling zelf (13 jaar)' }).click();
    await page.getByRole('combobox', { name: 'Besluit', exact: true }).click();
    await page.getByRole('option', { name: 'Gegeven' }).click();
    await page.getByRole('combobox', { name: 'Hoe', exact: true }).click();
    await page.getByRole('option', { name: 'Mondeling' }).click();
    await page.getByRole('textbox', { name: 'Datum', exact: true }).fill('2026-11-25');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => page.getByText('Mag bij naam worden besproken.').isVisible()).toBe(true);
    const history = page.getByRole('table', { name: 'Alle besluiten' });
    await expect.poll(() => history.getByRole('row').filter({ hasText: 'Leerling' }).getByText('Mondeling').isVisible()).toBe(true);
    expect(await history.getByRole('row').filter({ hasText: 'Karin Dijkstra (moeder)' }).count()).toBe(1);
    await axe(page, 'consent-case-page-allowed');

    // Now by name on the agenda.
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}`);
    await suggestion.getByRole('button', { name: 'Toevoegen: Fenna Dijkstra', exact: true }).click();
    await expect.poll(onAgenda).toEqual([{ anonymous: 0 }]);
    await expect.poll(() => page.getByRole('table', { name: 'Agenda' }).getByText('Fenna Dijkstra').isVisible()).toBe(true);
    await axe(page, 'consent-agenda');
  });
});
