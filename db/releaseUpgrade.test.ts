import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backups } from '../core/backups/backups';
import { fixedClock } from '../core/clock';
import { DEMO_PASSPHRASE, Session } from '../core/session';
import { tempDir } from '../tests/e2e/harness';
import { columnsOf, dataTables, rowHashes } from '../tests/fixtures/tableRows';
import { keyringPath, openDatabaseKey, readKeyring } from './keyring';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './migrate';
import { openDatabase, type OpenDatabase } from './open';

/*
 * A database written by any earlier release opens in this one, migrates (backup
 * first) and loses nothing. tests/fixtures/releases/ keeps one demo database
 * per release as that release wrote it; every file there is opened here as the
 * app opens it: the real Session with the demo school's passphrase, and the
 * real Backups, which makes the backup before the migration.
 */

const RELEASES = fileURLToPath(new URL('../tests/fixtures/releases/', import.meta.url));
const releases = fs.readdirSync(RELEASES).filter((name) => /^mdo-.+\.db$/.test(name));
const clock = fixedClock('2026-11-25T09:00:00.000Z');

interface Snapshot {
  version: number;
  /** Per table: its columns and the hashes of its rows over those columns. */
  tables: Map<string, { columns: string[]; rows: string[] }>;
}

function snapshot(sqlite: OpenDatabase['sqlite']): Snapshot {
  const tables = new Map(
    dataTables(sqlite).map((table) => {
      const columns = columnsOf(sqlite, table);
      return [table, { columns, rows: rowHashes(sqlite, table, columns) }] as const;
    }),
  );
  return { version: schemaVersion(sqlite), tables };
}

async function snapshotOf(file: string, key: Buffer): Promise<Snapshot> {
  const handle = await openDatabase(file, { key, migrate: false, readonly: true });
  try {
    return snapshot(handle.sqlite);
  } finally {
    await handle.close();
  }
}

/** What a schema consists of, comparable between two files. */
function schemaOf(sqlite: OpenDatabase['sqlite']): string[] {
  const rows = sqlite.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`).all();
  return rows.map((row) => JSON.stringify(row)).sort();
}

/** The rows of `before` that `after` no longer has (a multiset difference). */
function missing(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const row of after) left.set(row, (left.get(row) ?? 0) + 1);
  return before.filter((row) => {
    const count = left.get(row) ?? 0;
    left.set(row, count - 1);
    return count <= 0;
  });
}

describe.each(releases)('a database written by release %s', (release) => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  let session: Session;

  beforeEach(() => {
    temp = tempDir('mdo-release-');
    file = temp.file('mdo.db');
    fs.copyFileSync(path.join(RELEASES, release), file);
    fs.copyFileSync(keyringPath(path.join(RELEASES, release)), keyringPath(file));
    session = new Session(file, { clock });
  });
  afterEach(async () => {
    await session.close();
    temp.remove();
  });

  it('opens with the demo passphrase, migrates after a backup that holds the old file, and keeps every row', async () => {
    const key = await openDatabaseKey(readKeyring(file)!, DEMO_PASSPHRASE);
    expect(key, 'the fixture opens with the demo passphrase').not.toBeNull();
    const before = await snapshotOf(file, key!);
    expect(before.version).toBeGreaterThan(0);
    expect(before.version).toBeLessThan(LATEST_SCHEMA_VERSION);

    // As the app does: the session finds a locked demo database, the backups module is attached, the user unlocks.
    const backups = new Backups(session, { clock, appVersion: 'release-upgrade-test' });
    expect(await session.init()).toEqual({ state: 'locked', demo: true, keyringMissing: false });
    await session.unlock(DEMO_PASSPHRASE);
    const { handle } = session.state as Extract<Session['state'], { state: 'open' }>;
    expect(schemaVersion(handle.sqlite)).toBe(LATEST_SCHEMA_VERSION);

    // The backup before the migration: checked, of the old version, and exactly the old rows.
    const made = backups.list();
    expect(made.map((entry) => [entry.kind, entry.status, entry.schemaVersion])).toEqual([['migration', 'ok', before.version]]);
    expect(backups.verify(made[0].name).status).toBe('ok');
    const backup = await snapshotOf(path.join(backups.folder().folder, made[0].name), key!);
    expect(backup).toEqual(before);

    // Every row of every table of the old file is still there, over the columns it had.
    const after = snapshot(handle.sqlite);
    let rows = 0;
    for (const [table, { columns, rows: old }] of before.tables) {
      expect(after.tables.has(table), `table ${table}`).toBe(true);
      expect(missing(old, rowHashes(handle.sqlite, table, columns)), `rows lost from ${table}`).toEqual([]);
      rows += old.length;
    }
    // Not a vacuous comparison: the demo's cases, agreements and finalized verslagen were among them.
    for (const table of ['support_case', 'agreement', 'minutes']) expect(before.tables.get(table)?.rows.length, table).toBeGreaterThan(0);
    console.log(`${release}: schema ${before.version} → ${LATEST_SCHEMA_VERSION}, ${before.tables.size} tables, all ${rows} rows kept`);
  });

  it('ends with the same schema as a new database, and the new rules apply to it', async () => {
    await session.init();
    await session.unlock(DEMO_PASSPHRASE);
    const { handle } = session.state as Extract<Session['state'], { state: 'open' }>;

    const fresh = await openDatabase(temp.file('new.db'), { create: true });
    try {
      expect(schemaOf(handle.sqlite)).toEqual(schemaOf(fresh.sqlite));
    } finally {
      await fresh.close();
    }
    // Migration 005's triggers are there and refuse an impossible date on the old rows.
    const closeBeforeRegistered = handle.sqlite.prepare(
      `UPDATE support_case SET closed_on = date(registered_on, '-1 day') WHERE id = (SELECT min(id) FROM support_case)`,
    );
    expect(() => closeBeforeRegistered.run()).toThrow('date order: caseClosedBeforeRegistered');
  });
});
