import { systemClock } from '../core/clock';
import { actionListExport, loadActionList } from '../core/services/actionListExport';
import { failWith, idArg, parse, requireDb, writeWhole, type CliIo } from './args';
import { openForCli } from './openForCli';
import { docxTarget, signedIfAsked } from './signingIdentity';

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
  const { out, identity } = docxTarget(values, io);
  const clock = io.clock ?? systemClock;
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
    const bytes = signedIfAsked(built.bytes, identity, clock);
    writeWhole(out, bytes);
    io.out(`Wrote ${out} (${bytes.length} bytes)${identity ? ', signed' : ''}: ${count} open agreement(s) of member ${memberId}.`);
    return 0;
  } finally {
    await handle.close();
  }
}
