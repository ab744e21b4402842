import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { createDemoDatabase, E2E_NOW } from '../../tests/fixtures/demoDatabase';
import { folderDialogs } from '../../tests/fixtures/folderDialogs';
import { fixedClock } from '../clock';
import { auditActor, listAudit, recordAudit, recordRestore, recordUnlockFailures } from './audit';
import { auditCsv, exportAudit } from './auditExport';
import { recordConsent, setSafetyConcern } from './consent';

const clock = fixedClock(E2E_NOW);
const all = { kind: null, from: null, to: null };

describe('the audit log', () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;
  let schoolId: number;

  beforeEach(async () => {
    temp = tempDir('mdo-audit-');
    await createDemoDatabase(temp.file('demo.db'));
    handle = await openDatabase(temp.file('demo.db'));
    schoolId = (await handle.db.selectFrom('school').select('id').executeTakeFirstOrThrow()).id;
  });
  afterEach(async () => {
    await handle.close();
    temp.remove();
  });

  it('records who, when, what and which record, with counts as numbers only, and cannot be changed', async () => {
    const { db } = handle;
    await recordUnlockFailures(db, 3, clock);
    await recordUnlockFailures(db, 0, clock);
    await recordRestore(db, fixedClock('2026-11-25T10:00:00.000Z'));
    const caseRow = await db.selectFrom('supportCase').select('id').executeTakeFirstOrThrow();
    await recordConsent(
      db,
      {
        caseId: caseRow.id,
        party: 'pupil',
        parentId: null,
        status: 'withdrawn',
        method: 'oral',
        coversDiscussion: true,
        shareWith: ['GGD'],
        recordedOn: '2026-11-25',
        note: 'Leerling belde',
      },
      clock,
    );
    await setSafetyConcern(db, caseRow.id, 'Zorg over thuissituatie', clock);
    await expect(recordAudit(db, { action: 'retention.purge', counts: { cases: Number.NaN } }, clock)).rejects.toThrow(/not a number/);

    const rows = await db.selectFrom('auditLog').selectAll().orderBy('id').execute();
    expect(rows.map(({ id: _, ...row }) => row)).toEqual([
      {
        at: E2E_NOW,
        actor: os.userInfo().username,
        action: 'session.unlock_failed',
        entity: 'session',
        entityId: null,
        schoolId: null,
        counts: '{"attempts":3}',
      },
      {
        at: '2026-11-25T10:00:00.000Z',
        actor: auditActor(),
        action: 'backup.restore',
        entity: 'backup',
        entityId: null,
        schoolId: null,
        counts: '{}',
      },
      { at: E2E_NOW, actor: auditActor(), action: 'consent.record', entity: 'case', entityId: caseRow.id, schoolId, counts: '{}' },
      { at: E2E_NOW, actor: auditActor(), action: 'consent.safety_concern', entity: 'case', entityId: caseRow.id, schoolId, counts: '{}' },
    ]);
    // The note and the reason stay with the case, never in the log.
    expect(JSON.stringify(rows)).not.toMatch(/Moeder|thuissituatie|withdrawn/);
    await expect(sql`UPDATE audit_log SET actor = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`INSERT INTO audit_log (at, actor, action, counts) VALUES ('x', 'y', 'z', 'Jan')`.execute(db)).rejects.toThrow(/CHECK/);
  });

  it('lists newest first, filters by kind and period, pages through 100,000 entries quickly and exports them as CSV', async () => {
    const { db } = handle;
    // 100,000 entries over three years, six kinds, this school and the installation.
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
      INSERT INTO audit_log (at, actor, action, entity, entity_id, school_id, counts)
      SELECT strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || (i * 15) || ' minutes'), 'ib',
        CASE i % 6 WHEN 0 THEN 'session.open' WHEN 1 THEN 'export.minutes' WHEN 2 THEN 'minutes.sign'
          WHEN 3 THEN 'consent.record' WHEN 4 THEN 'export.dossier' ELSE 'retention.purge' END,
        CASE i % 6 WHEN 0 THEN 'session' WHEN 5 THEN 'school' ELSE 'case' END,
        CASE i % 6 WHEN 0 THEN NULL ELSE i END,
        CASE i % 6 WHEN 0 THEN NULL ELSE ${schoolId} END,
        CASE i % 6 WHEN 5 THEN '{"cases":2,"pupils":1}' ELSE '{}' END
      FROM n`.execute(db);

    const timed = async <T>(work: () => Promise<T>) => {
      const started = performance.now();
      const result = await work();
      return { result, ms: performance.now() - started };
    };
    const first = await timed(() => listAudit(db, { schoolId, ...all, page: 1, pageSize: 50 }));
    expect(first.result.total).toBe(100_000);
    expect(first.result.entries).toHaveLength(50);
    expect(first.result.entries[0].at > first.result.entries[1].at).toBe(true);
    const last = await timed(() => listAudit(db, { schoolId, ...all, page: 2000, pageSize: 50 }));
    expect(last.result.entries.at(-1)!.id).toBe(1);
    const exports = await timed(() =>
      listAudit(db, { schoolId, kind: 'export', from: '2025-03-01', to: '2025-03-31', page: 1, pageSize: 50 }),
    );
    // 31 days × 96 entries a day, a third of them exports.
    expect(exports.result.total).toBe(992);
    expect(exports.result.entries.every((entry) => entry.action.startsWith('export.') && entry.at.startsWith('2025-03'))).toBe(true);
    const erasure = await listAudit(db, { schoolId, kind: 'erasure', from: null, to: null, page: 1, pageSize: 10 });
    expect(erasure.entries[0]).toMatchObject({ action: 'retention.purge', counts: { cases: 2, pupils: 1 } });
    // Another school's entries are not shown; the installation's are.
    expect((await listAudit(db, { schoolId: schoolId + 1, ...all, page: 1, pageSize: 10 })).total).toBe(Math.floor(100_000 / 6));
    console.info(
      `audit list over 100,000 entries: first page ${first.ms.toFixed(1)} ms, last page ${last.ms.toFixed(1)} ms, filtered ${exports.ms.toFixed(1)} ms`,
    );
    for (const { ms } of [first, last, exports]) expect(ms).toBeLessThan(1000);

    const csv = await timed(() => auditCsv(db, { schoolId, ...all }));
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.result);
    expect(text.startsWith('\uFEFFTijdstip (UTC);Gebruiker;Handeling;Code;Onderdeel;Nummer;School;Aantallen\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(100_002);
    expect(lines[1]).toBe(`2026-11-07T16:00:00.000Z;ib;Casusdossier geëxporteerd;export.dossier;casus;100000;${schoolId};`);
    expect(lines[2]).toBe(`2026-11-07T15:45:00.000Z;ib;Toestemming vastgelegd;consent.record;casus;99999;${schoolId};`);
    expect(lines[6]).toBe(
      `2026-11-07T14:45:00.000Z;ib;Gegevens verwijderd na de bewaartermijn;retention.purge;school;99995;${schoolId};2 casussen, 1 leerling`,
    );
    console.info(`audit CSV of 100,000 entries: ${csv.result.length} bytes in ${csv.ms.toFixed(0)} ms`);

    const files = folderDialogs(temp.file('exports'));
    const saved = await exportAudit(db, { schoolId, kind: 'consent', from: '2026-01-01', to: '2026-12-31' }, files, clock);
    expect(saved.fileName).toBe('Logboek MDO 2026-11-25.csv');
    const consentLines = fs.readFileSync(files.saved[0], 'utf8').split('\r\n').filter(Boolean);
    expect(consentLines.slice(1).every((line) => line.includes(';consent.record;'))).toBe(true);
    expect((await listAudit(db, { schoolId, ...all, page: 1, pageSize: 10 })).entries[0]).toMatchObject({
      action: 'export.audit',
      entity: 'audit',
      at: E2E_NOW,
    });
  });
});
