import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { nlRegio } from '../../i18n/nlRegio';
import { MAX_CONTRIBUTION_BYTES, MAX_FILES_AT_ONCE } from '../../ipc/chosenFiles';
import type { ChosenFile, FileRefusal } from '../../ipc/fileDialogs';
import { ContributionError, type ContributionErrorCode } from '../../regio/contributionError';
import type { ReadContribution } from '../../regio/contributionFile';
import { recordAudit } from '../audit';
import { acceptSigner, storeContribution, type StoreOutcome } from './contributions';
import type { PendingStore } from './pendingContributions';

const t = nlRegio.contributions;

/** Decrypts and verifies one file (readContributionFile with the region's keys); throws ContributionError. */
export type ContributionReader = (bytes: Uint8Array) => Promise<ReadContribution>;

/** What became of one chosen file, as the import screen lists it. */
export interface FileResult {
  fileName: string;
  outcome: StoreOutcome['outcome'] | 'refused';
  message: string;
  reason: ContributionErrorCode | FileRefusal | null;
  regionSchoolId: number | null;
  schoolName: string | null;
  period: { from: string; to: string } | null;
  createdAt: string | null;
  signer: { pendingId: string; fingerprint: string; subject: string; schoolName: string } | null;
}

const refusedMessages: Record<ContributionErrorCode | FileRefusal, string> = {
  ...t.refused,
  tooLarge: t.refused.tooLarge(MAX_CONTRIBUTION_BYTES / 1024 / 1024),
  tooMany: t.refused.tooMany(MAX_FILES_AT_ONCE),
};

function refused(fileName: string, reason: ContributionErrorCode | FileRefusal): FileResult {
  return {
    fileName,
    outcome: 'refused',
    message: refusedMessages[reason],
    reason,
    regionSchoolId: null,
    schoolName: null,
    period: null,
    createdAt: null,
    signer: null,
  };
}

function resultOf(fileName: string, read: ReadContribution, stored: StoreOutcome, pendingId: string | null): FileResult {
  const { period, createdAt } = read.contribution;
  return {
    fileName,
    outcome: stored.outcome,
    message: t.outcome[stored.outcome],
    reason: null,
    regionSchoolId: stored.outcome === 'unknownSigner' ? null : stored.regionSchoolId,
    schoolName: stored.outcome === 'unknownSigner' ? null : stored.schoolName,
    period: { from: period.from, to: period.to },
    createdAt,
    signer:
      stored.outcome === 'unknownSigner' && pendingId
        ? { pendingId, fingerprint: stored.fingerprint, subject: stored.subject, schoolName: stored.schoolName }
        : null,
  };
}

/** Counts per outcome, for the audit log (numbers only: no file or school names). */
async function auditImport(db: Kysely<DB>, results: FileResult[], clock: Clock): Promise<void> {
  if (results.length === 0) return;
  const counts: Record<string, number> = { files: results.length };
  for (const result of results) counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
  await recordAudit(db, { action: 'region.contributions_import', entity: 'region', entityId: 1, counts }, clock);
}

/**
 * Reads and stores many contribution files, each on its own: a file that cannot
 * be used is refused with its own Dutch message and stores nothing, and never
 * stops the others. A file of an unknown signer waits in `pending` for the
 * coordinator's decision. One result per file, in the order given.
 */
export async function importContributions(
  db: Kysely<DB>,
  files: readonly ChosenFile[],
  read: ContributionReader,
  clock: Clock,
  pending: PendingStore,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    if ('refused' in file) {
      results.push(refused(file.name, file.refused));
      continue;
    }
    let contribution: ReadContribution;
    try {
      contribution = await read(file.bytes);
    } catch (error) {
      results.push(refused(file.name, error instanceof ContributionError ? error.code : 'unreadable'));
      continue;
    }
    const stored = await storeContribution(db, contribution, clock);
    const pendingId = stored.outcome === 'unknownSigner' ? pending.add(file.name, contribution) : null;
    results.push(resultOf(file.name, contribution, stored, pendingId));
  }
  await auditImport(db, results, clock);
  return results;
}

export type PendingChoice =
  { pendingId: string; regionSchoolId: number } | { pendingId: string; newSchoolName: string; areaId: number | null };

/**
 * The coordinator confirmed a waiting file's fingerprint: its key is trusted for
 * the chosen (or a new) school, and every waiting file signed with it is stored.
 */
export async function acceptPending(
  db: Kysely<DB>,
  choice: PendingChoice,
  clock: Clock,
  pending: PendingStore,
): Promise<{ regionSchoolId: number; results: FileResult[] }> {
  const entry = pending.get(choice.pendingId);
  if (!entry) throw new AppError('NOT_FOUND', 'no such waiting file', t.pendingGone);
  const { fingerprint, subject } = entry.read.signer;
  const regionSchoolId = await acceptSigner(
    db,
    'regionSchoolId' in choice
      ? { fingerprint, subject, regionSchoolId: choice.regionSchoolId }
      : { fingerprint, subject, newSchoolName: choice.newSchoolName, areaId: choice.areaId },
    clock,
  );
  const results: FileResult[] = [];
  for (const waiting of pending.takeSignedBy(fingerprint))
    results.push(resultOf(waiting.fileName, waiting.read, await storeContribution(db, waiting.read, clock), null));
  await auditImport(db, results, clock);
  return { regionSchoolId, results };
}

/** The files waiting for a decision, oldest first. */
export function listPending(pending: PendingStore) {
  return pending.list().map(({ pendingId, fileName, read }) => ({
    pendingId,
    fileName,
    fingerprint: read.signer.fingerprint,
    subject: read.signer.subject,
    schoolName: read.contribution.school.name,
    period: { from: read.contribution.period.from, to: read.contribution.period.to },
    createdAt: read.contribution.createdAt,
  }));
}

/** The coordinator does not trust this signer: its waiting files are dropped (nothing was stored). */
export function dismissPending(pendingId: string, pending: PendingStore): void {
  const entry = pending.get(pendingId);
  if (!entry) throw new AppError('NOT_FOUND', 'no such waiting file', t.pendingGone);
  pending.takeSignedBy(entry.read.signer.fingerprint);
}
