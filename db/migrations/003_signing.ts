import type { Migration } from './types';

// Signing certificates and the signers a finalized verslag names in its signature block.
const statements = [
  // The .p12 stays encrypted with its own passphrase; only the public facts are columns.
  `CREATE TABLE certificate (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    member_id INTEGER REFERENCES member(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation TEXT NOT NULL,
    issuer TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    not_before TEXT NOT NULL,
    not_after TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('created', 'imported')),
    p12 BLOB NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (school_id, fingerprint)
  ) STRICT`,
  `CREATE INDEX certificate_member ON certificate (member_id)`,

  // Declared when the verslag is finalized: the block in the document shows them, then each signs in turn.
  `CREATE TABLE minutes_signer (
    minutes_id INTEGER NOT NULL REFERENCES minutes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    meeting_role TEXT NOT NULL CHECK (meeting_role IN ('chair', 'minuteTaker')),
    certificate_id INTEGER NOT NULL REFERENCES certificate(id),
    PRIMARY KEY (minutes_id, position)
  ) STRICT`,
  `CREATE INDEX signature_minutes ON signature (minutes_id)`,
];

export const signing: Migration = { name: '003_signing', statements };
