import fs from 'node:fs';
import { axeBuilder } from './axe';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { xmlParts } from '../../core/documents/packDocx';
import { nl } from '../../core/i18n/nl';
import { saveItemText } from '../../core/services/discussions';
import { closeMeeting, startMeeting } from '../../core/services/meetings';
import { setParticipation } from '../../core/services/participation';
import { openDatabase } from '../../db/open';
import { participationSchool } from '../fixtures/participationSchool';
import { E2E_NOW, launchApp, tempDir, type LaunchedApp } from './harness';

// Who took part and the pupil's view in chair mode, and the parents' right to
// information: a discussion without the parents leads to their ouderversie at
// closing and on the start screen until it is recorded as sent.
describe('a discussion without the parents', () => {
  let temp: ReturnType<typeof tempDir>;
  let app: LaunchedApp;
  let meetingId: number;
  let caseId: number;
  let agendaItemId: number;

  beforeEach(async () => {
    temp = tempDir('mdo-parent-copies-');
    const dbPath = temp.file('school.db');
    const handle = await openDatabase(dbPath, { create: true });
    const school = await participationSchool(handle.db, fixedClock(E2E_NOW), { date: '2026-11-25', pupils: ['Sem de Vries'] });
    meetingId = school.meetingId;
    caseId = school.cases[0].caseId;
    agendaItemId = school.cases[0].agendaItemId;
    await handle.close();
    app = await launchApp({ dbPath });
  });
  afterEach(async () => {
    await app.close();
    temp.remove();
  });

  async function expectAccessible(page: Page) {
    const result = await axeBuilder(page).analyze();
    const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  const docxText = (file: string) =>
    [...xmlParts(fs.readFileSync(file))['word/document.xml'].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((match) => match[1])
      .join(' ');

  it('records who took part by keyboard and offers the ouderversie at closing', async () => {
    const { page } = app;
    const p = nl.participation;
    await page.goto(`${app.url}#/overleggen/${meetingId}`);
    await page.getByRole('button', { name: 'Voorzitten', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: nl.agenda.opening, level: 2 }).isVisible()).toBe(true);
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => page.getByRole('heading', { name: 'Sem de Vries', level: 2 }).isVisible()).toBe(true);

    // "Wie waren erbij": radio groups worked with the arrow keys, each choice saved at once.
    const parents = page.getByRole('radiogroup', { name: p.parents });
    await parents.getByRole('radio', { name: p.parentsOptions.yes }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => parents.getByRole('radio', { name: p.parentsOptions.invited_absent }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByLabel(p.absentReason).evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type('Ziek');
    await page.keyboard.press('Tab');
    const pupil = page.getByRole('radiogroup', { name: p.pupil });
    await expect
      .poll(() => pupil.getByRole('radio', { name: p.pupilOptions.present }).evaluate((radio) => radio === document.activeElement))
      .toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => pupil.getByRole('radio', { name: p.pupilOptions.heard }).isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('saved-participation').isVisible()).toBe(true);
    await page.getByLabel(p.pupilView).fill('Ik wil naast mijn vriend zitten.');
    await expect.poll(() => page.getByTestId('saved-pupilView').isVisible()).toBe(true);
    const db = app.session.db();
    await expect
      .poll(() =>
        db
          .selectFrom('caseDiscussion')
          .select(['parentsPresent', 'parentsAbsentReason', 'pupilParticipation', 'pupilView'])
          .executeTakeFirst(),
      )
      .toEqual({
        parentsPresent: 'invited_absent',
        parentsAbsentReason: 'Ziek',
        pupilParticipation: 'heard',
        pupilView: 'Ik wil naast mijn vriend zitten.',
      });
    await expectAccessible(page);

    // "Niet uitgenodigd" asks for its reason before it is saved.
    await parents.getByRole('radio', { name: p.parentsOptions.not_invited }).check();
    await page.getByLabel(p.notInvitedReason).fill('');
    await expect.poll(() => page.getByText(p.reasonRequired).isVisible()).toBe(true);
    await parents.getByRole('radio', { name: p.parentsOptions.invited_absent }).check();
    await page.getByLabel(p.absentReason).fill('Ziek');
    await page.getByLabel(p.absentReason).blur();

    // Closing: the ouderversie is offered, with who was (not) there.
    await page.getByRole('button', { name: nl.chair.closeMeeting }).click();
    const copies = page.getByRole('region', { name: p.copies.title });
    await expect.poll(() => copies.getByText('Sem de Vries').isVisible()).toBe(true);
    await expect.poll(() => copies.getByText(`${p.parentsOptions.invited_absent} (Ziek)`).isVisible()).toBe(true);
    await copies.getByRole('button', { name: p.copies.exportFor('Sem de Vries'), exact: true }).click();
    await expect.poll(() => app.exports.length).toBe(1);
    const ouderversie = docxText(app.exports[0]);
    expect(ouderversie).toContain('nee, wel uitgenodigd (reden: Ziek)');
    expect(ouderversie).toContain('Ik wil naast mijn vriend zitten.');
    // A signed copy is one click away (the certificate is chosen in the dialog).
    expect(await copies.getByRole('button', { name: `${nl.exports.signed}: ${p.copies.exportFor('Sem de Vries')}` }).isVisible()).toBe(
      true,
    );
    await expectAccessible(page);
    await page.getByRole('checkbox', { name: nl.closeMeeting.planNext }).uncheck();
    await page.getByRole('button', { name: nl.closeMeeting.submit }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'MDO woensdag 25 november 2026' }).isVisible()).toBe(true);
    expect(await db.selectFrom('meeting').select('status').executeTakeFirstOrThrow()).toEqual({ status: 'held' });
    expect(app.failures).toEqual([]);
  });

  it('shows a held meeting’s ouderversie on the start screen until it is recorded as sent', async () => {
    const { page } = app;
    const p = nl.participation;
    // The meeting as the first test leaves it: held, the parents invited but absent, the pupil heard.
    const db = app.session.db();
    const clock = fixedClock(E2E_NOW);
    await startMeeting(db, meetingId, clock);
    await setParticipation(
      db,
      { agendaItemId, parentsPresent: 'invited_absent', parentsAbsentReason: 'Ziek', pupilParticipation: 'heard' },
      clock,
    );
    await saveItemText(db, agendaItemId, 'pupilView', 'Ik wil naast mijn vriend zitten.', clock);
    await closeMeeting(db, { meetingId, openQuestions: '', next: null }, clock);

    // Not yet sent: on the start screen, leading to the meeting.
    await page.reload();
    const card = page.getByRole('region', { name: new RegExp(`^${p.dashboard.title}`) });
    const link = card.getByRole('link', { name: p.dashboard.openMeeting('Sem de Vries', '25 november 2026') });
    await expect.poll(() => link.isVisible()).toBe(true);
    await expectAccessible(page);
    await link.click();

    // A date before the meeting is refused in Dutch; the day itself is recorded.
    const held = page.getByRole('region', { name: p.copies.title });
    const sentOn = held.getByLabel(p.copies.sentOnFor('Sem de Vries'));
    await expect.poll(() => sentOn.inputValue()).toBe('2026-11-25');
    await sentOn.fill('2026-11-20');
    await held.getByRole('button', { name: p.copies.markSentFor('Sem de Vries') }).click();
    await expect.poll(() => held.getByRole('alert').textContent()).toBe(nl.dateOrder.parentCopySentBeforeMeeting);
    await sentOn.fill('2026-11-25');
    await held.getByRole('button', { name: p.copies.markSentFor('Sem de Vries') }).click();
    await expect.poll(() => held.getByText(p.copies.sent('25 november 2026')).isVisible()).toBe(true);
    expect(await db.selectFrom('caseDiscussion').select('parentCopySentOn').executeTakeFirstOrThrow()).toEqual({
      parentCopySentOn: '2026-11-25',
    });
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Start', exact: true }).click();
    await expect.poll(() => card.getByText(p.dashboard.none).isVisible()).toBe(true);
    expect(await card.getByRole('link').count()).toBe(0);

    // The case page keeps who took part, the pupil's view and the day the ouderversie was sent.
    await page.goto(`${app.url}#/casussen/${caseId}`);
    await expect
      .poll(() =>
        page
          .getByText('Ouders aanwezig: nee, wel uitgenodigd · Leerling: is vooraf gehoord · Ouderversie verstuurd op 25 november 2026')
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByText('Ik wil naast mijn vriend zitten.').isVisible()).toBe(true);
    expect(app.failures.filter((failure) => failure.code !== 'DATE_ORDER')).toEqual([]);
  });
});
