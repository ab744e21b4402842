import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** The database file and its -wal as they are on disk: where deleted data could still linger. */
export function bytesOnDisk(dbPath: string): Buffer {
  const parts = [fs.readFileSync(dbPath)];
  if (fs.existsSync(`${dbPath}-wal`)) parts.push(fs.readFileSync(`${dbPath}-wal`));
  return Buffer.concat(parts);
}

/** Needles (text as UTF-8, or raw bytes) that occur in the bytes. */
export function found(bytes: Buffer, needles: readonly (string | Uint8Array)[]): (string | Uint8Array)[] {
  return needles.filter((needle) => bytes.includes(typeof needle === 'string' ? Buffer.from(needle, 'utf8') : Buffer.from(needle)));
}

/** Short pieces from all over a blob (every `step` bytes): a stored DOCX is compressed, so its text cannot be searched for. */
export function slices(blob: Uint8Array, step = 512, length = 40): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let start = 64; start + length < blob.length; start += step) out.push(blob.slice(start, start + length));
  return out;
}

/**
 * What must be gone from the file once these cases and pupils are erased: their
 * names and texts (those that no kept record also holds) and pieces of every
 * stored verslag and signed copy of the meetings that discussed them.
 */
export async function personalNeedles(db: Kysely<DB>, caseIds: number[], pupilIds: number[], meetingIds: number[]) {
  const pupils = await db.selectFrom('pupil').select(['firstName', 'lastName']).where('id', 'in', pupilIds).execute();
  const cases = await db.selectFrom('supportCase').select(['question']).where('id', 'in', caseIds).execute();
  const discussions = await db
    .selectFrom('caseDiscussion')
    .select(['notes', 'summary', 'pupilView', 'parentsAbsentReason'])
    .where('caseId', 'in', caseIds)
    .execute();
  const candidates = [
    ...pupils.flatMap((pupil) => [`${pupil.firstName} ${pupil.lastName}`, `${pupil.firstName}${pupil.lastName}`]),
    ...cases.map((row) => row.question),
    ...discussions.flatMap((row) => [row.notes, row.summary, row.pupilView, row.parentsAbsentReason]),
  ];
  // Text that a kept record also holds (a shared first name, a template sentence) may stay.
  // The kept values as they are, not as JSON: JSON would escape the line breaks of a multi-line note.
  const kept = [
    await db.selectFrom('pupil').select(['firstName', 'lastName', 'groupName']).where('id', 'not in', pupilIds).execute(),
    await db.selectFrom('supportCase').select(['question', 'analysis']).where('id', 'not in', caseIds).execute(),
    await db
      .selectFrom('caseDiscussion')
      .select(['notes', 'summary', 'conclusions', 'pupilView', 'parentsAbsentReason'])
      .where('caseId', 'not in', caseIds)
      .execute(),
    await db
      .selectFrom('pupil')
      .select([sql<string>`first_name || ' ' || last_name`.as('name'), sql<string>`first_name || last_name`.as('record')])
      .where('id', 'not in', pupilIds)
      .execute(),
  ]
    .flat()
    .flatMap((row) => Object.values(row))
    .join('\u0000');
  const texts = [...new Set(candidates)].filter((text) => text.length >= 8 && !kept.includes(text));
  const minutes = await db
    .selectFrom('minutes')
    .select(['id', 'docx'])
    .where('meetingId', 'in', meetingIds)
    .where('docx', 'is not', null)
    .execute();
  const signed =
    minutes.length === 0
      ? []
      : await db
          .selectFrom('signature')
          .select('signedDocx')
          .where(
            'minutesId',
            'in',
            minutes.map((row) => row.id),
          )
          .execute();
  // Parts every verslag shares (styles, fonts table) compress to the same bytes in the verslagen that stay.
  const keptBlobs = Buffer.concat([
    ...(await db.selectFrom('minutes').select('docx').where('meetingId', 'not in', meetingIds).where('docx', 'is not', null).execute()).map(
      (row) => Buffer.from(row.docx!),
    ),
  ]);
  const blobs = [...minutes.map((row) => row.docx!), ...signed.map((row) => row.signedDocx)]
    .flatMap((blob) => slices(blob))
    .filter((piece) => !keptBlobs.includes(Buffer.from(piece)));
  return { texts, blobs, documents: minutes.length + signed.length };
}
