import { z } from 'zod';
import { nl } from '../i18n/nl';
import { dateInput, id, isoDate } from './entities';

// Shapes of the Privacy screen's channels: audit log, retention, data-subject requests.

const count = z.number().int().min(0);

export const auditKind = z.enum(['session', 'export', 'minutes', 'consent', 'erasure', 'region']);

export const auditFilter = z
  .strictObject({
    schoolId: id,
    kind: auditKind.nullable(),
    from: dateInput.nullable(),
    to: dateInput.nullable(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { error: nl.forms.period, path: ['to'] });

export const auditListRequest = z.strictObject({
  filter: auditFilter,
  page: z.number().int().min(1).max(10_000_000),
  pageSize: z.number().int().min(10).max(200),
});

export const auditEntry = z.object({
  id,
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  schoolId: z.number().int().nullable(),
  counts: z.record(z.string(), z.number()),
});

export const auditPage = z.object({
  total: count,
  page: z.number().int(),
  pageSize: z.number().int(),
  entries: z.array(auditEntry),
});

/** Closed cases are kept this many years after closing unless the school sets another period. */
export const DEFAULT_RETENTION_YEARS = 2;
export const MAX_RETENTION_YEARS = 20;

export const retentionYears = z.number().int().min(1).max(MAX_RETENTION_YEARS);

export const retentionSettings = z.object({ yearsAfterClose: retentionYears, isDefault: z.boolean() });

export const retentionSet = z.strictObject({ schoolId: id, yearsAfterClose: retentionYears });

export const erasureCounts = z.object({
  pupils: count,
  cases: count,
  discussions: count,
  agreements: count,
  consents: count,
  effectChecks: count,
  leads: count,
  meetings: count,
  verslagen: count,
  signatures: count,
});

const affectedMeeting = z.object({ meetingId: id, date: isoDate, verslagen: count, keptCases: count });

export const retentionPreview = z.object({
  yearsAfterClose: retentionYears,
  cutoff: isoDate,
  cases: z.array(
    z.object({ caseId: id, pupilId: id, pupilName: z.string(), groupName: z.string(), registeredOn: isoDate, closedOn: isoDate }),
  ),
  pupils: z.array(z.object({ pupilId: id, name: z.string(), groupName: z.string(), lastClosedOn: isoDate })),
  meetings: z.array(affectedMeeting),
  counts: erasureCounts,
});

/** Purge exactly the cases of the preview the user confirmed. */
export const retentionPurge = z.strictObject({
  schoolId: id,
  caseIds: z.array(id).min(1).max(100_000),
  confirm: z.literal(true),
});

export const erasureResult = z.object({ counts: erasureCounts, durationMs: z.number().min(0), walTruncated: z.boolean() });

export const pupilRef = z.strictObject({ pupilId: id });

export const pupilErasePreview = z.object({
  pupilId: id,
  name: z.string(),
  dateOfBirth: isoDate,
  groupName: z.string(),
  openCases: count,
  counts: erasureCounts,
  meetings: z.array(affectedMeeting),
  mentions: z.array(
    z.object({
      place: z.enum(['case', 'discussion', 'agendaItem', 'agreement', 'meeting']),
      caseId: id.nullable(),
      meetingId: id.nullable(),
    }),
  ),
});

export const pupilExport = z.strictObject({ pupilId: id, format: z.enum(['docx', 'json']) });

export const pupilErase = z.strictObject({ pupilId: id, confirm: z.literal(true) });
