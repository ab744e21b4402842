import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { nowIso, type Clock } from '../../clock';
import { AppError } from '../../errors';
import type { ReadContribution } from '../../regio/contributionFile';
import { recordAudit } from '../audit';
import { insertRegionSchool } from './regionSchools';

/** What became of one decrypted and verified contribution. */
export type StoreOutcome =
  /** The first for its school and period. */
  | { outcome: 'stored'; contributionId: number; regionSchoolId: number; schoolName: string }
  /** Newer than the current one for its school and period, which is kept as history. */
  | { outcome: 'replaced'; contributionId: number; regionSchoolId: number; schoolName: string }
  /** Older than the current one: kept as history, replaced from the start. */
  | { outcome: 'older'; contributionId: number; regionSchoolId: number; schoolName: string }
  /** The same file was read before: nothing stored. */
  | { outcome: 'duplicate'; regionSchoolId: number; schoolName: string }
  /** Signed by a key the region does not trust yet: nothing stored. */
  | { outcome: 'unknownSigner'; fingerprint: string; subject: string; schoolName: string };

/**
 * Stores a contribution for the school its trusted signer belongs to (never the
 * school the file names), keeping every older file for the same school and
 * period as history. One transaction; nothing stored for a duplicate or an
 * unknown signer.
 */
export async function storeContribution(db: Kysely<DB>, read: ReadContribution, clock: Clock): Promise<StoreOutcome> {
  const { contribution } = read;
  return db.transaction().execute(async (trx) => {
    const seen = await trx
      .selectFrom('contribution')
      .innerJoin('regionSchool', 'regionSchool.id', 'contribution.regionSchoolId')
      .select(['regionSchool.id', 'regionSchool.name'])
      .where('contribution.fileSha256', '=', read.fileSha256)
      .executeTakeFirst();
    if (seen) return { outcome: 'duplicate', regionSchoolId: seen.id, schoolName: seen.name };
    const signer = await trx
      .selectFrom('regionSigner')
      .innerJoin('regionSchool', 'regionSchool.id', 'regionSigner.regionSchoolId')
      .select(['regionSchool.id', 'regionSchool.name'])
      .where('regionSigner.fingerprint', '=', read.signer.fingerprint)
      .executeTakeFirst();
    if (!signer)
      return {
        outcome: 'unknownSigner',
        fingerprint: read.signer.fingerprint,
        subject: read.signer.subject,
        schoolName: contribution.school.name,
      };
    const current = await trx
      .selectFrom('contribution')
      .select(['id', 'createdAt'])
      .where('regionSchoolId', '=', signer.id)
      .where('periodFrom', '=', contribution.period.from)
      .where('periodTo', '=', contribution.period.to)
      .where('replacedById', 'is', null)
      .executeTakeFirst();
    // The later moment of making wins; on a tie the file read first stays current.
    const newer = !current || Date.parse(contribution.createdAt) > Date.parse(current.createdAt);
    const { id } = await trx
      .insertInto('contribution')
      .values({
        regionSchoolId: signer.id,
        periodFrom: contribution.period.from,
        periodTo: contribution.period.to,
        formatVersion: contribution.formatVersion,
        content: JSON.stringify(contribution),
        fileSha256: read.fileSha256,
        signerFingerprint: read.signer.fingerprint,
        // One spelling of the moment (the file may give fewer decimals), so the column sorts in time order.
        createdAt: new Date(contribution.createdAt).toISOString(),
        receivedAt: nowIso(clock),
        replacedById: newer ? null : current.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (current && newer) await trx.updateTable('contribution').set({ replacedById: id }).where('id', '=', current.id).execute();
    return {
      outcome: !current ? 'stored' : newer ? 'replaced' : 'older',
      contributionId: id,
      regionSchoolId: signer.id,
      schoolName: signer.name,
    };
  });
}

export type SignerChoice =
  | { fingerprint: string; subject: string; regionSchoolId: number }
  | { fingerprint: string; subject: string; newSchoolName: string; areaId?: number | null };

/**
 * Trusts a signer's key for a school, after the coordinator compared its
 * fingerprint with the school's; a new school is registered on the way. A key
 * trusted for another school is refused (CONFLICT); for the same school it is a no-op.
 */
export async function acceptSigner(db: Kysely<DB>, choice: SignerChoice, clock: Clock): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('regionSigner')
      .select('regionSchoolId')
      .where('fingerprint', '=', choice.fingerprint)
      .executeTakeFirst();
    if (known && 'regionSchoolId' in choice && known.regionSchoolId === choice.regionSchoolId) return known.regionSchoolId;
    if (known) throw new AppError('CONFLICT', 'signer trusted for another school');
    let regionSchoolId: number;
    if ('regionSchoolId' in choice) {
      const school = await trx.selectFrom('regionSchool').select('id').where('id', '=', choice.regionSchoolId).executeTakeFirst();
      if (!school) throw new AppError('NOT_FOUND', 'region school');
      regionSchoolId = school.id;
    } else regionSchoolId = await insertRegionSchool(trx, { name: choice.newSchoolName, areaId: choice.areaId ?? null }, clock);
    await trx
      .insertInto('regionSigner')
      .values({ fingerprint: choice.fingerprint, subject: choice.subject, regionSchoolId, acceptedAt: nowIso(clock) })
      .execute();
    await recordAudit(trx, { action: 'region.signer_accept', entity: 'regionSchool', entityId: regionSchoolId }, clock);
    return regionSchoolId;
  });
}
