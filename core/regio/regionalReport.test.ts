import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { createDemoRegionDatabase } from '../../tests/fixtures/regionDatabase';
import { fixedClock } from '../clock';
import { linkedMonitoringReport, linkedProblem } from '../monitoring/linkedReport';
import { auditSuppression } from '../monitoring/suppressionAudit';
import { suppressCells } from '../monitoring/cellSuppression';
import { currentContributions } from '../services/region/currentContributions';
import { periodLabel, regionalReport, regionalReportInput, type PlacedContribution } from './regionalReport';

const clock = fixedClock(E2E_NOW);

describe('the regional report of the demo region', () => {
  const temp = tempDir('mdo-regional-report-');
  let handle: OpenDatabase;
  let items: PlacedContribution[];
  let periods: { from: string; to: string }[];

  beforeAll(async () => {
    await createDemoRegionDatabase(temp.file('region.db'));
    handle = await openDatabase(temp.file('region.db'));
    items = (await currentContributions(handle.db, { from: '0001-01-01', to: '9999-12-31' })).map((item) => ({
      contribution: item.contribution,
      schoolName: item.schoolName,
      areaName: item.areaName,
    }));
    periods = [...new Map(items.map((item) => [item.contribution.period.from, item.contribution.period])).values()].sort((a, b) =>
      a.from.localeCompare(b.from),
    );
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  it('shows the region and its 7 buurten, a school only where that hides nothing more, and the quarters as a learning cycle', () => {
    const period = periods.at(-1)!;
    const report = regionalReport({ regionName: 'Demoregio', items, period, parts: true }, clock);
    expect(report.nodes.filter((node) => node.level === 'area')).toHaveLength(7);
    const delivered = items.filter((item) => item.contribution.period.from === period.from).length;
    expect(report.nodes.filter((node) => node.level === 'school').length).toBeLessThanOrEqual(delivered);
    // The schools shown cost the region and the gebieden nothing: their tables read as without any school.
    const input = regionalReportInput({ regionName: 'Demoregio', items, period, parts: true }, clock);
    const withoutSchools = linkedMonitoringReport({
      ...input,
      root: { ...input.root, children: input.root.children!.map((area) => ({ ...area, children: undefined })) },
    });
    const upper = (nodes: typeof report.nodes) => nodes.filter((node) => node.level !== 'school').map((node) => node.report.tables);
    expect(upper(report.nodes)).toEqual(upper(withoutSchools.nodes));
    // Most of the region's own numbers are shown.
    const cells = report.nodes[0].report.tables.flatMap((table) => table.rows.flatMap((row) => row.cells));
    expect(cells.filter((cell) => cell.text === 'x').length).toBeLessThan(cells.length / 4);
    expect(report.cycle?.periods).toEqual(periods.map(periodLabel));
    expect(report.cycle?.periods.every((label) => /^K[1-4] \d{4}$/.test(label))).toBe(true);
  });

  it('leaves every hidden count of every table of one report unpinned and unnarrowed', { timeout: 120_000 }, () => {
    for (const period of [periods[0], periods.at(-1)!]) {
      const input = regionalReportInput({ regionName: 'Demoregio', items, period, parts: true }, clock);
      const { problem } = linkedProblem(input);
      const { display } = suppressCells({
        values: problem.values,
        latent: problem.latent,
        relations: problem.relations,
        hideWith: problem.hideWith,
      });
      const audit = auditSuppression(problem, display);
      expect(audit.violations, `${period.from}: ${audit.violations.length} hidden counts can be narrowed`).toEqual([]);
      expect(display.filter((shown) => shown !== 'shown').length).toBeGreaterThan(0);
    }
  });

  it("hides a count of the report's own quarter in the learning cycle exactly when the region's table hides it", () => {
    const period = periods.at(-1)!;
    const report = regionalReport({ regionName: 'Demoregio', items, period, parts: true }, clock);
    const own = report.cycle!.periods.indexOf(periodLabel(period));
    const region = report.nodes[0].report;
    // The counts the two share, by table and row: every cell of the cycle's own column reads as in the region's table.
    for (const table of report.cycle!.tables) {
      const regionTable = region.tables.find((candidate) => candidate.title === table.title);
      if (!regionTable) continue;
      for (const row of table.rows) {
        const regionRow = regionTable.rows.find((candidate) => candidate.label === row.label);
        if (!regionRow) continue;
        expect(row.cells[own].text, `${table.title}: ${row.label}`).toBe(regionRow.cells[0].text);
      }
    }
  });

  it('names quarters, school years and other periods as people do', () => {
    expect(periodLabel({ from: '2026-07-01', to: '2026-09-30' })).toBe('K3 2026');
    expect(periodLabel({ from: '2025-08-01', to: '2026-07-31' })).toBe('2025-2026');
    expect(periodLabel({ from: '2026-01-01', to: '2026-06-30' })).toBe('1 januari 2026 – 30 juni 2026');
  });
});
