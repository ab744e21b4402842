import { z } from 'zod';
import { nlRegio as t } from '../i18n/nlRegio';
import { PASSPHRASE_MIN_LENGTH } from '../passphrase/rule';
import { id, isoDate } from './entities';

// Shapes of the region channels: a coordinator's region database (no pupils or cases),
// its schools and gebieden, the contributions it read, and the coordinator's key.

const count = z.number().int().min(0);
const moment = z.string();
// C0 controls and DEL: never part of a name (the CSV import refuses them too).
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001F\u007F]/;
/** A name as the region keeps it: trimmed, NFC, bounded, without control characters. */
const plainName = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .min(min, { error: message })
    .max(max)
    .refine((value) => !controlCharacter.test(value), { error: t.csv.problems.badCharacters });

export const REGION_SCHOOL_NAME_MAX = 120;
export const AREA_NAME_MAX = 80;
export const regionSchoolName = plainName(2, REGION_SCHOOL_NAME_MAX, t.forms.schoolName);
export const areaName = plainName(1, AREA_NAME_MAX, t.forms.areaName);
const period = z.object({ from: isoDate, to: isoDate });

export const certificateState = z.enum(['notYetValid', 'expired', 'expiresSoon', 'valid']);
/** A coordinator key pair as the screen shows it: never the private key. */
export const regionKeyInfo = z.object({
  id,
  name: z.string(),
  organisation: z.string(),
  /** SHA-256 of the certificate, "AB:CD:…": what schools compare before they trust it. */
  fingerprint: z.string(),
  notBefore: moment,
  notAfter: moment,
  createdAt: moment,
  /** Schools encrypt for the active key; older keys stay to read late files. */
  active: z.boolean(),
  status: certificateState,
});

export const regionInfo = z.object({
  name: z.string(),
  isDemo: z.boolean(),
  createdAt: moment,
  schools: count,
  areas: count,
  /** Current contributions (not replaced ones). */
  contributions: count,
  /** Files of unknown signers waiting for the coordinator's confirmation in this session. */
  pending: count,
  activeKey: regionKeyInfo.nullable(),
});
export const regionRename = z.strictObject({ name: plainName(2, 120, t.setup.regionNameRequired) });

export const area = z.object({ id, name: z.string(), schools: count });
export const areaAdd = z.strictObject({ name: areaName });
export const areaRename = z.strictObject({ areaId: id, name: areaName });
export const areaRef = z.strictObject({ areaId: id });

export const delivery = z.object({ periodFrom: isoDate, periodTo: isoDate, createdAt: moment, receivedAt: moment });
export const regionSchool = z.object({
  id,
  name: z.string(),
  areaId: id.nullable(),
  areaName: z.string().nullable(),
  /** Trusted signer keys of this school. */
  signers: count,
  /** Current contributions (one per period). */
  contributions: count,
  /** The current contribution of the latest period, if any. */
  latest: delivery.nullable(),
});
export const regionSchoolAdd = z.strictObject({ name: regionSchoolName, areaId: id.nullable() });
export const regionSchoolRename = z.strictObject({ regionSchoolId: id, name: regionSchoolName });
export const regionSchoolSetArea = z.strictObject({ regionSchoolId: id, areaId: id.nullable() });
export const regionSchoolRef = z.strictObject({ regionSchoolId: id });
/** What removing a school took with it. */
export const regionSchoolRemoved = z.object({ contributions: count, signers: count });

export const schoolsCsvResult = z
  .discriminatedUnion('outcome', [
    z.object({
      outcome: z.literal('imported'),
      fileName: z.string(),
      schools: count,
      newSchools: count,
      changedSchools: count,
      newAreas: count,
    }),
    // Nothing stored: each problem names its line.
    z.object({ outcome: z.literal('refused'), fileName: z.string(), problems: z.array(z.string()) }),
  ])
  .nullable();

/** An opaque handle on a file of an unknown signer, kept in memory until the coordinator decides. */
export const pendingId = z.string().regex(/^[0-9a-f]{32}$/);
export const contributionOutcome = z.enum(['stored', 'replaced', 'older', 'duplicate', 'unknownSigner', 'refused']);
export const contributionFileResult = z.object({
  fileName: z.string(),
  outcome: contributionOutcome,
  /** Dutch: what happened and, when refused, why and what to do. */
  message: z.string(),
  /** The refusal's reason (NOT_FOR_US, TAMPERED, …, tooLarge, notAFile); null unless refused. */
  reason: z.string().nullable(),
  /** The region school it was stored for (by its trusted signer). */
  regionSchoolId: id.nullable(),
  schoolName: z.string().nullable(),
  period: period.nullable(),
  createdAt: moment.nullable(),
  /** Only for an unknown signer: what to compare before accepting it. */
  signer: z
    .object({
      pendingId,
      fingerprint: z.string(),
      subject: z.string(),
      /** The school's name as written in the contribution (not yet a region school). */
      schoolName: z.string(),
    })
    .nullable(),
});
export const contributionsImport = z.strictObject({ from: z.enum(['files', 'folder']) });
export const contributionsImported = z
  .object({
    results: z.array(contributionFileResult),
    /** Files in a chosen folder that are not .mdoregio files: left alone. */
    ignored: count,
  })
  .nullable();
