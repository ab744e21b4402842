import { systemClock } from '../core/clock';
import { buildKernteamAgendaDocx } from '../core/documents/kernteamAgendaDocx';
import { AppError } from '../core/errors';
import { loadKernteamAgenda } from '../core/services/agendaExport';
import { failWith, idArg, parse, requireDb, writeWhole, type CliIo } from './args';
import { openForCli } from './openForCli';
import { docxTarget, signedIfAsked } from './signingIdentity';

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
  const { out, identity } = docxTarget(values, io);
  const clock = io.clock ?? systemClock;
  const handle = await openForCli(db, io, 'read');
  try {
    const data = await loadKernteamAgenda(handle.db, meetingId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'CONFLICT') failWith(`meeting ${meetingId} is cancelled; it has no agenda to send.`);
      throw error;
    });
    const bytes = signedIfAsked(await buildKernteamAgendaDocx(data), identity, clock);
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
