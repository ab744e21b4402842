import { t, formatShortDate } from '../../i18n';

const s = t.regio.screens.period;

/** "3e kwartaal 2026" for a calendar quarter (how regions ask for contributions), else "1 augustus 2026 t/m 31 januari 2027". */
export function periodLabel(period: { from: string; to: string }): string {
  const [fromYear, fromMonth, fromDay] = period.from.split('-').map(Number);
  const [toYear, toMonth, toDay] = period.to.split('-').map(Number);
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(toYear, toMonth, 0)).getUTCDate();
  const quarter = fromDay === 1 && fromMonth % 3 === 1 && toYear === fromYear && toMonth === fromMonth + 2 && toDay === lastDay;
  return quarter ? s.quarter((fromMonth + 2) / 3, fromYear) : s.range(formatShortDate(period.from), formatShortDate(period.to));
}
