import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { systemClock } from '../core/clock';
import type { DemoScale } from '../core/demo/generateDemo';
import { buildDossierDocx } from '../core/documents/dossierDocx';
import { loadMinutesData } from '../core/documents/minutesData';
import { buildMinutesDocx, buildParentDocx } from '../core/documents/minutesDocx';
import { assertWellFormedDocx } from '../core/documents/packDocx';
import { MalformedXmlError } from '../core/documents/xmlText';
import { getCase } from '../core/services/cases';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import { DEMO_PASSPHRASE } from '../core/session';
import { newDatabaseKey, sealDatabaseKey, writeKeyring } from '../db/keyring';
import { openDatabase } from '../db/open';
import { DbOpenError, storageProblem } from '../db/openErrors';
import type { DB } from '../db/schema';
import { AppError } from '../core/errors';
import { minutesForExport, signMinutesWith } from '../core/services/signatures';
import { createCertificate, readP12, summarize } from '../core/signing/certificates';
import { canReceiveContributions } from '../core/regio/keyPairs';
import { verifyDocx } from '../core/signing/verifyDocx';
import type { Kysely } from 'kysely';
import {
  certificatePassphrase,
  dateArg,
  failWith,
  FileProblem,
  idArg,
  isParseArgsError,
  parse,
  positional,
  refuseToReplace,
  requireDb,
  requireInputFile,
  UsageError,
  writeWhole,
  type CliIo,
} from './args';
import { backup, restore } from './backupCommands';
import { openForCli } from './openForCli';
import { exportRegio, regio } from './regioCommands';
import { exportInvitation } from './invitationCommand';
import { exportAgenda } from './agendaCommand';
import { exportActions } from './actionsCommand';
import { assertStrongForCli } from './passphrase';
import { docxTarget, signedIfAsked } from './signingIdentity';

export type { CliIo };

