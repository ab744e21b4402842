import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { contributionSchema } from '../../regio/contribution';

const periodKey = (from: string, to: string) => `${from}/${to}`;

/** Every period of a stored contribution, newest first, with how many schools delivered for it. */
export async function contributionPeriods(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('contribution')
    .select((eb) => ['periodFrom as from', 'periodTo as to', eb.fn.count<number>('regionSchoolId').distinct().as('schools')])
    .groupBy(['periodFrom', 'periodTo'])
    .orderBy('periodTo', 'desc')
    .orderBy('periodFrom', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, schools: Number(row.schools) }));
}

/**
 * Per school and period: delivered (with when it was made and read) or missing,
 * and the older files the delivered one replaced. Schools by gebied, then name;
 * a school without gebied after the others.
 */
export async function deliveryOverview(db: Kysely<DB>) {
  const periods = (await contributionPeriods(db)).map(({ from, to }) => ({ from, to }));
  const schools = await db
    .selectFrom('regionSchool')
    .leftJoin('regionArea', 'regionArea.id', 'regionSchool.areaId')
    .select(['regionSchool.id as regionSchoolId', 'regionSchool.name', 'regionSchool.areaId', 'regionArea.name as areaName'])
    .orderBy((eb) => eb.case().when('regionArea.name', 'is', null).then(1).else(0).end())
    .orderBy('regionArea.name')
    .orderBy('regionSchool.name')
    .execute();
  const rows = await db
    .selectFrom('contribution')
    .select(['regionSchoolId', 'periodFrom', 'periodTo', 'createdAt', 'receivedAt', 'replacedById', 'content'])
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const cells = new Map<
    string,
    {
      delivered: { createdAt: string; receivedAt: string; appVersion: string } | null;
      history: { createdAt: string; receivedAt: string }[];
    }
  >();
  for (const row of rows) {
    const key = `${row.regionSchoolId}:${periodKey(row.periodFrom, row.periodTo)}`;
    const cell = cells.get(key) ?? { delivered: null, history: [] };
    if (row.replacedById === null) {
      const appVersion = contributionSchema.parse(JSON.parse(row.content)).app.version;
      cell.delivered = { createdAt: row.createdAt, receivedAt: row.receivedAt, appVersion };
    } else cell.history.push({ createdAt: row.createdAt, receivedAt: row.receivedAt });
    cells.set(key, cell);
  }
  return {
    periods,
    schools: schools.map((school) => ({
      ...school,
      cells: periods.map((period) => {
        const cell = cells.get(`${school.regionSchoolId}:${periodKey(period.from, period.to)}`) ?? { delivered: null, history: [] };
        return { state: cell.delivered ? ('delivered' as const) : ('missing' as const), ...cell };
      }),
    })),
  };
}
