import { expect } from 'vitest';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import { cycleTables, linkedProblem, type LinkedReportInput } from './linkedReport';
import { renderMonitoringReport, type MonitoringReport, type ReportCell, type ReportTable } from './report';
import type { Cell } from './suppress';
import { auditSuppression, type Display } from './suppressionAudit';

/** Where each count is printed, found by rendering once with a marker number per key. */
function printedAt(render: (cell: (key: string) => Cell) => ReportTable[]): Map<string, [number, number, number]> {
  const markers = new Map<number, string>();
  const tables = render((key) => {
    const marker = 1_000_000 + markers.size;
    markers.set(marker, key);
    return { kind: 'shown', value: marker };
  });
  const positions = new Map<string, [number, number, number]>();
  tables.forEach((table, tableIndex) =>
    table.rows.forEach((row, rowIndex) =>
      row.cells.forEach((cell, cellIndex) => {
        const key = cell.value === null ? undefined : markers.get(cell.value);
        if (key !== undefined) positions.set(key, [tableIndex, rowIndex, cellIndex]);
      }),
    ),
  );
  return positions;
}

const cellAt = (tables: ReportTable[], [table, row, cell]: [number, number, number]): ReportCell => tables[table].rows[row].cells[cell];

/**
 * Reads back what a report prints for every count (its parts' reports in the
 * order of linkedMonitoringReport, and the learning cycle's tables), checks
 * that each shown number is the exact count, and audits all of it together
 * from what it prints, independently of how it was suppressed.
 */
export function expectPrintedReportKeepsTheRule(input: LinkedReportInput, reports: MonitoringReport[], cycle?: ReportTable[]) {
  const { problem, nodes, periodScope } = linkedProblem(input);
  const display: Display[] = problem.values.map(() => 'shown');
  for (const cell of problem.latent) display[cell] = 'latent';
  const read = (scope: string, positions: Map<string, [number, number, number]>, tables: ReportTable[]) => {
    for (const [key, position] of positions) {
      const index = problem.cell(scope, key);
      if (index === undefined) continue;
      const printed = cellAt(tables, position);
      if (printed.text === t.cells.small) display[index] = 'small';
      else if (printed.text === t.cells.hidden) display[index] = 'hidden';
      else expect(printed.value, `${problem.describe(index)} printed as ${printed.text}`).toBe(problem.values[index]);
    }
  };
  nodes.forEach((placed, index) => {
    const tables = reports[index].tables;
    read(
      placed.scope,
      printedAt((cell) => renderMonitoringReport(placed.node.measures, cell).tables),
      tables,
    );
  });
  if (input.cycle && cycle) {
    const periods = input.cycle.periods;
    const positions = printedAt((cell) => cycleTables(input.root.measures, periods, (index, key) => cell(`${index}\u0001${key}`)));
    periods.forEach((_, index) => {
      const mine = new Map(
        [...positions].filter(([key]) => key.startsWith(`${index}\u0001`)).map(([key, at]) => [key.slice(key.indexOf('\u0001') + 1), at]),
      );
      read(periodScope(index), mine, cycle);
    });
  }
  for (let cell = 0; cell < display.length; cell++) {
    const value = problem.values[cell];
    if (display[cell] === 'small') expect(value >= 1 && value <= 4, problem.describe(cell)).toBe(true);
    if (display[cell] === 'shown' && !problem.latent.includes(cell)) expect(value === 0 || value >= 5, problem.describe(cell)).toBe(true);
  }
  const audit = auditSuppression({ values: problem.values, latent: problem.latent, relations: problem.relations }, display);
  expect(audit.violations.map((cell) => problem.describe(cell))).toEqual([]);
}