export const USAGE = `Usage: npm run mdo -- <command> [options]

Commands:
  demo  --db FILE [--scale small|large] [--force]
        Create a database with fictional demo data (small: one school,
        large: 20 schools x 10 years for benchmarks). Refuses to overwrite
        an existing file unless --force is given.
  check --db FILE
        Check integrity and schema version without changing the file.
        Exit 0 when healthy, 1 when not.
  list meetings|cases --db FILE [--json]
        Ids, dates and pupil names, for scripts that export.
  export verslag --db FILE --meeting ID|latest --out FILE.docx [--sign --cert FILE.p12] [--force]
  export ouder   --db FILE --meeting ID --case ID --out FILE.docx [--sign --cert FILE.p12] [--force]
  export dossier --db FILE --case ID --out FILE.docx [--sign --cert FILE.p12] [--force]
        Write the verslag for the kernteam, the parent version of one case,
        or the history of one case. The file is written whole or not at all;
        an existing file is only replaced with --force.
        A finalized verslag is written exactly as stored (with its signatures).
        --sign adds an OOXML signature with the certificate; a verslag must be
        finalized to be signed, the signature is stored with it, and
        "--meeting latest" then means the latest finalized meeting.
  export uitnodiging --db FILE --meeting ID --out FILE.ics [--force]
        The invitation to a meeting for the kernteam's calendars (iCalendar):
        date, time, duration from the agenda, place, organiser; no pupil data.
        Each meeting keeps one UID; a changed meeting gets a higher SEQUENCE,
        so a re-sent file updates the same calendar entry, and a cancelled
        meeting's file cancels it.
  export agenda --db FILE --meeting ID --out FILE.docx [--sign --cert FILE.p12] [--force]
        The agenda for the kernteam: per case the pupil's initials and group,
        the hulpvraag in short and the open agreements to report on, only for
        cases whose consent covers sharing with the kernteam; any other case
        appears as "Anonieme casus (Groep 6)". No date of birth, no full name.
  export acties --db FILE --meeting ID --member ID --out FILE.docx [--sign --cert FILE.p12] [--force]
        One kernteam member's own action list: the agreements that member owns
        from this and earlier meetings that are still open, with due dates and
        postponements; each case by initials and group as on the agenda.
  export monitoring --db FILE --from DATE --to DATE --out FILE.docx|FILE.csv [--school ID ...] [--force]
        The anonymous report for the stuurgroep over all schools (or the
        given ones): counts only, every count from 1 to 4 shown as "<5".
        DOCX with charts, or CSV (UTF-8 with BOM, ';') for Dutch Excel.
        An existing file is only replaced with --force.
  export regio --db FILE --from DATE --to DATE --for FILE.pem --out FILE.mdoregio [--school ID] [--sign --cert FILE.p12] [--force]
        One school's regiobijdrage for the period: exact counts only (no
        name, date of birth, free text, id or meeting date), signed by the
        school and encrypted for the coordinator's certificate (CMS, opens
        with openssl cms -decrypt). A database with several schools needs
        --school (without it: exit 2 with the list of school ids). Signed
        with the school's own contribution key in the database, or with
        the personal certificate given with --sign --cert.
  regio combine --key FILE.p12 --out FILE.docx|FILE.csv [--groups FILE.csv] [--force] FILE.mdoregio...
        The coordinator's regional report: the contributions' exact counts
        added up, then every count from 1 to 4 hidden once, on the sums.
        Without --groups the tables are those of export monitoring; with a
        'school;gebied' CSV also per gebied. Each used file is listed with
        its school and signer's fingerprint. Exit 0 when every file was
        used; 1 naming each refused file and why (another coordinator's,
        changed after signing, not a contribution, two different files for
        one school and period); 2 for bad arguments or no files.
  verify FILE.docx
        Check every signature: one line per signer. Exit 0 when all are
        valid, 1 when one is invalid or the document changed after signing,
        2 when the file is unsigned or not a DOCX.
  cert create --name NAME --role ROLE --out FILE.p12 [--organisation ORG] [--days N] [--force]
        Make a personal self-signed signing certificate (RSA 3072, SHA-256),
        valid N days (default 1095), protected by MDO_CERT_PASSPHRASE.
  cert create --regio --name NAME --out FILE.p12 [--organisation ORG] [--days N] [--force]
        Make a region coordinator's certificate: schools encrypt their
        regiobijdrage for it (key usage keyEncipherment besides signing).
  cert public --cert FILE.p12 --out FILE.pem [--force]
        Write the certificate of FILE.p12 as PEM, never its private key, and
        print its subject and SHA-256 fingerprint: the coordinator hands this
        file to the schools, who compare the fingerprint.
  backup --db FILE --out FILE [--force]
        Write an encrypted, checked copy of the database (also while the app
        runs) and its key file FILE.keys. It opens with the same passphrase
        or recovery key.
  restore --db FILE --from FILE [--yes]
        Replace the database by a backup after checking it; the current
        state is first saved in the backup folder, a damaged database is kept
        aside. Asks to confirm on a terminal unless --yes. Refused while the
        app has the database open. Without a database (a new laptop), the
        backup's key file FILE.keys is used and copied along.
  help  Show this text.

Environment:
  MDO_PASSPHRASE       passphrase of an encrypted database (every command with --db;
                       demo encrypts with it, or with the public demo passphrase)
  MDO_CERT_PASSPHRASE  passphrase of the certificate for --sign, cert create, cert public
                       and the coordinator's key of regio combine
                       (never given as an argument, so it stays out of shell history)

Exit codes: 0 ok, 1 failed, 2 bad command or arguments.`;

