import type { MonitoringMeasures } from '../monitoring/measures';
import { contributionSchema, type Contribution } from './contribution';

/** measureAll's rows carry the category of the school's list; a contribution has none (nothing downstream reads it). */
export function withoutCategories(m: MonitoringMeasures): MonitoringMeasures {
  return { ...m, tags: { ...m.tags, rows: m.tags.rows.map((row) => ({ ...row, category: '' })) } };
}

/** A contribution as the region reads it: written as UTF-8 JSON text, read back through the documented schema. */
export function throughJson(contribution: Contribution): { contribution: Contribution; text: string } {
  const text = new TextDecoder().decode(new TextEncoder().encode(JSON.stringify(contribution)));
  return { contribution: contributionSchema.parse(JSON.parse(text)), text };
}
