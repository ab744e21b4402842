import { describe, expect, it } from 'vitest';
import { formatLongDate } from '../../core/i18n/formatDate';
import { appPerTest } from './harness';

describe('start screen of the demo school', () => {
  const current = appPerTest();

  it('shows the upcoming MDO with date, agenda and the Demo marking', async () => {
    const { page, session } = current();
    const meeting = await session
      .db()
      .selectFrom('meeting')
      .select(['id', 'date', 'location'])
      .where('status', '=', 'planned')
      .executeTakeFirstOrThrow();
    const caseItems = await session
      .db()
      .selectFrom('agendaItem')
      .innerJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['pupil.firstName', 'pupil.lastName'])
      .where('agendaItem.meetingId', '=', meeting.id)
      .execute();
    expect(caseItems.length).toBeGreaterThan(0);

    await expect.poll(() => page.getByRole('heading', { name: 'Volgend overleg' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('next-meeting-date').textContent()).toBe(formatLongDate(meeting.date));
    const agenda = page.getByRole('list', { name: 'Agenda' });
    const agendaText = await agenda.textContent();
    for (const pupil of caseItems) expect(agendaText).toContain(`${pupil.firstName} ${pupil.lastName}`);
    expect(agendaText).toContain('Opening en mededelingen');
    await expect.poll(() => page.getByText(meeting.location, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Demo', { exact: true }).isVisible()).toBe(true);
    if (process.env.MDO_SCREENSHOTS) await page.screenshot({ path: `${process.env.MDO_SCREENSHOTS}/start.png` });
    expect(current().blockedRequests).toEqual([]);
    expect(current().failures).toEqual([]);
  });

  it('navigates to the kernteam and adds a member through the form', async () => {
    const { page, session } = current();
    await page.getByRole('link', { name: 'Kernteam', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Kernteam' }).isVisible()).toBe(true);
    // The member who left stays listed, marked and reactivatable.
    await expect.poll(() => page.getByRole('button', { name: /^Weer actief maken: / }).count()).toBe(1);

    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // Dutch validation messages from the contract's schema, nothing saved.
    await expect.poll(() => page.getByText('Vul een naam in van minstens twee tekens.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Kies een rol.').isVisible()).toBe(true);

    await page.getByLabel('Naam').fill('Fatima el Amrani');
    await page.getByRole('combobox', { name: 'Rol' }).click();
    await page.getByRole('option', { name: 'Leerplichtambtenaar' }).click();
    await page.getByLabel('Organisatie').fill('Gemeente');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Fatima el Amrani', exact: true }).isVisible()).toBe(true);

    const saved = await session.db().selectFrom('member').selectAll().where('name', '=', 'Fatima el Amrani').executeTakeFirst();
    expect(saved?.organisation).toBe('Gemeente');
    expect(current().blockedRequests).toEqual([]);
  });
});