/** Runs one CLI command and returns its exit code; never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'demo':
        return await demo(rest, io);
      case 'check':
        return await check(rest, io);
      case 'list':
        return await list(rest, io);
      case 'export':
        return await exportDocument(rest, io);
      case 'verify':
        return verify(rest, io);
      case 'cert':
        return certificate(rest, io);
      case 'regio':
        return await regio(rest, io);
      case 'backup':
        return await backup(rest, io);
      case 'restore':
        return await restore(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
    }
  } catch (error) {
    if (error instanceof FileProblem) {
      io.err(`Error: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`Error: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof DbOpenError) {
      io.err(`Error: ${describeOpenError(error)}`);
      return 1;
    }
    const problem = storageProblem(error);
    if (problem) {
      io.err(`Error: ${describeOpenError(new DbOpenError(problem, ''))}`);
      return 1;
    }
    if (error instanceof AppError) {
      io.err(`Error: ${describeAppError(error)}`);
      return 1;
    }
    if (error instanceof MalformedXmlError) {
      io.err(
        `Error: the document is not valid (${error.message}); start a correction in the app and finalize it again. Nothing was written.`,
      );
      return 1;
    }
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function demo(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { db: { type: 'string' }, scale: { type: 'string' }, force: { type: 'boolean' } });
  const path = requireDb(values.db);
  const scale = (values.scale ?? 'small') as DemoScale;
  if (scale !== 'small' && scale !== 'large') throw new UsageError(`--scale must be small or large, not '${scale}'`);
  refuseToReplace(path, values.force);
  // A passphrase of one's own follows the app's rule; the public demo passphrase is the demo's.
  const chosen = (io.env ?? process.env).MDO_PASSPHRASE;
  if (chosen && chosen !== DEMO_PASSPHRASE) await assertStrongForCli(chosen);
  // Build in a temporary file and move it into place: never a half-written database.
  const temp = `${path}.tmp-${process.pid}`;
  removeDatabaseFiles(temp);
  try {
    // Encrypted like every MDO database: with MDO_PASSPHRASE, or else the public demo passphrase.
    const key = newDatabaseKey();
    const keyring = await sealDatabaseKey(key, chosen ?? DEMO_PASSPHRASE, { demo: !chosen });
    const handle = await openDatabase(temp, { create: true, key });
    const started = Date.now();
    // Loaded when needed: faker (and vega for monitoring, below) take a second to load, which every other command would pay.
    const { generateDemo } = await import('../core/demo/generateDemo');
    const summary = await generateDemo(handle.db, { scale, clock: io.clock ?? systemClock });
    // One self-contained file, easy to copy; the app switches it back to WAL on open.
    handle.sqlite.pragma('journal_mode = DELETE');
    await handle.close();
    removeDatabaseFiles(path);
    writeKeyring(path, keyring);
    fs.renameSync(temp, path);
    io.out(
      `Created ${path}: ${summary.schools} school(s), ${summary.pupils} pupils, ${summary.cases} cases, ` +
        `${summary.meetings} meetings, ${summary.agreements} agreements in ${Date.now() - started} ms; ` +
        `encrypted with ${chosen ? 'MDO_PASSPHRASE' : `the demo passphrase '${DEMO_PASSPHRASE}'`}.`,
    );
    return 0;
  } finally {
    removeDatabaseFiles(temp);
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '.keys']) fs.rmSync(path + suffix, { force: true });
}

/**
 * Opens a database as the app does: an encrypted one with MDO_PASSPHRASE (the
 * demo school also with its public passphrase), a plain one from before
 * encryption as it is. A symbolic link is followed: the key file is the one
 * beside its target. `check` reads the file as it is; `read` reads it without
 * changing it, unless its schema is older: then it is brought up to date first,
 * after a backup, as the app would; `write` opens it for storing (a signature).
 */

async function check(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { db: { type: 'string' } });
  const path = requireDb(values.db);
  const handle = await openForCli(path, io, 'check');
  try {
    const rows = handle.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    const version = schemaVersion(handle.sqlite);
    const foreignKeys = handle.sqlite.pragma('foreign_key_check') as unknown[];
    if (version > LATEST_SCHEMA_VERSION) {
      io.err(`Error: schema version ${version} is newer than this app supports (${LATEST_SCHEMA_VERSION}).`);
      return 1;
    }
    if (problems.length > 0 || foreignKeys.length > 0) {
      io.err(
        `Error: integrity check failed: ${[...problems.slice(0, 10), ...(foreignKeys.length ? [`${foreignKeys.length} foreign key violation(s)`] : [])].join('; ')}`,
      );
      return 1;
    }
    const pending = LATEST_SCHEMA_VERSION - version;
    io.out(
      `OK: ${path}: integrity ok, schema version ${version} of ${LATEST_SCHEMA_VERSION}` +
        (pending > 0 ? ` (${pending} migration(s) will run when the app opens it).` : '.'),
    );
    return 0;
  } finally {
    await handle.close();
  }
}

