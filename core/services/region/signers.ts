import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { recordAudit } from '../audit';

/** The signer keys the region trusts, by school name, each with the school it belongs to. */
export function listSigners(db: Kysely<DB>) {
  return db
    .selectFrom('regionSigner')
    .innerJoin('regionSchool', 'regionSchool.id', 'regionSigner.regionSchoolId')
    .select([
      'regionSigner.id',
      'regionSigner.fingerprint',
      'regionSigner.subject',
      'regionSigner.regionSchoolId',
      'regionSchool.name as schoolName',
      'regionSigner.acceptedAt',
    ])
    .orderBy('regionSchool.name')
    .orderBy('regionSigner.acceptedAt')
    .execute();
}

/** Stops trusting a key (accepted by mistake, or lost by the school): its contributions already read stay. */
export async function removeSigner(db: Kysely<DB>, signerId: number, clock: Clock): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const signer = await trx.selectFrom('regionSigner').select('regionSchoolId').where('id', '=', signerId).executeTakeFirst();
    if (!signer) throw new AppError('NOT_FOUND', 'signer');
    await trx.deleteFrom('regionSigner').where('id', '=', signerId).execute();
    await recordAudit(trx, { action: 'region.signer_remove', entity: 'regionSchool', entityId: signer.regionSchoolId }, clock);
  });
}
