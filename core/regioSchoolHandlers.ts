import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { today } from './clock';
import { AppError } from './errors';
import type { Handlers } from './ipc/router';
import { suggestedPeriods } from './regio/periods';
import { getSchool } from './services/schools';
import { contributionKeyFingerprint, contributionPreview, exportContribution } from './services/regioExport';
import { clearRegionCertificate, regionRecipient, setRegionCertificate, type RegionRecipient } from './services/regioRecipient';

// The school's side of the regiomonitor (core/contract/regioSchool.ts). Thin, as core/handlers.ts.

type RegioSchoolChannel = Extract<keyof Handlers, `regio.${string}`>;

/** The recipient as the screens get it: whether IT's policy fixes it, said in so many words. */
const shown = (recipient: RegionRecipient | null) => recipient && { ...recipient, fixedByPolicy: recipient.source === 'policy' };

/** The school must exist: a setting or an audit entry for a school that does not is never written. */
async function schoolDb(db: Kysely<DB>, schoolId: number): Promise<Kysely<DB>> {
  await getSchool(db, schoolId);
  return db;
}

export const regioSchoolHandlers: { [C in RegioSchoolChannel]: Handlers[C] } = {
  'regio.recipient': async ({ schoolId }, { session, policy, clock }) =>
    shown(await regionRecipient(await schoolDb(session.db(), schoolId), schoolId, policy, clock)),
  'regio.chooseRecipient': async ({ schoolId }, { session, files, policy, clock }) => {
    const db = await schoolDb(session.db(), schoolId);
    // Fixed by IT: refused before the dialog opens, not after the IB chose a file.
    if (policy.regionCertificatePem) throw new AppError('POLICY', 'regionCertificate');
    const file = await files.open('regionCertificate');
    return file && shown(await setRegionCertificate(db, schoolId, file.bytes, policy, clock));
  },
  'regio.clearRecipient': async ({ schoolId }, { session, policy, clock }) => (
    await clearRegionCertificate(await schoolDb(session.db(), schoolId), schoolId, policy, clock),
    null
  ),
  'regio.schoolKey': async ({ schoolId }, { session }) => {
    const fingerprint = await contributionKeyFingerprint(await schoolDb(session.db(), schoolId), schoolId);
    return fingerprint === null ? null : { fingerprint };
  },
  'regio.periods': (_input, { session, clock }) => {
    // Needs no data, yet like every screen only while the database is unlocked.
    session.db();
    return suggestedPeriods(today(clock));
  },
  'regio.preview': async (request, { session, policy, clock, appVersion }) => {
    const preview = await contributionPreview(session.db(), request, policy, clock, appVersion);
    return { ...preview, recipient: shown(preview.recipient) };
  },
  'regio.export': async (request, { session, files, policy, clock, appVersion }) =>
    exportContribution(await schoolDb(session.db(), request.schoolId), request, files, policy, clock, appVersion),
};
