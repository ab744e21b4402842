import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../tests/e2e/harness';
import { schemaVersion } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open';

describe('migration 004: audit counts and search rows found by rowid', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.remove());

  it('keeps the search index of existing rows and lets the triggers reach each row directly', async () => {
    const path = temp.file('v3.db');
    const v3 = await openDatabase(path, { create: true, migrations: migrations.slice(0, 3) });
    v3.sqlite.exec(`
      INSERT INTO school (id, name, created_at) VALUES (1, 'De Linde', 'x');
      INSERT INTO role (id, school_id, name) VALUES (1, 1, 'IB');
      INSERT INTO member (id, school_id, role_id, name, created_at) VALUES (1, 1, 1, 'Ilse', 'x');
      INSERT INTO pupil (id, school_id, first_name, last_name, date_of_birth, group_name, created_at) VALUES (7, 1, 'Noor', 'Jansen', '2016-01-01', 'Groep 5', 'x');
      INSERT INTO support_case (id, school_id, pupil_id, question, status, registered_on, created_at, updated_at) VALUES (3, 1, 7, 'Noor verzuimt vaak', 'active', '2026-01-01', 'x', 'x');
      INSERT INTO meeting (id, school_id, date, start_time, status, created_at, updated_at) VALUES (1, 1, '2026-02-03', '08:30', 'held', 'x', 'x');
      INSERT INTO agenda_item (id, meeting_id, position, kind, case_id) VALUES (1, 1, 1, 'case', 3);
      INSERT INTO case_discussion (id, agenda_item_id, meeting_id, case_id, notes, updated_at) VALUES (5, 1, 1, 3, 'Gesprek met moeder gepland', 'x');
      INSERT INTO audit_log (at, actor, action) VALUES ('x', 'app', 'export.minutes');`);
    await v3.close();

    const handle = await openDatabase(path);
    const { sqlite } = handle;
    expect(schemaVersion(sqlite)).toBe(migrations.length);
    const rows = () => sqlite.prepare('SELECT rowid, kind, ref_id FROM search_index ORDER BY rowid').all();
    expect(rows()).toEqual([
      { rowid: 14, kind: 'case', ref_id: 3 },
      { rowid: 23, kind: 'discussion', ref_id: 5 },
      { rowid: 29, kind: 'pupil', ref_id: 7 },
    ]);
    const match = (text: string) => sqlite.prepare('SELECT kind, ref_id FROM search_index WHERE search_index MATCH ?').all(text);
    expect(match('moeder')).toEqual([{ kind: 'discussion', ref_id: 5 }]);
    expect(sqlite.prepare('SELECT counts FROM audit_log').get()).toEqual({ counts: '{}' });

    sqlite.exec(`UPDATE case_discussion SET notes = 'Gesprek met vader' WHERE id = 5`);
    expect(match('moeder')).toEqual([]);
    expect(match('vader')).toEqual([{ kind: 'discussion', ref_id: 5 }]);
    sqlite.exec(`UPDATE pupil SET last_name = 'de Vries' WHERE id = 7`);
    expect(match('jansen')).toEqual([]);
    // Deleting the pupil cascades to the case and its discussion; each trigger removes its own row.
    sqlite.exec(`DELETE FROM pupil WHERE id = 7`);
    expect(rows()).toEqual([]);
    sqlite.exec(`INSERT INTO search_index (search_index) VALUES ('integrity-check')`);
    await handle.close();
  });
});
