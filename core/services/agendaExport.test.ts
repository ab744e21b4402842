import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { fixedClock } from '../clock';
import { xmlParts } from '../documents/packDocx';
import { formatShortDate } from '../i18n/formatDate';
import { agendaExport } from './agendaExport';
import { caseGate } from './consent';
import { pupilInitials } from './sharedCaseLabels';

const clock = fixedClock(E2E_NOW);

/** "2014-12-07" as "7-12-2014" and "07-12-2014": how a date of birth is often typed. */
function dutchNumericDates(iso: string): string[] {
  const [year, month, day] = iso.split('-');
  return [`${Number(day)}-${Number(month)}-${year}`, `${day}-${month}-${year}`];
}

/** Whether `needle` occurs as a whole (not "9 november 2016" inside "29 november 2016"). */
function mentions(text: string, needle: string): boolean {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Cheap test first: thousands of needles per agenda, almost none present.
  if (!text.includes(needle)) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * The leak check of one meeting's agenda: no pupil's full name or date of birth anywhere in the
 * package (body, header, footer, properties); no initials of a case that is not to be named; the
 * initials and group of each case that is. Which case may be named is worked out here from the
 * consent gate and the agenda item, not taken from the document code.
 */
async function checkAgenda(db: OpenDatabase['db'], meetingId: number) {
  const meeting = await db.selectFrom('meeting').select(['schoolId', 'date']).where('id', '=', meetingId).executeTakeFirstOrThrow();
  const built = await agendaExport(db, meetingId, clock);
  expect(built.name).toBe(`Agenda MDO ${meeting.date}.docx`);
  const everything = Object.values(xmlParts(built.bytes)).join('\n');
  const pupils = await db
    .selectFrom('pupil')
    .select(['firstName', 'lastName', 'dateOfBirth'])
    .where('schoolId', '=', meeting.schoolId)
    .execute();
  // Dates the agenda shows of its own (the meeting, due dates): a pupil born on such a day is no leak.
  const shownDates = new Set([
    meeting.date,
    ...(await db.selectFrom('agreement').select(['dueOn', 'originalDueOn']).where('schoolId', '=', meeting.schoolId).execute()).flatMap(
      (row) => [row.dueOn, row.originalDueOn],
    ),
  ]);
  const leaks = pupils.flatMap((pupil) =>
    [
      `${pupil.firstName} ${pupil.lastName}`,
      ...(shownDates.has(pupil.dateOfBirth)
        ? []
        : [pupil.dateOfBirth, formatShortDate(pupil.dateOfBirth), ...dutchNumericDates(pupil.dateOfBirth)]),
    ].filter((needle) => mentions(everything, needle)),
  );
  expect(leaks, `agenda of meeting ${meetingId}`).toEqual([]);
  const items = await db
    .selectFrom('agendaItem')
    .innerJoin('supportCase', 'supportCase.id', 'agendaItem.caseId')
    .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
    .select(['agendaItem.caseId', 'agendaItem.anonymous', 'pupil.firstName', 'pupil.lastName', 'pupil.groupName'])
    .where('agendaItem.meetingId', '=', meetingId)
    .execute();
  const cases = [];
  for (const item of items) {
    const gate = await caseGate(db, item.caseId!, meeting.date);
    cases.push({ ...item, initials: pupilInitials(item.firstName, item.lastName), named: gate.gate === 'allowed' && item.anonymous === 0 });
  }
  const namedInitials = new Set(cases.filter((entry) => entry.named).map((entry) => entry.initials));
  for (const entry of cases) {
    if (entry.named) expect(everything.includes(`${entry.initials} (${entry.groupName})`), `named case ${entry.caseId}`).toBe(true);
    // Two pupils can share initials; then the named one's may show.
    else if (!namedInitials.has(entry.initials)) expect(mentions(everything, entry.initials), `unnamed case ${entry.caseId}`).toBe(false);
  }
  return { named: cases.filter((entry) => entry.named).length, unnamed: cases.filter((entry) => !entry.named).length };
}

describe('agenda for the kernteam: leak test on the demo schools', () => {
  const temp = tempDir('mdo-agenda-leak-');
  let small: OpenDatabase;
  let large: OpenDatabase;

  beforeAll(async () => {
    await createDemoDatabase(temp.file('small.db'));
    await createDemoDatabase(temp.file('large.db'), 'large');
    small = await openDatabase(temp.file('small.db'), { readonly: true });
    large = await openDatabase(temp.file('large.db'), { readonly: true });
  }, 120_000);
  afterAll(async () => {
    await small?.close();
    await large?.close();
    temp.remove();
  });

  const meetings = (handle: OpenDatabase) =>
    handle.db
      .selectFrom('meeting')
      .select(['id', 'status'])
      .where('status', 'in', ['planned', 'in_progress', 'held', 'finalized'])
      .orderBy('date')
      .orderBy('id')
      .execute();

  it('names no pupil, no date of birth and no unconsented case in any meeting of the small demo', async () => {
    const rows = await meetings(small);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['planned', 'held', 'finalized']));
    const totals = { named: 0, unnamed: 0 };
    for (const row of rows) {
      const counts = await checkAgenda(small.db, row.id);
      totals.named += counts.named;
      totals.unnamed += counts.unnamed;
    }
    // Both kinds occur, so the test checks something on each side.
    expect(totals.named).toBeGreaterThan(5);
    expect(totals.unnamed).toBeGreaterThan(0);
  });

  it('does the same for a sample of the large demo: every school, each status, spread over the years', async () => {
    const rows = await meetings(large);
    // Up to ten meetings of each status, spread evenly from the first year to the last.
    const sample = ['planned', 'in_progress', 'held', 'finalized'].flatMap((status) => {
      const of = rows.filter((row) => row.status === status);
      const step = Math.max(1, Math.floor(of.length / 10));
      return of.filter((_, index) => index % step === 0).slice(0, 10);
    });
    expect(sample.length).toBeGreaterThan(20);
    let unnamed = 0;
    for (const row of sample) unnamed += (await checkAgenda(large.db, row.id)).unnamed;
    expect(unnamed).toBeGreaterThan(0);
  }, 120_000);
});