function describeOpenError(error: DbOpenError): string {
  switch (error.code) {
    case 'NOT_FOUND':
      return 'database file not found.';
    case 'NOT_A_FILE':
      return 'the database path is not a regular file (a folder, pipe or device); it was not opened.';
    case 'NOT_A_DATABASE':
      return 'the file is not an MDO database (or it is encrypted with another key).';
    case 'FOREIGN':
      return 'the file is a SQLite database of another application; it was not changed.';
    case 'TOO_NEW':
      return 'the database was written by a newer version of MDO.';
    case 'CORRUPT':
      return 'the database file is damaged.';
    case 'READ_ONLY':
      return 'the database file or its folder is read-only; nothing was changed.';
    case 'DISK_FULL':
      return 'the disk is full; nothing was half-written.';
    case 'IN_USE':
      return 'the database is open in a running MDO app; close it first.';
  }
}

function describeAppError(error: AppError): string {
  switch (error.code) {
    case 'NOT_FINALIZED':
      return 'only a finalized verslag can be signed; finalize (vaststellen) the meeting in the app first.';
    case 'ALREADY_SIGNED':
      return 'this verslag is already signed with this certificate.';
    case 'SIGNER_ORDER':
      return 'the chair named in the signature block signs first, then the minute-taker.';
    case 'CERT_PASSPHRASE':
      return 'the certificate passphrase (MDO_CERT_PASSPHRASE) is wrong; nothing was written.';
    case 'CERT_EXPIRED':
      return 'the certificate is expired or not yet valid; nothing was written.';
    case 'CERT_FILE':
      return 'the certificate file is not a usable .p12/.pfx with an RSA key.';
    case 'VALIDATION':
      return error.message.replace(/^VALIDATION: /, '');
    case 'NOT_FOUND':
      return `no such ${error.message.split(': ')[1] ?? 'record'} in this database.`;
    default:
      return error.message;
  }
}

async function list(args: string[], io: CliIo): Promise<number> {
  const [what, rest] = positional(args, ['meetings', 'cases'], 'list');
  const values = parse(rest, { db: { type: 'string' }, json: { type: 'boolean' } });
  const handle = await openForCli(requireDb(values.db), io, 'read');
  try {
    const rows =
      what === 'meetings'
        ? await handle.db
            .selectFrom('meeting')
            .innerJoin('school', 'school.id', 'meeting.schoolId')
            .select(['meeting.id', 'meeting.date', 'meeting.status', 'school.name as school'])
            .orderBy('meeting.date')
            .execute()
        : await handle.db
            .selectFrom('supportCase')
            .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
            .select([
              'supportCase.id',
              'supportCase.status',
              'supportCase.registeredOn',
              'pupil.firstName',
              'pupil.lastName',
              'pupil.groupName',
            ])
            .orderBy('supportCase.id')
            .execute();
    if (values.json) io.out(JSON.stringify(rows, null, 2));
    else for (const row of rows) io.out(Object.values(row).join('\t'));
    return 0;
  } finally {
    await handle.close();
  }
}

