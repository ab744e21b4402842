import { z } from 'zod';
import { id } from './entities';

// The invitation to a meeting (issue 19): whether the calendars are up to
// date, and cancelling a planned meeting so a cancellation can be sent.

export const invitationState = z.enum(['none', 'current', 'outdated']);

export const invitationContract = {
  'meetings.invitationState': { input: z.strictObject({ meetingId: id }), output: invitationState },
  'meetings.cancel': { input: z.strictObject({ meetingId: id }), output: z.null() },
} as const;
