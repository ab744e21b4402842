import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { nl } from '../../core/i18n/nl';
import type { Session } from '../../core/session';
import { docxTableRows, docxText, expectedActions } from '../fixtures/actionLists';
import { appPerTest } from './harness';
import { seriousViolations } from './axe';

const a = nl.actionList.card;

/** axe on the page, or only on `include` (a part of a screen that changed). */
async function expectAccessible(page: Page, include?: string) {
  expect(await seriousViolations(page, include)).toEqual([]);
}

// After the meeting, next to the verslag: each kernteam member's own action list,
// offered per member at closing and on the held meeting's page.
describe('action lists for the kernteam', () => {
  const current = appPerTest();

  it('exports each member’s own open agreements from the closing page, and offers them again on the held meeting', async () => {
    const { page, session } = current();
    const sqlite = (session.state as Extract<Session['state'], { state: 'open' }>).handle.sqlite;
    const meeting = sqlite.prepare("SELECT id, date FROM meeting WHERE status = 'planned' ORDER BY date LIMIT 1").get() as {
      id: number;
      date: string;
    };
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}/afsluiten`);
    const card = page.getByRole('region', { name: a.title });
    await expect.poll(() => card.getByRole('table').isVisible()).toBe(true);
    const rows = sqlite.prepare('SELECT m.id, m.name FROM member m WHERE m.school_id = 1 ORDER BY m.id').all() as {
      id: number;
      name: string;
    }[];
    const offered = rows.filter((member) => expectedActions(sqlite, meeting.id, member.id).length > 0);
    expect(offered.length).toBeGreaterThan(2);
    for (const member of offered)
      await expect
        .poll(() => card.getByTestId(`open-actions-${member.id}`).textContent())
        .toBe(a.openCount(expectedActions(sqlite, meeting.id, member.id).length));
    await expectAccessible(page);

    // Saved per member by keyboard: exactly that member's open agreements.
    for (const [index, member] of offered.slice(0, 2).entries()) {
      await card.getByRole('button', { name: a.exportFor(member.name), exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => current().exports.length).toBe(index + 1);
      const file = current().exports[index];
      expect(path.basename(file)).toBe(`Acties ${member.name} MDO ${meeting.date}.docx`);
      const docx = fs.readFileSync(file);
      const expected = expectedActions(sqlite, meeting.id, member.id);
      expect(docxTableRows(docx).length).toBe(expected.length);
      expect(docxText(docx)).toContain(member.name);
    }
    // The signed variant sits beside each list.
    await expect
      .poll(() => card.getByRole('button', { name: `${nl.exports.signed}: ${a.exportFor(offered[0].name)}` }).isVisible())
      .toBe(true);

    await page.getByRole('button', { name: nl.closeMeeting.submit, exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/overleggen/${meeting.id}`);
    const again = page.getByRole('region', { name: a.title });
    await expect.poll(() => again.getByRole('button', { name: a.exportFor(offered[0].name), exact: true }).isVisible()).toBe(true);
    // On the meeting page only the card is new.
    await expectAccessible(page, 'section[aria-labelledby="action-lists-title"]');
    const audit = sqlite.prepare("SELECT entity, entity_id AS id FROM audit_log WHERE action = 'export.actions' ORDER BY id").all();
    expect(audit).toEqual(offered.slice(0, 2).map((member) => ({ entity: 'member', id: member.id })));
  });
});
