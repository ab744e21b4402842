import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { xmlParts, zipParts } from '../../core/documents/packDocx';
import { formatShortDate } from '../../core/i18n/formatDate';
import { nl } from '../../core/i18n/nl';
import { createCertificate } from '../../core/signing/certificates';
import { fingerprintInFours } from '../../core/signing/fingerprintFours';
import { verifyDocx } from '../../core/signing/verifyDocx';
import type { Page } from 'playwright-core';
import { appPerTest, E2E_NOW, tempDir } from './harness';

/** A SHA-256 fingerprint in sixteen groups of four hex characters. */
const FOURS = /^[0-9A-F]{4}( [0-9A-F]{4}){15}$/;

async function expectNoSeriousAxe(page: Page) {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('signing and verifying verslagen in the app', () => {
  const current = appPerTest();

  it('creates certificates, names chair and minute-taker at vaststellen, signs in turn, and verifies the exported file', async () => {
    const { page, session } = current();
    const db = session.db();
    const meeting = await db
      .selectFrom('meeting')
      .innerJoin('member as chair', 'chair.id', 'meeting.chairId')
      .innerJoin('member as taker', 'taker.id', 'meeting.minuteTakerId')
      .select(['meeting.id', 'meeting.minuteTakerId', 'chair.name as chairName', 'taker.name as takerName'])
      .where('meeting.status', '=', 'held')
      .executeTakeFirstOrThrow();

    // A personal certificate for the chair, made on the Kernteam screen.
    await page.evaluate(() => (window.location.hash = '#/kernteam'));
    await page.getByRole('button', { name: 'Certificaat maken' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Kernteamlid' }).click();
    await page.getByRole('option', { name: new RegExp(`^${meeting.chairName}`) }).click();
    await dialog.getByLabel('Wachtwoord van het certificaat').fill('kort');
    await dialog.getByLabel('Herhaal het wachtwoord').fill('anders');
    await dialog.getByRole('button', { name: 'Maken' }).click();
    await expect.poll(() => dialog.getByText('Kies een wachtwoord van minstens 8 tekens.').isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText('De wachtwoorden zijn niet gelijk.').isVisible()).toBe(true);
    await dialog.getByLabel('Wachtwoord van het certificaat').fill('voorzitter-2026');
    await dialog.getByLabel('Herhaal het wachtwoord').fill('voorzitter-2026');
    await dialog.getByRole('button', { name: 'Maken' }).click();
    await expect.poll(() => page.getByText('Het certificaat is gemaakt.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('listitem', { name: meeting.chairName }).first().isVisible()).toBe(true);
    // The own fingerprint in fours, as the signature block prints it, with what to do with it.
    expect(await page.getByTestId('certificate-fingerprint').first().innerText()).toMatch(FOURS);
    await expect.poll(() => page.getByText(nl.recipientGuide.ownFingerprint).first().isVisible()).toBe(true);
    // The minute-taker's certificate straight through the bridge, as the form would send it.
    const created = await page.evaluate(
      (memberId) => window.mdo.invoke('certificates.create', { memberId, passphrase: 'notulist-2026' }),
      meeting.minuteTakerId!,
    );
    expect(created).toMatchObject({ ok: true });

    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}`);
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
    const chairButton = page.getByRole('button', { name: 'Ondertekenen als voorzitter' });
    await expect.poll(() => chairButton.isVisible()).toBe(true);
    // Both are named with where they stand: the chair signs first, the notulist after.
    expect(await page.getByText('Klaar om te ondertekenen', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Ondertekent na de voorzitter', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText('Het verslag krijgt alle 2 verwachte handtekeningen.').isVisible()).toBe(true);

    await chairButton.click();
    await page.getByLabel('Wachtwoord van uw certificaat').fill('fout-wachtwoord');
    await page.getByRole('dialog').getByRole('button', { name: 'Ondertekenen' }).click();
    await expect
      .poll(() =>
        page.getByRole('alert').filter({ hasText: 'Het wachtwoord van het certificaat klopt niet. Er is niets ondertekend.' }).isVisible(),
      )
      .toBe(true);
    await page.getByLabel('Wachtwoord van uw certificaat').fill('voorzitter-2026');
    await page.getByRole('dialog').getByRole('button', { name: 'Ondertekenen' }).click();
    const takerButton = page.getByRole('button', { name: 'Ondertekenen als notulist' });
    await expect.poll(() => takerButton.isVisible()).toBe(true);
    await takerButton.click();
    await expect.poll(() => page.getByRole('dialog', { name: `Ondertekenen als notulist: ${meeting.takerName}` }).isVisible()).toBe(true);
    await page.getByLabel('Wachtwoord van uw certificaat').fill('notulist-2026');
    await page.getByRole('dialog').getByRole('button', { name: 'Ondertekenen' }).click();
    await expect.poll(() => page.getByText(/^Ondertekend op /).count()).toBe(2);
    // Where the verslag is signed, the guide for its recipients is offered too.
    await expect.poll(() => page.getByRole('button', { name: nl.recipientGuide.export }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Verslag exporteren' }).click();
    await expect.poll(() => current().exports.length).toBe(1);
    const exported = fs.readFileSync(current().exports[0]);
    const report = verifyDocx(exported);
    expect(report.kind === 'signed' && report.signers.map((signer) => [signer.name, signer.claimedRole, signer.status])).toEqual([
      [meeting.chairName, 'Voorzitter', 'valid'],
      [meeting.takerName, 'Notulist', 'valid'],
    ]);

    // Anyone with the app checks a received file on "Verslag controleren".
    const temp = tempDir('mdo-verify-');
    try {
      await page.getByRole('link', { name: 'Verslag controleren' }).click();
      current().chooseFile(current().exports[0]);
      await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
      await expect
        .poll(() => page.getByText('Alle handtekeningen zijn geldig. De inhoud is niet veranderd sinds het ondertekenen.').isVisible())
        .toBe(true);
      expect(await page.getByText('Deze vingerafdruk staat ook in het ondertekeningsblok van het document.').count()).toBe(2);
      // Both fingerprints in fours: SHA-256 as the block prints it, SHA-1 as Word and LibreOffice show it.
      const signers = report.kind === 'signed' ? report.signers : [];
      expect(await page.getByTestId('verify-fingerprint').allInnerTexts()).toEqual(
        signers.map((signer) => fingerprintInFours(signer.fingerprint!)),
      );
      expect(await page.getByTestId('verify-sha1').allInnerTexts()).toEqual(signers.map((signer) => signer.sha1Fingerprint));
      expect((await page.getByTestId('verify-sha1').allInnerTexts()).every((text) => /^[0-9A-F]{4}( [0-9A-F]{4}){9}$/.test(text))).toBe(
        true,
      );
      await expectNoSeriousAxe(page);
      // The guide for recipients, saved from the verify page to send along (no school data, not signable).
      await page.getByRole('button', { name: nl.recipientGuide.export }).click();
      await expect.poll(() => current().exports.length).toBe(2);
      expect(current().exports[1].endsWith(nl.recipientGuide.fileName)).toBe(true);
      const guideText = Object.values(xmlParts(fs.readFileSync(current().exports[1])))
        .join('')
        .replace(/<[^>]+>/g, '');
      for (const section of nl.recipientGuide.guide.sections) expect(guideText).toContain(section.heading);
      expect(guideText).toContain('Bestand › Digitale ondertekening › Digitale ondertekening...');

      const parts = unzipSync(exported);
      parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']).replace('Aanwezigheid', 'Aanwezig!heid'));
      fs.writeFileSync(temp.file('gewijzigd.docx'), zipParts(parts));
      current().chooseFile(temp.file('gewijzigd.docx'));
      await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
      await expect.poll(() => page.getByText('Bestand: gewijzigd.docx').isVisible()).toBe(true);
      await expect
        .poll(() => page.getByText('Let op: dit verslag is niet meer zoals het is ondertekend', { exact: false }).isVisible())
        .toBe(true);
      expect(await page.getByText('Inhoud gewijzigd na ondertekenen').count()).toBe(2);

      fs.writeFileSync(temp.file('brief.docx'), 'geen Word-bestand');
      current().chooseFile(temp.file('brief.docx'));
      await page.getByRole('button', { name: 'Bestand kiezen…' }).click();
      await expect.poll(() => page.getByText('Dit bestand is geen Word-document (.docx) of het is beschadigd.').isVisible()).toBe(true);
    } finally {
      temp.remove();
    }
  });

  it('imports a .p12 from the school board after a wrong passphrase was refused', async () => {
    const { page } = current();
    const temp = tempDir('mdo-p12-');
    try {
      fs.writeFileSync(
        temp.file('bestuur.p12'),
        createCertificate({
          name: 'R. de Bestuurder',
          role: 'Directeur',
          organisation: 'Stichting',
          passphrase: 'pki-wachtwoord',
          now: new Date('2026-01-01T00:00:00Z'),
        }),
      );
      await page.evaluate(() => (window.location.hash = '#/kernteam'));
      await page.getByRole('button', { name: 'Certificaat importeren' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Wachtwoord van het certificaat').fill('verkeerd');
      current().chooseFile(temp.file('bestuur.p12'));
      await dialog.getByRole('button', { name: 'Bestand kiezen en importeren' }).click();
      await expect.poll(() => dialog.getByText('Het wachtwoord van het certificaat klopt niet.', { exact: false }).isVisible()).toBe(true);
      await dialog.getByLabel('Wachtwoord van het certificaat').fill('pki-wachtwoord');
      current().chooseFile(temp.file('bestuur.p12'));
      await dialog.getByRole('button', { name: 'Bestand kiezen en importeren' }).click();
      await expect.poll(() => page.getByText('Het certificaat is geïmporteerd.').isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('listitem', { name: 'R. de Bestuurder' }).isVisible()).toBe(true);
      expect(await page.getByText('geïmporteerd', { exact: true }).count()).toBe(1);
    } finally {
      temp.remove();
    }
  });

  it('saves a signed parent version from the case page; the signature adds no other pupil to the file', async () => {
    const { page, session } = current();
    const db = session.db();
    const discussed = await db
      .selectFrom('agendaItem')
      .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
      .innerJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select([
        'supportCase.id as caseId',
        'meeting.id as meetingId',
        'meeting.date',
        'meeting.chairId',
        'pupil.firstName',
        'pupil.lastName',
      ])
      .where('meeting.status', '=', 'finalized')
      .where('agendaItem.anonymous', '=', 0)
      .orderBy('meeting.date', 'desc')
      .executeTakeFirstOrThrow();
    const created = await page.evaluate(
      (memberId) => window.mdo.invoke('certificates.create', { memberId, passphrase: 'voorzitter-2026' }),
      discussed.chairId!,
    );
    expect(created).toMatchObject({ ok: true });

    await page.evaluate((hash) => (window.location.hash = hash), `#/casussen/${discussed.caseId}`);
    await page.getByRole('button', { name: `Ondertekend exporteren: Ouderversie exporteren: ${formatShortDate(discussed.date)}` }).click();
    const dialog = page.getByRole('dialog');
    // The certificate just made reaches the list with its next read: choose it once it is offered.
    const certificate = dialog.getByRole('combobox', { name: 'Ondertekenen met certificaat' });
    await expect
      .poll(async () => {
        if (!(await certificate.inputValue())) {
          await certificate.click();
          await page
            .getByRole('option')
            .first()
            .click({ timeout: 2_000 })
            .catch(() => undefined);
        }
        return certificate.inputValue();
      })
      .not.toBe('');
    await dialog.getByLabel('Wachtwoord van uw certificaat').fill('fout');
    await dialog.getByRole('button', { name: 'Ondertekenen en opslaan' }).click();
    await expect.poll(() => dialog.getByText('Het wachtwoord van het certificaat klopt niet.', { exact: false }).isVisible()).toBe(true);
    expect(current().exports).toEqual([]);
    await dialog.getByLabel('Wachtwoord van uw certificaat').fill('voorzitter-2026');
    await dialog.getByRole('button', { name: 'Ondertekenen en opslaan' }).click();
    await expect.poll(() => current().exports.length).toBe(1);

    const file = fs.readFileSync(current().exports[0]);
    expect(verifyDocx(file)).toMatchObject({ kind: 'signed', valid: true });
    const text = Object.values(xmlParts(file)).join('\n');
    expect(text).toContain(`${discussed.firstName} ${discussed.lastName}`);
    const others = await db
      .selectFrom('pupil')
      .select(['firstName', 'lastName'])
      .where('id', 'not in', db.selectFrom('supportCase').select('pupilId').where('id', '=', discussed.caseId))
      .execute();
    for (const other of others) expect(text).not.toContain(`${other.firstName} ${other.lastName}`);
    const audit = await db.selectFrom('auditLog').select('action').where('action', 'like', 'export.%').execute();
    expect(audit).toEqual([{ action: 'export.parent.signed' }]);
  });
  it('shows a certificate imported a few days before its start as not yet valid, and names chair and notulist with their reasons at vaststellen and signing', async () => {
    const { page, session } = current();
    const db = session.db();
    const meeting = await db
      .selectFrom('meeting')
      .innerJoin('member as chair', 'chair.id', 'meeting.chairId')
      .innerJoin('member as taker', 'taker.id', 'meeting.minuteTakerId')
      .innerJoin('role', 'role.id', 'chair.roleId')
      .select(['meeting.id', 'chair.name as chairName', 'taker.name as takerName', 'role.name as chairRole'])
      .where('meeting.status', '=', 'held')
      .executeTakeFirstOrThrow();
    // Made "today" on another computer whose clock is four days ahead of this one's.
    const start = new Date(Date.parse(E2E_NOW) + 4 * 86_400_000);
    const end = new Date(start.getTime() + 365 * 86_400_000);
    const from = formatShortDate(start.toISOString());
    const temp = tempDir('mdo-p12-later-');
    try {
      fs.writeFileSync(
        temp.file('voorzitter.p12'),
        createCertificate({
          name: meeting.chairName,
          role: meeting.chairRole,
          organisation: 'School',
          passphrase: 'later-2026',
          now: start,
          days: 365,
        }),
      );
      await page.evaluate(() => (window.location.hash = '#/kernteam'));
      await page.getByRole('button', { name: 'Certificaat importeren' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Kernteamlid' }).click();
      await page.getByRole('option', { name: new RegExp(`^${meeting.chairName}`) }).click();
      await dialog.getByLabel('Wachtwoord van het certificaat').fill('later-2026');
      current().chooseFile(temp.file('voorzitter.p12'));
      await dialog.getByRole('button', { name: 'Bestand kiezen en importeren' }).click();
      await expect.poll(() => page.getByText('Het certificaat is geïmporteerd.').isVisible()).toBe(true);
    } finally {
      temp.remove();
    }
    const listed = page.getByRole('listitem', { name: meeting.chairName });
    await expect.poll(() => listed.getByText(nl.certificates.status.notYetValid, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => listed.getByText(nl.certificates.validity(from, formatShortDate(end.toISOString()))).isVisible()).toBe(true);
    await expect.poll(() => listed.getByText(nl.certificates.statusDetail.notYetValid(from)).isVisible()).toBe(true);
    await expectNothingClipped(page, '1280x720');

    // Before vaststellen the meeting page says who would sign, and why not.
    await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meeting.id}`);
    const chairLine = `Voorzitter ${meeting.chairName}: certificaat is pas geldig vanaf ${from}`;
    const takerLine = `Notulist ${meeting.takerName}: heeft geen certificaat`;
    await expect.poll(() => page.getByText(`Certificaat is pas geldig vanaf ${from}`, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Heeft geen certificaat', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(nl.signing.shortfallPlanned(0, 2)).isVisible()).toBe(true);
    expect(
      await page
        .getByRole('listitem')
        .filter({ hasText: `Voorzitter ${meeting.chairName}` })
        .count(),
    ).toBe(2);
    expect(
      await page
        .getByRole('listitem')
        .filter({ hasText: `Notulist ${meeting.takerName}` })
        .count(),
    ).toBe(2);

    // The confirmation names each person and the reason.
    let question = '';
    page.once('dialog', (confirm) => {
      question = confirm.message();
      void confirm.accept();
    });
    await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
    await expect.poll(() => question).toContain(chairLine);
    expect(question).toContain(takerLine);

    // After vaststellen: both listed with the reason they had then; the verslag carries no signature of theirs.
    await expect
      .poll(() => page.getByText(`Certificaat was bij het vaststellen nog niet geldig (pas vanaf ${from})`, { exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText('Had bij het vaststellen geen certificaat', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(nl.signing.shortfallFinalized(0, 2)).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Ondertekenen als/ }).count()).toBe(0);

    // The picker shows the chair's certificate but does not let it sign, with the reason.
    await page.getByRole('combobox', { name: nl.signing.signOther }).click();
    const option = page.getByRole('option', { name: new RegExp(meeting.chairName) });
    await expect.poll(() => option.textContent()).toContain(nl.certificates.cannotSign.notYetValid(from));
    expect(await option.getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    await expectNothingClipped(page, '1280x720');

    // Through the bridge with a wrong passphrase: refused for the date, before the passphrase is tried.
    const certificateId = (await db.selectFrom('certificate').select('id').executeTakeFirstOrThrow()).id;
    const refused = await page.evaluate((input) => window.mdo.invoke('minutes.sign', input), {
      meetingId: meeting.id,
      certificateId,
      passphrase: 'fout',
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'CERT_EXPIRED', message: `${meeting.chairName}: certificaat is pas geldig vanaf ${from}` },
    });

    for (const size of [
      { width: 1366, height: 768 },
      { width: 640, height: 360 },
      { width: 683, height: 384 },
    ]) {
      await page.setViewportSize(size);
      await expectNothingClipped(page, `${size.width}x${size.height}`);
    }
    await page.evaluate(() => (window.location.hash = '#/kernteam'));
    await expect.poll(() => listed.isVisible()).toBe(true);
    for (const size of [
      { width: 640, height: 360 },
      { width: 1280, height: 720 },
    ]) {
      await page.setViewportSize(size);
      await expectNothingClipped(page, `kernteam ${size.width}x${size.height}`);
    }
  });
});

/**
 * No button, badge or option of the certificate and verslag panels is cut off:
 * its content is no wider than its box (the layout standard of issue 16, for the
 * panels signing owns; the layout helper's test covers whole screens).
 */
async function expectNothingClipped(page: Page, size: string) {
  const clipped = await page.evaluate(
    (sections) =>
      [
        ...document.querySelectorAll<HTMLElement>(
          sections.map((section) => `${section} :is(button, .mantine-Badge-root, .mantine-Badge-label, .mantine-Button-label)`).join(', ') +
            ', [role="option"]',
        ),
      ]
        .filter((element) => element.offsetParent !== null && element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent),
    [`section[aria-label="${nl.certificates.title}"]`, `section[aria-label="${nl.minutes.title}"]`],
  );
  expect(clipped, size).toEqual([]);
}
