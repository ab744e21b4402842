import type { Migration } from './types';

// Parents and pupil as parties (issue 18). Consent is no longer one yes/no per
// case: each parent or carer (with or without gezag) and the pupil decide,
// and which of them count depends on the pupil's age on the meeting date
// (core/services/consentGate.ts). Every decision also says how it was given
// and what it covers: discussing the case in the kernteam, and sharing the
// verslag with named partner organisations.
//
// Until now MDO recorded the parents' decision. Each case with decisions gets
// one parent party without a name ("the parents", with gezag) and every
// existing decision becomes theirs, with its date and history unchanged, and
// as covering the discussion in the kernteam (what it was recorded for).
//
// Per discussion: whether the parents were there, whether the pupil was there
// or heard, the pupil's own view, and when the ouderversie was sent to parents
// who were not there (their right to information).

const discussionBody = (row: string) => `${row}.notes || ' ' || ${row}.summary || ' ' || ${row}.conclusions || ' ' || ${row}.pupil_view`;

/** A consent row's party must be consistent: a parent decision names a parent of the same case, a pupil decision none. */
const partyCheck = (event: 'INSERT' | 'UPDATE OF party, parent_id, case_id') => `CREATE TRIGGER consent_party_${
  event === 'INSERT' ? 'insert' : 'update'
} BEFORE ${event} ON consent BEGIN
    SELECT RAISE(ABORT, 'consent party: parent decision without its parent')
      WHERE new.party = 'parent' AND NOT EXISTS (SELECT 1 FROM case_parent WHERE id = new.parent_id AND case_id = new.case_id);
    SELECT RAISE(ABORT, 'consent party: pupil decision names a parent') WHERE new.party = 'pupil' AND new.parent_id IS NOT NULL;
  END`;

const sentCheck = (event: 'insert' | 'update') => `CREATE TRIGGER case_discussion_parent_copy_${event} BEFORE ${
  event === 'insert' ? 'INSERT' : 'UPDATE OF parent_copy_sent_on, meeting_id'
} ON case_discussion BEGIN
    SELECT RAISE(ABORT, 'date order: parentCopySentBeforeMeeting')
      WHERE new.parent_copy_sent_on < (SELECT date FROM meeting WHERE id = new.meeting_id);
  END`;

const statements = [
  `CREATE TABLE case_parent (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
    name TEXT NOT NULL DEFAULT '',
    relation TEXT NOT NULL DEFAULT '',
    has_authority INTEGER NOT NULL DEFAULT 1 CHECK (has_authority IN (0, 1)),
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX case_parent_case ON case_parent (case_id)`,

  `ALTER TABLE consent ADD COLUMN party TEXT NOT NULL DEFAULT 'parent' CHECK (party IN ('parent', 'pupil'))`,
  `ALTER TABLE consent ADD COLUMN parent_id INTEGER REFERENCES case_parent(id) ON DELETE CASCADE`,
  `ALTER TABLE consent ADD COLUMN method TEXT CHECK (method IN ('oral', 'written', 'digital'))`,
  `ALTER TABLE consent ADD COLUMN covers_discussion INTEGER NOT NULL DEFAULT 1 CHECK (covers_discussion IN (0, 1))`,
  `ALTER TABLE consent ADD COLUMN share_with TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(share_with) AND json_type(share_with) = 'array')`,
  `CREATE INDEX consent_parent ON consent (parent_id)`,

  // What MDO recorded until now were the parents' decisions.
  `INSERT INTO case_parent (case_id, name, relation, has_authority, created_at)
    SELECT case_id, '', '', 1, min(created_at) FROM consent GROUP BY case_id ORDER BY case_id`,
  `UPDATE consent SET parent_id = (SELECT id FROM case_parent WHERE case_parent.case_id = consent.case_id)`,
  partyCheck('INSERT'),
  partyCheck('UPDATE OF party, parent_id, case_id'),

  `ALTER TABLE case_discussion ADD COLUMN parents_present TEXT CHECK (parents_present IN ('yes', 'invited_absent', 'not_invited'))`,
  `ALTER TABLE case_discussion ADD COLUMN parents_absent_reason TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE case_discussion ADD COLUMN pupil_participation TEXT CHECK (pupil_participation IN ('present', 'heard', 'none'))`,
  `ALTER TABLE case_discussion ADD COLUMN pupil_view TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE case_discussion ADD COLUMN parent_copy_sent_on TEXT`,
  sentCheck('insert'),
  sentCheck('update'),

  // The pupil's own view is found by search like the notes.
  `DROP TRIGGER discussion_search_insert`,
  `DROP TRIGGER discussion_search_update`,
  `CREATE TRIGGER discussion_search_insert AFTER INSERT ON case_discussion BEGIN
    INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id)
      SELECT new.id * 4 + 3, ${discussionBody('new')}, 's' || school_id, 'discussion', new.id, school_id FROM meeting WHERE id = new.meeting_id;
  END`,
  `CREATE TRIGGER discussion_search_update AFTER UPDATE OF notes, summary, conclusions, pupil_view ON case_discussion BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 4 + 3;
    INSERT INTO search_index (rowid, body, scope, kind, ref_id, school_id)
      SELECT new.id * 4 + 3, ${discussionBody('new')}, 's' || school_id, 'discussion', new.id, school_id FROM meeting WHERE id = new.meeting_id;
  END`,
];

export const parties: Migration = { name: '007_parties', statements };
