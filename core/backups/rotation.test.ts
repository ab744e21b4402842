import { addHours, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackupKind } from '../contract/backups';
import { backupsToDelete, KEEP, type Dated } from './rotation';

const kinds: BackupKind[] = ['manual', 'daily', 'close', 'migration', 'restore'];
const START = parseISO('2025-01-01T08:00:00.000Z');

const backupsArbitrary = fc
  .array(fc.record({ hours: fc.integer({ min: 0, max: 24 * 500 }), kind: fc.constantFrom(...kinds) }), { maxLength: 300 })
  .map((rows) =>
    rows.map(({ hours, kind }, index): Dated => ({ name: `b${index}`, createdAt: addHours(START, hours).toISOString(), kind })),
  );

describe('backup rotation', () => {
  it('keeps a daily backup for a week, weekly ones for a month and monthly ones for a year', () => {
    // Two years of a backup every evening and one on every close.
    const backups: Dated[] = [];
    for (let day = 0; day < 730; day++) {
      backups.push({ name: `d${day}`, createdAt: addHours(START, day * 24 + 10).toISOString(), kind: 'daily' });
      backups.push({ name: `c${day}`, createdAt: addHours(START, day * 24 + 12).toISOString(), kind: 'close' });
    }
    const deleted = new Set(backupsToDelete(backups));
    const kept = backups.filter((backup) => !deleted.has(backup.name));
    const days = kept.map((backup) => format(parseISO(backup.createdAt), 'yyyy-MM-dd'));
    // The last 7 days, then the newest of each week and each month: at most 7 + 4 + 12.
    expect(kept.length).toBeLessThanOrEqual(KEEP.daily + KEEP.weekly + KEEP.monthly);
    expect(kept.length).toBeGreaterThanOrEqual(KEEP.monthly);
    expect(new Set(days).size).toBe(kept.length);
    expect(kept.every((backup) => backup.kind === 'close')).toBe(true);
    const newest = backups.at(-1)!;
    expect(kept).toContainEqual(newest);
    const oldestKept = kept.map((backup) => backup.createdAt).sort()[0];
    expect(parseISO(newest.createdAt).getTime() - parseISO(oldestKept).getTime()).toBeGreaterThan(330 * 24 * 3600 * 1000);
  });

  it('never deletes the newest backup, the newest of each recent day, or the five newest of each safety kind', () => {
    fc.assert(
      fc.property(backupsArbitrary, (backups) => {
        const deleted = new Set(backupsToDelete(backups));
        const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
        if (newestFirst[0]) expect(deleted.has(newestFirst[0].name)).toBe(false);
        for (const kind of ['manual', 'migration', 'restore'] as const) {
          for (const backup of newestFirst.filter((row) => row.kind === kind).slice(0, KEEP.safety))
            expect(deleted.has(backup.name)).toBe(false);
        }
        const automatic = newestFirst.filter((row) => row.kind === 'daily' || row.kind === 'close');
        const days = [...new Set(automatic.map((row) => format(parseISO(row.createdAt), 'yyyy-MM-dd')))].slice(0, KEEP.daily);
        for (const day of days) {
          const newestOfDay = automatic.find((row) => format(parseISO(row.createdAt), 'yyyy-MM-dd') === day)!;
          expect(deleted.has(newestOfDay.name)).toBe(false);
        }
        // Bounded: however many there were, no more than the rules allow stay.
        expect(backups.length - deleted.size).toBeLessThanOrEqual(1 + KEEP.daily + KEEP.weekly + KEEP.monthly + 3 * KEEP.safety);
      }),
      { seed: 2026, numRuns: 300 },
    );
  });
});
