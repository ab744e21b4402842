import type { Migration } from './types';

// Word (the Windows certificate dialog's "Vingerafdruk") and LibreOffice 7.4
// ("Controlegetal SHA1") show a certificate's SHA-1 fingerprint, never its
// SHA-256. A recipient compares that with what the IB gave once, so the IB must
// be able to read it in MDO before signing. The certificate itself is sealed in
// the passphrase-protected .p12: a certificate stored before this migration gets
// its SHA-1 the first time it is unlocked (to sign); new ones get it when made or
// imported.

const statements = [`ALTER TABLE certificate ADD COLUMN fingerprint_sha1 TEXT`];

export const certificateSha1: Migration = { name: '009_certificate_sha1', statements };
