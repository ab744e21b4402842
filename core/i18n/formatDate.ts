import { format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';

// One way to write a date for people, in the app and in every document MDO
// writes: "7 december 2026". Only a date that heads a meeting carries its
// weekday; a moment adds "om 11:30". CSV and JSON exports keep ISO dates
// (they are read by machines) and never come through here.

/** "maandag 7 december 2026": a date that heads a meeting (title of the meeting page, the verslag's date line). */
export function formatLongDate(isoDate: string): string {
  return format(parseISO(isoDate), 'EEEE d MMMM yyyy', { locale: nl });
}

/** "7 december 2026": how MDO writes any date people read (tables, lists, letters). */
export function formatShortDate(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMMM yyyy', { locale: nl });
}

/** "7 december 2026 om 11:30": a moment in the computer's own time zone, e.g. when something was signed. */
export function formatMoment(isoMoment: string): string {
  return format(parseISO(isoMoment), "d MMMM yyyy 'om' HH:mm", { locale: nl });
}

/** The same as formatShortDate, under the name the rest of the code should prefer. */
export const formatDate = formatShortDate;
