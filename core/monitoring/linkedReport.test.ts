import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import { linkedReportCsv, linkedReportCsvLines } from './csv';
import { linkedMonitoringReport, type LinkedReport, type ReportNode } from './linkedReport';
import type { MonitoringMeasures } from './measures';
import { randomRegion, seeded } from './randomRegion.test-helper';
import { expectPrintedReportKeepsTheRule } from './reportAudit.test-helper';

function measures(counts: { absenceNew?: number; casesNew?: number; name?: string } = {}): MonitoringMeasures {
  const casesNew = counts.casesNew ?? counts.absenceNew ?? 0;
  const absenceNew = counts.absenceNew ?? 0;
  return {
    period: { from: '2026-01-01', to: '2026-03-31' },
    schools: [{ id: 1, name: counts.name ?? 'School' }],
    generatedOn: '2026-04-02',
    cases: { newCases: casesNew, activeCases: casesNew, closedCases: 0 },
    leadCoverage: { asOf: '2026-03-31', openCases: 0, withLead: 0, share: null },
    effect: { cases: 0, yes: 0, partly: 0, no: 0, unchecked: 0, withinTarget: 0 },
    leadTime: { cases: 0, medianDays: null },
    agreements: {
      agreements: 0,
      doneOnTime: 0,
      doneLate: 0,
      postponed: 0,
      notDone: 0,
      openNotDue: 0,
      openOverdue: 0,
      postponements: 0,
      postponedMoreThanOnce: 0,
    },
    leadChanges: { changes: 0, cases: 0 },
    absence: { newCases: absenceNew, activeCases: absenceNew, closedCases: 0 },
    tags: { themes: [], rows: [] },
    parties: {
      firstDiscussions: {
        cases: 0,
        parentsPresent: 0,
        parentsInvitedAbsent: 0,
        parentsNotInvited: 0,
        parentsUnrecorded: 0,
        pupilView: 0,
        from12: 0,
        from12PupilView: 0,
      },
      consentRefusals: { cases: 0, byParents: 0, byPupil: 0 },
      parentCopies: { discussions: 0, withinTarget: 0, late: 0, notSent: 0 },
    },
    partiesFrom: { schools: 1, of: 1 },
  };
}

function sumOf(label: string, children: ReportNode[]): ReportNode {
  const total = (pick: (m: MonitoringMeasures) => number) => children.reduce((sum, child) => sum + pick(child.measures), 0);
  return {
    label,
    measures: {
      ...measures({ casesNew: total((m) => m.cases.newCases), absenceNew: total((m) => m.absence.newCases) }),
      schools: children.flatMap((child) => child.measures.schools),
    },
    children,
  };
}

const rowText = (report: LinkedReport, node: number, title: string, row: number) =>
  report.nodes[node].report.tables.find((table) => table.title === title)!.rows[row].cells[0].text;

