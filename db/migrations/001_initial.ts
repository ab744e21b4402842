import type { Migration } from './types';

// The whole data model of DESIGN.md. Dates are ISO 'YYYY-MM-DD' text, moments
// ISO-8601 UTC text: both sort correctly and survive JSON and IPC unchanged.
const statements = [
  `CREATE TABLE school (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    brin TEXT,
    city TEXT,
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at TEXT NOT NULL
  ) STRICT`,

  `CREATE TABLE role (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    code TEXT,
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (school_id, name)
  ) STRICT`,

  `CREATE TABLE member (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    role_id INTEGER NOT NULL REFERENCES role(id),
    name TEXT NOT NULL,
    organisation TEXT,
    email TEXT,
    phone TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    joined_on TEXT,
    left_on TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX member_school ON member(school_id, active)`,

  `CREATE TABLE pupil (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    date_of_birth TEXT NOT NULL,
    group_name TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX pupil_school ON pupil(school_id, last_name)`,

  `CREATE TABLE theme (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    code TEXT,
    name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (school_id, name)
  ) STRICT`,

  `CREATE TABLE support_case (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    pupil_id INTEGER NOT NULL REFERENCES pupil(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    analysis TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('registered', 'active', 'closed')),
    registered_on TEXT NOT NULL,
    first_discussed_on TEXT,
    effect_due_on TEXT,
    closed_on TEXT,
    safety_concern_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX support_case_school ON support_case(school_id, status)`,
  `CREATE INDEX support_case_pupil ON support_case(pupil_id)`,

  `CREATE TABLE case_theme (
    case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES theme(id),
    PRIMARY KEY (case_id, theme_id)
  ) STRICT, WITHOUT ROWID`,

  `CREATE TABLE consent (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('given', 'refused', 'withdrawn')),
    scope TEXT NOT NULL DEFAULT '',
    recorded_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX consent_case ON consent(case_id, recorded_on)`,

  `CREATE TABLE case_lead (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES member(id),
    started_on TEXT NOT NULL,
    ended_on TEXT,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX case_lead_case ON case_lead(case_id, ended_on)`,
  // Exactly one active trekker per case: enforced by the database, not by hope.
  `CREATE UNIQUE INDEX case_lead_one_active ON case_lead(case_id) WHERE ended_on IS NULL`,

  `CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    chair_id INTEGER REFERENCES member(id),
    minute_taker_id INTEGER REFERENCES member(id),
    status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'held', 'finalized', 'cancelled')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX meeting_school_date ON meeting(school_id, date)`,

  `CREATE TABLE presence (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES member(id),
    invited INTEGER NOT NULL DEFAULT 1 CHECK (invited IN (0, 1)),
    status TEXT CHECK (status IN ('present', 'absent', 'excused')),
    PRIMARY KEY (meeting_id, member_id)
  ) STRICT, WITHOUT ROWID`,

  `CREATE TABLE agenda_item (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('case', 'general')),
    case_id INTEGER REFERENCES support_case(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    planned_minutes INTEGER NOT NULL DEFAULT 10,
    spent_seconds INTEGER NOT NULL DEFAULT 0,
    CHECK ((kind = 'case') = (case_id IS NOT NULL))
  ) STRICT`,
  `CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position)`,
  `CREATE INDEX agenda_item_case ON agenda_item(case_id)`,

  `CREATE TABLE case_discussion (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL UNIQUE REFERENCES agenda_item(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
    notes TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    conclusions TEXT NOT NULL DEFAULT '',
    discussed_by_name INTEGER NOT NULL DEFAULT 1 CHECK (discussed_by_name IN (0, 1)),
    updated_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX case_discussion_case ON case_discussion(case_id)`,

  `CREATE TABLE agreement (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    case_id INTEGER REFERENCES support_case(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    description TEXT NOT NULL,
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('member', 'parents', 'pupil', 'staff')),
    owner_member_id INTEGER REFERENCES member(id),
    owner_name TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL,
    original_due_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'not_done')),
    postponements INTEGER NOT NULL DEFAULT 0,
    completed_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((owner_kind = 'member') = (owner_member_id IS NOT NULL))
  ) STRICT`,
  `CREATE INDEX agreement_school_status ON agreement(school_id, status, due_on)`,
  `CREATE INDEX agreement_case ON agreement(case_id)`,
  `CREATE INDEX agreement_meeting ON agreement(meeting_id)`,

  `CREATE TABLE effect_check (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
    discussion_id INTEGER REFERENCES case_discussion(id) ON DELETE SET NULL,
    result TEXT NOT NULL CHECK (result IN ('yes', 'partly', 'no')),
    note TEXT NOT NULL DEFAULT '',
    checked_on TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX effect_check_case ON effect_check(case_id)`,

  `CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('success_factor', 'obstacle')),
    name TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (school_id, kind, name)
  ) STRICT`,

  `CREATE TABLE discussion_tag (
    discussion_id INTEGER NOT NULL REFERENCES case_discussion(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag(id),
    PRIMARY KEY (discussion_id, tag_id)
  ) STRICT, WITHOUT ROWID`,

  `CREATE TABLE minutes (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'finalized')),
    correction_reason TEXT NOT NULL DEFAULT '',
    docx BLOB,
    sha256 TEXT,
    finalized_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (meeting_id, version)
  ) STRICT`,

  `CREATE TABLE signature (
    id INTEGER PRIMARY KEY,
    minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
    member_id INTEGER REFERENCES member(id),
    signer_name TEXT NOT NULL,
    signer_role TEXT NOT NULL,
    certificate_sha256 TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    signed_docx BLOB NOT NULL,
    sha256 TEXT NOT NULL
  ) STRICT`,

  // Append-only by trigger: the audit trail is evidence, so nobody rewrites it.
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    entity_id INTEGER,
    school_id INTEGER
  ) STRICT`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,

  `CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT`,
];

export const initial: Migration = {
  name: '001_initial',
  statements,
};
