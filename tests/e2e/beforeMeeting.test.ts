import { describe, expect, it } from 'vitest';
import { appPerTest } from './harness';

describe('before the meeting: pupils, cases, kernteam and search', () => {
  const current = appPerTest();

  it('adds a pupil, registers a case with themes, records consent and finds it by search', async () => {
    const { page, session } = current();
    // A school adds its own theme first.
    await page.getByRole('link', { name: 'School', exact: true }).click();
    await page.getByLabel('Nieuw thema').fill('Pesten');
    await page.getByRole('button', { name: 'Toevoegen' }).first().click();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Pesten' }).isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Leerlingen', exact: true }).click();
    await page.getByRole('button', { name: 'Leerling toevoegen' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // Dutch messages next to the fields; the dialog keeps what was typed.
    await expect.poll(() => page.getByText('Dit veld is verplicht.').first().isVisible()).toBe(true);
    await page.getByLabel('Voornaam').fill('Yara');
    await page.getByLabel('Achternaam').fill('Koster');
    await page.getByLabel('Geboortedatum').fill('2016-04-12');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Dit veld is verplicht.').first().isVisible()).toBe(true);
    expect(await page.getByLabel('Voornaam').inputValue()).toBe('Yara');
    await page.getByLabel('Groep of klas').fill('Groep 5');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Yara Koster', exact: true }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Casus aanmelden: Yara Koster' }).click();
    await page.getByLabel('Hulpvraag').fill('Yara is sinds de herfstvakantie vaak afwezig en slaapt slecht.');
    await page.getByLabel('Thema’s').first().click();
    await page.getByRole('option', { name: 'Verzuim / thuiszitten' }).click();
    await page.getByRole('option', { name: 'Pesten' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').getByRole('button', { name: 'Casus aanmelden', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Yara Koster' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Nog niet bij naam bespreken: alleen anoniem.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Er is nog geen toestemming van de ouders met gezag.').isVisible()).toBe(true);

    // Ten years old: her mother with gezag decides.
    await page.getByRole('textbox', { name: 'Relatie', exact: true }).fill('moeder');
    await page.getByRole('button', { name: 'Ouder of verzorger toevoegen' }).click();
    await page.getByRole('combobox', { name: 'Wie besluit', exact: true }).click();
    await page.getByRole('option', { name: 'moeder', exact: true }).click();
    await page.getByRole('combobox', { name: 'Besluit', exact: true }).click();
    await page.getByRole('option', { name: 'Gegeven' }).click();
    await page.getByRole('combobox', { name: 'Hoe', exact: true }).click();
    await page.getByRole('option', { name: 'Schriftelijk' }).click();
    await page.getByRole('textbox', { name: 'Datum', exact: true }).fill('2026-11-24');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => page.getByText('Mag bij naam worden besproken.').isVisible()).toBe(true);

    const saved = await session
      .db()
      .selectFrom('supportCase')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .innerJoin('caseTheme', 'caseTheme.caseId', 'supportCase.id')
      .select(['supportCase.status', 'pupil.groupName'])
      .where('pupil.lastName', '=', 'Koster')
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ status: 'registered', groupName: 'Groep 5' });
    const themes = await session
      .db()
      .selectFrom('caseTheme')
      .innerJoin('theme', 'theme.id', 'caseTheme.themeId')
      .innerJoin('supportCase', 'supportCase.id', 'caseTheme.caseId')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select('theme.name')
      .where('pupil.lastName', '=', 'Koster')
      .orderBy('theme.name')
      .execute();
    expect(themes.map((row) => row.name)).toEqual(['Pesten', 'Verzuim / thuiszitten']);

    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Zoek leerling, casus of aantekening…').fill('herfstvakantie');
    await page.getByText('Yara Koster · Groep 5').first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'Yara Koster' }).isVisible()).toBe(true);
  });

  it('puts any open case on the agenda by name, also one MDO does not suggest', async () => {
    const { page, session, router } = current();
    const db = session.db();
    const meeting = await db
      .selectFrom('meeting')
      .select(['id', 'schoolId'])
      .where('status', '=', 'planned')
      .orderBy('date')
      .executeTakeFirstOrThrow();
    const onAgenda = new Set(
      (await db.selectFrom('agendaItem').select('caseId').where('meetingId', '=', meeting.id).execute()).map((i) => i.caseId),
    );
    const cases = await db
      .selectFrom('supportCase')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['supportCase.id', 'supportCase.status', 'pupil.firstName', 'pupil.lastName', 'pupil.groupName'])
      .where('supportCase.schoolId', '=', meeting.schoolId)
      .execute();
    const option = (c: (typeof cases)[number]) => page.getByRole('option', { name: `${c.firstName} ${c.lastName} (${c.groupName})` });
    // A case the kernteam closed earlier: nothing open, never suggested. Reopened, it can be chosen by name.
    const closed = cases.find((c) => c.status === 'closed' && !onAgenda.has(c.id));
    expect(closed, 'the demo has a closed case').toBeDefined();
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}`);
    const picker = page.getByRole('combobox', { name: 'Andere casus op de agenda' });
    await picker.click();
    expect(await option(closed!).count(), 'a closed case is not offered').toBe(0);
    await page.keyboard.press('Escape');

    expect(await router.call('cases.reopen', { caseId: closed!.id })).toMatchObject({ ok: true });
    await page.reload();
    await picker.click();
    await option(closed!).click();
    // Anonymously: allowed whatever the consent (by name needs consent below 16, as for a suggestion).
    await page.getByRole('button', { name: 'Anoniem toevoegen', exact: true }).last().click();
    const added = () =>
      db.selectFrom('agendaItem').select('anonymous').where('meetingId', '=', meeting.id).where('caseId', '=', closed!.id).execute();
    await expect.poll(added).toEqual([{ anonymous: 1 }]);
    // Once on the agenda it is no longer offered.
    await picker.click();
    expect(await option(closed!).count()).toBe(0);
  });

  it('offers a held meeting that is not finalized back to chair mode, to put its notes right', async () => {
    const { page, session, router } = current();
    const meeting = await session
      .db()
      .selectFrom('meeting')
      .select('id')
      .where('status', '=', 'planned')
      .orderBy('date')
      .executeTakeFirstOrThrow();
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}`);
    await expect.poll(() => page.getByRole('button', { name: 'Voorzitten' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Aantekeningen aanpassen' }).count()).toBe(0);
    expect(await router.call('meetings.close', { meetingId: meeting.id, next: null })).toMatchObject({ ok: true });
    await page.reload();
    await page.getByRole('button', { name: 'Aantekeningen aanpassen' }).click();
    await expect.poll(() => page.url()).toContain(`#/overleggen/${meeting.id}/voorzitten`);
    await expect.poll(() => page.getByRole('textbox').first().isEditable()).toBe(true);
  });

  it('edits a kernteam member, adds a custom role and lets a member leave with history kept', async () => {
    const { page, session } = current();
    await page.getByRole('link', { name: 'Kernteam', exact: true }).click();
    const member = await session
      .db()
      .selectFrom('member')
      .select(['id', 'name'])
      .where('active', '=', 1)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await page.getByRole('button', { name: `Wijzigen: ${member.name}` }).click();
    await page.getByLabel('E-mail').fill('geen-mailadres');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Dit is geen geldig e-mailadres.').isVisible()).toBe(true);
    await page.getByLabel('E-mail').fill('ib@deregenboog.example');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(
        async () => (await session.db().selectFrom('member').select('email').where('id', '=', member.id).executeTakeFirstOrThrow()).email,
      )
      .toBe('ib@deregenboog.example');

    await page.getByPlaceholder('Naam van de rol').fill('Wijkagent');
    await page.getByRole('button', { name: 'Rol toevoegen' }).click();
    await expect
      .poll(async () => (await session.db().selectFrom('role').select('name').where('name', '=', 'Wijkagent').execute()).length)
      .toBe(1);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Niet meer actief: ${member.name}` }).click();
    await expect.poll(() => page.getByRole('button', { name: `Weer actief maken: ${member.name}` }).isVisible()).toBe(true);
    const left = await session.db().selectFrom('member').select(['active', 'leftOn']).where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(left).toEqual({ active: 0, leftOn: '2026-11-25' });
  });
});
