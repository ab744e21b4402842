import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { folderDialogs } from '../../tests/fixtures/folderDialogs';
import { fixedClock } from '../clock';
import { loadMinutesData } from '../documents/minutesData';
import { buildMinutesDocx } from '../documents/minutesDocx';
import { addAgreement } from './agreements';
import { saveItemText } from './discussions';
import { exportDocument } from './exports';
import { finalizeMinutes, listMinutesVersions, startCorrection } from './minutes';

const clock = fixedClock(E2E_NOW);

describe('vaststellen: finalized verslagen and corrections', () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;
  let meetingId: number;
  let itemId: number;

  beforeEach(async () => {
    temp = tempDir();
    await createDemoDatabase(temp.file('demo.db'));
    handle = await openDatabase(temp.file('demo.db'));
    meetingId = (await handle.db.selectFrom('meeting').select('id').where('status', '=', 'held').executeTakeFirstOrThrow()).id;
    itemId = (
      await handle.db
        .selectFrom('agendaItem')
        .select('id')
        .where('meetingId', '=', meetingId)
        .where('kind', '=', 'case')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterEach(async () => {
    await handle.close();
    temp.remove();
  });

  it('stores the exact bytes with their SHA-256 and then refuses every change to the meeting', async () => {
    // No kernteam member has a certificate yet: the block says it was finalized without one.
    const expected = await buildMinutesDocx(await loadMinutesData(handle.db, meetingId), { date: E2E_NOW.slice(0, 10), signers: [] });
    const { version, sha256 } = await finalizeMinutes(handle.db, meetingId, clock);
    expect(version).toBe(1);
    const stored = await handle.db
      .selectFrom('minutes')
      .select(['docx', 'sha256', 'status'])
      .where('meetingId', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.docx!).equals(Buffer.from(expected))).toBe(true);
    expect(stored.sha256).toBe(createHash('sha256').update(stored.docx!).digest('hex'));
    expect(sha256).toBe(stored.sha256);

    await expect(saveItemText(handle.db, itemId, 'notes', 'later toegevoegd', clock)).rejects.toMatchObject({ code: 'MINUTES_FINALIZED' });
    await expect(
      addAgreement(handle.db, { agendaItemId: itemId, description: 'x', ownerKind: 'parents', dueOn: '2026-12-31' }, clock),
    ).rejects.toMatchObject({ code: 'MINUTES_FINALIZED' });
    await expect(finalizeMinutes(handle.db, meetingId, clock)).rejects.toMatchObject({ code: 'MINUTES_FINALIZED' });

    // The export hands out the frozen bytes.
    const sink = folderDialogs(temp.file('out'));
    await exportDocument(handle.db, { kind: 'minutes', meetingId }, sink, clock);
    expect(createHash('sha256').update(fs.readFileSync(sink.saved[0])).digest('hex')).toBe(sha256);
  });

  it('keeps both versions when a correction with a reason is made and finalized', async () => {
    const first = await finalizeMinutes(handle.db, meetingId, clock);
    await expect(startCorrection(handle.db, meetingId, '  ', clock)).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    expect(await startCorrection(handle.db, meetingId, 'Verkeerde datum bij een afspraak', clock)).toEqual({ version: 2 });
    await saveItemText(handle.db, itemId, 'conclusions', 'Gecorrigeerde conclusie.', clock);
    const second = await finalizeMinutes(handle.db, meetingId, clock);
    expect(second.version).toBe(2);
    expect(second.sha256).not.toBe(first.sha256);
    expect(await listMinutesVersions(handle.db, meetingId)).toEqual([
      expect.objectContaining({ version: 1, status: 'finalized', sha256: first.sha256, correctionReason: '' }),
      expect.objectContaining({
        version: 2,
        status: 'finalized',
        sha256: second.sha256,
        correctionReason: 'Verkeerde datum bij een afspraak',
      }),
    ]);
    const audit = await handle.db.selectFrom('auditLog').select('action').orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['minutes.finalize', 'minutes.correction', 'minutes.finalize']);
  });
});
