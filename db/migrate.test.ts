import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/e2e/harness';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open';
import { DbOpenError } from './openErrors';

describe('opening and migrating a database file', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  it('creates an empty file at the latest version with WAL, foreign keys and the whole data model', async () => {
    const handle = await openDatabase(temp.file('new.db'), { create: true });
    expect(schemaVersion(handle.sqlite)).toBe(LATEST_SCHEMA_VERSION);
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = handle.sqlite
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'school',
        'role',
        'member',
        'pupil',
        'theme',
        'support_case',
        'case_theme',
        'consent',
        'case_lead',
        'meeting',
        'presence',
        'agenda_item',
        'case_discussion',
        'agreement',
        'effect_check',
        'tag',
        'discussion_tag',
        'minutes',
        'signature',
        'audit_log',
        'setting',
      ]),
    );
    await handle.close();
  });

  it('keeps one active trekker per case and an append-only audit log', async () => {
    const handle = await openDatabase(temp.file('rules.db'), { create: true });
    const run = (sql: string) => handle.sqlite.exec(sql);
    run(`INSERT INTO school (id, name, created_at) VALUES (1, 'S', 'x');
         INSERT INTO role (id, school_id, name) VALUES (1, 1, 'IB');
         INSERT INTO member (id, school_id, role_id, name, created_at) VALUES (1, 1, 1, 'A', 'x'), (2, 1, 1, 'B', 'x');
         INSERT INTO pupil (id, school_id, first_name, last_name, date_of_birth, group_name, created_at) VALUES (1, 1, 'P', 'Q', '2016-01-01', 'Groep 5', 'x');
         INSERT INTO support_case (id, school_id, pupil_id, question, status, registered_on, created_at, updated_at) VALUES (1, 1, 1, 'v', 'active', '2026-01-01', 'x', 'x');
         INSERT INTO case_lead (case_id, member_id, started_on, created_at) VALUES (1, 1, '2026-01-02', 'x');
         INSERT INTO audit_log (at, actor, action) VALUES ('x', 'ib', 'open');`);
    expect(() => run(`INSERT INTO case_lead (case_id, member_id, started_on, created_at) VALUES (1, 2, '2026-01-03', 'x')`)).toThrow(
      /UNIQUE/,
    );
    expect(() => run(`UPDATE audit_log SET action = 'other'`)).toThrow(/append-only/);
    expect(() => run(`DELETE FROM audit_log`)).toThrow(/append-only/);
    expect(() => run(`INSERT INTO member (school_id, role_id, name, created_at) VALUES (99, 1, 'X', 'x')`)).toThrow(/FOREIGN KEY/);
    await handle.close();
  });

  it('leaves the database at the previous version when a migration throws halfway', async () => {
    const path = temp.file('fail.db');
    await (await openDatabase(path, { create: true })).close();
    const broken = [
      ...migrations,
      { name: '999_broken', statements: ['CREATE TABLE half_done (id INTEGER PRIMARY KEY)', 'INSERT INTO no_such_table VALUES (1)'] },
    ];
    await expect(openDatabase(path, { migrations: broken })).rejects.toThrow(/no such table/);
    const sqlite = new Database(path, { readonly: true });
    expect(schemaVersion(sqlite)).toBe(LATEST_SCHEMA_VERSION);
    expect(sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    sqlite.close();
  });

  it('refuses a newer, a foreign and a non-SQLite file without changing them', async () => {
    const newer = temp.file('newer.db');
    const handle = await openDatabase(newer, { create: true });
    handle.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    await handle.close();
    await expect(openDatabase(newer)).rejects.toMatchObject({ code: 'TOO_NEW' });

    const foreign = temp.file('foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    const foreignBytes = fs.readFileSync(foreign);
    await expect(openDatabase(foreign)).rejects.toMatchObject({ code: 'FOREIGN' });
    expect(fs.readFileSync(foreign).equals(foreignBytes)).toBe(true);

    const text = temp.file('notes.db');
    fs.writeFileSync(text, 'Dit is geen database, maar een boodschappenlijst.\n'.repeat(200));
    await expect(openDatabase(text)).rejects.toBeInstanceOf(DbOpenError);
    await expect(openDatabase(text)).rejects.toMatchObject({ code: 'NOT_A_DATABASE' });
    expect(fs.readFileSync(text, 'utf8')).toContain('boodschappenlijst');

    await expect(openDatabase(temp.file('missing.db'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.existsSync(temp.file('missing.db'))).toBe(false);
  });
});