export const pendingContribution = z.object({
  pendingId,
  fileName: z.string(),
  fingerprint: z.string(),
  subject: z.string(),
  schoolName: z.string(),
  period,
  createdAt: moment,
});
export const signerAccept = z.union([
  z.strictObject({ pendingId, regionSchoolId: id }),
  z.strictObject({ pendingId, newSchoolName: regionSchoolName, areaId: id.nullable() }),
]);
export const signerAccepted = z.object({ regionSchoolId: id, results: z.array(contributionFileResult) });
export const regionSigner = z.object({
  id,
  fingerprint: z.string(),
  subject: z.string(),
  regionSchoolId: id,
  schoolName: z.string(),
  acceptedAt: moment,
});
export const signerRef = z.strictObject({ signerId: id });

export const overviewCell = z.object({
  state: z.enum(['delivered', 'missing']),
  delivered: z.object({ createdAt: moment, receivedAt: moment, appVersion: z.string() }).nullable(),
  /** Older files for this school and period, replaced by the delivered one; newest first. */
  history: z.array(z.object({ createdAt: moment, receivedAt: moment })),
});
export const deliveryOverview = z.object({
  /** Every period of a stored contribution, newest first. */
  periods: z.array(period),
  /** Every region school; `cells` in the order of `periods`. */
  schools: z.array(
    z.object({
      regionSchoolId: id,
      name: z.string(),
      areaId: id.nullable(),
      areaName: z.string().nullable(),
      cells: z.array(overviewCell),
    }),
  ),
});
export const contributionPeriod = period.extend({ schools: count });

export const regionKeys = z.object({ active: regionKeyInfo.nullable(), keys: z.array(regionKeyInfo) });
/** The .p12 export leaves the encrypted database: a passphrase as long as the database's own. */
export const keyExport = z.strictObject({
  passphrase: z.string().min(PASSPHRASE_MIN_LENGTH, { error: t.key.passphraseTooShort }).max(1024),
});
export const keyImport = z.strictObject({ passphrase: z.string().max(1024) });
export const keyCreate = z.strictObject({ name: plainName(2, 120, t.setup.coordinatorNameRequired) });

const fileName = z.object({ fileName: z.string().nullable() });

/** The region channels; contract.ts takes them in. Each refuses on a school's database (WRONG_DATABASE). */
export const regionContract = {
  'region.info': { input: z.undefined(), output: regionInfo },
  'region.rename': { input: regionRename, output: z.null() },
  'region.areas.list': { input: z.undefined(), output: z.array(area) },
  'region.areas.add': { input: areaAdd, output: z.object({ id }) },
  'region.areas.rename': { input: areaRename, output: z.null() },
  'region.areas.remove': { input: areaRef, output: z.null() },
  'region.schools.list': { input: z.undefined(), output: z.array(regionSchool) },
  'region.schools.add': { input: regionSchoolAdd, output: z.object({ id }) },
  'region.schools.rename': { input: regionSchoolRename, output: z.null() },
  'region.schools.setArea': { input: regionSchoolSetArea, output: z.null() },
  'region.schools.remove': { input: regionSchoolRef, output: regionSchoolRemoved },
  'region.schools.importCsv': { input: z.undefined(), output: schoolsCsvResult },
  'region.contributions.import': { input: contributionsImport, output: contributionsImported },
  'region.contributions.pending': { input: z.undefined(), output: z.array(pendingContribution) },
  'region.contributions.acceptSigner': { input: signerAccept, output: signerAccepted },
  'region.contributions.dismissPending': { input: z.strictObject({ pendingId }), output: z.null() },
  'region.signers.list': { input: z.undefined(), output: z.array(regionSigner) },
  'region.signers.remove': { input: signerRef, output: z.null() },
  'region.overview': { input: z.undefined(), output: deliveryOverview },
  'region.periods': { input: z.undefined(), output: z.array(contributionPeriod) },
  'region.key.info': { input: z.undefined(), output: regionKeys },
  'region.key.create': { input: keyCreate, output: z.object({ id }) },
  'region.key.exportCertificate': { input: z.undefined(), output: fileName },
  'region.key.exportP12': { input: keyExport, output: fileName },
  'region.key.importP12': { input: keyImport, output: z.object({ id }).nullable() },
} as const satisfies Record<`region.${string}`, { input: z.ZodType; output: z.ZodType }>;
