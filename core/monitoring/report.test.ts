import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import { monitoringCsv } from './csv';
import { buildMonitoringFixture, fixtureClock, type MonitoringFixture } from './fixture.test-helper';
import { measureAll, NO_THEME, type MonitoringMeasures } from './measures';
import { monitoringReport, type MonitoringReport, type ReportTable } from './report';
import { expectPrintedReportKeepsTheRule } from './reportAudit.test-helper';

const measures: MonitoringMeasures = {
  period: { from: '2026-01-01', to: '2026-06-30' },
  schools: [
    { id: 1, name: 'De Linde' },
    { id: 2, name: 'Het Anker' },
  ],
  generatedOn: '2026-11-25',
  cases: { newCases: 12, activeCases: 30, closedCases: 3 },
  leadCoverage: { asOf: '2026-06-30', openCases: 27, withLead: 25, share: 25 / 27 },
  effect: { cases: 20, yes: 10, partly: 6, no: 0, unchecked: 4, withinTarget: 9 },
  leadTime: { cases: 20, medianDays: 17.5 },
  agreements: {
    agreements: 60,
    doneOnTime: 30,
    doneLate: 3,
    postponed: 7,
    notDone: 8,
    openNotDue: 12,
    openOverdue: 0,
    postponements: 9,
    postponedMoreThanOnce: 2,
  },
  leadChanges: { changes: 6, cases: 4 },
  absence: { newCases: 5, activeCases: 11, closedCases: 0 },
  tags: {
    themes: ['Leren', 'Verzuim / thuiszitten', NO_THEME],
    rows: [
      {
        kind: 'success_factor',
        name: 'Ouders vanaf het begin betrokken',
        category: 'Ouders',
        cases: 9,
        byTheme: { Leren: 5, 'Verzuim / thuiszitten': 4, [NO_THEME]: 0 },
      },
      {
        kind: 'obstacle',
        name: 'Wachtlijst jeugdhulp',
        category: 'Aanbod',
        cases: 13,
        byTheme: { Leren: 6, 'Verzuim / thuiszitten': 6, [NO_THEME]: 1 },
      },
    ],
  },
  parties: {
    firstDiscussions: {
      cases: 20,
      parentsPresent: 10,
      parentsInvitedAbsent: 5,
      parentsNotInvited: 0,
      parentsUnrecorded: 5,
      pupilView: 10,
      from12: 5,
      from12PupilView: 5,
    },
    consentRefusals: { cases: 6, byParents: 6, byPupil: 0 },
    parentCopies: { discussions: 15, withinTarget: 5, late: 5, notSent: 5 },
  },
  partiesFrom: { schools: 2, of: 2 },
};

const texts = (table: ReportTable) => [table.columns, ...table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)])];
const table = (report: MonitoringReport, title: string) => report.tables.find((candidate) => candidate.title === title)!;

