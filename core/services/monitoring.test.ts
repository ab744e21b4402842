import { format, parseISO } from 'date-fns';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { libreOfficeCheck } from '../../tests/readers/libreoffice';
import { fixedClock } from '../clock';
import { initialsOf } from '../documents/minutesData';
import { formatShortDate } from '../i18n/formatDate';
import { xmlParts } from '../documents/packDocx';
import { monitoringCharts, monitoringFile, monitoringView } from './monitoring';

const clock = fixedClock(E2E_NOW);
const year = { from: '2025-11-25', to: '2026-11-25' };

/** Every pupil's identity as it could be written: full name, initials, date of birth in ISO and Dutch form. */
async function identities(handle: OpenDatabase) {
  const pupils = await handle.db.selectFrom('pupil').select(['firstName', 'lastName', 'dateOfBirth']).execute();
  return pupils.flatMap((pupil) => [
    `${pupil.firstName} ${pupil.lastName}`,
    initialsOf(pupil.firstName, pupil.lastName),
    pupil.dateOfBirth,
    format(parseISO(pupil.dateOfBirth), 'd-M-yyyy'),
    formatShortDate(pupil.dateOfBirth),
  ]);
}

/** Texts of table cells in a DOCX: the runs inside <w:tc>. */
function docxCells(document: string): string[] {
  return [...document.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((cell) =>
    [...cell[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1]).join(''),
  );
}

const smallCounts = (cells: string[]) => cells.filter((cell) => /^[1-4]$/.test(cell.trim()));

describe('the anonymous monitoring report', () => {
  const temp = tempDir('mdo-monitoring-');
  let small: OpenDatabase;
  let large: OpenDatabase;

  beforeAll(async () => {
    await createDemoDatabase(temp.file('small.db'));
    await createDemoDatabase(temp.file('large.db'), 'large');
    small = await openDatabase(temp.file('small.db'));
    large = await openDatabase(temp.file('large.db'));
  });
  afterAll(async () => {
    await small.close();
    await large.close();
    temp.remove();
  });

  it('holds no pupil name, initials or date of birth in any XML part or the CSV, and no count from 1 to 4', async () => {
    for (const [handle, schoolIds] of [
      [small, [1]],
      [large, (await large.db.selectFrom('school').select('id').execute()).map((row) => row.id)],
    ] as const) {
      const period = { ...year, schoolIds };
      const docx = await monitoringFile(handle.db, period, 'docx', clock);
      const csv = strFromU8(await monitoringFile(handle.db, period, 'csv', clock));
      const parts = xmlParts(docx);
      const everything = [...Object.values(parts), csv].join('\n');
      for (const needle of await identities(handle)) expect(everything, `report mentions ${needle}`).not.toContain(needle);

      const csvCells = csv.split('\r\n').flatMap((line) => line.split(';'));
      const cells = docxCells(parts['word/document.xml']);
      expect(cells.length).toBeGreaterThan(20);
      expect(smallCounts(csvCells)).toEqual([]);
      expect(smallCounts(cells)).toEqual([]);
      // The charts label their bars with the same shown texts.
      const { charts } = await monitoringCharts((await monitoringView(handle.db, period, clock)).report.tables);
      expect(charts.length).toBeGreaterThan(0);
      const chartLabels = charts.flatMap((chart) => [...chart.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]));
      for (const needle of await identities(handle)) expect(chartLabels.join('\n')).not.toContain(needle);
    }
  });

  it('shows "<5" for small counts in a single school, and the real numbers once twenty schools add up', async () => {
    const one = await monitoringView(small.db, { ...year, schoolIds: [1] }, clock);
    const all = await monitoringView(
      large.db,
      { ...year, schoolIds: (await large.db.selectFrom('school').select('id').execute()).map((row) => row.id) },
      clock,
    );
    const texts = (view: typeof one) =>
      view.report.tables.flatMap((table) => table.rows.flatMap((row) => row.cells.map((cell) => cell.text)));
    expect(texts(one)).toContain('<5');
    const newCases = (view: typeof one) => view.report.tables[0].rows[0].cells[0];
    expect(newCases(all).value).toBeGreaterThanOrEqual(5 * newCases(one).value!);
  });

  it('opens in LibreOffice, which renders every table heading, and the CSV is what Dutch Excel expects', async () => {
    const period = { ...year, schoolIds: [1] };
    const docx = await monitoringFile(small.db, period, 'docx', clock);
    expect(Buffer.from(docx).equals(Buffer.from(await monitoringFile(small.db, period, 'docx', clock)))).toBe(true);
    const { pdfText } = libreOfficeCheck(docx, { pdf: true });
    for (const heading of [
      'Monitoringsrapportage MDO',
      'Casussen',
      'Trekker',
      'Merkbaar effect binnen twee weken',
      'Afspraken',
      'Toelichting',
    ]) {
      expect(pdfText).toContain(heading);
    }
    const csv = await monitoringFile(small.db, period, 'csv', clock);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(csv)).toContain('Periode;2025-11-25 t/m 2026-11-25\r\n');
  });
});
