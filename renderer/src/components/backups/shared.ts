import { t } from '../../i18n';

/** The backup texts of the Dutch catalogue. */
export const b = t.backups;
/** How often the progress of a running backup is asked. */
export const PROGRESS_POLL_MS = 250;
