import type { Migration } from './types';

// What the privacy officer (FG) needs: counts in the audit log (of a purge, of
// failed unlocks) without any text, fast filtering of many entries, and
// deleting pupils and cases (retention, erasure) without scanning whole tables.

/** Search index rows get a rowid derived from their source row, so a trigger finds its row directly. */
const searchRowid = { pupil: 'id * 4 + 1', case: 'id * 4 + 2', discussion: 'id * 4 + 3' } as const;
const of = (row: 'new' | 'old', kind: keyof typeof searchRowid) => searchRowid[kind].replace('id', `${row}.id`);

const pupilValues = (row: string) => `${row}.first_name || ' ' || ${row}.last_name || ' ' || ${row}.group_name, 's' || ${row}.school_id`;
const caseValues = (row: string) => `${row}.question || ' ' || ${row}.analysis, 's' || ${row}.school_id`;
const discussionBody = (row: string) => `${row}.notes || ' ' || ${row}.summary || ' ' || ${row}.conclusions`;

const statements = [
  // Named counts only ({"cases":3,"pupils":2}): services can put numbers here, never names.
  `ALTER TABLE audit_log ADD COLUMN counts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts) AND json_type(counts) = 'object')`,
  // Newest first within a period; school and action are read from the index, not the table.
  `CREATE INDEX audit_log_at ON audit_log (at, school_id, action)`,
  // Entries about one pupil or case, for a data-subject export.
  `CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`,

  // Deleting an agenda item or discussion looks up the rows that refer to it.
  `CREATE INDEX agreement_agenda_item ON agreement (agenda_item_id)`,
  `CREATE INDEX effect_check_discussion ON effect_check (discussion_id)`,

  // The 002 triggers found their search row by kind and ref_id, which FTS5 can
  // only do by reading every row: erasing one pupil from a large file took
  // seconds. The rowid now says which row it is.
  ...['pupil', 'case', 'discussion'].flatMap((kind) =>
    ['insert', 'update', 'delete'].map((event) => `DROP TRIGGER ${kind}_search_${event}`),
  ),
  `DELETE FROM search_index`,

  `CREATE TRIGGER pupil_search_insert AFTER INSERT ON pupil BEGIN
    INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id) VALUES (${of('new', 'pupil')}, ${pupilValues('new')}, 'pupil', new.id, new.school_id);
  END`,
  `CREATE TRIGGER pupil_search_update AFTER UPDATE OF first_name, last_name, group_name ON pupil BEGIN
    DELETE FROM search_index WHERE rowid = ${of('old', 'pupil')};
    INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id) VALUES (${of('new', 'pupil')}, ${pupilValues('new')}, 'pupil', new.id, new.school_id);
  END`,
  `CREATE TRIGGER pupil_search_delete AFTER DELETE ON pupil BEGIN
    DELETE FROM search_index WHERE rowid = ${of('old', 'pupil')};
  END`,

  `CREATE TRIGGER case_search_insert AFTER INSERT ON support_case BEGIN
    INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id) VALUES (${of('new', 'case')}, ${caseValues('new')}, 'case', new.id, new.school_id);
  END`,
  `CREATE TRIGGER case_search_update AFTER UPDATE OF question, analysis ON support_case BEGIN
    DELETE FROM search_index WHERE rowid = ${of('old', 'case')};
    INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id) VALUES (${of('new', 'case')}, ${caseValues('new')}, 'case', new.id, new.school_id);
  END`,
  `CREATE TRIGGER case_search_delete AFTER DELETE ON support_case BEGIN
    DELETE FROM search_index WHERE rowid = ${of('old', 'case')};
  END`,

  `CREATE TRIGGER discussion_search_insert AFTER INSERT ON case_discussion BEGIN
    INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id)
      SELECT ${of('new', 'discussion')}, ${discussionBody('new')}, 's' || school_id, 'discussion', new.id, school_id FROM meeting WHERE id = new.meeting_id;
  END`,
  `CREATE TRIGGER discussion_search_update AFTER UPDATE OF notes, summary, conclusions ON case_discussion BEGIN
    DELETE FROM search_index WHERE rowid = ${of('old', 'discussion')};
    INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id)
      SELECT ${of('new', 'discussion')}, ${discussionBody('new')}, 's' || school_id, 'discussion', new.id, school_id FROM meeting WHERE id = new.meeting_id;
  END`,
  `CREATE TRIGGER discussion_search_delete AFTER DELETE ON case_discussion BEGIN
    DELETE FROM search_index WHERE rowid = ${of('old', 'discussion')};
  END`,

  `INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id)
    SELECT ${searchRowid.pupil}, ${pupilValues('pupil')}, 'pupil', id, school_id FROM pupil`,
  `INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id)
    SELECT ${searchRowid.case}, ${caseValues('support_case')}, 'case', id, school_id FROM support_case`,
  `INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id)
    SELECT d.id * 4 + 3, ${discussionBody('d')}, 's' || m.school_id, 'discussion', d.id, m.school_id FROM case_discussion d JOIN meeting m ON m.id = d.meeting_id`,
];

export const auditPrivacy: Migration = { name: '004_audit_privacy', statements };
