import type { Migration } from './types';

// The regiomonitor. A school database gets its own key to sign its
// contributions; a region database (a file with one row in `region` and no
// schools) holds the coordinator's key, the region's schools and gebieden,
// the signers it trusts and every contribution it read. Contributions are kept
// decrypted (the database itself is encrypted) so the report needs no key.
const statements = [
  // School side: a key pair per school, made on first export, that signs its contributions.
  `CREATE TABLE contribution_key (
    school_id INTEGER PRIMARY KEY REFERENCES school(id) ON DELETE CASCADE,
    certificate_pem TEXT NOT NULL,
    private_key_pem TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,

  // Region side.
  `CREATE TABLE region (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at TEXT NOT NULL
  ) STRICT`,
  // The coordinator's key pairs; contributions are encrypted for the active one, older ones stay to read late files.
  `CREATE TABLE region_key (
    id INTEGER PRIMARY KEY,
    certificate_pem TEXT NOT NULL,
    private_key_pem TEXT NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    not_after TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE region_area (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE region_school (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    area_id INTEGER REFERENCES region_area(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  `CREATE INDEX region_school_area ON region_school (area_id)`,
  // A signer becomes trusted only when the coordinator confirms its fingerprint for a school.
  `CREATE TABLE region_signer (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    region_school_id INTEGER NOT NULL REFERENCES region_school(id) ON DELETE CASCADE,
    accepted_at TEXT NOT NULL
  ) STRICT`,
  // One row per file read. A newer file for the same school and period replaces the older, which stays as history.
  `CREATE TABLE contribution (
    id INTEGER PRIMARY KEY,
    region_school_id INTEGER NOT NULL REFERENCES region_school(id) ON DELETE CASCADE,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL CHECK (period_to >= period_from),
    format_version INTEGER NOT NULL,
    content TEXT NOT NULL,
    file_sha256 TEXT NOT NULL UNIQUE,
    signer_fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    replaced_by_id INTEGER REFERENCES contribution(id) ON DELETE SET NULL
  ) STRICT`,
  `CREATE INDEX contribution_school_period ON contribution (region_school_id, period_from, period_to)`,
];

export const regio: Migration = { name: '006_regio', statements };
