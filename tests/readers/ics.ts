import ICAL from 'ical.js';

/** One event of an .ics file as a calendar reads it (ical.js, Mozilla's parser), with its times as real instants. */
export interface ReadEvent {
  uid: string;
  sequence: number;
  summary: string;
  location: string | null;
  description: string;
  status: string | null;
  tzid: string | null;
  /** UTC instants, computed with the VTIMEZONE the file itself carries. */
  start: string;
  end: string;
  organizer: string | null;
  attendees: string[];
}

const mailto = (value: unknown) => String(value).replace(/^mailto:/i, 'mailto:');

/** Parses an .ics file with ical.js: the calendar's METHOD, its VTIMEZONE ids and every VEVENT. */
export function readIcs(bytes: Uint8Array | string): { method: string | null; timezones: string[]; events: ReadEvent[] } {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  // Only the zones this file defines: a zone ical.js knew from elsewhere must not make a wrong file pass.
  ICAL.TimezoneService.reset();
  const timezones = calendar.getAllSubcomponents('vtimezone').map((zone) => {
    const timezone = new ICAL.Timezone(zone);
    ICAL.TimezoneService.register(timezone);
    return timezone.tzid;
  });
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const organizer = vevent.getFirstPropertyValue('organizer');
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      location: event.location ?? null,
      description: event.description,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid')?.toString() ?? null,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      // The URI scheme is case-insensitive (the library writes MAILTO for attendees): read as mailto:.
      organizer: organizer ? mailto(organizer) : null,
      attendees: vevent.getAllProperties('attendee').map((property) => mailto(property.getFirstValue())),
    };
  });
  return { method: (calendar.getFirstPropertyValue('method') as string | null) ?? null, timezones, events };
}
