import { format, parseISO } from 'date-fns';
import type { BackupKind } from '../contract/backups';

/** How many backups are kept: the newest per day, per week and per month, and the newest safety backups. */
export const KEEP = { daily: 7, weekly: 4, monthly: 12, safety: 5 } as const;

export interface Dated {
  name: string;
  createdAt: string;
  kind: BackupKind;
}

/** Backups made because something risky was about to happen (or was asked for by hand): kept by count, not by calendar. */
const SAFETY_KINDS: readonly BackupKind[] = ['manual', 'migration', 'restore'];

/**
 * The names to delete: automatic backups (daily, on close) beyond the newest
 * per day for 7 days, per ISO week for 4 weeks and per month for 12 months;
 * each safety kind beyond its 5 newest. The newest backup always stays.
 */
export function backupsToDelete(backups: readonly Dated[], keep: typeof KEEP = KEEP): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  const kept = new Set<string>();
  if (newestFirst[0]) kept.add(newestFirst[0].name);

  const automatic = newestFirst.filter((backup) => !SAFETY_KINDS.includes(backup.kind));
  keepNewestPerPeriod(automatic, (at) => format(at, 'yyyy-MM-dd'), keep.daily, kept);
  keepNewestPerPeriod(automatic, (at) => format(at, "RRRR-'W'II"), keep.weekly, kept);
  keepNewestPerPeriod(automatic, (at) => format(at, 'yyyy-MM'), keep.monthly, kept);
  for (const kind of SAFETY_KINDS) {
    for (const backup of newestFirst.filter((candidate) => candidate.kind === kind).slice(0, keep.safety)) kept.add(backup.name);
  }
  return newestFirst.filter((backup) => !kept.has(backup.name)).map((backup) => backup.name);
}

function keepNewestPerPeriod(newestFirst: readonly Dated[], period: (at: Date) => string, count: number, kept: Set<string>): void {
  const seen = new Set<string>();
  for (const backup of newestFirst) {
    const key = period(parseISO(backup.createdAt));
    if (seen.has(key)) continue;
    if (seen.size === count) break;
    seen.add(key);
    kept.add(backup.name);
  }
}