async function exportDocument(args: string[], io: CliIo): Promise<number> {
  const [kind, rest] = positional(
    args,
    ['verslag', 'ouder', 'dossier', 'monitoring', 'regio', 'uitnodiging', 'agenda', 'acties'],
    'export',
  );
  if (kind === 'monitoring') return exportMonitoringReport(rest, io);
  if (kind === 'regio') return exportRegio(rest, io);
  if (kind === 'uitnodiging') return exportInvitation(rest, io);
  if (kind === 'agenda') return exportAgenda(rest, io);
  if (kind === 'acties') return exportActions(rest, io);
  const values = parse(rest, {
    db: { type: 'string' },
    meeting: { type: 'string' },
    case: { type: 'string' },
    out: { type: 'string' },
    sign: { type: 'boolean' },
    cert: { type: 'string' },
    force: { type: 'boolean' },
  });
  const { out, identity } = docxTarget(values, io);
  const clock = io.clock ?? systemClock;
  // Only signing a verslag stores something (the signature); every other export leaves the file as it is.
  const handle = await openForCli(requireDb(values.db), io, kind === 'verslag' && identity ? 'write' : 'read');
  try {
    let bytes: Uint8Array;
    if (kind === 'dossier') {
      const caseId = idArg(values.case, 'case');
      const data = await getCase(handle.db, caseId, clock);
      const school = await handle.db.selectFrom('school').select('name').where('id', '=', data.schoolId).executeTakeFirstOrThrow();
      bytes = await buildDossierDocx(data, school.name);
    } else {
      const meetingId =
        values.meeting === 'latest' ? await latestMeeting(handle.db, !!identity && kind === 'verslag') : idArg(values.meeting, 'meeting');
      if (kind === 'verslag' && identity) {
        // The signature is stored with the finalized verslag, as when signing in the app.
        const role = summarize(identity.certificate).role;
        await signMinutesWith(handle.db, meetingId, identity, clock, { memberId: null, role });
        bytes = (await minutesForExport(handle.db, meetingId))!;
        writeWhole(out, bytes);
        io.out(`Wrote ${out} (${bytes.length} bytes), signed; the signature is stored with the verslag of meeting ${meetingId}.`);
        return 0;
      }
      const stored = kind === 'verslag' ? await minutesForExport(handle.db, meetingId) : undefined;
      // Frozen by an older MDO with characters XML cannot hold: never handed on (the app refuses it too).
      if (stored) assertWellFormedDocx(stored);
      const data = stored ? undefined : await loadMinutesData(handle.db, meetingId);
      bytes = stored ?? (kind === 'verslag' ? await buildMinutesDocx(data!) : await buildParentDocx(data!, idArg(values.case, 'case')));
    }
    bytes = signedIfAsked(bytes, identity, clock);
    writeWhole(out, bytes);
    io.out(`Wrote ${out} (${bytes.length} bytes)${identity ? ', signed' : ''}.`);
    return 0;
  } finally {
    await handle.close();
  }
}

async function exportMonitoringReport(args: string[], io: CliIo): Promise<number> {
  const values = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      school: { type: 'string', multiple: true },
      force: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
  const out = values.out;
  const fileFormat = typeof out === 'string' ? /\.(docx|csv)$/i.exec(out)?.[1].toLowerCase() : undefined;
  if (!fileFormat) throw new UsageError('--out FILE.docx or FILE.csv is required');
  const from = dateArg(values.from, 'from');
  const to = dateArg(values.to, 'to');
  if (from > to) throw new UsageError('--from must not be after --to');
  const chosen = (values.school ?? []).map((value) => idArg(value, 'school'));
  refuseToReplace(out!, values.force);
  const handle = await openForCli(requireDb(values.db), io, 'read');
  try {
    const schoolIds = chosen.length ? chosen : (await handle.db.selectFrom('school').select('id').execute()).map((row) => row.id);
    if (schoolIds.length === 0) failWith('this database has no schools');
    const { monitoringFile } = await import('../core/services/monitoring');
    const bytes = await monitoringFile(handle.db, { from, to, schoolIds }, fileFormat as 'docx' | 'csv', io.clock ?? systemClock);
    writeWhole(out!, bytes);
    io.out(`Wrote ${out} (${bytes.length} bytes): anonymous report for ${schoolIds.length} school(s), ${from} to ${to}.`);
    return 0;
  } finally {
    await handle.close();
  }
}

/** The newest meeting that has a verslag: held or finalized, or only finalized when it is to be signed. */
async function latestMeeting(db: Kysely<DB>, finalizedOnly: boolean): Promise<number> {
  const row = await db
    .selectFrom('meeting')
    .select('id')
    .where('status', 'in', finalizedOnly ? ['finalized'] : ['held', 'finalized'])
    .orderBy('date', 'desc')
    .executeTakeFirst();
  return row?.id ?? failWith(`no ${finalizedOnly ? 'finalized' : 'held'} meeting in this database`);
}

