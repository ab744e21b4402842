import fs from 'node:fs';
import { systemClock } from '../core/clock';
import type { Contribution } from '../core/regio/contribution';
import { ContributionError } from '../core/regio/contributionError';
import { readContributionFile, type ReadContribution } from '../core/regio/contributionFile';
import { canReceiveContributions, readCertificateFile, type RegioIdentity } from '../core/regio/keyPairs';
import { assertValidAt } from '../core/signing/certificates';
import {
  dateArg,
  failWith,
  FileProblem,
  idArg,
  parse,
  positional,
  refuseToReplace,
  requireDb,
  requireInputFile,
  UsageError,
  writeWhole,
  type CliIo,
} from './args';
import { openForCli } from './openForCli';
import { signingIdentity } from './signingIdentity';

// `export regio` (a school's contribution for its region) and `regio combine`
// (the coordinator's report from many contributions), for IT scripts and a
// coordinator who works without the app. The file formats are the app's.

const appVersion = (process.env.npm_package_version as string | undefined) ?? '0.1.0';

/** A file of the command line, read whole; a missing one is a bad argument (exit 2). */
function readInput(file: string, what: string): Buffer {
  requireInputFile(file, what, 2);
  return fs.readFileSync(file);
}

const describeCertificate = (certificate: { subject: string; fingerprint256: string }) =>
  `${/^CN=(.*)$/m.exec(certificate.subject)?.[1] ?? certificate.subject.replaceAll('\n', ', ')} (SHA-256 ${certificate.fingerprint256})`;

/** export regio --db FILE --from DATE --to DATE --for FILE.pem --out FILE.mdoregio [--school ID] [--sign --cert FILE.p12] [--force] */
export async function exportRegio(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    db: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    for: { type: 'string' },
    out: { type: 'string' },
    school: { type: 'string' },
    sign: { type: 'boolean' },
    cert: { type: 'string' },
    force: { type: 'boolean' },
  });
  const dbPath = requireDb(values.db);
  const from = dateArg(values.from, 'from');
  const to = dateArg(values.to, 'to');
  if (from > to) throw new UsageError('--from must not be after --to');
  if (typeof values.for !== 'string' || values.for === '')
    throw new UsageError("--for FILE.pem (the coordinator's certificate) is required");
  const out = values.out;
  if (typeof out !== 'string' || !/\.mdoregio$/i.test(out)) throw new UsageError('--out FILE.mdoregio is required');
  if (values.sign && !values.cert) throw new UsageError('--sign needs --cert FILE.p12');
  if (values.cert && !values.sign) throw new UsageError('--cert is only used with --sign');
  const chosenSchool = values.school === undefined ? undefined : idArg(values.school, 'school');
  const clock = io.clock ?? systemClock;

  let recipient;
  try {
    recipient = readCertificateFile(readInput(values.for, 'certificate file'));
  } catch (error) {
    if (error instanceof ContributionError) throw new FileProblem(`${values.for} is not a certificate (PEM or DER).`, 1);
    throw error;
  }
  if (!canReceiveContributions(recipient))
    failWith(
      `${values.for} cannot receive contributions: it is not an RSA certificate for encryption (make one with cert create --regio).`,
    );
  assertValidAt(recipient, clock.now());
  const signer = values.sign ? signingIdentity(values.cert!, io) : undefined;
  refuseToReplace(out, values.force);

  // Written to: the school's own contribution key is made on its first export.
  const handle = await openForCli(dbPath, io, signer ? 'read' : 'write');
  try {
    if (await handle.db.selectFrom('region').select('id').executeTakeFirst())
      failWith(`${dbPath} is a region database; export regio needs a school's database.`);
    const schools = await handle.db.selectFrom('school').select(['id', 'name']).orderBy('id').execute();
    if (schools.length === 0) failWith('this database has no schools');
    const listing = schools.map((school) => `  ${school.id}  ${school.name}`).join('\n');
    if (chosenSchool === undefined && schools.length > 1)
      throw new UsageError(`this database holds ${schools.length} schools: choose one with --school ID\n${listing}`);
    const school = chosenSchool === undefined ? schools[0] : schools.find((candidate) => candidate.id === chosenSchool);
    if (!school) throw new UsageError(`no school with id ${chosenSchool}; the schools are:\n${listing}`);
    const { contributionFile } = await import('../core/services/regioExport');
    const { bytes } = await contributionFile(handle.db, { schoolId: school.id, from, to }, recipient, clock, appVersion, signer);
    writeWhole(out, bytes);
    io.out(`Wrote ${out} (${bytes.length} bytes): contribution of ${school.name}, ${from} to ${to}.`);
    io.out(`Encrypted for ${describeCertificate(recipient)}.`);
    if (signer) io.out(`Signed by ${describeCertificate(signer.certificate)}.`);
    return 0;
  } finally {
    await handle.close();
  }
}

