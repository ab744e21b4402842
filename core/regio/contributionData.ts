import type { Kysely } from 'kysely';
import type { DB, IsoDate } from '../../db/schema';
import { nowIso, type Clock } from '../clock';
import { AppError } from '../errors';
import {
  ABSENCE_THEME_CODE,
  agreementOutcome,
  caseCounts,
  effectOutcome,
  leadChanges,
  leadCoverage,
  leadTimeDistribution,
  NO_THEME,
  partyMeasures,
  tagsByTheme,
  type MonitoringPeriod,
} from '../monitoring/measures';
import { CONTRIBUTION_FORMAT, CONTRIBUTION_VERSION, contributionSchema, type Contribution } from './contribution';

// One school's regiobijdrage: the exact numbers behind the monitoring report,
// read with the very queries of that report (measures.ts), so that the
// region's sum over schools is what the report over those schools would say.

export interface ContributionRequest {
  schoolId: number;
  /** First day, inclusive. */
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
}

/** The contribution of one school for one period, checked against the documented format. */
export async function buildContribution(
  db: Kysely<DB>,
  request: ContributionRequest,
  clock: Clock,
  appVersion: string,
): Promise<Contribution> {
  const school = await db.selectFrom('school').select('name').where('id', '=', request.schoolId).executeTakeFirst();
  if (!school) throw new AppError('NOT_FOUND', 'school');
  const scope: MonitoringPeriod = { from: request.from, to: request.to, schoolIds: [request.schoolId] };
  const coverage = await leadCoverage(db, scope, clock);
  const tags = await tagsByTheme(db, scope);
  const contribution = {
    format: CONTRIBUTION_FORMAT,
    formatVersion: CONTRIBUTION_VERSION,
    app: { name: 'MDO', version: appVersion },
    school: { name: school.name },
    period: { from: request.from, to: request.to },
    createdAt: nowIso(clock),
    measures: {
      asOf: coverage.asOf,
      cases: await caseCounts(db, scope),
      leadCoverage: { openCases: coverage.openCases, withLead: coverage.withLead },
      effect: await effectOutcome(db, scope),
      leadTime: await leadTimeDistribution(db, scope),
      agreements: await agreementOutcome(db, scope, clock),
      leadChanges: await leadChanges(db, scope),
      absence: await caseCounts(db, scope, { themeCode: ABSENCE_THEME_CODE }),
      // The category is left out: nothing in the report shows it, and the format has no place for it.
      tags: tags.rows.map((row) => ({
        kind: row.kind,
        name: row.name,
        cases: row.cases,
        byTheme: tags.themes
          .filter((theme) => (row.byTheme[theme] ?? 0) > 0)
          .map((theme) => ({ theme: theme === NO_THEME ? null : theme, cases: row.byTheme[theme] })),
      })),
      parties: await partyMeasures(db, scope),
    },
  } satisfies Contribution;
  // What leaves the school must be the documented format, or nothing: a failure here is a bug, not the user's.
  return contributionSchema.parse(contribution);
}
