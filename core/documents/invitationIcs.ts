import { createHash } from 'node:crypto';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { nl } from '../i18n/nl';

/** Dutch schools meet in Dutch time; the file says so, so a calendar abroad or on a laptop in another zone shows the right hour. */
export const INVITATION_TIMEZONE = 'Europe/Amsterdam';

/** What a calendar entry for a meeting holds: the meeting's own facts, never a pupil. */
export interface InvitationContent {
  schoolName: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM', Dutch time */
  startTime: string;
  minutes: number;
  location: string;
  /** The chair; a calendar can only name an organiser with an e-mail address. */
  organizer: { name: string; email: string | null } | null;
  /** Invited members with an e-mail address. */
  attendees: { name: string; email: string }[];
  cancelled: boolean;
}

/** Hash of what a calendar shows: the same content keeps its SEQUENCE. */
export function invitationHash(content: InvitationContent): string {
  const attendees = [...content.attendees].sort((a, b) => a.email.localeCompare(b.email) || a.name.localeCompare(b.name));
  return createHash('sha256')
    .update(JSON.stringify({ ...content, attendees }))
    .digest('hex');
}

/** 'YYYY-MM-DDTHH:MM:00' of the start plus the minutes, in wall-clock time (no zone). */
function wallClockEnd(date: string, startTime: string, minutes: number): string {
  // Computed in UTC on purpose: the wall clock adds up the same there, whatever zone this computer is in.
  const end = new Date(new Date(`${date}T${startTime}:00Z`).getTime() + minutes * 60_000);
  return end.toISOString().slice(0, 19);
}

/**
 * The iCalendar file (RFC 5545/5546) inviting the kernteam to a meeting,
 * or cancelling it: one VEVENT in Europe/Amsterdam time with its VTIMEZONE.
 */
export function buildInvitationIcs(content: InvitationContent, identity: { uid: string; sequence: number; stamp: Date }): Uint8Array {
  const calendar = ical({
    prodId: { company: 'MDO', product: 'MDO', language: 'NL' },
    method: content.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // No calendar-wide zone (that would write DTSTAMP in local time); the event's zone brings in its VTIMEZONE.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const organizerEmail = content.organizer?.email || null;
  const event = calendar.createEvent({
    id: identity.uid,
    sequence: identity.sequence,
    stamp: identity.stamp,
    // Strings without a zone are read as wall-clock time and written as such with TZID.
    start: `${content.date}T${content.startTime}:00`,
    end: wallClockEnd(content.date, content.startTime, content.minutes),
    timezone: INVITATION_TIMEZONE,
    summary: nl.invitation.summary(content.schoolName),
    description: content.cancelled ? nl.invitation.cancelledDescription(content.schoolName) : nl.invitation.description(content.schoolName),
    location: content.location || null,
    status: content.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: content.organizer && organizerEmail ? { name: content.organizer.name, email: organizerEmail } : null,
  });
  for (const attendee of content.attendees) {
    if (attendee.email.toLowerCase() === organizerEmail?.toLowerCase()) continue;
    event.createAttendee({
      name: attendee.name,
      email: attendee.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      // Asking for a reply only makes sense when there is an organiser to reply to.
      rsvp: !!organizerEmail && !content.cancelled,
    });
  }
  // RFC 5545 ends every line with CRLF, the last one too (the library leaves it off).
  const text = calendar.toString();
  return new TextEncoder().encode(text.endsWith('\r\n') ? text : `${text}\r\n`);
}
