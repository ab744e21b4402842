import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { participationSchool } from '../../tests/fixtures/participationSchool';
import { fixedClock } from '../clock';
import { getCase } from '../services/cases';
import { saveItemText } from '../services/discussions';
import { closeMeeting, startMeeting } from '../services/meetings';
import { markParentCopySent, setParticipation } from '../services/participation';
import { buildDossierDocx } from './dossierDocx';
import { loadMinutesData } from './minutesData';
import { buildMinutesDocx, buildParentDocx } from './minutesDocx';
import { xmlParts } from './packDocx';

const clock = fixedClock('2026-11-25T09:00:00Z');

/** The text a reader sees in a DOCX body: its w:t runs, one paragraph per line. */
function docxText(docx: Uint8Array): string {
  const xml = xmlParts(docx)['word/document.xml'];
  return xml
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .filter(Boolean)
    .join('\n')
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}

describe('who took part and the pupil’s view in the verslag, the ouderversie and the casusdossier', () => {
  const temp = tempDir('mdo-participation-docs-');
  let handle: OpenDatabase;
  let school: Awaited<ReturnType<typeof participationSchool>>;

  beforeAll(async () => {
    handle = await openDatabase(temp.file('docs.db'), { create: true });
    school = await participationSchool(handle.db, clock, { date: '2026-11-25', pupils: ['Sem de Vries', 'Noor Bakker', 'Daan Visser'] });
    const [sem, noor, daan] = school.cases;
    await startMeeting(handle.db, school.meetingId, clock);
    await setParticipation(
      handle.db,
      {
        agendaItemId: sem.agendaItemId,
        parentsPresent: 'not_invited',
        parentsAbsentReason: 'Zorg om de veiligheid <thuis>',
        pupilParticipation: 'heard',
      },
      clock,
    );
    await saveItemText(handle.db, sem.agendaItemId, 'pupilView', 'Ik wil naast Ayoub zitten.\nEn minder huiswerk & meer gym.', clock);
    await setParticipation(
      handle.db,
      { agendaItemId: noor.agendaItemId, parentsPresent: 'yes', parentsAbsentReason: '', pupilParticipation: 'present' },
      clock,
    );
    // Daan: discussed, nothing recorded about who took part.
    await saveItemText(handle.db, daan.agendaItemId, 'notes', 'Daan besproken.', clock);
    await closeMeeting(handle.db, { meetingId: school.meetingId, openQuestions: '', next: null }, clock);
    await markParentCopySent(handle.db, { meetingId: school.meetingId, caseId: sem.caseId, sentOn: '2026-11-25' }, clock);
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('prints per case whether the parents and the pupil took part, with the reason and the pupil’s own words', async () => {
    const data = await loadMinutesData(handle.db, school.meetingId);
    const verslag = docxText(await buildMinutesDocx(data));
    expect(verslag).toContain('Ouders aanwezig: nee, niet uitgenodigd (reden: Zorg om de veiligheid <thuis>)');
    expect(verslag).toContain('Leerling: is vooraf gehoord');
    expect(verslag).toContain('Wat vindt de leerling zelf?\nIk wil naast Ayoub zitten.\nEn minder huiswerk & meer gym.');
    expect(verslag).toContain('Ouders aanwezig: ja');
    expect(verslag).toContain('Leerling: was bij de bespreking');
    // Only what was recorded: Daan's part says nothing about who took part.
    const daanPart = verslag.slice(verslag.indexOf('Daan Visser'));
    expect(daanPart.slice(0, daanPart.indexOf('Actielijst'))).not.toContain('Ouders aanwezig');
  });

  it('gives the parents the same, for their own child only', async () => {
    const data = await loadMinutesData(handle.db, school.meetingId);
    const sem = docxText(await buildParentDocx(data, school.cases[0].caseId));
    expect(sem).toContain('Ouders aanwezig: nee, niet uitgenodigd (reden: Zorg om de veiligheid <thuis>)');
    expect(sem).toContain('Wat vindt de leerling zelf?\nIk wil naast Ayoub zitten.');
    expect(sem).not.toContain('Noor');
    const noor = docxText(await buildParentDocx(data, school.cases[1].caseId));
    expect(noor).toContain('Ouders aanwezig: ja');
    expect(noor).not.toContain('Ayoub');
  });

  it('keeps it in the casusdossier per discussion, with the day the ouderversie was sent', async () => {
    const dossier = docxText(await buildDossierDocx(await getCase(handle.db, school.cases[0].caseId, clock), 'Basisschool De Linde'));
    const history = dossier.slice(dossier.indexOf('Bespreking van 25 november 2026'));
    expect(history).toContain('Ouders aanwezig: nee, niet uitgenodigd (reden: Zorg om de veiligheid <thuis>)');
    expect(history).toContain('Leerling: is vooraf gehoord');
    expect(history).toContain('Wat vindt de leerling zelf?\nIk wil naast Ayoub zitten.');
    expect(history).toContain('Ouderversie verstuurd op: 25 november 2026');
  });
});
