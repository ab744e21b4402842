import { nl } from './nl';
import { nlRegio } from './nlRegio';

const t = nl.privacy;

/** "Verslag vastgesteld"; an action this version does not know is shown by its code. */
export function auditActionLabel(action: string): string {
  return t.audit.actions[action] ?? nlRegio.audit.actions[action] ?? action;
}

/** "casus": the kind of record in words; empty for none. */
export function auditEntityName(entity: string): string {
  return entity ? (t.audit.entities[entity] ?? nlRegio.audit.entities[entity] ?? entity) : '';
}

/** "casus 12": the kind of record and its number. */
export function auditRecordText(entry: { entity: string; entityId: number | null }): string {
  if (!entry.entity) return '';
  const name = auditEntityName(entry.entity);
  return entry.entityId === null ? name : `${name} ${entry.entityId}`;
}

/** "2 casussen, 1 leerling": the numbers of an entry in words. Zeros are left out. */
export function auditCountsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, value]) => value !== 0)
    .map(([name, value]) => {
      const words = t.counts[name] ?? nlRegio.audit.counts[name];
      return words ? `${value} ${value === 1 ? words[0] : words[1]}` : `${name}: ${value}`;
    })
    .join(', ');
}
