import { z } from 'zod';
import { nl } from '../i18n/nl';
import { dateInput, id, isoDate, reportTable, schoolScope } from './entities';

// The school's side of the regiomonitor across IPC: the coordinator's
// certificate in Schoolprofiel, and the regiobijdrage's preview and export.
// These are school channels: a region database refuses them (WRONG_DATABASE).

/** The coordinator's certificate as the IB sees it, to compare the fingerprint by eye. */
export const regionRecipient = z.object({
  source: z.enum(['policy', 'school']),
  /** IT's machine policy names this certificate: shown, never changed in the app. */
  fixedByPolicy: z.boolean(),
  name: z.string(),
  organisation: z.string(),
  /** SHA-256 of the DER certificate, "AB:CD:…". */
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** Against the app's clock, as certificates.list does. */
  status: z.enum(['notYetValid', 'expired', 'expiresSoon', 'valid']),
});

/** One school and a period, with the date rules of the monitoring report. */
export const contributionRequest = z
  .strictObject({ schoolId: id, from: dateInput, to: dateInput })
  .refine((value) => value.from <= value.to, { path: ['to'], error: nl.forms.period });

const period = z.object({ from: isoDate, to: isoDate });

/** What the file will hold and for whom, before anything is written. */
export const contributionPreview = z.object({
  recipient: regionRecipient.nullable(),
  schoolName: z.string(),
  period,
  tables: z.array(reportTable),
});

export const regioSchoolContract = {
  'regio.recipient': { input: schoolScope, output: regionRecipient.nullable() },
  // Opens the dialog for a .pem, .cer or .crt; null when the IB cancelled.
  'regio.chooseRecipient': { input: schoolScope, output: regionRecipient.nullable() },
  'regio.clearRecipient': { input: schoolScope, output: z.null() },
  // The school's own signing key, made at the first export: its fingerprint, for the coordinator to compare once.
  'regio.schoolKey': { input: schoolScope, output: z.object({ fingerprint: z.string() }).nullable() },
  'regio.periods': { input: z.undefined(), output: z.object({ today: isoDate, lastQuarter: period, lastSchoolYear: period }) },
  'regio.preview': { input: contributionRequest, output: contributionPreview },
  'regio.export': { input: contributionRequest, output: z.object({ fileName: z.string().nullable() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