describe('the linked region report', () => {
  it('shows the region its exact 48 while sixteen schools with 3 verzuim cases each show "<5"', () => {
    const schools = Array.from({ length: 16 }, (_, index) => ({
      label: `School ${index + 1}`,
      measures: measures({ absenceNew: 3, name: `School ${index + 1}` }),
    }));
    const input = { root: sumOf('Amsterdam', schools) };
    const report = linkedMonitoringReport(input);
    expect(report.report).toBe(report.nodes[0].report);
    expect(rowText(report, 0, t.absence.title, 0)).toBe('48');
    for (let school = 1; school <= 16; school++) expect(rowText(report, school, t.absence.title, 0)).toBe('<5');
    expectPrintedReportKeepsTheRule(
      input,
      report.nodes.map((node) => node.report),
      report.cycle?.tables,
    );
  });

  it('lists the region, then the gebieden, then the schools, and says when all of a part is hidden', () => {
    const big = (name: string) => ({ label: name, measures: measures({ absenceNew: 30, casesNew: 40, name }) });
    const tiny = { label: 'De Wilg', measures: measures({ absenceNew: 2, casesNew: 3, name: 'De Wilg' }) };
    const input = { root: sumOf('Regio', [sumOf('Noord', [big('De Linde'), tiny]), sumOf('Zuid', [big('Het Anker'), big('De Es')])]) };
    const report = linkedMonitoringReport(input);
    expect(report.nodes.map((node) => [node.level, node.depth, node.path.join(' / ')])).toEqual([
      ['region', 0, 'Regio'],
      ['area', 1, 'Regio / Noord'],
      ['area', 1, 'Regio / Zuid'],
      ['school', 2, 'Regio / Noord / De Linde'],
      ['school', 2, 'Regio / Noord / De Wilg'],
      ['school', 2, 'Regio / Zuid / Het Anker'],
      ['school', 2, 'Regio / Zuid / De Es'],
    ]);
    const wilg = report.nodes[4];
    expect(wilg.entirelyHidden).toBe(true);
    expect(wilg.report.meta).toContainEqual({ label: t.linked.note, value: t.linked.entirelyHidden });
    // Noord = De Linde + "<5" hides De Linde; Noord − x would narrow it, so Noord goes; then Zuid (Regio − Noord), and
    // Zuid − De Es one of Zuid's schools: only the region and De Es keep their numbers. Every part is listed all the same.
    expect(report.nodes.filter((node) => !node.entirelyHidden).map((node) => node.label)).toEqual(['Regio', 'De Es']);
    expect(rowText(report, 0, t.absence.title, 0)).toBe('92');
    expect(rowText(report, 1, t.absence.title, 0)).toBe('x');
    expectPrintedReportKeepsTheRule(
      input,
      report.nodes.map((node) => node.report),
      report.cycle?.tables,
    );
  });

  it('refuses parts that do not add up to their whole, naming them', () => {
    const child = { label: 'De Linde', measures: measures({ absenceNew: 3 }) };
    const root = { ...sumOf('Regio', [child]), measures: measures({ absenceNew: 4 }) };
    expect(() => linkedMonitoringReport({ root })).toThrow(/do not fit together \(Regio and its parts: cases\.new\)/);
  });

  it('refuses periods that do not split the report period when they are said to', () => {
    const quarter = (from: string, to: string, absenceNew: number) => ({
      label: from,
      measures: { ...measures({ absenceNew }), period: { from, to } },
    });
    const newInPeriods = (whole: number, first: number, second: number) => {
      const report = linkedMonitoringReport({
        root: { label: 'Regio', measures: measures({ absenceNew: whole }) },
        cycle: {
          periods: [quarter('2026-01-01', '2026-02-15', first), quarter('2026-02-16', '2026-03-31', second)],
          partitionsRootPeriod: true,
        },
      });
      return [report.report, report.cycle!].map((part) =>
        part.tables.find((table) => table.title === t.absence.title)!.rows[0].cells.map((cell) => cell.text),
      );
    };
    // 5 = "<5" + "<5" leaves each 1..4. 6 = "<5" + "<5" would leave each only 2..4: one period is hidden as "x",
    // and as 6 − "<5" would still leave that "x" only four values (2..5), the whole period's 6 as well.
    expect(newInPeriods(5, 2, 3)).toEqual([['5'], ['<5', '<5']]);
    expect(newInPeriods(6, 3, 3)).toEqual([['x'], ['x', '<5']]);
    expect(() =>
      linkedMonitoringReport({
        root: { label: 'Regio', measures: measures({ absenceNew: 5 }) },
        cycle: { periods: [quarter('2026-01-01', '2026-02-15', 2), quarter('2026-02-17', '2026-03-31', 3)], partitionsRootPeriod: true },
      }),
    ).toThrow(/consecutive/);
  });

  it('gives the learning cycle as a table per section with a column per period, and as series for charts', () => {
    const input = randomRegion(seeded(3), { areas: 2, schools: 4 }, { scale: 6, periods: 3 });
    const report = linkedMonitoringReport(input);
    const cycle = report.cycle!;
    expect(cycle.periods).toEqual(['K1', 'K2', 'K3']);
    expect(cycle.tables.map((table) => table.title)).toEqual(report.report.tables.map((table) => table.title));
    for (const table of cycle.tables) {
      expect(table.columns.slice(1)).toEqual(['K1', 'K2', 'K3']);
      for (const row of table.rows) expect(row.cells).toHaveLength(3);
    }
    expect(cycle.series.length).toBe(cycle.tables.reduce((sum, table) => sum + table.rows.length, 0));
    const newCases = cycle.series.find((series) => series.table === t.cases.title && series.label === t.cases.new)!;
    expect(newCases.points.map((point) => point.period)).toEqual(['K1', 'K2', 'K3']);
    expect(newCases.points.map((point) => point.text)).toEqual(cycle.tables[0].rows[0].cells.map((cell) => cell.text));
  });

  it('on random regions (two and three levels, with periods): every table keeps the rule, read back from what it prints', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0, 2), (seed, areas) => {
        const input = randomRegion(seeded(seed), { areas, schools: 4 }, { scale: 3, periods: 2, tags: 2, themes: 3 });
        const report = linkedMonitoringReport(input);
        expectPrintedReportKeepsTheRule(
          input,
          report.nodes.map((node) => node.report),
          report.cycle?.tables,
        );
      }),
      { numRuns: 8 },
    );
  });

  it('splits success factors and obstacles by theme down to the theme depth only, which keeps more of the region’s split', () => {
    const full = randomRegion(seeded(8), { areas: 2, schools: 4 }, { scale: 4, periods: 2, tags: 2, themes: 3 });
    const shallow = { ...full, themeDepth: 0 };
    const report = linkedMonitoringReport(shallow);
    const tagColumns = (node: number) => report.nodes[node].report.tables.find((table) => table.title === t.tags.successFactors)!.columns;
    expect(tagColumns(0).length).toBeGreaterThan(2);
    for (let node = 1; node < report.nodes.length; node++) expect(tagColumns(node)).toEqual([t.columns.successFactor, t.columns.total]);
    expectPrintedReportKeepsTheRule(
      shallow,
      report.nodes.map((node) => node.report),
      report.cycle?.tables,
    );
    const hiddenInRegionTags = (linked: LinkedReport) =>
      linked.report.tables
        .filter((table) => table.title === t.tags.successFactors || table.title === t.tags.obstacles)
        .flatMap((table) => table.rows.flatMap((row) => row.cells))
        .filter((cell) => cell.text === t.cells.hidden).length;
    expect(hiddenInRegionTags(report)).toBeLessThanOrEqual(hiddenInRegionTags(linkedMonitoringReport(full)));
  });

  it('writes the CSV region first, then each gebied, each school, the learning cycle and the legend', () => {
    const input = randomRegion(seeded(5), { areas: 2, schools: 3 }, { scale: 5, periods: 2 });
    const report = linkedMonitoringReport(input);
    const lines = linkedReportCsvLines(report);
    const headings = lines
      .filter((line) => line.length === 1 && /^(Regio|Gebied|School): |^Leercyclus/.test(line[0]))
      .map((line) => line[0]);
    expect(headings).toEqual([
      'Regio: Regio',
      'Gebied: Regio / Gebied 1',
      'Gebied: Regio / Gebied 2',
      'School: Regio / Gebied 1 / School 1',
      'School: Regio / Gebied 1 / School 3',
      'School: Regio / Gebied 2 / School 2',
      t.linked.cycleTitle,
    ]);
    expect(lines[0]).toEqual([t.title]);
    expect(lines.at(-1)).toEqual([t.linked.together]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(linkedReportCsv(report));
    expect(text.startsWith('\uFEFFMonitoringsrapportage MDO\r\n')).toBe(true);
    expect(text).not.toMatch(/;[1-4]\r\n|;[1-4];/);
  });
});
