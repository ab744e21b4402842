import { systemClock } from '../core/clock';
import { AppError } from '../core/errors';
import { invitationExport } from '../core/services/invitationExport';
import { idArg, parse, refuseToReplace, requireDb, UsageError, writeWhole, type CliIo } from './args';
import { openForCli } from './openForCli';

/** `export uitnodiging --db FILE --meeting ID --out FILE.ics [--force]`: see USAGE in run.ts. */
export async function exportInvitation(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { db: { type: 'string' }, meeting: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
  const out = values.out;
  if (typeof out !== 'string' || !/\.ics$/i.test(out)) throw new UsageError('--out FILE.ics is required');
  const meetingId = idArg(values.meeting, 'meeting');
  const db = requireDb(values.db);
  refuseToReplace(out, values.force);
  // Opened for writing: the meeting keeps its UID and the SEQUENCE it was sent with, as in the app.
  const handle = await openForCli(db, io, 'write');
  try {
    const built = await invitationExport(handle.db, meetingId, io.clock ?? systemClock);
    writeWhole(out, built.bytes);
    const text = new TextDecoder().decode(built.bytes);
    const sequence = /^SEQUENCE:(\d+)/m.exec(text)?.[1];
    const method = /^METHOD:(\w+)/m.exec(text)?.[1];
    io.out(
      `Wrote ${out} (${built.bytes.length} bytes): ${method === 'CANCEL' ? 'cancellation' : 'invitation'} for meeting ${meetingId}, SEQUENCE ${sequence}.`,
    );
    return 0;
  } catch (error) {
    // The service's detail is English and names no person; the app shows its Dutch message instead.
    if (error instanceof AppError && error.code === 'CONFLICT') {
      io.err(`Error: ${error.message.replace(/^CONFLICT: /, '')}; nothing was written.`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
