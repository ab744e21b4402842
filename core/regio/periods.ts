import { addDays, addMonths, format, parseISO, startOfQuarter } from 'date-fns';
import type { IsoDate } from '../../db/schema';

// The periods a region usually asks for, as the quick choices of the
// Regiobijdrage screen: whole calendar quarters (as the demo region and the
// coordinator's overview count them) and whole school years (1 August to 31 July).

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** The last quarter that has ended before `today` (the day itself counts as not ended). */
export function lastCompleteQuarter(today: IsoDate): Period {
  const start = startOfQuarter(parseISO(today));
  return { from: iso(addMonths(start, -3)), to: iso(addDays(start, -1)) };
}

/** The last school year (1 August – 31 July) that has ended before `today`. */
export function lastCompleteSchoolYear(today: IsoDate): Period {
  const day = parseISO(today);
  // The school year that holds today began on 1 August of this year, or of last year before August.
  const currentStart = day.getMonth() >= 7 ? day.getFullYear() : day.getFullYear() - 1;
  return { from: `${currentStart - 1}-08-01`, to: `${currentStart}-07-31` };
}

/** Today and the quick choices, by the app's clock (the renderer never judges dates by its own). */
export function suggestedPeriods(today: IsoDate) {
  return { today, lastQuarter: lastCompleteQuarter(today), lastSchoolYear: lastCompleteSchoolYear(today) };
}
