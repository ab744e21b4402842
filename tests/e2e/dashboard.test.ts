import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ownerLabel } from '../../core/i18n/ownerLabel';
import { appPerTest, E2E_NOW } from './harness';

const today = E2E_NOW.slice(0, 10);

/** The texts of the first link in every item of a list: agreement descriptions or pupil names. */
async function firstLinks(list: Locator): Promise<string[]> {
  const items = await list.getByRole('listitem').all();
  return Promise.all(items.map(async (item) => ((await item.getByRole('link').first().textContent()) ?? '').trim()));
}

describe('start screen work list', () => {
  const current = appPerTest();

  /** What the database holds: open agreements past their date, by owner, and open cases without an active trekker. */
  async function expected() {
    const db = current().session.db();
    const school = await db.selectFrom('school').select('id').executeTakeFirstOrThrow();
    const overdue = await db
      .selectFrom('agreement')
      .leftJoin('member', 'member.id', 'agreement.ownerMemberId')
      .leftJoin('supportCase', 'supportCase.id', 'agreement.caseId')
      .leftJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select([
        'agreement.id',
        'agreement.caseId',
        'agreement.description',
        'agreement.ownerKind',
        'agreement.ownerName',
        'member.name as memberName',
        'pupil.firstName',
        'pupil.lastName',
      ])
      .where('agreement.schoolId', '=', school.id)
      .where('agreement.status', '=', 'open')
      .where('agreement.dueOn', '<', today)
      .execute();
    const byOwner = new Map<string, string[]>();
    for (const row of overdue) {
      const owner = ownerLabel({ ownerKind: row.ownerKind, ownerName: row.memberName ?? row.ownerName });
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), row.description]);
    }
    const withoutLead = await db
      .selectFrom('supportCase')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['supportCase.id', 'pupil.firstName', 'pupil.lastName'])
      .where('supportCase.schoolId', '=', school.id)
      .where('supportCase.status', 'in', ['registered', 'active'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('caseLead')
              .select('caseLead.id')
              .whereRef('caseLead.caseId', '=', 'supportCase.id')
              .where('caseLead.endedOn', 'is', null),
          ),
        ),
      )
      .execute();
    return { overdue, byOwner, withoutLead };
  }

  it('shows exactly the overdue agreements, grouped under their owner, and the open cases without trekker', async () => {
    const { page } = current();
    const { overdue, byOwner, withoutLead } = await expected();
    // The demo school has both, so the lists below are not trivially empty.
    expect(overdue.length).toBeGreaterThan(1);
    expect(withoutLead.length).toBeGreaterThan(0);

    const agreements = page.getByRole('region', { name: /^Afspraken over datum/ });
    await expect.poll(() => agreements.getByRole('heading', { level: 3 }).textContent()).toBe(`Afspraken over datum (${overdue.length})`);
    // One sub-heading per owner, each over the list of exactly that owner's agreements.
    const owners = await agreements.getByRole('heading', { level: 4 }).allTextContents();
    expect([...owners].sort()).toEqual([...byOwner.keys()].sort());
    for (const [owner, descriptions] of byOwner) {
      const list = agreements.getByRole('list', { name: owner, exact: true });
      expect((await firstLinks(list)).sort(), owner).toEqual([...descriptions].sort());
    }
    expect(await agreements.getByRole('listitem').count()).toBe(overdue.length);

    const noLead = page.getByRole('region', { name: /^Casussen zonder trekker/ });
    expect(await noLead.getByRole('heading', { level: 3 }).textContent()).toBe(`Casussen zonder trekker (${withoutLead.length})`);
    expect((await firstLinks(noLead.getByRole('list'))).sort()).toEqual(
      withoutLead.map((row) => `${row.firstName} ${row.lastName}`).sort(),
    );
    expect(current().blockedRequests).toEqual([]);
    expect(current().failures).toEqual([]);
  });

  it('opens the case page from an overdue agreement and from a case without trekker', async () => {
    const { page } = current();
    const { overdue, withoutLead } = await expected();
    const agreement = overdue.find((row) => row.caseId !== null)!;
    const pupil = `${agreement.firstName} ${agreement.lastName}`;
    await page
      .getByRole('region', { name: /^Afspraken over datum/ })
      .getByRole('link', { name: `${agreement.description}: naar de casus van ${pupil}`, exact: true })
      .click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/casussen/${agreement.caseId}`);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe(pupil);

    await page.getByRole('link', { name: 'Start', exact: true }).click();
    const leadless = withoutLead[0];
    const name = `${leadless.firstName} ${leadless.lastName}`;
    await page
      .getByRole('region', { name: /^Casussen zonder trekker/ })
      .getByRole('link', { name: `${name}: casus openen`, exact: true })
      .click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/casussen/${leadless.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe(name);
    expect(current().failures).toEqual([]);
  });

  it('points from the agenda state of the next MDO to its suggestions', async () => {
    const { page, session } = current();
    const meeting = await session.db().selectFrom('meeting').select('id').where('status', '=', 'planned').executeTakeFirstOrThrow();
    const state = page.getByTestId('agenda-state');
    // The demo's next MDO has suggested cases that are not on its agenda yet.
    await expect.poll(() => state.textContent()).toMatch(/voorgestelde casussen? sta(at|an) nog niet op de agenda/);
    await state.getByRole('link', { name: 'Naar de voorstellen bij het overleg' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/overleggen/${meeting.id}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Voorstellen voor de agenda' }).isVisible()).toBe(true);
  });
});
