import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { contributionSchema, type Contribution } from '../../regio/contribution';

/** A current contribution with the region school it belongs to (by its trusted signer) and that school's gebied now. */
export interface RegionContribution {
  contribution: Contribution;
  regionSchoolId: number;
  /** The name the region registered, not the one in the file. */
  schoolName: string;
  areaId: number | null;
  areaName: string | null;
}

/**
 * The current (not replaced) contributions whose period lies within from–to,
 * both ends included, for the region's report: by period, then school name.
 * Two periods of one school that overlap (a quarter and the school year around
 * it) both come back; the caller chooses which periods it combines.
 */
export async function currentContributions(db: Kysely<DB>, range: { from: string; to: string }): Promise<RegionContribution[]> {
  const rows = await db
    .selectFrom('contribution')
    .innerJoin('regionSchool', 'regionSchool.id', 'contribution.regionSchoolId')
    .leftJoin('regionArea', 'regionArea.id', 'regionSchool.areaId')
    .select([
      'contribution.content',
      'regionSchool.id as regionSchoolId',
      'regionSchool.name as schoolName',
      'regionSchool.areaId',
      'regionArea.name as areaName',
    ])
    .where('contribution.replacedById', 'is', null)
    .where('contribution.periodFrom', '>=', range.from)
    .where('contribution.periodTo', '<=', range.to)
    .orderBy('contribution.periodFrom')
    .orderBy('contribution.periodTo')
    .orderBy('regionSchool.name')
    .execute();
  // Stored only after the same schema accepted it; parsed again so the type is the schema's, not a cast.
  return rows.map(({ content, ...school }) => ({ contribution: contributionSchema.parse(JSON.parse(content)), ...school }));
}
