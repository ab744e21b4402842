import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { fixedClock } from '../clock';
import { xmlParts } from '../documents/packDocx';
import { folderDialogs } from '../../tests/fixtures/folderDialogs';
import { exportDocument } from './exports';
import { auditActor } from './audit';
import { createMemberCertificate } from './certificates';
import { bytesOnDisk, found, personalNeedles } from './fileBytes.test-helper';
import { getRetention, purgeExpired, retentionPreview, setRetention } from './retention';
import { minutesForExport, signMinutes } from './signatures';

// The demo's closed cases were closed in 2026: two years later they are past
// the default retention period.
const later = fixedClock('2029-01-15T10:00:00.000Z');

describe('retention: preview and purge of closed cases', () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;
  let dbPath: string;

  beforeEach(async () => {
    temp = tempDir('mdo-retention-');
    dbPath = temp.file('demo.db');
    await createDemoDatabase(dbPath);
    handle = await openDatabase(dbPath);
  });
  afterEach(async () => {
    await handle.close();
    temp.remove();
  });

  it('keeps closed cases two years by default and records a change of the period', async () => {
    const { db } = handle;
    const school = await db.selectFrom('school').select('id').executeTakeFirstOrThrow();
    expect(await getRetention(db, school.id)).toEqual({ yearsAfterClose: 2, isDefault: true });
    // On the demo's own day nothing has been closed for two years.
    expect((await retentionPreview(db, school.id, fixedClock(E2E_NOW))).cases).toEqual([]);
    await setRetention(db, school.id, 5, later);
    expect(await getRetention(db, school.id)).toEqual({ yearsAfterClose: 5, isDefault: false });
    expect((await retentionPreview(db, school.id, later)).cases).toEqual([]);
    const audit = await db.selectFrom('auditLog').selectAll().execute();
    expect(audit).toMatchObject([{ action: 'retention.set', entity: 'school', entityId: school.id, counts: '{"years":5}' }]);
  });

  it('previews the expired cases, their pupils and the verslagen that name them, then removes exactly that from the file', async () => {
    const { db } = handle;
    const school = await db.selectFrom('school').select('id').executeTakeFirstOrThrow();
    const preview = await retentionPreview(db, school.id, later);
    expect(preview.cutoff).toBe('2027-01-15');
    const closed = await db
      .selectFrom('supportCase')
      .select(['id', 'closedOn'])
      .where('status', '=', 'closed')
      .orderBy('closedOn')
      .execute();
    expect(preview.cases.map((row) => [row.caseId, row.closedOn])).toEqual(closed.map((row) => [row.id, row.closedOn]));
    expect(preview.cases.length).toBeGreaterThan(0);
    // In the small demo every pupil has one case: each leaves with it.
    expect(preview.pupils.map((pupil) => pupil.pupilId).sort()).toEqual([...new Set(preview.cases.map((row) => row.pupilId))].sort());
    expect(preview.meetings.length).toBeGreaterThan(0);
    expect(preview.counts).toMatchObject({ cases: preview.cases.length, pupils: preview.pupils.length, meetings: preview.meetings.length });

    // One affected verslag is also signed: its signed copy names the pupils too.
    const signedMeeting = preview.meetings[0].meetingId;
    const chair = await db.selectFrom('meeting').select('chairId').where('id', '=', signedMeeting).executeTakeFirstOrThrow();
    const certificate = await createMemberCertificate(db, { memberId: chair.chairId!, passphrase: 'voorzitter-2026' }, fixedClock(E2E_NOW));
    await signMinutes(db, { meetingId: signedMeeting, certificateId: certificate.id, passphrase: 'voorzitter-2026' }, fixedClock(E2E_NOW));
    const before = await retentionPreview(db, school.id, later);
    expect(before.counts.signatures).toBe(1);

    const caseIds = preview.cases.map((row) => row.caseId);
    const pupilIds = preview.pupils.map((pupil) => pupil.pupilId);
    const meetingIds = preview.meetings.map((meeting) => meeting.meetingId);
    const needles = await personalNeedles(db, caseIds, pupilIds, meetingIds);
    const kept = await db
      .selectFrom('minutes')
      .select(['meetingId', 'sha256'])
      .where('meetingId', 'not in', meetingIds)
      .where('docx', 'is not', null)
      .execute();
    const onDisk = bytesOnDisk(dbPath);
    expect(found(onDisk, needles.texts)).toEqual(needles.texts);
    const blobsBefore = found(onDisk, needles.blobs);
    // A piece can straddle two pages; nearly all are found whole.
    expect(blobsBefore.length).toBeGreaterThan(needles.blobs.length * 0.9);
    console.info(
      `retention purge: ${needles.texts.length} texts and ${blobsBefore.length} pieces of ${needles.documents} stored verslagen in ${onDisk.length} bytes before`,
    );

    const result = await purgeExpired(db, { schoolId: school.id, caseIds }, later);
    expect(result.counts).toEqual(before.counts);
    expect(result.walTruncated).toBe(true);
    expect(fs.statSync(`${dbPath}-wal`).size).toBe(0);
    const after = bytesOnDisk(dbPath);
    expect(found(after, needles.texts)).toEqual([]);
    expect(found(after, blobsBefore)).toEqual([]);
    console.info(`retention purge: ${after.length} bytes after, in ${result.durationMs} ms`);

    expect(await db.selectFrom('supportCase').select('id').where('id', 'in', caseIds).execute()).toEqual([]);
    expect(await db.selectFrom('pupil').select('id').where('id', 'in', pupilIds).execute()).toEqual([]);
    const searchRows = await sql<{ n: number }>`SELECT count(*) AS n FROM search_index WHERE
        (kind = 'pupil' AND ref_id IN (SELECT value FROM json_each(${JSON.stringify(pupilIds)})))
        OR (kind = 'case' AND ref_id IN (SELECT value FROM json_each(${JSON.stringify(caseIds)})))`.execute(db);
    expect(searchRows.rows[0].n).toBe(0);
    await sql`INSERT INTO search_index (search_index) VALUES ('integrity-check')`.execute(db);
    expect(handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(handle.sqlite.pragma('foreign_key_check')).toEqual([]);

    // The affected verslagen keep their facts and fingerprint, not their bytes; the others are untouched.
    const affected = await db
      .selectFrom('minutes')
      .select(['docx', 'sha256', 'finalizedAt'])
      .where('meetingId', 'in', meetingIds)
      .execute();
    expect(affected.every((row) => row.docx === null && row.sha256 && row.finalizedAt)).toBe(true);
    const signature = await db.selectFrom('signature').select(['signedDocx', 'sha256']).executeTakeFirstOrThrow();
    expect([signature.signedDocx.length, signature.sha256.length]).toEqual([0, 64]);
    expect(await minutesForExport(db, signedMeeting)).toBeUndefined();
    // Exported now, that verslag is built from what is kept and says why it is not the signed one.
    const files = folderDialogs(temp.file('exports'));
    await exportDocument(db, { kind: 'minutes', meetingId: signedMeeting }, files, later);
    const rebuilt = Object.values(xmlParts(fs.readFileSync(files.saved[0]))).join('\n');
    expect(rebuilt).toContain('is niet meer bewaard');
    for (const pupil of preview.pupils) expect(rebuilt).not.toContain(pupil.name);
    for (const row of kept) {
      const bytes = (await minutesForExport(db, row.meetingId))!;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
    }

    const audit = await db.selectFrom('auditLog').selectAll().where('action', '=', 'retention.purge').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].counts)).toEqual({ ...result.counts, years: 2 });
    expect(audit[0]).toMatchObject({ entity: 'school', entityId: school.id, schoolId: school.id });
    const log = JSON.stringify(await db.selectFrom('auditLog').selectAll().execute());
    for (const text of needles.texts) expect(log).not.toContain(text);
    expect(audit[0].actor).toBe(auditActor());

    // Nothing is left to purge.
    expect((await retentionPreview(db, school.id, later)).cases).toEqual([]);
  });

  it('refuses a case that is not past the retention period and then removes nothing', async () => {
    const { db } = handle;
    const school = await db.selectFrom('school').select('id').executeTakeFirstOrThrow();
    const preview = await retentionPreview(db, school.id, later);
    const open = await db.selectFrom('supportCase').select('id').where('status', '!=', 'closed').executeTakeFirstOrThrow();
    const count = async () =>
      (
        await db
          .selectFrom('supportCase')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const casesBefore = await count();
    await expect(purgeExpired(db, { schoolId: school.id, caseIds: [preview.cases[0].caseId, open.id] }, later)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await count()).toBe(casesBefore);
    expect(await db.selectFrom('auditLog').select('action').execute()).toEqual([]);
  });
});

