import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backups } from '../core/backups/backups';
import { fixedClock } from '../core/clock';
import { nlConsent } from '../core/i18n/nlConsent';
import { getCase } from '../core/services/cases';
import { caseGate } from '../core/services/consent';
import { DEMO_PASSPHRASE, Session } from '../core/session';
import { tempDir } from '../tests/e2e/harness';
import { keyringPath, openDatabaseKey, readKeyring } from './keyring';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './migrate';
import { openDatabase } from './open';

/*
 * Migration 007 on release 0.2.0's own demo database (schema 6): every consent
 * decision MDO recorded until then was the parents'. After opening it as the
 * app does (backup first), each case with decisions has one nameless parent
 * party with gezag, and every old decision is that parent's, with its id,
 * status, dates, scope and note unchanged; nothing is lost and nothing added.
 */

const RELEASE = fileURLToPath(new URL('../tests/fixtures/releases/mdo-0.2.0.db', import.meta.url));
const clock = fixedClock('2026-11-25T09:00:00.000Z');

interface OldConsent {
  id: number;
  case_id: number;
  status: string;
  scope: string;
  recorded_on: string;
  note: string;
  created_at: string;
}

describe('consent decisions of release 0.2.0 after migration 007', () => {
  let temp: ReturnType<typeof tempDir>;
  let session: Session;
  let before: OldConsent[];
  let backupKinds: string[];

  beforeAll(async () => {
    temp = tempDir('mdo-consent-migration-');
    const file = temp.file('mdo.db');
    fs.copyFileSync(RELEASE, file);
    fs.copyFileSync(keyringPath(RELEASE), keyringPath(file));
    const key = await openDatabaseKey(readKeyring(file)!, DEMO_PASSPHRASE);
    const old = await openDatabase(file, { key: key!, migrate: false, readonly: true });
    before = old.sqlite
      .prepare('SELECT id, case_id, status, scope, recorded_on, note, created_at FROM consent ORDER BY id')
      .all() as OldConsent[];
    await old.close();
    session = new Session(file, { clock });
    const backups = new Backups(session, { clock, appVersion: 'consent-migration-test' });
    await session.init();
    await session.unlock(DEMO_PASSPHRASE);
    backupKinds = backups.list().map((entry) => `${entry.kind} ${entry.schemaVersion}`);
  });
  afterAll(async () => {
    await session.close();
    temp.remove();
  });

  const open = () => (session.state as Extract<Session['state'], { state: 'open' }>).handle;

  it('keeps every decision with its dates and history, now as the decision of the parents (with gezag) of its case', () => {
    const { sqlite } = open();
    expect(backupKinds).toEqual(['migration 6']);
    expect(schemaVersion(sqlite)).toBe(LATEST_SCHEMA_VERSION);
    expect(before.length, 'the demo holds decisions, also withdrawn ones').toBeGreaterThan(5);
    expect(new Set(before.map((row) => row.status))).toEqual(new Set(['given', 'withdrawn']));

    const after = sqlite
      .prepare(
        `SELECT c.id, c.case_id, c.status, c.scope, c.recorded_on, c.note, c.created_at, c.party, c.method, c.covers_discussion,
           c.share_with, p.case_id AS parent_case, p.name, p.relation, p.has_authority
         FROM consent c LEFT JOIN case_parent p ON p.id = c.parent_id ORDER BY c.id`,
      )
      .all() as (OldConsent & Record<string, unknown>)[];
    expect(
      after.map(({ id, case_id, status, scope, recorded_on, note, created_at }) => ({
        id,
        case_id,
        status,
        scope,
        recorded_on,
        note,
        created_at,
      })),
    ).toEqual(before);
    for (const row of after)
      expect(row, `consent ${row.id}`).toMatchObject({
        party: 'parent',
        parent_case: row.case_id,
        name: '',
        relation: '',
        has_authority: 1,
        method: null,
        covers_discussion: 1,
        share_with: '[]',
      });

    // One parent party per case that had decisions, and none for a case without.
    const parents = sqlite.prepare('SELECT case_id FROM case_parent ORDER BY case_id').pluck().all() as number[];
    expect(parents).toEqual([...new Set(before.map((row) => row.case_id))].sort((a, b) => a - b));
  });

  it('shows the old decisions as "De ouders" on the case page, the latest one counting for the parents', async () => {
    const { db } = open();
    const withdrawnCase = before.findLast((row) => row.status === 'withdrawn')!.case_id;
    const page = await getCase(db, withdrawnCase, clock);
    expect(page.parents).toHaveLength(1);
    expect(nlConsent.parentName(page.parents[0])).toBe('De ouders');
    expect(page.parents[0]).toMatchObject({ hasAuthority: true, latest: { status: 'withdrawn', coversDiscussion: true } });
    expect(page.consents.map((consent) => [consent.recordedOn, consent.status, consent.scope])).toEqual(
      before.filter((row) => row.case_id === withdrawnCase).map((row) => [row.recorded_on, row.status, row.scope]),
    );
    const gate = await caseGate(db, withdrawnCase, '2026-11-25');
    expect(gate.refused).toContainEqual({ kind: 'parent', id: page.parents[0].id, name: '', relation: '' });
    // Named by role in a refusal: "de ouders (gezag)".
    expect(nlConsent.refusal(gate)).toContain('de ouders (gezag)');
  });
});
