import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../core/i18n/nl';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { readIcs } from '../readers/ics';
import { launchApp, tempDir, type LaunchedApp } from './harness';
import { seriousViolations } from './axe';

// The invitation for the kernteam's calendars from the meeting page: sent,
// flagged as outdated after a change, and the meeting cancelled and its
// cancellation sent, updating the same calendar entry.
describe('the invitation (.ics) from the meeting page', () => {
  const temp = tempDir('mdo-invitation-e2e-');
  let app: LaunchedApp;

  beforeAll(async () => {
    await createDemoDatabase(temp.file('demo.db'));
    app = await launchApp({ dbPath: temp.file('demo.db') });
  });
  afterAll(async () => {
    await app.close();
    temp.remove();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('sends the invitation, asks to send it again after a change, and sends the cancellation of a cancelled meeting', async () => {
    const { page } = app;
    const t = nl.invitation;
    const db = app.session.db();
    const meeting = await db
      .selectFrom('meeting')
      .select(['id', 'date', 'startTime'])
      .where('status', '=', 'planned')
      .executeTakeFirstOrThrow();
    await page.goto(`${app.url}#/overleggen/${meeting.id}`);

    // The demo's chair has no e-mail address: said before the invitation goes out.
    await expect.poll(() => page.getByText(t.noOrganizerEmail).isVisible()).toBe(true);
    await page.getByRole('button', { name: t.button, exact: true }).click();
    await expect.poll(() => app.exports.length).toBe(1);
    expect(path.basename(app.exports[0])).toBe(`Uitnodiging MDO ${meeting.date}.ics`);
    const sent = readIcs(fs.readFileSync(app.exports[0]));
    expect(sent.method).toBe('REQUEST');
    expect(sent.events).toHaveLength(1);
    // December: winter time, one hour ahead of UTC.
    expect(meeting.date).toMatch(/-12-/);
    const [hours, minutes] = meeting.startTime.split(':');
    expect(sent.events[0].start).toBe(`${meeting.date}T${String(Number(hours) - 1).padStart(2, '0')}:${minutes}:00.000Z`);
    await expectAccessible(page);

    // Another room: the calendars still show the old one until the invitation is sent again.
    await db.updateTable('meeting').set({ location: 'Personeelskamer' }).where('id', '=', meeting.id).execute();
    await page.reload();
    await expect.poll(() => page.getByText(t.outdated).isVisible()).toBe(true);

    // Cancelling asks first, by keyboard too; then only the cancellation is offered.
    await page.getByRole('button', { name: t.cancelMeeting }).click();
    const dialog = page.getByRole('dialog', { name: t.cancelMeetingTitle });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: t.cancelMeetingConfirm }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(nl.meetings.statuses.cancelled, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: t.button, exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: t.cancelButton, exact: true }).click();
    await expect.poll(() => app.exports.length).toBe(2);
    expect(path.basename(app.exports[1])).toBe(`Annulering MDO ${meeting.date}.ics`);
    const cancelled = readIcs(fs.readFileSync(app.exports[1]));
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.events).toHaveLength(1);
    expect(cancelled.events[0]).toMatchObject({ uid: sent.events[0].uid, sequence: sent.events[0].sequence + 1, status: 'CANCELLED' });
    await expectAccessible(page);

    // The audit log names the meeting by id only.
    const audit = await db
      .selectFrom('auditLog')
      .select(['action', 'entity', 'entityId'])
      .where('action', '=', 'export.invitation')
      .execute();
    expect(audit).toEqual([
      { action: 'export.invitation', entity: 'meeting', entityId: meeting.id },
      { action: 'export.invitation', entity: 'meeting', entityId: meeting.id },
    ]);
  });
});
