import os from 'node:os';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso, type Clock } from '../clock';

/**
 * Every kind of entry the audit log knows. Entries say who, when, what kind
 * and which record (by id); numbers go into `counts`. There is no free-text
 * field, so no name or note can end up in the log.
 */
export const auditActions = [
  'session.open',
  'session.unlock_failed',
  'session.lock',
  'session.recover',
  'session.change_passphrase',
  'session.remember_on',
  'session.remember_off',
  'database.encrypt',
  'backup.create',
  'backup.restore',
  'backup.folder',
  'export.minutes',
  'export.parent',
  'export.dossier',
  'export.minutes.signed',
  'export.parent.signed',
  'export.dossier.signed',
  'export.invitation',
  'export.agenda',
  'export.agenda.signed',
  'export.actions',
  'export.actions.signed',
  'export.monitoring',
  'export.regio',
  'export.pupil.docx',
  'export.pupil.json',
  'export.audit',
  'minutes.finalize',
  'minutes.correction',
  'minutes.sign',
  'certificate.create',
  'certificate.import',
  'regio.certificate',
  'consent.record',
  'consent.safety_concern',
  'consent.parent_add',
  'consent.parent_update',
  'consent.parent_remove',
  'retention.set',
  'retention.purge',
  'pupil.erase',
  'region.create',
  'region.schools_import',
  'region.school_add',
  'region.school_remove',
  'region.area_remove',
  'region.contributions_import',
  'region.signer_accept',
  'region.signer_remove',
  'region.key_create',
  'region.key_import',
  'export.region_certificate',
  'export.region_key',
] as const;

export type AuditAction = (typeof auditActions)[number];

/** What the privacy officer filters on: groups of actions by their first word. */
export const auditKinds = {
  session: ['session', 'database', 'backup'],
  export: ['export'],
  minutes: ['minutes', 'certificate', 'regio'],
  consent: ['consent'],
  erasure: ['retention', 'pupil'],
  region: ['region'],
} as const satisfies Record<string, readonly string[]>;

export type AuditKind = keyof typeof auditKinds;

/** The record an entry is about; `entity` names its table in English ('case', 'meeting', 'school'…). */
export interface AuditEntry {
  action: AuditAction;
  entity?: string;
  entityId?: number | null;
  schoolId?: number | null;
  /** Named numbers such as { cases: 3, pupils: 2 }: only numbers, so never personal data. */
  counts?: Record<string, number>;
}

let actor: string | undefined;

/**
 * Who did it: the computer account MDO runs under (the Windows or macOS
 * login). MDO has no user accounts of its own; the account is what the
 * school's IT can trace back to a person.
 */
export function auditActor(): string {
  if (actor === undefined) {
    try {
      actor = os.userInfo().username || 'app';
    } catch {
      actor = 'app';
    }
  }
  return actor;
}

/** Appends one entry. Call it inside the transaction of the change it records, so both commit or neither. */
export async function recordAudit(db: Kysely<DB>, entry: AuditEntry, clock: Clock): Promise<void> {
  for (const [name, value] of Object.entries(entry.counts ?? {})) {
    if (!Number.isFinite(value)) throw new Error(`audit count ${name} is not a number`);
  }
  await db
    .insertInto('auditLog')
    .values({
      at: nowIso(clock),
      actor: auditActor(),
      action: entry.action,
      entity: entry.entity ?? '',
      entityId: entry.entityId ?? null,
      schoolId: entry.schoolId ?? null,
      counts: JSON.stringify(entry.counts ?? {}),
    })
    .execute();
}

/**
 * Wrong passphrases before the database could be opened, as one entry with
 * their number. The unlock screen calls this once the database is open.
 */
export async function recordUnlockFailures(db: Kysely<DB>, count: number, clock: Clock): Promise<void> {
  if (count <= 0) return;
  await recordAudit(db, { action: 'session.unlock_failed', entity: 'session', counts: { attempts: count } }, clock);
}

/** A backup was put back in place of the database; call it on the restored database once it is open. */
export async function recordRestore(db: Kysely<DB>, clock: Clock, counts: Record<string, number> = {}): Promise<void> {
  await recordAudit(db, { action: 'backup.restore', entity: 'backup', counts }, clock);
}

export interface AuditFilter {
  schoolId: number;
  kind: AuditKind | null;
  /** 'YYYY-MM-DD', inclusive; compared with the UTC moment of the entry. */
  from: string | null;
  to: string | null;
}

function matches(filter: AuditFilter) {
  return (eb: ExpressionBuilder<DB, 'auditLog'>) => {
    // This school's entries and those of the installation as a whole (opening, unlocking, restoring).
    const conditions: Expression<SqlBool>[] = [eb(eb.fn.coalesce('schoolId', eb.val(filter.schoolId)), '=', filter.schoolId)];
    if (filter.kind) {
      conditions.push(eb.or(auditKinds[filter.kind].flatMap((prefix) => [eb('action', '=', prefix), eb('action', 'like', `${prefix}.%`)])));
    }
    if (filter.from) conditions.push(eb('at', '>=', filter.from));
    if (filter.to) conditions.push(eb('at', '<', sql<string>`date(${filter.to}, '+1 day')`));
    return eb.and(conditions);
  };
}

const entryColumns = ['id', 'at', 'actor', 'action', 'entity', 'entityId', 'schoolId', 'counts'] as const;

function parseEntry<T extends { counts: string }>(row: T): Omit<T, 'counts'> & { counts: Record<string, number> } {
  return { ...row, counts: JSON.parse(row.counts) as Record<string, number> };
}

/** One page of the log, newest first (by time, then by order of recording), with the total that matches the filter. */
export async function listAudit(db: Kysely<DB>, filter: AuditFilter & { page: number; pageSize: number }) {
  const where = matches(filter);
  const { total } = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(where)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('auditLog')
    .select(entryColumns)
    .where(where)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), page: filter.page, pageSize: filter.pageSize, entries: rows.map(parseEntry) };
}

/** Every entry that matches, newest first: for the CSV export. */
export async function allAudit(db: Kysely<DB>, filter: AuditFilter) {
  const rows = await db
    .selectFrom('auditLog')
    .select(entryColumns)
    .where(matches(filter))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(parseEntry);
}

/**
 * Entries about these records (a pupil and their cases), oldest first. SQLite
 * may give a deleted record's id to a new one, so only entries from the
 * moment the record was created (`since`) count.
 */
export async function auditAbout(db: Kysely<DB>, records: { entity: string; id: number; since: string }[]) {
  if (records.length === 0) return [];
  const rows = await db
    .selectFrom('auditLog')
    .select(entryColumns)
    .where((eb) =>
      eb.or(
        records.map((record) => eb.and([eb('entity', '=', record.entity), eb('entityId', '=', record.id), eb('at', '>=', record.since)])),
      ),
    )
    .orderBy('id')
    .execute();
  return rows.map(parseEntry);
}
