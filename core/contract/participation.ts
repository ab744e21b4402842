import { z } from 'zod';
import { nl } from '../i18n/nl';
import { dateInput, id, isoDate, parentsPresent, pupilParticipation } from './entities';

// Who took part in a discussion, and the parents' right to information: the
// ouderversie for parents who were not there, with the day it was sent.

export const participationSet = z
  .strictObject({
    agendaItemId: id,
    parentsPresent: parentsPresent.nullable(),
    parentsAbsentReason: z.string().trim().max(1000).default(''),
    pupilParticipation: pupilParticipation.nullable(),
  })
  .refine((value) => value.parentsPresent !== 'not_invited' || value.parentsAbsentReason !== '', {
    path: ['parentsAbsentReason'],
    error: nl.participation.reasonRequired,
  });

export const parentCopy = z.object({
  agendaItemId: id,
  caseId: id,
  pupilName: z.string(),
  groupName: z.string(),
  parentsPresent: parentsPresent.nullable(),
  parentsAbsentReason: z.string(),
  sentOn: isoDate.nullable(),
});

export const parentCopySent = z.strictObject({ meetingId: id, caseId: id, sentOn: dateInput.nullable() });

export const participationContract = {
  'chair.setParticipation': { input: participationSet, output: z.null() },
  // `today` by the app's clock: the day a copy is sent defaults to it, and may not lie after it.
  'meetings.parentCopies': { input: z.strictObject({ meetingId: id }), output: z.object({ today: isoDate, copies: z.array(parentCopy) }) },
  'meetings.markParentCopySent': { input: parentCopySent, output: z.null() },
} as const;
