import { z } from 'zod';
import { isoDate, monitoringCharts, monitoringReport, reportTable } from './entities';

// The coordinator's Regiorapportage: one period's report of the region, its
// gebieden and schools, and the learning cycle, already suppressed: only
// shown numbers cross the boundary.

const period = z.object({ from: isoDate, to: isoDate });
export const regionReportRequest = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((value) => value.from <= value.to, { path: ['to'] });
export const regionReportExport = z
  .strictObject({ from: isoDate, to: isoDate, format: z.enum(['docx', 'csv']) })
  .refine((value) => value.from <= value.to, { path: ['to'] });

export const regionReportView = z.object({
  period,
  /** Schools with a contribution for this period, and all of the region's schools. */
  delivered: z.number().int(),
  schools: z.number().int(),
  nodes: z.array(
    z.object({
      path: z.array(z.string()),
      label: z.string(),
      level: z.enum(['region', 'area', 'school']),
      depth: z.number().int(),
      report: monitoringReport,
      entirelyHidden: z.boolean(),
    }),
  ),
  cycle: z.object({ periods: z.array(z.string()), tables: z.array(reportTable) }).nullable(),
  legend: z.array(z.string()),
});

export const regionReportContract = {
  'region.report': { input: regionReportRequest, output: regionReportView.nullable() },
  /** Line charts of the learning cycle's tables, drawn in main like the report's bar charts. */
  'region.report.cycleCharts': { input: z.strictObject({ tables: z.array(reportTable).max(100) }), output: monitoringCharts },
  'region.report.export': { input: regionReportExport, output: z.object({ fileName: z.string().nullable() }) },
} as const;