/** Why a file was not used, in the words a coordinator acts on. */
function refusalReason(error: unknown): string {
  if (!(error instanceof ContributionError)) throw error;
  switch (error.code) {
    case 'NOT_FOR_US':
      return 'not for this coordinator (encrypted for another certificate)';
    case 'TAMPERED':
      return 'changed after signing (or damaged on the way)';
    case 'TOO_NEW':
      return 'made by a newer MDO (newer format version); update MDO';
    default:
      return 'not a contribution';
  }
}

interface UsedFile {
  file: string;
  read: ReadContribution;
}

/** Sorts the files into those to combine and those refused, each with its reason. */
async function readContributions(files: readonly string[], key: RegioIdentity) {
  const used: UsedFile[] = [];
  const refused: { file: string; reason: string }[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    try {
      const read = await readContributionFile(readInput(file, 'contribution file'), [key]);
      // The same file given twice (a glob and a name) is used once.
      if (seen.has(read.fileSha256)) continue;
      seen.set(read.fileSha256, file);
      used.push({ file, read });
    } catch (error) {
      if (error instanceof FileProblem) throw error;
      refused.push({ file, reason: refusalReason(error) });
    }
  }
  // Two different files for one school and period: which one counts is the coordinator's decision, not the tool's.
  const slot = ({ read }: UsedFile) => JSON.stringify([read.contribution.school.name.toLowerCase(), read.contribution.period]);
  const bySlot = new Map<string, UsedFile[]>();
  for (const entry of used) bySlot.set(slot(entry), [...(bySlot.get(slot(entry)) ?? []), entry]);
  for (const group of bySlot.values())
    if (group.length > 1)
      for (const entry of group)
        refused.push({
          file: entry.file,
          reason: `another file for the same school and period (${group
            .filter((other) => other !== entry)
            .map((other) => other.file)
            .join(', ')})`,
        });
  return { used: used.filter((entry) => bySlot.get(slot(entry))!.length === 1), refused };
}

/** regio combine --key FILE.p12 --out FILE.docx|FILE.csv [--groups FILE.csv] [--force] FILE.mdoregio... */
export async function regioCombine(args: string[], io: CliIo): Promise<number> {
  const { parseArgs } = await import('node:util');
  const { values, positionals } = parseArgs({
    args,
    options: { key: { type: 'string' }, out: { type: 'string' }, groups: { type: 'string' }, force: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  if (typeof values.key !== 'string' || values.key === '') throw new UsageError("--key FILE.p12 (the coordinator's key) is required");
  const out = values.out;
  const format = typeof out === 'string' ? /\.(docx|csv)$/i.exec(out)?.[1].toLowerCase() : undefined;
  if (!format) throw new UsageError('--out FILE.docx or FILE.csv is required');
  if (positionals.length === 0) throw new UsageError('no contribution files given');
  for (const file of positionals) requireInputFile(file, 'contribution file', 2);
  const groupsBytes = values.groups === undefined ? undefined : readInput(values.groups, 'groups file');
  const key = signingIdentity(values.key, io);
  refuseToReplace(out!, values.force);
  const clock = io.clock ?? systemClock;

  const { used, refused } = await readContributions(positionals, key);
  const contributions: Contribution[] = used.map((entry) => entry.read.contribution);
  for (const entry of used) {
    const { contribution, signer } = entry.read;
    io.out(
      `Used ${entry.file}: ${contribution.school.name}, ${contribution.period.from} to ${contribution.period.to}, signed by ${signer.subject} (SHA-256 ${signer.fingerprint}).`,
    );
  }
  for (const entry of refused) io.err(`Refused ${entry.file}: ${entry.reason}.`);
  if (contributions.length === 0) {
    io.err('Error: no contribution could be used; nothing was written.');
    return 1;
  }
  const { GroupsFileError, regionalReportFile } = await import('../core/regio/regionalReportFile');
  let report;
  try {
    report = await regionalReportFile(contributions, { format: format as 'docx' | 'csv', groups: groupsBytes }, clock);
  } catch (error) {
    if (error instanceof GroupsFileError)
      throw new FileProblem(
        `${values.groups} is not a 'school;gebied' CSV; nothing was written:\n${error.problems.map((line) => `  ${line}`).join('\n')}`,
        2,
      );
    throw error;
  }
  for (const note of report.notes) io.err(`Note: ${note}`);
  writeWhole(out!, report.bytes);
  io.out(
    `Wrote ${out} (${report.bytes.length} bytes): ${report.schools} school(s), ${report.period.from} to ${report.period.to}${report.periods > 1 ? `, with ${report.periods} periods in the learning cycle` : ''}.`,
  );
  return refused.length === 0 ? 0 : 1;
}

/** `regio <action>`: the coordinator's commands. */
export async function regio(args: string[], io: CliIo): Promise<number> {
  const [, rest] = positional(args, ['combine'], 'regio');
  return regioCombine(rest, io);
}
