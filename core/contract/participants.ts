import { z } from 'zod';
import { id } from './entities';

// The kernteam members as recipients of what the IB sends them: after a meeting,
// each member's own action list.

export const actionListRow = z.object({
  memberId: id,
  name: z.string(),
  role: z.string(),
  organisation: z.string().nullable(),
  openActions: z.number().int().min(0),
});

export const participantsContract = {
  // Everyone invited to or present at the meeting, and everyone owning open agreements up to it, with their count.
  'meetings.actionLists': { input: z.strictObject({ meetingId: id }), output: z.array(actionListRow) },
} as const;