describe('retention on the large demo (20 schools × 10 years)', () => {
  const temp = tempDir('mdo-retention-large-');
  afterEach(() => temp.remove());

  it('purges one school’s expired cases and rewrites the whole file in seconds', async () => {
    const dbPath = temp.file('large.db');
    await createDemoDatabase(dbPath, 'large');
    const handle = await openDatabase(dbPath);
    const { db } = handle;
    const clock = fixedClock(E2E_NOW);
    const school = await db.selectFrom('school').select('id').orderBy('id').executeTakeFirstOrThrow();
    const preview = await retentionPreview(db, school.id, clock);
    expect(preview.cases.length).toBeGreaterThan(50);
    const needles = await personalNeedles(
      db,
      preview.cases.map((row) => row.caseId),
      preview.pupils.map((pupil) => pupil.pupilId),
      [],
    );
    const before = bytesOnDisk(dbPath);
    expect(found(before, needles.texts)).toEqual(needles.texts);
    const result = await purgeExpired(db, { schoolId: school.id, caseIds: preview.cases.map((row) => row.caseId) }, clock);
    expect(result.counts).toEqual(preview.counts);
    const after = bytesOnDisk(dbPath);
    expect(found(after, needles.texts)).toEqual([]);
    console.info(
      `large demo: purged ${result.counts.cases} cases, ${result.counts.pupils} pupils, ${result.counts.discussions} discussions, ${result.counts.agreements} agreements of one school in ${result.durationMs} ms (delete, FTS merge, VACUUM, checkpoint); ${needles.texts.length} texts checked in ${before.length} → ${after.length} bytes`,
    );
    // Generous for a busy 2-core machine; about 0.7 s when it is quiet.
    expect(result.durationMs).toBeLessThan(10_000);
    expect(handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await handle.close();
  }, 120_000);
});