describe('anonymous monitoring report', () => {
  const report = monitoringReport(measures);

  it('names the period, the schools and the day it was made', () => {
    expect(report.title).toBe('Monitoringsrapportage MDO');
    expect(report.meta).toEqual([
      { label: 'Periode', value: '1 januari 2026 t/m 30 juni 2026', csv: '2026-01-01 t/m 2026-06-30' },
      { label: 'Scholen', value: 'De Linde, Het Anker' },
      { label: 'Gemaakt op', value: '25 november 2026', csv: '2026-11-25' },
      { label: 'Peildatum trekker', value: '30 juni 2026', csv: '2026-06-30' },
    ]);
  });

  it('shows 1 to 4 as "<5" and keeps 0', () => {
    expect(texts(table(report, t.cases.title))).toEqual([
      ['Onderdeel', 'Aantal'],
      ['Nieuw aangemeld in de periode', '12'],
      ['Lopend in de periode (aangemeld en nog niet afgesloten)', '30'],
      ['Afgesloten in de periode', '<5'],
    ]);
    expect(texts(table(report, t.absence.title)).slice(1)).toEqual([
      ['Nieuw aangemeld in de periode', '5'],
      ['Lopend in de periode', '11'],
      ['Afgesloten in de periode', '0'],
    ]);
    expect(texts(table(report, t.leadChanges.title)).slice(1)).toEqual([
      ['Aantal keer een andere trekker', '6'],
      ['Casussen met een wisseling van trekker', '<5'],
    ]);
  });

  it('hides the other trekker count, both shares and the total: 27 − x would leave x only 23..26', () => {
    expect(texts(table(report, t.lead.title))).toEqual([
      ['Onderdeel', 'Aantal', 'Aandeel'],
      ['Open casussen op 30 juni 2026', 'x', ''],
      ['met een trekker', 'x', '–'],
      ['zonder trekker', '<5', '–'],
    ]);
  });

  it('shows the effect within two weeks with shares only where the count is shown', () => {
    // 20 − 10 − 0 − "<5" would leave "deels" only 6..9: "ja" is hidden too.
    expect(texts(table(report, t.effect.title))).toEqual([
      ['Onderdeel', 'Aantal', 'Aandeel'],
      ['Casussen voor het eerst besproken in de periode', '20', ''],
      ['Effect: ja', 'x', '–'],
      ['Effect: deels', 'x', '–'],
      ['Effect: nee', '0', '0%'],
      ['Effect nog niet vastgelegd', '<5', '–'],
      ['Effect vastgelegd binnen 14 dagen na de eerste bespreking', '9', '45%'],
    ]);
    expect(table(report, t.effect.title).rows[5].cells[1].value).toBe(0.45);
  });

  it('gives the median lead time only over five cases or more', () => {
    expect(texts(table(report, t.leadTime.title))[1]).toEqual(['Mediaan aantal dagen van aanmelding tot eerste bespreking', '17,5']);
    const few = monitoringReport({ ...measures, leadTime: { cases: 3, medianDays: 12 } });
    expect(texts(table(few, t.leadTime.title))[1][1]).toBe('minder dan 5 casussen');
    const none = monitoringReport({ ...measures, leadTime: { cases: 0, medianDays: null } });
    expect(texts(table(none, t.leadTime.title))[1][1]).toBe('–');
  });

  it('hides the number of postponements when the postponed count is hidden as a complement', () => {
    // 60 − 30 − 12 − 0 − 8 would leave the postponed 7 and the "<5" only 10 together: the 8 is hidden too.
    expect(texts(table(report, t.agreements.title))).toEqual([
      ['Onderdeel', 'Aantal', 'Aandeel'],
      ['Afspraken gemaakt in overleggen in de periode', '60', ''],
      ['Op tijd gedaan', '30', '50%'],
      ['Te laat gedaan', '<5', '–'],
      ['Uitgesteld (één keer of vaker)', 'x', '–'],
      ['Niet gedaan', 'x', '–'],
      ['Nog open, nog niet over datum', '12', '20%'],
      ['Nog open, over datum', '0', '0%'],
      ['Aantal keer uitgesteld (alle uitgestelde afspraken samen)', 'x', ''],
      ['Afspraken die vaker dan één keer zijn uitgesteld', '<5', ''],
    ]);
    const lastTwo = (report: MonitoringReport) =>
      texts(table(report, t.agreements.title))
        .slice(-2)
        .map((line) => line[1]);
    // With the 7 postponed shown: 12 postponements leave the "<5" postponed more than once at 1..4 ...
    const postponed = { ...measures.agreements, doneLate: 5, doneOnTime: 28 };
    expect(lastTwo(monitoringReport({ ...measures, agreements: { ...postponed, postponements: 12 } }))).toEqual(['12', '<5']);
    // ... but 9 would not: those postponed more than once count at least twice, so 7 + "<5" <= 9 leaves it 1 or 2.
    expect(lastTwo(monitoringReport({ ...measures, agreements: postponed }))).toEqual(['x', '<5']);
  });

  it('suppresses each success factor and obstacle row against its own total, knowing a case can have two themes', () => {
    // 9 <= 5 + "<5" would pin the "<5" to 4 while the 5 is shown; 13 = 1 without a theme + 12 with one,
    // of which 6 and 6: the "<5" can be 1..4 with both 6 shown.
    expect(texts(table(report, t.tags.successFactors))).toEqual([
      ['Succesfactor', 'Totaal', 'Leren', 'Verzuim / thuiszitten', 'Zonder thema'],
      ['Ouders vanaf het begin betrokken', '9', 'x', '<5', '0'],
    ]);
    expect(texts(table(report, t.tags.obstacles))).toEqual([
      ['Belemmering', 'Totaal', 'Leren', 'Verzuim / thuiszitten', 'Zonder thema'],
      ['Wachtlijst jeugdhulp', '13', '6', '6', '<5'],
    ]);
    const empty = monitoringReport({ ...measures, tags: { themes: [], rows: [] } });
    expect(table(empty, t.tags.obstacles)).toMatchObject({ rows: [], emptyText: 'Niets vastgelegd in deze periode.' });
  });

  it('keeps the rule across all its tables, read back from what it prints', () => {
    expectPrintedReportKeepsTheRule({ root: { label: 'De Linde en Het Anker', measures } }, [report]);
  });

  it('carries no number for a suppressed cell', () => {
    for (const reportTable of report.tables)
      for (const row of reportTable.rows)
        for (const cell of row.cells) if (['<5', 'x', '–', ''].includes(cell.text)) expect(cell.value).toBeNull();
  });
});

describe('anonymous monitoring report on the fixed data set', () => {
  let f: MonitoringFixture;
  beforeAll(async () => {
    f = await buildMonitoringFixture();
  });
  afterAll(async () => {
    await f.close();
  });

  it('never shows a count from 1 to 4, a pupil or a member, on screen or in the CSV', async () => {
    const m = await measureAll(f.db, { from: '2026-01-01', to: '2026-06-30', schoolIds: [f.school.a, f.school.b] }, fixtureClock);
    const report = monitoringReport(m);
    const everything = JSON.stringify(report) + new TextDecoder().decode(monitoringCsv(report));
    expect(everything).not.toMatch(/Kind|Fixture|Anna|Bram|Carla|Dirk|Eva/);
    for (const reportTable of report.tables)
      for (const row of reportTable.rows) for (const cell of row.cells) expect(cell.text).not.toMatch(/^[1-4]$/);
    // Open on 30 June 2026: 7, of which 5 with and 2 without a trekker: 7 − x would pin both.
    expect(texts(table(report, t.lead.title)).slice(1)).toEqual([
      ['Open casussen op 30 juni 2026', 'x', ''],
      ['met een trekker', 'x', '–'],
      ['zonder trekker', '<5', '–'],
    ]);
    // Every table of the report together keeps every "<5" at 1..4 and every "x" at five values or more.
    expectPrintedReportKeepsTheRule({ root: { label: 'De Linde en Het Anker', measures: m } }, [report]);
    // The 5 cases first discussed (2 + 1 + 1 + 1) are hidden, so is their median: it would tell there are 5 or more.
    expect(texts(table(report, t.effect.title))[1][1]).toBe('x');
    expect(texts(table(report, t.leadTime.title))[1][1]).toBe('–');
  });
});
