import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { today, type Clock } from '../../clock';
import { nlRegioReport as t } from '../../i18n/nlRegioReport';
import type { FileDialogs } from '../../ipc/fileDialogs';
import { linkedReportCsv } from '../../monitoring/csv';
import type { LinkedReport } from '../../monitoring/linkedReport';
import { buildRegionalDocx } from '../../regio/regionalDocx';
import { regionalReport, type Period } from '../../regio/regionalReport';
import { recordAudit } from '../audit';
import { currentContributions } from './currentContributions';

// The Regiorapportage of a region database: its current contributions placed
// in their schools and gebieden, as the screen shows it and as DOCX or CSV.

async function build(
  db: Kysely<DB>,
  period: Period,
  clock: Clock,
): Promise<{ report: LinkedReport; delivered: number; regionName: string } | null> {
  const region = await db.selectFrom('region').select('name').executeTakeFirstOrThrow();
  const items = await currentContributions(db, { from: '0001-01-01', to: '9999-12-31' });
  const current = items.filter((item) => item.contribution.period.from === period.from && item.contribution.period.to === period.to);
  if (current.length === 0) return null;
  const report = regionalReport(
    {
      regionName: region.name,
      period,
      parts: true,
      items: items.map((item) => ({ contribution: item.contribution, schoolName: item.schoolName, areaName: item.areaName })),
    },
    clock,
  );
  return { report, delivered: current.length, regionName: region.name };
}

/** The report of one delivered period, or null when no school delivered for it. */
export async function regionReportView(db: Kysely<DB>, period: Period, clock: Clock) {
  const built = await build(db, period, clock);
  if (!built) return null;
  const schools = await db
    .selectFrom('regionSchool')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const { report } = built;
  return {
    period,
    delivered: built.delivered,
    schools: Number(schools.count),
    nodes: report.nodes,
    cycle: report.cycle ? { periods: report.cycle.periods, tables: report.cycle.tables } : null,
    legend: report.legend,
  };
}

/** Saves the report through the save dialog as DOCX (with charts) or CSV; the audit log records only that it happened. */
export async function exportRegionReport(
  db: Kysely<DB>,
  request: Period & { format: 'docx' | 'csv' },
  files: FileDialogs,
  clock: Clock,
): Promise<{ fileName: string | null }> {
  const period = { from: request.from, to: request.to };
  const built = await build(db, period, clock);
  if (!built) return { fileName: null };
  const bytes =
    request.format === 'csv'
      ? linkedReportCsv(built.report)
      : await buildRegionalDocx(built.report, { regionName: built.regionName, period, generatedOn: today(clock) });
  const fileName = await files.save(t.fileName(built.regionName, request.from, request.to, request.format), bytes);
  if (fileName) await recordAudit(db, { action: 'export.monitoring', entity: 'region', counts: { schools: built.delivered } }, clock);
  return { fileName };
}
