import type { Migration } from './types';

// What running and closing a meeting needs beyond the first model, and the
// full-text index for global search (pupils, cases, discussion notes).
const statements = [
  `ALTER TABLE meeting ADD COLUMN open_questions TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE support_case ADD COLUMN closed_reason TEXT`,
  // Discussed without name (no consent yet): the agenda and documents show no identity.
  `ALTER TABLE agenda_item ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1))`,

  // One row per searchable text; kind + ref_id point back to the source row.
  // scope holds 's<school id>': matching it first keeps ranking to one school's rows.
  `CREATE VIRTUAL TABLE search_index USING fts5(
    body,
    scope,
    kind UNINDEXED,
    ref_id UNINDEXED,
    school_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
  )`,

  `CREATE TRIGGER pupil_search_insert AFTER INSERT ON pupil BEGIN
    INSERT INTO search_index (body, scope, kind, ref_id, school_id) VALUES (new.first_name || ' ' || new.last_name || ' ' || new.group_name, 's' || new.school_id, 'pupil', new.id, new.school_id);
  END`,
  `CREATE TRIGGER pupil_search_update AFTER UPDATE OF first_name, last_name, group_name ON pupil BEGIN
    DELETE FROM search_index WHERE kind = 'pupil' AND ref_id = old.id;
    INSERT INTO search_index (body, scope, kind, ref_id, school_id) VALUES (new.first_name || ' ' || new.last_name || ' ' || new.group_name, 's' || new.school_id, 'pupil', new.id, new.school_id);
  END`,
  `CREATE TRIGGER pupil_search_delete AFTER DELETE ON pupil BEGIN
    DELETE FROM search_index WHERE kind = 'pupil' AND ref_id = old.id;
  END`,

  `CREATE TRIGGER case_search_insert AFTER INSERT ON support_case BEGIN
    INSERT INTO search_index (body, scope, kind, ref_id, school_id) VALUES (new.question || ' ' || new.analysis, 's' || new.school_id, 'case', new.id, new.school_id);
  END`,
  `CREATE TRIGGER case_search_update AFTER UPDATE OF question, analysis ON support_case BEGIN
    DELETE FROM search_index WHERE kind = 'case' AND ref_id = old.id;
    INSERT INTO search_index (body, scope, kind, ref_id, school_id) VALUES (new.question || ' ' || new.analysis, 's' || new.school_id, 'case', new.id, new.school_id);
  END`,
  `CREATE TRIGGER case_search_delete AFTER DELETE ON support_case BEGIN
    DELETE FROM search_index WHERE kind = 'case' AND ref_id = old.id;
  END`,

  `CREATE TRIGGER discussion_search_insert AFTER INSERT ON case_discussion BEGIN
    INSERT INTO search_index (body, scope, kind, ref_id, school_id)
      SELECT new.notes || ' ' || new.summary || ' ' || new.conclusions, 's' || school_id, 'discussion', new.id, school_id FROM meeting WHERE id = new.meeting_id;
  END`,
  `CREATE TRIGGER discussion_search_update AFTER UPDATE OF notes, summary, conclusions ON case_discussion BEGIN
    DELETE FROM search_index WHERE kind = 'discussion' AND ref_id = old.id;
    INSERT INTO search_index (body, scope, kind, ref_id, school_id)
      SELECT new.notes || ' ' || new.summary || ' ' || new.conclusions, 's' || school_id, 'discussion', new.id, school_id FROM meeting WHERE id = new.meeting_id;
  END`,
  `CREATE TRIGGER discussion_search_delete AFTER DELETE ON case_discussion BEGIN
    DELETE FROM search_index WHERE kind = 'discussion' AND ref_id = old.id;
  END`,

  // Rows that existed before this migration.
  `INSERT INTO search_index (body, scope, kind, ref_id, school_id)
    SELECT first_name || ' ' || last_name || ' ' || group_name, 's' || school_id, 'pupil', id, school_id FROM pupil`,
  `INSERT INTO search_index (body, scope, kind, ref_id, school_id)
    SELECT question || ' ' || analysis, 's' || school_id, 'case', id, school_id FROM support_case`,
  `INSERT INTO search_index (body, scope, kind, ref_id, school_id)
    SELECT d.notes || ' ' || d.summary || ' ' || d.conclusions, 's' || m.school_id, 'discussion', d.id, m.school_id FROM case_discussion d JOIN meeting m ON m.id = d.meeting_id`,
];

export const chairing: Migration = { name: '002_chairing', statements };
