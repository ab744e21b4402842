import fs from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { folderDialogs } from '../../tests/fixtures/folderDialogs';
import { fixedClock } from '../clock';
import { xmlParts } from '../documents/packDocx';
import { recordConsent } from './consent';
import { bytesOnDisk, found, personalNeedles } from './fileBytes.test-helper';
import { erasePupil, exportPupilData, pupilDataJson, pupilErasePreview } from './pupilData';

const clock = fixedClock(E2E_NOW);

describe('a data-subject request about one pupil (AVG art. 15 and 17)', () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;
  let dbPath: string;
  let pupil: { id: number; firstName: string; lastName: string };
  let others: string[];

  beforeEach(async () => {
    temp = tempDir('mdo-pupil-data-');
    dbPath = temp.file('demo.db');
    await createDemoDatabase(dbPath);
    handle = await openDatabase(dbPath);
    // A pupil discussed in finalized meetings: their name is in stored verslagen too.
    pupil = await handle.db
      .selectFrom('pupil')
      .innerJoin('supportCase', 'supportCase.pupilId', 'pupil.id')
      .innerJoin('caseDiscussion', 'caseDiscussion.caseId', 'supportCase.id')
      .innerJoin('minutes', 'minutes.meetingId', 'caseDiscussion.meetingId')
      .select(['pupil.id', 'pupil.firstName', 'pupil.lastName'])
      .where('supportCase.status', '!=', 'closed')
      .groupBy('pupil.id')
      .orderBy(sql`count(*)`, 'desc')
      .executeTakeFirstOrThrow();
    others = (await handle.db.selectFrom('pupil').select(['firstName', 'lastName']).where('id', '!=', pupil.id).execute()).map(
      (row) => `${row.firstName} ${row.lastName}`,
    );
  });
  afterEach(async () => {
    await handle.close();
    temp.remove();
  });

  it('exports every row about the pupil as JSON and as a DOCX with each casusdossier, and logs both by id only', async () => {
    const { db } = handle;
    const caseId = (await db.selectFrom('supportCase').select('id').where('pupilId', '=', pupil.id).executeTakeFirstOrThrow()).id;
    await recordConsent(
      db,
      {
        caseId,
        party: 'pupil',
        parentId: null,
        status: 'given',
        method: 'written',
        coversDiscussion: true,
        shareWith: [],
        recordedOn: '2026-11-20',
        note: '',
      },
      clock,
    );

    const data = await pupilDataJson(db, pupil.id, clock);
    expect(data.pupil).toMatchObject({ id: pupil.id, firstName: pupil.firstName, lastName: pupil.lastName });
    expect(data.supportCases.map((row) => row.id)).toContain(caseId);
    for (const table of [
      'caseDiscussions',
      'agreements',
      'consents',
      'caseLeads',
      'agendaItems',
      'meetings',
      'minutes',
      'searchIndex',
    ] as const) {
      expect(data[table].length, table).toBeGreaterThan(0);
    }
    expect(data.auditLog).toMatchObject([{ action: 'consent.record', entity: 'case', entityId: caseId }]);
    // The stored verslagen also describe other pupils: listed, not included.
    expect(JSON.stringify(data)).not.toMatch(/"docx"|"signedDocx"/);

    const files = folderDialogs(temp.file('exports'));
    await exportPupilData(db, { pupilId: pupil.id, format: 'json' }, files, clock);
    await exportPupilData(db, { pupilId: pupil.id, format: 'docx' }, files, clock);
    expect(files.saved.map((file) => file.split('/').at(-1))).toEqual([
      `AVG-inzage leerling ${pupil.id} 2026-11-25.json`,
      `AVG-inzage leerling ${pupil.id} 2026-11-25.docx`,
    ]);
    const json = fs.readFileSync(files.saved[0], 'utf8');
    expect(JSON.parse(json).pupil.id).toBe(pupil.id);
    const docx = Object.values(xmlParts(fs.readFileSync(files.saved[1]))).join('\n');
    expect(docx).toContain(`Gegevens van een leerling: ${pupil.firstName} ${pupil.lastName}`);
    expect(docx).toContain(`Casusdossier: ${pupil.firstName} ${pupil.lastName}`);
    for (const row of data.supportCases) expect(docx).toContain(row.question.replaceAll('&', '&amp;').slice(0, 40));
    expect(docx).toContain('Toestemming vastgelegd');
    for (const other of others) {
      expect(json).not.toContain(other);
      expect(docx).not.toContain(other);
    }
    const audit = await db.selectFrom('auditLog').select(['action', 'entity', 'entityId', 'counts']).orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['consent.record', 'export.pupil.json', 'export.pupil.docx']);
    expect(audit.slice(1).every((row) => row.entity === 'pupil' && row.entityId === pupil.id)).toBe(true);
  });

  it('previews and erases the pupil with all their cases and verslagen, so that the file no longer holds them', async () => {
    const { db } = handle;
    const name = `${pupil.firstName} ${pupil.lastName}`;
    // Someone typed the name in a general item of the next meeting: not the pupil's own record, so it is pointed out.
    const general = await db
      .selectFrom('agendaItem')
      .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
      .select(['agendaItem.id', 'agendaItem.meetingId'])
      .where('meeting.status', '=', 'planned')
      .where('agendaItem.kind', '=', 'general')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('agendaItem')
      .set({ notes: `Mededeling over ${name}.` })
      .where('id', '=', general.id)
      .execute();

    const preview = await pupilErasePreview(db, pupil.id);
    expect(preview).toMatchObject({ pupilId: pupil.id, name });
    expect(preview.openCases).toBeGreaterThan(0);
    expect(preview.counts.pupils).toBe(1);
    expect(preview.counts.discussions).toBeGreaterThan(0);
    expect(preview.counts.verslagen).toBeGreaterThan(0);
    expect(preview.mentions).toEqual([{ place: 'agendaItem', caseId: null, meetingId: general.meetingId }]);

    const caseIds = (await db.selectFrom('supportCase').select('id').where('pupilId', '=', pupil.id).execute()).map((row) => row.id);
    const needles = await personalNeedles(
      db,
      caseIds,
      [pupil.id],
      preview.meetings.map((meeting) => meeting.meetingId),
    );
    // The general item keeps the name until the user changes it: leave that text out of the check.
    needles.texts = needles.texts.filter((text) => text !== name);
    const before = bytesOnDisk(dbPath);
    expect(found(before, needles.texts)).toEqual(needles.texts);
    const pieces = found(before, needles.blobs);
    expect(pieces.length).toBeGreaterThan(needles.blobs.length * 0.9);

    const result = await erasePupil(db, pupil.id, clock);
    expect(result.counts).toEqual(preview.counts);
    expect(result.walTruncated).toBe(true);
    const after = bytesOnDisk(dbPath);
    expect(found(after, needles.texts)).toEqual([]);
    expect(found(after, pieces)).toEqual([]);
    // The full name is only left where the user typed it elsewhere (the FTS index does not hold general items).
    expect(after.toString('latin1').split(Buffer.from(name).toString('latin1')).length - 1).toBe(1);
    console.info(
      `erase pupil: ${needles.texts.length} texts and ${pieces.length} pieces of ${needles.documents} stored verslagen gone; ${before.length} → ${after.length} bytes in ${result.durationMs} ms`,
    );

    expect(await db.selectFrom('pupil').select('id').where('id', '=', pupil.id).execute()).toEqual([]);
    expect(await db.selectFrom('supportCase').select('id').where('pupilId', '=', pupil.id).execute()).toEqual([]);
    for (const table of ['agendaItem', 'caseDiscussion', 'agreement', 'consent', 'effectCheck', 'caseLead'] as const) {
      expect(await db.selectFrom(table).select('caseId').where('caseId', 'in', caseIds).execute(), table).toEqual([]);
    }
    const hits = await sql<{ n: number }>`SELECT count(*) AS n FROM search_index WHERE search_index MATCH ${`"${pupil.lastName}"`}`.execute(
      db,
    );
    const sameLastName = others.filter((other) => other.endsWith(` ${pupil.lastName}`)).length;
    expect(hits.rows[0].n).toBeLessThanOrEqual(sameLastName * 2);
    expect(handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    const audit = await db.selectFrom('auditLog').selectAll().execute();
    expect(audit).toMatchObject([{ action: 'pupil.erase', entity: 'pupil', entityId: pupil.id }]);
    expect(JSON.parse(audit[0].counts)).toEqual(result.counts);
    expect(JSON.stringify(audit)).not.toContain(pupil.lastName);
  });

  it('refuses an unknown pupil', async () => {
    await expect(pupilErasePreview(handle.db, 99_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(erasePupil(handle.db, 99_999, clock)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await handle.db.selectFrom('auditLog').select('id').execute()).toEqual([]);
  });
});
