import { initial } from './001_initial';
import { chairing } from './002_chairing';
import { signing } from './003_signing';
import { auditPrivacy } from './004_audit_privacy';
import { dateOrder } from './005_date_order';
import { regio } from './006_regio';
import { parties } from './007_parties';
import { invitation } from './008_invitation';
import { certificateSha1 } from './009_certificate_sha1';
import type { Migration } from './types';

/**
 * Every migration, in order. Bundled into the app: nothing is read from disk at
 * run time. Append only; never edit or reorder a migration that has shipped.
 */
export const migrations: readonly Migration[] = [
  initial,
  chairing,
  signing,
  auditPrivacy,
  dateOrder,
  regio,
  parties,
  invitation,
  certificateSha1,
];

export type { Migration };
