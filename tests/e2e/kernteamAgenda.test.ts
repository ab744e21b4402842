import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlParts } from '../../core/documents/packDocx';
import { nl } from '../../core/i18n/nl';
import { caseGate } from '../../core/services/consent';
import { pupilInitials } from '../../core/services/sharedCaseLabels';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { launchApp, tempDir, type LaunchedApp } from './harness';
import { seriousViolations } from './axe';

// The agenda the IB sends the kernteam before a meeting: exported from the meeting
// page, read back from the saved DOCX, each case named only as its consent allows.
describe('the agenda for the kernteam', () => {
  const temp = tempDir('mdo-kernteam-agenda-');
  let app: LaunchedApp;

  beforeAll(async () => {
    await createDemoDatabase(temp.file('demo.db'));
    app = await launchApp({ dbPath: temp.file('demo.db') });
  });
  afterAll(async () => {
    await app?.close();
    temp.remove();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
  }

  const docxText = (file: string) =>
    [...xmlParts(fs.readFileSync(file))['word/document.xml'].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((match) => match[1])
      .join(' ');

  it('exports the agenda of a planned meeting from its page, by keyboard, with initials only where consent allows', async () => {
    const { page } = app;
    const t = nl.kernteamAgenda;
    const db = app.session.db();
    const meeting = await db
      .selectFrom('meeting')
      .select(['id', 'date'])
      .where('status', '=', 'planned')
      .orderBy('date')
      .executeTakeFirstOrThrow();
    const cases = await db
      .selectFrom('agendaItem')
      .innerJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['supportCase.id', 'agendaItem.anonymous', 'pupil.firstName', 'pupil.lastName', 'pupil.groupName'])
      .where('agendaItem.meetingId', '=', meeting.id)
      .execute();
    expect(cases.length).toBeGreaterThan(0);

    await page.goto(`${app.url}#/overleggen/${meeting.id}`);
    const button = page.getByRole('button', { name: t.export, exact: true });
    await expect.poll(() => button.isVisible()).toBe(true);
    await expect.poll(() => page.getByText(t.exportHint).isVisible()).toBe(true);
    await expectAccessible(page);

    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => app.exports.length).toBe(1);
    expect(path.basename(app.exports[0])).toBe(`Agenda MDO ${meeting.date}.docx`);
    await expect.poll(() => page.getByText(nl.exports.saved(`Agenda MDO ${meeting.date}.docx`)).isVisible()).toBe(true);
    const text = docxText(app.exports[0]);
    expect(text).toContain(t.title);
    let named = 0;
    for (const entry of cases) {
      expect(text).not.toContain(`${entry.firstName} ${entry.lastName}`);
      const allowed = (await caseGate(db, entry.id, meeting.date)).gate === 'allowed' && entry.anonymous === 0;
      const initials = pupilInitials(entry.firstName, entry.lastName);
      if (allowed) {
        named++;
        expect(text).toContain(`${initials} (${entry.groupName})`);
      } else expect(text).toContain(`Anonieme casus (${entry.groupName})`);
    }
    expect(named).toBeGreaterThan(0);

    // The signed variant is offered beside it; its dialog asks for the certificate.
    await page.getByRole('button', { name: `${nl.exports.signed}: ${t.export}` }).click();
    const dialog = page.getByRole('dialog', { name: `${nl.exports.signed}: ${t.export}` });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // The audit log names the meeting, nothing about a pupil.
    const audit = await db.selectFrom('auditLog').select(['action', 'entity', 'entityId']).where('action', 'like', 'export.%').execute();
    expect(audit).toEqual([{ action: 'export.agenda', entity: 'meeting', entityId: meeting.id }]);
    expect(app.failures).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  });

  it('offers no agenda on a held meeting’s page', async () => {
    const { page } = app;
    const held = await app.session.db().selectFrom('meeting').select('id').where('status', '=', 'held').executeTakeFirstOrThrow();
    await page.goto(`${app.url}#/overleggen/${held.id}`);
    await expect.poll(() => page.getByRole('table', { name: nl.meetings.agenda }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: nl.kernteamAgenda.export, exact: true }).count()).toBe(0);
  });
});
