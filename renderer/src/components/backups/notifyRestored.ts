import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import type { restoreResult } from '../../../../core/contract/backups';
import { formatMoment } from '../../i18n';
import { b } from './shared';

type RestoreResult = z.infer<typeof restoreResult>;

/** When a backup was made, read from its name (mdo-reservekopie-20261125T100000123Z-restore.db). */
function backupMoment(name: string): string | null {
  const match = /-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-/.exec(name);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, ms] = match;
  return formatMoment(`${year}-${month}-${day}T${hour}:${minute}:${second}.${ms}Z`);
}

/** After a restore: which backup came back, and where the state from just before it (or the damaged file) went. */
export function notifyRestored(moment: string, result: RestoreResult) {
  const r = b.restoreDialog;
  const parts = [r.done(moment)];
  if (result.safetyBackup) parts.push(r.safety(backupMoment(result.safetyBackup) ?? '', result.safetyBackup));
  if (result.keptAside) parts.push(r.keptAside(result.keptAside));
  notifications.show({ color: 'teal', message: parts.join(' '), autoClose: 15_000 });
}
