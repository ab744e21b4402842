import type { Migration } from './types';

// The invitation to a meeting as an iCalendar file (issue 19). A calendar
// recognises a re-sent invitation by its UID and takes it as newer when its
// SEQUENCE is higher, so each meeting keeps the UID of its first invitation
// and the sequence it was last sent with. The hash is of the event's content
// as last exported: only a changed meeting gets a higher sequence, and sending
// the same again is harmless. All three stay empty until the first invitation.

const statements = [
  `ALTER TABLE meeting ADD COLUMN invitation_uid TEXT`,
  `CREATE UNIQUE INDEX meeting_invitation_uid ON meeting (invitation_uid)`,
  `ALTER TABLE meeting ADD COLUMN invitation_sequence INTEGER NOT NULL DEFAULT 0 CHECK (invitation_sequence >= 0)`,
  `ALTER TABLE meeting ADD COLUMN invitation_hash TEXT`,
];

export const invitation: Migration = { name: '008_invitation', statements };
