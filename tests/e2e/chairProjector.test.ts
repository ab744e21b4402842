import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoDatabase } from '../fixtures/demoDatabase';
import { launchApp, tempDir, type LaunchedApp } from './harness';

// Chair mode on a laptop with a beamer as second display (the harness opens the projector
// window as a second page, as main would), and chair mode's layout at the sizes school laptops give.
describe('chairing with a projector window on a second display', () => {
  let temp: ReturnType<typeof tempDir>;
  let app: LaunchedApp;
  beforeEach(async () => {
    temp = tempDir();
    await createDemoDatabase(temp.file('demo.db'));
    app = await launchApp({ dbPath: temp.file('demo.db'), displays: 2 });
  });
  afterEach(async () => {
    await app.close();
    temp.remove();
  });

  const go = (page: Page, hash: string) => page.evaluate((value) => (window.location.hash = value), hash);

  /** The planned meeting's agenda, and every pupil name on it. */
  async function plannedMeeting() {
    const db = app.session.db();
    const meeting = await db.selectFrom('meeting').select('id').where('status', '=', 'planned').executeTakeFirstOrThrow();
    const items = await db
      .selectFrom('agendaItem')
      .leftJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
      .leftJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['agendaItem.id', 'agendaItem.kind', 'pupil.firstName', 'pupil.lastName'])
      .where('agendaItem.meetingId', '=', meeting.id)
      .orderBy('agendaItem.position')
      .execute();
    return { meetingId: meeting.id, items };
  }

  it('shows only the current item in its own window, follows the chair, and closes with Esc and on leaving chair mode', async () => {
    const { page } = app;
    const { meetingId, items } = await plannedMeeting();
    const cases = items.filter((item) => item.kind === 'case');
    expect(cases.length).toBeGreaterThan(1);
    const [first, second] = cases;
    const name = (item: (typeof items)[number]) => `${item.firstName} ${item.lastName}`;
    await go(page, `#/overleggen/${meetingId}/voorzitten/${first.id}`);
    await expect.poll(() => page.getByRole('heading', { name: name(first), level: 2 }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Projecteren' }).click();
    await expect.poll(() => app.projectorPage() !== null).toBe(true);
    const projector = app.projectorPage()!;
    await expect.poll(() => new URL(projector.url()).hash).toBe(`#/projectie/${meetingId}/${first.id}`);
    await expect.poll(() => projector.getByRole('heading', { name: name(first), level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => projector.getByText('Hulpvraag:').isVisible()).toBe(true);
    // The chair keeps working in their own window: no in-window projector view there.
    await expect.poll(() => page.getByRole('button', { name: 'Projectie stoppen' }).isVisible()).toBe(true);
    expect(await page.getByTestId('projector').count()).toBe(0);

    // Only this item: no menu, no agenda, no search box, no other pupil.
    const onlyThisItem = async (shown: (typeof items)[number]) => {
      expect(await projector.getByRole('navigation').count()).toBe(0);
      expect(await projector.getByRole('link').count()).toBe(0);
      expect(await projector.getByRole('textbox').count()).toBe(0);
      expect(await projector.getByRole('searchbox').count()).toBe(0);
      expect(await projector.getByRole('combobox').count()).toBe(0);
      const text = (await projector.locator('body').textContent()) ?? '';
      for (const other of cases.filter((item) => item.id !== shown.id)) expect(text).not.toContain(name(other));
    };
    await onlyThisItem(first);

    // Alt+→ in the chair's window moves the projector along.
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).not.toBe(name(first));
    const next = items[items.findIndex((item) => item.id === first.id) + 1];
    await expect.poll(() => new URL(projector.url()).hash).toBe(`#/projectie/${meetingId}/${next.id}`);
    if (next.kind === 'case')
      await expect.poll(() => projector.getByRole('heading', { name: name(next), level: 1 }).isVisible()).toBe(true);
    await go(page, `#/overleggen/${meetingId}/voorzitten/${second.id}`);
    await expect.poll(() => projector.getByRole('heading', { name: name(second), level: 1 }).isVisible()).toBe(true);
    await onlyThisItem(second);
    expect(app.projectorPage()).toBe(projector);

    // An agreement made now appears on the projector while the chair stays on the item.
    await page.getByLabel('Wat').fill('Ouders bellen de huisarts');
    await page.getByRole('combobox', { name: 'Wie' }).click();
    await page.getByRole('option', { name: 'Ouders' }).click();
    await page.getByLabel('Wanneer').fill('2026-12-15');
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await expect.poll(() => projector.getByText('Ouders bellen de huisarts', { exact: false }).isVisible()).toBe(true);

    // Esc in the chair's window stops the projection.
    await page.getByLabel('Aantekeningen').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => app.projectorPage()).toBe(null);
    await expect.poll(() => page.getByRole('button', { name: 'Projecteren' }).isVisible()).toBe(true);

    // Esc on the projector itself closes it; the chair's window learns it at the next item.
    await page.getByRole('button', { name: 'Projecteren' }).click();
    await expect.poll(() => app.projectorPage() !== null).toBe(true);
    const again = app.projectorPage()!;
    await expect.poll(() => again.getByRole('heading', { name: name(second), level: 1 }).isVisible()).toBe(true);
    await again.keyboard.press('Escape');
    await expect.poll(() => app.projectorPage()).toBe(null);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => page.getByRole('button', { name: 'Projecteren' }).isVisible()).toBe(true);

    // Leaving chair mode closes it.
    await page.getByRole('button', { name: 'Projecteren' }).click();
    await expect.poll(() => app.projectorPage() !== null).toBe(true);
    await page.getByRole('link', { name: 'Overleggen' }).click();
    await expect.poll(() => app.projectorPage()).toBe(null);
    expect(app.blockedRequests).toEqual([]);
    expect(app.failures).toEqual([]);
  });

  it('closes the projector window when the meeting is closed', async () => {
    const { page } = app;
    const { meetingId, items } = await plannedMeeting();
    await go(page, `#/overleggen/${meetingId}/voorzitten/${items[0].id}`);
    await page.getByRole('button', { name: 'Projecteren' }).click();
    await expect.poll(() => app.projectorPage() !== null).toBe(true);
    // Closing from another route (the chair page stays open): main closes the window with the meeting.
    const closed = await app.router.call('meetings.close', { meetingId, next: null });
    expect(closed).toMatchObject({ ok: true });
    await expect.poll(() => app.projectorPage()).toBe(null);
  });

  it('refuses to project an item of another meeting', async () => {
    const { meetingId } = await plannedMeeting();
    const other = await app.session
      .db()
      .selectFrom('agendaItem')
      .select('id')
      .where('meetingId', '!=', meetingId)
      .executeTakeFirstOrThrow();
    expect(await app.router.call('projector.open', { meetingId, agendaItemId: other.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(app.projectorPage()).toBe(null);
  });
});
