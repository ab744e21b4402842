import type { z } from 'zod';
import type {
  area,
  contributionFileResult,
  deliveryOverview,
  pendingContribution,
  regionKeyInfo,
  regionSchool,
  regionSigner,
  schoolsCsvResult,
} from '../../../../core/contract/region';

// The region channels' shapes as the screens use them (from core/contract/region.ts, the one source).

export type FileResult = z.infer<typeof contributionFileResult>;
/** A result as the overview lists it: a file of an unknown signer the coordinator did not trust is marked so. */
export type ShownResult = FileResult & { dismissed?: boolean };
export type PendingFile = z.infer<typeof pendingContribution>;
export type DeliveryOverview = z.infer<typeof deliveryOverview>;
export type RegionSchool = z.infer<typeof regionSchool>;
export type Area = z.infer<typeof area>;
export type RegionKey = z.infer<typeof regionKeyInfo>;
export type RegionSigner = z.infer<typeof regionSigner>;

/** The files waiting for one signer's confirmation. */
export interface PendingSigner {
  fingerprint: string;
  subject: string;
  /** The school's name as the first file gives it. */
  schoolName: string;
  files: PendingFile[];
}

/** Waiting files grouped by the key that signed them, in the order they came in. */
export function pendingSigners(files: readonly PendingFile[]): PendingSigner[] {
  const bySigner = new Map<string, PendingSigner>();
  for (const file of files) {
    const signer = bySigner.get(file.fingerprint);
    if (signer) signer.files.push(file);
    else
      bySigner.set(file.fingerprint, { fingerprint: file.fingerprint, subject: file.subject, schoolName: file.schoolName, files: [file] });
  }
  return [...bySigner.values()];
}

export type CsvResult = NonNullable<z.infer<typeof schoolsCsvResult>>;

/** Main's refusal of a form: the first field's message (a name taken, too short), else the error's own. */
export function fieldProblem(error: { message: string; error: { fields?: { message: string }[] } } | null): string | null {
  return error ? (error.error.fields?.[0]?.message ?? error.message) : null;
}
