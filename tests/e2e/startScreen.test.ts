import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLongDate } from '../../core/i18n/formatDate';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { launchApp, tempDir, type LaunchedApp } from './harness';

describe('start screen of the demo school', () => {
  let temp: ReturnType<typeof tempDir>;
  let app: LaunchedApp;

  beforeEach(async () => {
    temp = tempDir();
    await createDemoDatabase(temp.file('demo.db'));
    app = await launchApp({ dbPath: temp.file('demo.db') });
  });
  afterEach(async () => {
    await app.close();
    temp.remove();
  });

  it('shows the upcoming MDO with date, agenda and the Demo marking', async () => {
    const { page, session } = app;
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
    expect(await page.getByText(meeting.location, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('Demo', { exact: true }).isVisible()).toBe(true);
    if (process.env.MDO_SCREENSHOTS) await page.screenshot({ path: `${process.env.MDO_SCREENSHOTS}/start.png` });
    expect(app.blockedRequests).toEqual([]);
    expect(app.failures).toEqual([]);
  });

  it('navigates to the kernteam and adds a member through the form', async () => {
    const { page, session } = app;
    await page.getByRole('link', { name: 'Kernteam' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Kernteam' }).isVisible()).toBe(true);
    expect(await page.getByText('Niet meer actief').count()).toBe(1);

    await page.getByRole('button', { name: 'Lid toevoegen' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // Dutch validation messages from the contract's schema, nothing saved.
    await expect.poll(() => page.getByText('Vul een naam in van minstens twee tekens.').isVisible()).toBe(true);
    expect(await page.getByText('Kies een rol.').isVisible()).toBe(true);

    await page.getByLabel('Naam').fill('Fatima el Amrani');
    await page.getByRole('combobox', { name: 'Rol' }).click();
    await page.getByRole('option', { name: 'Leerplichtambtenaar' }).click();
    await page.getByLabel('Organisatie').fill('Gemeente');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Fatima el Amrani' }).isVisible()).toBe(true);

    const saved = await session.db().selectFrom('member').selectAll().where('name', '=', 'Fatima el Amrani').executeTakeFirst();
    expect(saved?.organisation).toBe('Gemeente');
    expect(app.blockedRequests).toEqual([]);
  });
});
