import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { today, type Clock } from '../clock';
import { auditActionLabel, auditCountsText, auditEntityName } from '../i18n/auditText';
import { nl } from '../i18n/nl';
import type { FileDialogs } from '../ipc/fileDialogs';
import { csvText } from '../monitoring/csv';
import { allAudit, recordAudit, type AuditFilter } from './audit';

const BOM = '\uFEFF';

/** The filtered log as CSV for Dutch Excel: UTF-8 with BOM, ';', CRLF; moments in UTC as stored. */
export async function auditCsv(db: Kysely<DB>, filter: AuditFilter): Promise<Uint8Array> {
  const t = nl.privacy.audit;
  const entries = await allAudit(db, filter);
  const lines = [
    t.csvColumns,
    ...entries.map((entry) => [
      entry.at,
      entry.actor,
      auditActionLabel(entry.action),
      entry.action,
      auditEntityName(entry.entity),
      entry.entityId === null ? '' : String(entry.entityId),
      entry.schoolId === null ? '' : String(entry.schoolId),
      auditCountsText(entry.counts),
    ]),
  ];
  return new TextEncoder().encode(BOM + csvText(lines));
}

/** Saves the log through the save dialog; exporting the log is itself logged. */
export async function exportAudit(
  db: Kysely<DB>,
  filter: AuditFilter,
  files: FileDialogs,
  clock: Clock,
): Promise<{ fileName: string | null }> {
  const bytes = await auditCsv(db, filter);
  const fileName = await files.save(nl.privacy.audit.csvFileName(today(clock)), bytes);
  if (fileName) await recordAudit(db, { action: 'export.audit', entity: 'audit', schoolId: filter.schoolId }, clock);
  return { fileName };
}
