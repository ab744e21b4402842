import { systemClock } from '../core/clock';
import { nl } from '../core/i18n/nl';
import { actionListExport, loadActionList } from '../core/services/actionListExport';
import { summarize } from '../core/signing/certificates';
import { signDocx } from '../core/signing/signDocx';
import { failWith, idArg, parse, refuseToReplace, requireDb, UsageError, writeWhole, type CliIo } from './args';
import { openForCli } from './openForCli';
import { signingIdentity } from './signingIdentity';

/** `export acties`: one kernteam member's own open agreements up to a meeting, as DOCX (optionally signed). */
export async function exportActions(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    db: { type: 'string' },
    meeting: { type: 'string' },
    member: { type: 'string' },
    out: { type: 'string' },
    sign: { type: 'boolean' },
    cert: { type: 'string' },
    force: { type: 'boolean' },
  });
  const db = requireDb(values.db);
  const meetingId = idArg(values.meeting, 'meeting');
  const memberId = idArg(values.member, 'member');
  const out = values.out;
  if (typeof out !== 'string' || !out.toLowerCase().endsWith('.docx')) throw new UsageError('--out FILE.docx is required');
  if (!!values.sign !== (typeof values.cert === 'string')) throw new UsageError('--sign and --cert FILE.p12 go together');
  refuseToReplace(out, values.force);
  const clock = io.clock ?? systemClock;
  // Read the certificate before touching the database: a wrong passphrase changes nothing.
  const identity = values.sign ? signingIdentity(values.cert!, io) : undefined;
  const handle = await openForCli(db, io, 'read');
  try {
    const meeting = await handle.db.selectFrom('meeting').select('schoolId').where('id', '=', meetingId).executeTakeFirst();
    if (!meeting) failWith(`no meeting ${meetingId} in this database; see: npm run mdo -- list meetings --db ${db}`);
    const member = await handle.db.selectFrom('member').select('schoolId').where('id', '=', memberId).executeTakeFirst();
    if (!member) failWith(`no member ${memberId} in this database.`);
    // A board's file holds several schools: one school's agreements never go to another school's member.
    if (member.schoolId !== meeting.schoolId)
      failWith(`member ${memberId} belongs to another school than meeting ${meetingId}; nothing was written.`);
    const built = await actionListExport(handle.db, meetingId, memberId, clock);
    const count = (await loadActionList(handle.db, meetingId, memberId, clock)).items.length;
    const bytes = identity
      ? signDocx(built.bytes, identity, { at: clock.now(), role: summarize(identity.certificate).role, purpose: nl.docs.signPurpose })
      : built.bytes;
    writeWhole(out, bytes);
    io.out(`Wrote ${out} (${bytes.length} bytes)${identity ? ', signed' : ''}: ${count} open agreement(s) of member ${memberId}.`);
    return 0;
  } finally {
    await handle.close();
  }
}
