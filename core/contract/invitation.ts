import { z } from 'zod';
import { id } from './entities';

// The invitation to a meeting (issue 19): whether the calendars are up to
// date, and cancelling a planned meeting so a cancellation can be sent.

export const invitationState = z.object({
  state: z.enum(['none', 'current', 'outdated']),
  /** Whether the chair has an e-mail address, so the file names an organiser to reply to. */
  organizer: z.boolean(),
});

export const invitationContract = {
  'meetings.invitationState': { input: z.strictObject({ meetingId: id }), output: invitationState },
  'meetings.cancel': { input: z.strictObject({ meetingId: id }), output: z.null() },
} as const;
