import { z } from 'zod';
import { nl } from '../i18n/nl';

// Shapes that cross the IPC boundary. The renderer's types come from here.

export const id = z.number().int().positive();
export const isoDate = z.iso.date();
export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const schoolScope = z.strictObject({ schoolId: id });

export const school = z.object({
  id,
  name: z.string(),
  city: z.string().nullable(),
  isDemo: z.boolean(),
});

export const role = z.object({ id, code: z.string().nullable(), name: z.string(), active: z.boolean() });

export const member = z.object({
  id,
  name: z.string(),
  roleId: id,
  roleName: z.string(),
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
});

export const memberCreate = z.strictObject({
  schoolId: id,
  name: z.string().trim().min(2, { error: nl.team.nameRequired }).max(120),
  roleId: z.number({ error: nl.team.roleRequired }).int().positive({ error: nl.team.roleRequired }),
  organisation: z.string().trim().max(120).optional(),
  email: z.union([z.email({ error: nl.team.emailInvalid }).max(200), z.literal('')]).optional(),
  phone: z.string().trim().max(40).optional(),
});

export const caseStatus = z.enum(['registered', 'active', 'closed']);
export const meetingStatus = z.enum(['planned', 'in_progress', 'held', 'finalized', 'cancelled']);

export const caseSummary = z.object({
  id,
  pupilName: z.string(),
  groupName: z.string(),
  status: caseStatus,
  question: z.string(),
  registeredOn: isoDate,
  leadName: z.string().nullable(),
  themes: z.array(z.string()),
});

export const agendaItem = z.object({
  id,
  position: z.number().int(),
  kind: z.enum(['case', 'general']),
  title: z.string(),
  caseId: id.nullable(),
  plannedMinutes: z.number().int(),
});

export const meetingSummary = z.object({
  id,
  date: isoDate,
  startTime: time,
  location: z.string(),
  status: meetingStatus,
  chairName: z.string().nullable(),
  caseCount: z.number().int(),
});

export const dashboard = z.object({
  school,
  nextMeeting: meetingSummary.extend({ agenda: z.array(agendaItem) }).nullable(),
  openCases: z.number().int(),
  openAgreements: z.number().int(),
  overdueAgreements: z.number().int(),
});

export const appInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  database: z.discriminatedUnion('state', [
    z.object({ state: z.literal('missing') }),
    z.object({ state: z.literal('open'), schools: z.array(school) }),
    z.object({ state: z.literal('error'), code: z.string(), message: z.string() }),
  ]),
});

export const setupStart = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('demo') }),
  z.strictObject({
    mode: z.literal('empty'),
    schoolName: z.string().trim().min(2, { error: nl.welcome.schoolNameRequired }).max(120),
  }),
]);
