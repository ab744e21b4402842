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
    await page.getByLabel('Wat', { exact: true }).fill('Ouders bellen de huisarts');
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
    // The key as the page receives it, without waiting for a key-up: the window closes on the key going down.
    await again
      .evaluate(() =>
        document.documentElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true })),
      )
      .catch((error: Error) => {
        if (!/has been closed/.test(error.message)) throw error;
      });
    await expect.poll(() => app.projectorPage()).toBe(null);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => page.getByRole('button', { name: 'Projecteren' }).isVisible()).toBe(true);

    // Leaving chair mode closes it, once the chair's window shows the projection is on (the page exists
    // before main answers that it opened; a chair who leaves before that answer leaves no window behind to close).
    await page.getByRole('button', { name: 'Projecteren' }).click();
    await expect.poll(() => app.projectorPage() !== null).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Projectie stoppen' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Overleggen', exact: true }).click();
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
    await expect.poll(() => page.getByRole('button', { name: 'Projectie stoppen' }).isVisible()).toBe(true);
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

// The sizes: 1920×1080 at 150 % and 1366×768, and 200 % zoom of both (CSS pixels).
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 640, height: 360 },
  { width: 683, height: 384 },
];

/** Controls inside `root` whose content is wider than their box (cut off or shortened with "…"). */
function clippedControls(page: Page, root: string) {
  return page.evaluate((selector) => {
    const controls = document.querySelectorAll(
      `${selector} :is(button, a, input, [role="radio"], .mantine-Badge-label, .mantine-Button-label, .mantine-SegmentedControl-label)`,
    );
    return [...controls]
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.tagName} "${element.textContent?.trim() ?? ''}" ${element.scrollWidth}>${element.clientWidth}`);
  }, root);
}

/** Whether every element found lies inside the window's width and inside `container` (no part cut off or scrolled away). */
function allInside(page: Page, selector: string, container: string) {
  return page.evaluate(
    ([target, holder]) =>
      [...document.querySelectorAll(target)].every((element) => {
        const box = element.getBoundingClientRect();
        const outer = element.closest(holder)!.getBoundingClientRect();
        return box.width > 0 && box.left >= outer.left - 1 && box.right <= outer.right + 1 && box.right <= window.innerWidth;
      }),
    [selector, container] as const,
  );
}

describe('chair mode and the meeting page at school-laptop sizes', () => {
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

  it('shows every earlier agreement with all its status buttons, and every presence choice in full', async () => {
    const { page, session, router } = app;
    const db = session.db();
    const meeting = await db.selectFrom('meeting').select('id').where('status', '=', 'planned').executeTakeFirstOrThrow();
    const items = await db.selectFrom('agendaItem').select('id').where('meetingId', '=', meeting.id).where('kind', '=', 'case').execute();
    // The case with the most open agreements from earlier meetings.
    let busiest = { id: 0, carried: 0 };
    for (const item of items) {
      const answer = await router.call('chair.item', { agendaItemId: item.id });
      const carried = answer.ok ? (answer.data as { carriedOver: unknown[] }).carriedOver.length : 0;
      if (carried > busiest.carried) busiest = { id: item.id, carried };
    }
    expect(busiest.carried, 'the demo has a case with open agreements from an earlier meeting').toBeGreaterThan(0);

    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}/voorzitten/${busiest.id}`);
    const earlier = page.getByRole('list', { name: 'Afspraken uit eerdere overleggen' });
    await expect.poll(() => earlier.getByRole('listitem').count()).toBe(busiest.carried);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect.poll(() => clippedControls(page, 'main'), { message: `chair mode at ${size.width}×${size.height}` }).toEqual([]);
      for (const label of ['Gedaan', 'Niet gedaan', 'Uitstellen'])
        expect(await allInside(page, `button[aria-label^="${label}: "]`, '[role="listitem"]'), `${label} at ${size.width}`).toBe(true);
    }
    // Reachable too: "Niet gedaan" marks the agreement, at the smallest size.
    const notDoneCount = async () =>
      Number(
        (await db.selectFrom('agreement').select(db.fn.countAll().as('n')).where('status', '=', 'not_done').executeTakeFirstOrThrow()).n,
      );
    const before = await notDoneCount();
    await earlier
      .getByRole('button', { name: /^Niet gedaan: / })
      .first()
      .click();
    await expect.poll(notDoneCount).toBe(before + 1);

    await page.setViewportSize(SIZES[0]);
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}`);
    await expect.poll(() => page.getByTestId('presence-row').count()).toBeGreaterThan(0);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect
        .poll(() => clippedControls(page, '[data-testid="presence-row"]'), { message: `presence at ${size.width}×${size.height}` })
        .toEqual([]);
      expect(await allInside(page, '[data-testid="presence-row"] .mantine-SegmentedControl-root', '.mantine-Card-root')).toBe(true);
    }
  });
});
