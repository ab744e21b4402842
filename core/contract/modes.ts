import type { Channel } from './contract';

/*
 * Which kind of database file each channel works on. A school's database holds
 * pupils and cases; a region database (one row in `region`) holds only the
 * coordinator's schools, gebieden and contributions. The router refuses a channel
 * on the other kind with WRONG_DATABASE before its handler runs, so no handler
 * needs to check it.
 */

export type DatabaseKind = 'school' | 'region';

/** Channels that work on either kind: the app, the session, backups, the audit log, and what needs no data at all. */
const eitherKind = new Set<Channel>([
  'app.info',
  'setup.start',
  'session.unlock',
  'session.recover',
  'session.lock',
  'session.changePassphrase',
  'session.remember',
  'session.setLockMinutes',
  'backups.overview',
  'backups.progress',
  'backups.create',
  'backups.verify',
  'backups.chooseFolder',
  'backups.resetFolder',
  'backups.restore',
  'audit.list',
  'audit.export',
  // Reads a signed file the user chooses; nothing of the database.
  'documents.verify',
  // Draws charts from the tables it is given: the region's report uses it too.
  'monitoring.charts',
  'projector.close',
]);

/** The kind of database a channel needs, or null when either will do. */
export function channelKind(channel: Channel): DatabaseKind | null {
  if (eitherKind.has(channel)) return null;
  return channel.startsWith('region.') ? 'region' : 'school';
}
