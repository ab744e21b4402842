import { systemClock } from '../core/clock';
import { buildKernteamAgendaDocx } from '../core/documents/kernteamAgendaDocx';
import { AppError } from '../core/errors';
import { nl } from '../core/i18n/nl';
import { loadKernteamAgenda } from '../core/services/agendaExport';
import { signDocx } from '../core/signing/signDocx';
import { failWith, idArg, parse, refuseToReplace, requireDb, UsageError, writeWhole, type CliIo } from './args';
import { openForCli } from './openForCli';
import { signingIdentity } from './signingIdentity';

/** `export agenda --db FILE --meeting ID --out FILE.docx [--sign --cert FILE.p12] [--force]`: the agenda for the kernteam. */
export async function exportAgenda(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    db: { type: 'string' },
    meeting: { type: 'string' },
    out: { type: 'string' },
    sign: { type: 'boolean' },
    cert: { type: 'string' },
    force: { type: 'boolean' },
  });
  const db = requireDb(values.db);
  const meetingId = idArg(values.meeting, 'meeting');
  const out = values.out;
  if (typeof out !== 'string' || !out.toLowerCase().endsWith('.docx')) throw new UsageError('--out FILE.docx is required');
  if (!!values.sign !== (typeof values.cert === 'string')) throw new UsageError('--sign and --cert FILE.p12 go together');
  refuseToReplace(out, values.force);
  const clock = io.clock ?? systemClock;
  // Read the certificate before the database: a wrong passphrase stops before anything is read.
  const identity = values.sign ? signingIdentity(values.cert!, io) : undefined;
  const handle = await openForCli(db, io, 'read');
  try {
    const data = await loadKernteamAgenda(handle.db, meetingId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'CONFLICT') failWith(`meeting ${meetingId} is cancelled; it has no agenda to send.`);
      throw error;
    });
    let bytes = await buildKernteamAgendaDocx(data);
    if (identity) bytes = signDocx(bytes, identity, { at: clock.now(), purpose: nl.docs.signPurpose });
    writeWhole(out, bytes);
    const cases = data.items.filter((item) => item.kind === 'case');
    const anonymous = cases.filter((item) => !item.named).length;
    io.out(
      `Wrote ${out} (${bytes.length} bytes)${identity ? ', signed' : ''}: agenda of meeting ${meetingId} on ${data.meeting.date}, ` +
        `${cases.length} case(s), ${anonymous} of them anonymous.`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}
