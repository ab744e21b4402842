import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appPerTest } from './harness';

// A new IB runs a whole MDO on the demo school, as a user would: by role and Dutch label.
describe('running an MDO from plan to carry-over', () => {
  const current = appPerTest();

  const visible = (page: Page, text: string) => expect.poll(() => page.getByText(text, { exact: false }).first().isVisible()).toBe(true);

  async function planMeeting(page: Page, date: string) {
    await page.getByRole('link', { name: 'Overleggen', exact: true }).click();
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByLabel('Datum').fill(date);
    await page.getByLabel('Locatie').fill('Teamkamer');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Voorstellen voor de agenda' }).isVisible()).toBe(true);
  }

  it('plans, chairs three cases with notes, agreements and a trekker change, closes, and carries agreements over', async () => {
    const { page, session } = current();
    await planMeeting(page, '2026-12-08');

    // A pupil without consent cannot be put on the agenda by name.
    const suggestions = page.getByRole('list', { name: 'Voorstellen voor de agenda' });
    // By the badge: the explanation under it ("Er is nog geen toestemming van …") says more than the label.
    const noConsent = page.getByText('Geen toestemming', { exact: true });
    const blocked = suggestions.getByRole('listitem').filter({ has: noConsent }).first();
    await blocked.getByRole('button', { name: /^Toevoegen: / }).click();
    await visible(page, 'Deze casus kan nog niet bij naam op de agenda.');
    expect(await page.getByRole('table', { name: 'Agenda' }).getByRole('row').count()).toBe(2);

    // Three cases with consent from the suggestions.
    const added: string[] = [];
    for (let n = 0; n < 3; n++) {
      const button = suggestions
        .getByRole('listitem')
        .filter({ hasNot: noConsent })
        .first()
        .getByRole('button', { name: /^Toevoegen: / });
      const name = (await button.getAttribute('aria-label'))!.replace('Toevoegen: ', '');
      await button.click();
      await expect.poll(() => page.getByRole('table', { name: 'Agenda' }).getByText(name).isVisible()).toBe(true);
      added.push(name);
    }
    expect(added).toHaveLength(3);

    // Presence.
    const presence = page.getByRole('radiogroup').first();
    await presence.getByText('Aanwezig').click();

    // Chair mode: from the opening to the first case with the keyboard.
    await page.getByRole('button', { name: 'Voorzitten' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Opening en mededelingen' }).isVisible()).toBe(true);
    const announcement = page.getByTestId('item-announcement');
    for (const [index, name] of added.entries()) {
      await page.keyboard.press('Alt+ArrowRight');
      await expect.poll(() => page.getByRole('heading', { name, level: 2 }).isVisible()).toBe(true);
      // The notes of the new item have the focus, and a screen reader hears which item this is.
      await expect.poll(() => page.getByLabel('Aantekeningen').evaluate((notes) => notes === document.activeElement)).toBe(true);
      expect(await announcement.getAttribute('aria-live')).toBe('polite');
      await expect.poll(() => announcement.textContent()).toMatch(new RegExp(`^Agendapunt ${index + 2} van \\d+: ${name}$`));
      await page.getByLabel('Aantekeningen').fill(`Bespreking van ${name}: ouders herkennen het beeld.`);
      await expect.poll(() => page.getByTestId('saved-notes').isVisible()).toBe(true);
      await page.keyboard.press('Alt+N');
      await page.keyboard.type(`Huisbezoek voor ${name}`);
      await page.getByRole('combobox', { name: 'Wie' }).click();
      await page.getByRole('option', { name: index === 1 ? 'Ouders' : /Leerplichtambtenaar/ }).click();
      await page.getByLabel('Wanneer').fill('2026-12-15');
      await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
      await expect
        .poll(() => page.getByRole('list', { name: 'Nieuwe afspraken' }).getByText(`Huisbezoek voor ${name}`).isVisible())
        .toBe(true);
    }
    // A trekker change on the last case, with its reason.
    const before = (await page.getByTestId('current-lead').textContent())!;
    await page.getByRole('combobox', { name: /Trekker (wijzigen|vastleggen)/ }).click();
    await page
      .getByRole('option', { name: /CJG-coach|Schoolmaatschappelijk/ })
      .first()
      .click();
    if (before !== 'Nog geen trekker') await page.getByLabel('Reden van de wissel').fill('De hulpvraag ligt nu vooral thuis.');
    await page.getByRole('button', { name: /^Trekker (wijzigen|vastleggen)$/ }).click();
    await expect.poll(() => page.getByTestId('current-lead').textContent()).not.toBe(before);

    // Close: the action list per owner, and the next meeting planned.
    await page.getByRole('button', { name: 'Overleg afsluiten' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Actielijst per uitvoerder' }).isVisible()).toBe(true);
    await visible(page, 'Ouders');
    await page.getByLabel('Datum').fill('2027-01-19');
    await page.getByRole('button', { name: 'Overleg afsluiten' }).click();
    await expect.poll(() => page.getByText('Gehouden').first().isVisible()).toBe(true);

    const db = session.db();
    const meeting = await db.selectFrom('meeting').select(['id', 'status']).where('date', '=', '2026-12-08').executeTakeFirstOrThrow();
    expect(meeting.status).toBe('held');
    const agreements = await db.selectFrom('agreement').select(['description', 'ownerKind']).where('meetingId', '=', meeting.id).execute();
    expect(agreements.map((a) => a.description).sort()).toEqual(added.map((name) => `Huisbezoek voor ${name}`).sort());
    const notes = await db.selectFrom('caseDiscussion').select('notes').where('meetingId', '=', meeting.id).execute();
    expect(notes).toHaveLength(3);

    // The next meeting suggests the cases again, and chair mode shows the open agreements under their case.
    const next = await db.selectFrom('meeting').select('id').where('date', '=', '2027-01-19').executeTakeFirstOrThrow();
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${next.id}`);
    const first = added[0];
    await page.getByRole('button', { name: `Toevoegen: ${first}`, exact: true }).click();
    await page.getByRole('button', { name: 'Voorzitten' }).click();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => page.getByRole('heading', { name: first, level: 2 }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('list', { name: 'Afspraken uit eerdere overleggen' }).getByText(`Huisbezoek voor ${first}`).isVisible())
      .toBe(true);
    // Alt+← goes back, with the focus in the notes again and the change announced.
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => page.getByRole('heading', { name: 'Opening en mededelingen', level: 2 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Aantekeningen').evaluate((notes) => notes === document.activeElement)).toBe(true);
    await expect.poll(() => page.getByTestId('item-announcement').textContent()).toMatch(/^Agendapunt 1 van \d+: Opening en mededelingen$/);
    expect(current().blockedRequests).toEqual([]);
  }, 120_000);

  it('removes an agenda item after confirmation and puts it back with undo', async () => {
    const { page, session } = current();
    const meeting = await session.db().selectFrom('meeting').select('id').where('status', '=', 'planned').executeTakeFirstOrThrow();
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}`);
    const agenda = page.getByRole('table', { name: 'Agenda' });
    await expect.poll(() => agenda.getByText('Rondvraag').isVisible()).toBe(true);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Verwijderen: Rondvraag' }).click();
    await expect.poll(() => agenda.getByText('Rondvraag').count()).toBe(0);
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect.poll(() => agenda.getByText('Rondvraag').isVisible()).toBe(true);
  });

  it('keeps an acknowledged note when the renderer is killed mid-typing', async () => {
    const { page, session } = current();
    const meeting = await session.db().selectFrom('meeting').select('id').where('status', '=', 'planned').executeTakeFirstOrThrow();
    const item = await session
      .db()
      .selectFrom('agendaItem')
      .select('id')
      .where('meetingId', '=', meeting.id)
      .where('kind', '=', 'case')
      .orderBy('position')
      .executeTakeFirstOrThrow();
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}/voorzitten/${item.id}`);
    const notes = page.getByLabel('Aantekeningen');
    await notes.pressSequentially('Moeder belt de school elke ochtend.', { delay: 5 });
    await expect.poll(() => page.getByTestId('saved-notes').isVisible()).toBe(true);
    await notes.pressSequentially(' En dan', { delay: 5 });
    await page.close({ runBeforeUnload: false });
    const saved = await session
      .db()
      .selectFrom('caseDiscussion')
      .select('notes')
      .where('agendaItemId', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(saved.notes.startsWith('Moeder belt de school elke ochtend.')).toBe(true);
  });
});
