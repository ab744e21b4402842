import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { fixedClock } from '../clock';
import { formatLongDate, formatMoment, formatShortDate } from '../i18n/formatDate';
import { nl } from '../i18n/nl';
import { getCase } from '../services/cases';
import { monitoringFile } from '../services/monitoring';
import { pupilDataDocx } from '../services/pupilData';
import { buildDossierDocx } from './dossierDocx';
import { loadMinutesData } from './minutesData';
import { buildMinutesDocx, buildParentDocx } from './minutesDocx';
import { xmlParts } from './packDocx';

// A guard for the one Dutch date format: every document MDO writes for the
// demo school is read as a person would (the text of body, headers and
// footers), and none of it may show a date as 2026-12-07 or 7-12-2026.

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const NUMERIC_DATE = /\b\d{1,2}-\d{1,2}-\d{4}\b/;

/** The text a reader sees: every run of every part under word/, one paragraph per line. */
function readableText(docx: Uint8Array): string {
  return Object.entries(xmlParts(docx))
    .filter(([name]) => name.startsWith('word/') && name.endsWith('.xml'))
    .map(([, xml]) =>
      xml
        .split(/<\/w:p>/)
        .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1]).join(''))
        .join('\n'),
    )
    .join('\n');
}

function expectDutchDates(text: string, what: string) {
  expect(text.match(ISO_DATE)?.[0], `${what} shows an ISO date`).toBeUndefined();
  expect(text.match(NUMERIC_DATE)?.[0], `${what} shows a numeric date`).toBeUndefined();
}

describe('dates in the documents MDO writes', () => {
  const temp = tempDir('mdo-dates-');
  const clock = fixedClock(E2E_NOW);
  let handle: OpenDatabase;

  beforeAll(async () => {
    await createDemoDatabase(temp.file('demo.db'));
    handle = await openDatabase(temp.file('demo.db'));
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('writes dates out in Dutch in every verslag, its signature block and every parent version', async () => {
    const meetings = await handle.db
      .selectFrom('meeting')
      .select('id')
      .where('status', 'in', ['held', 'finalized'])
      .orderBy('date')
      .execute();
    expect(meetings.length).toBeGreaterThan(3);
    let parents = 0;
    for (const { id } of meetings) {
      const data = await loadMinutesData(handle.db, id);
      const signed = {
        date: data.meeting.date,
        signers: [{ meetingRole: 'chair' as const, name: 'Voorzitter', role: 'IB', fingerprint: 'AB:CD' }],
      };
      const minutes = readableText(await buildMinutesDocx(data, signed));
      expectDutchDates(minutes, `verslag of meeting ${id}`);
      expect(minutes).toContain(`${nl.docs.minutesTitle} ${formatShortDate(data.meeting.date)}`);
      // The date that heads the meeting carries its weekday ("maandag 7 december 2026").
      expect(minutes).toContain(`Datum: ${formatLongDate(data.meeting.date)}`);
      for (const agreement of data.items.flatMap((item) => item.agreements)) expect(minutes).toContain(formatShortDate(agreement.dueOn));
      for (const item of data.items.filter((entry) => entry.case)) {
        const parent = readableText(await buildParentDocx(data, item.case!.id));
        expectDutchDates(parent, `parent version of case ${item.case!.id}`);
        expect(parent).toContain(formatLongDate(data.meeting.date));
        parents++;
      }
    }
    expect(parents).toBeGreaterThan(3);
  });

  it('writes dates out in Dutch in every case dossier and in a pupil data document', async () => {
    const cases = await handle.db.selectFrom('supportCase').select('id').execute();
    expect(cases.length).toBeGreaterThan(3);
    for (const { id } of cases) {
      const data = await getCase(handle.db, id, clock);
      const dossier = readableText(await buildDossierDocx(data, 'De Linde'));
      expectDutchDates(dossier, `dossier of case ${id}`);
      expect(dossier).toContain(formatShortDate(data.registeredOn));
    }
    const pupil = await handle.db
      .selectFrom('pupil')
      .innerJoin('supportCase', 'supportCase.pupilId', 'pupil.id')
      .select(['pupil.id', 'dateOfBirth'])
      .executeTakeFirstOrThrow();
    const inzage = readableText(await pupilDataDocx(handle.db, pupil.id, clock));
    expectDutchDates(inzage, 'pupil data document');
    expect(inzage).toContain(formatShortDate(pupil.dateOfBirth));
  });

  it('writes dates out in Dutch in the monitoring report', async () => {
    const schoolIds = (await handle.db.selectFrom('school').select('id').execute()).map((school) => school.id);
    const report = readableText(await monitoringFile(handle.db, { from: '2025-11-26', to: '2026-11-25', schoolIds }, 'docx', clock));
    expectDutchDates(report, 'monitoring report');
    expect(report).toContain(`${formatShortDate('2025-11-26')} t/m ${formatShortDate('2026-11-25')}`);
  });

  it('formats a date, a meeting date and a moment as decided', () => {
    expect(formatShortDate('2026-12-07')).toBe('7 december 2026');
    expect(formatLongDate('2026-12-07')).toBe('maandag 7 december 2026');
    expect(formatMoment('2026-12-07T11:30:00')).toBe('7 december 2026 om 11:30');
  });
});
