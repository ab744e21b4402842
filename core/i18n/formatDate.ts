import { format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';

/** "dinsdag 2 december 2026": how a date is written in a Dutch letter or screen. */
export function formatLongDate(isoDate: string): string {
  return format(parseISO(isoDate), 'EEEE d MMMM yyyy', { locale: nl });
}

/** "2-12-2026": compact nl-NL date for tables. */
export function formatShortDate(isoDate: string): string {
  return format(parseISO(isoDate), 'd-M-yyyy', { locale: nl });
}

/** "25-11-2026 11:30": a moment in the computer's own time zone, e.g. when something was signed. */
export function formatMoment(isoMoment: string): string {
  return format(parseISO(isoMoment), 'd-M-yyyy HH:mm', { locale: nl });
}