function verify(args: string[], io: CliIo): number {
  const { positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('verify takes one FILE.docx');
  const [file] = positionals;
  requireInputFile(file, 'file', 2);
  const report = verifyDocx(fs.readFileSync(file));
  if (report.kind === 'not-docx') {
    io.err(`Error: ${file}: ${report.message}`);
    return 2;
  }
  if (report.kind === 'unsigned') {
    io.err(`Error: ${file} has no digital signature.`);
    return 2;
  }
  for (const signer of report.signers) {
    const who = `${signer.name ?? 'unknown signer'}${signer.claimedRole ? ` (${signer.claimedRole})` : ''}`;
    const facts = [`signed ${signer.signedAt ?? 'at unknown time'}`, `certificate SHA-256 ${signer.fingerprint ?? '?'}`];
    if (signer.inSignatureBlock) facts.push('named in the signature block');
    io.out(`${signer.status.padEnd(7)} ${who}, ${facts.join(', ')}${signer.problems.length ? `: ${signer.problems.join('; ')}` : ''}`);
  }
  return report.valid ? 0 : 1;
}

function certificate(args: string[], io: CliIo): number {
  const [action, rest] = positional(args, ['create', 'public'], 'cert');
  if (action === 'public') return publicCertificate(rest, io);
  const values = parse(rest, {
    name: { type: 'string' },
    role: { type: 'string' },
    organisation: { type: 'string' },
    out: { type: 'string' },
    days: { type: 'string' },
    regio: { type: 'boolean' },
    force: { type: 'boolean' },
  });
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name NAME is required');
  // A coordinator's certificate names a region office, not a person with a role in the kernteam.
  const role = values.role?.trim() ?? '';
  if (!role && !values.regio) throw new UsageError('--role ROLE is required');
  if (typeof values.out !== 'string' || !/\.(p12|pfx)$/i.test(values.out)) throw new UsageError('--out FILE.p12 is required');
  const days = values.days === undefined ? 1095 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3660) throw new UsageError('--days must be a whole number from 1 to 3660');
  const passphrase = certificatePassphrase(io);
  if (passphrase.length < 8) throw new UsageError('MDO_CERT_PASSPHRASE must be at least 8 characters');
  refuseToReplace(values.out, values.force);
  const p12 = createCertificate({
    name,
    role,
    organisation: values.organisation?.trim() ?? '',
    passphrase,
    now: (io.clock ?? systemClock).now(),
    days,
    encryption: values.regio,
  });
  writeWhole(values.out, p12);
  const fingerprint = readP12(p12, passphrase).certificate.fingerprint256;
  if (values.regio) {
    io.out(`Wrote ${values.out}: region coordinator certificate for ${name}, certificate SHA-256 ${fingerprint}.`);
    io.out(`Hand out its public part to the schools: npm run mdo -- cert public --cert ${values.out} --out FILE.pem`);
  } else io.out(`Wrote ${values.out}: ${name} (${role}), certificate SHA-256 ${fingerprint}.`);
  return 0;
}

/** `cert public`: the certificate of a .p12 as PEM, never its key, to hand out (a coordinator's, for the schools). */
function publicCertificate(args: string[], io: CliIo): number {
  const values = parse(args, { cert: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
  if (typeof values.cert !== 'string' || values.cert === '') throw new UsageError('--cert FILE.p12 is required');
  if (typeof values.out !== 'string' || !/\.(pem|crt|cer)$/i.test(values.out)) throw new UsageError('--out FILE.pem is required');
  requireInputFile(values.cert, 'certificate file', 2);
  const passphrase = certificatePassphrase(io);
  refuseToReplace(values.out, values.force);
  const { certificate } = readP12(fs.readFileSync(values.cert), passphrase);
  writeWhole(values.out, new TextEncoder().encode(certificate.toString()));
  io.out(`Wrote ${values.out}: the certificate only (no private key).`);
  io.out(`Subject: ${certificate.subject.split('\n').join(', ')}`);
  io.out(`SHA-256 fingerprint: ${certificate.fingerprint256}`);
  io.out(`Valid until: ${new Date(certificate.validTo).toISOString().slice(0, 10)}`);
  if (!canReceiveContributions(certificate))
    io.out('Note: this certificate is for signing only; schools cannot encrypt a contribution for it (make one with cert create --regio).');
  return 0;
}

/** Writes beside the target and renames: a reader never sees half a file. */
