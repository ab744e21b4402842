import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * Turns what a user typed into a safe FTS5 query within one school: the school's
 * scope token and every word (as a prefix) must match.
 */
export function ftsQuery(text: string, schoolId: number): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
  return words.length ? `scope : s${schoolId} AND body : (${words.map((word) => `"${word}"*`).join(' ')})` : null;
}

/** Global search over pupils, cases and discussion notes of one school; each hit leads to a case or pupil. */
export async function search(db: Kysely<DB>, schoolId: number, text: string, limit = 20) {
  const query = ftsQuery(text, schoolId);
  if (!query) return [];
  const hits = await db
    .selectFrom('searchIndex')
    .select(['kind', 'refId', sql<string>`snippet(search_index, 0, '[', ']', '…', 12)`.as('snippet')])
    .where(sql<boolean>`search_index MATCH ${query}`)
    .orderBy(sql`rank`)
    .limit(limit)
    .execute();

  const results = [];
  for (const hit of hits) {
    if (hit.kind === 'pupil') {
      const pupil = await db
        .selectFrom('pupil')
        .leftJoin('supportCase', (join) => join.onRef('supportCase.pupilId', '=', 'pupil.id'))
        .select(['pupil.id', 'pupil.firstName', 'pupil.lastName', 'pupil.groupName', (eb) => eb.fn.max('supportCase.id').as('caseId')])
        .where('pupil.id', '=', hit.refId)
        .groupBy('pupil.id')
        .executeTakeFirst();
      if (pupil)
        results.push({
          kind: 'pupil' as const,
          pupilId: pupil.id,
          caseId: pupil.caseId ?? null,
          title: `${pupil.firstName} ${pupil.lastName}`,
          detail: pupil.groupName,
          snippet: hit.snippet,
        });
      continue;
    }
    const caseId =
      hit.kind === 'case'
        ? hit.refId
        : (await db.selectFrom('caseDiscussion').select('caseId').where('id', '=', hit.refId).executeTakeFirst())?.caseId;
    if (!caseId) continue;
    const found = await db
      .selectFrom('supportCase')
      .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
      .select(['supportCase.pupilId', 'pupil.firstName', 'pupil.lastName', 'pupil.groupName'])
      .where('supportCase.id', '=', caseId)
      .executeTakeFirst();
    if (found) {
      results.push({
        kind: hit.kind,
        pupilId: found.pupilId,
        caseId,
        title: `${found.firstName} ${found.lastName}`,
        detail: found.groupName,
        snippet: hit.snippet,
      });
    }
  }
  return results;
}
