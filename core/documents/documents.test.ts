import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { fixedClock } from '../clock';
import { getCase } from '../services/cases';
import { buildDossierDocx } from './dossierDocx';
import { initialsOf, loadMinutesData } from './minutesData';
import { buildMinutesDocx, buildParentDocx } from './minutesDocx';
import { xmlParts } from './packDocx';

describe('DOCX verslagen', () => {
  const temp = tempDir('mdo-docs-');
  let handle: OpenDatabase;
  let heldMeetings: number[];

  beforeAll(async () => {
    await createDemoDatabase(temp.file('demo.db'));
    handle = await openDatabase(temp.file('demo.db'));
    heldMeetings = (
      await handle.db.selectFrom('meeting').select('id').where('status', 'in', ['held', 'finalized']).orderBy('date').execute()
    ).map((row) => row.id);
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('writes the same bytes for the same data', async () => {
    const meetingId = heldMeetings.at(-1)!;
    const data = await loadMinutesData(handle.db, meetingId);
    const first = await buildMinutesDocx(data);
    const second = await buildMinutesDocx(await loadMinutesData(handle.db, meetingId));
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const parts = xmlParts(first);
    expect(parts['word/document.xml']).toContain('Verslag multidisciplinair overleg');
    // Dated by the meeting, not by the moment of export.
    expect(parts['docProps/core.xml']).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${data.meeting.date}T`);
  });

  it('keeps every other pupil out of each parent version: body, headers, footers and properties', async () => {
    const pupils = await handle.db.selectFrom('pupil').select(['id', 'firstName', 'lastName', 'dateOfBirth']).execute();
    let checked = 0;
    for (const meetingId of heldMeetings) {
      const data = await loadMinutesData(handle.db, meetingId);
      for (const item of data.items.filter((entry) => entry.case)) {
        const parts = xmlParts(await buildParentDocx(data, item.case!.id));
        const text = Object.values(parts).join('\n');
        for (const other of pupils.filter((pupil) => pupil.id !== item.case!.pupilId)) {
          for (const needle of [
            `${other.firstName} ${other.lastName}`,
            initialsOf(other.firstName, other.lastName) + ' (',
            other.dateOfBirth,
          ]) {
            expect(text, `parent version of case ${item.case!.id} mentions ${needle}`).not.toContain(needle);
          }
        }
        // Other cases' questions stay out too.
        for (const otherItem of data.items.filter((entry) => entry.case && entry !== item))
          expect(text).not.toContain(otherItem.case!.question);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('opens in LibreOffice and renders the expected headings to PDF', async () => {
    const meetingId = heldMeetings.at(-1)!;
    const data = await loadMinutesData(handle.db, meetingId);
    const caseItem = data.items.find((entry) => entry.case)!;
    const files = {
      verslag: await buildMinutesDocx(data),
      ouder: await buildParentDocx(data, caseItem.case!.id),
      dossier: await buildDossierDocx(await getCase(handle.db, caseItem.case!.id, fixedClock(E2E_NOW)), data.school.name),
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(temp.file(`${name}.docx`), bytes);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${temp.file('lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        temp.dir,
        ...Object.keys(files).map((name) => temp.file(`${name}.docx`)),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const text = (name: string) => execFileSync('pdftotext', ['-layout', path.join(temp.dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
    const verslag = text('verslag');
    for (const heading of [
      'VERTROUWELIJK',
      'Verslag multidisciplinair overleg',
      'Aanwezigheid',
      'Besproken casussen',
      'Actielijst per uitvoerder',
      'Ondertekening',
      'Pagina 1 van',
    ]) {
      expect(verslag).toContain(heading);
    }
    expect(verslag).toContain(caseItem.case!.pupilName);
    const ouder = text('ouder');
    expect(ouder).toContain('Verslag voor ouders');
    expect(ouder).toContain(caseItem.case!.pupilName);
    expect(text('dossier')).toContain('Casusdossier');
  }, 180_000);
});
