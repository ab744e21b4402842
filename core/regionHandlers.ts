import type { Channel } from './contract/contract';
import type { Context } from './ipc/context';
import type { Handlers } from './ipc/router';
import { readContributionFile } from './regio/contributionFile';
import { addArea, listAreas, removeArea, renameArea } from './services/region/areas';
import {
  createRegionKey,
  exportRegionCertificate,
  exportRegionKey,
  importRegionKey,
  listRegionKeys,
  regionIdentities,
} from './services/region/coordinatorKey';
import { acceptPending, dismissPending, importContributions, listPending } from './services/region/importContributions';
import { contributionPeriods, deliveryOverview } from './services/region/overview';
import { pendingStore } from './services/region/pendingContributions';
import { regionInfo, renameRegion } from './services/region/region';
import {
  addRegionSchool,
  listRegionSchools,
  removeRegionSchool,
  renameRegionSchool,
  setRegionSchoolArea,
} from './services/region/regionSchools';
import { importSchoolsCsv } from './services/region/schoolsCsv';
import { listSigners, removeSigner } from './services/region/signers';
import { exportRegionReport, regionReportView } from './services/region/report';
import { cycleCharts } from './monitoring/cycleCharts';

type RegionChannel = Extract<Channel, `region.${string}`>;

/** A reader for this region's files: every key it holds, the active one first. */
async function readerFor({ session, readContribution = readContributionFile }: Context) {
  const keys = await regionIdentities(session.db());
  return (bytes: Uint8Array) => readContribution(bytes, keys);
}

/** The region channels (the router has already refused them on a school's database). Thin: logic lives in services/region. */
export const regionHandlers: Pick<Handlers, RegionChannel> = {
  'region.report': (period, { session, clock }) => regionReportView(session.db(), period, clock),
  'region.report.cycleCharts': async ({ tables }) => ({
    charts: (await cycleCharts(tables)).map(({ table, svg, description }) => ({ table, svg, description })),
  }),
  'region.report.export': (request, { session, files, clock }) => exportRegionReport(session.db(), request, files, clock),
  'region.info': (_input, { session, clock }) => regionInfo(session.db(), clock, pendingStore(session.db()).size),
  'region.rename': async ({ name }, { session }) => (await renameRegion(session.db(), name), null),
  'region.areas.list': (_input, { session }) => listAreas(session.db()),
  'region.areas.add': async ({ name }, { session, clock }) => ({ id: await addArea(session.db(), name, clock) }),
  'region.areas.rename': async ({ areaId, name }, { session }) => (await renameArea(session.db(), areaId, name), null),
  'region.areas.remove': async ({ areaId }, { session, clock }) => (await removeArea(session.db(), areaId, clock), null),
  'region.schools.list': (_input, { session }) => listRegionSchools(session.db()),
  'region.schools.add': async (input, { session, clock }) => ({ id: await addRegionSchool(session.db(), input, clock) }),
  'region.schools.rename': async ({ regionSchoolId, name }, { session }) => (
    await renameRegionSchool(session.db(), regionSchoolId, name),
    null
  ),
  'region.schools.setArea': async ({ regionSchoolId, areaId }, { session }) => (
    await setRegionSchoolArea(session.db(), regionSchoolId, areaId),
    null
  ),
  'region.schools.remove': ({ regionSchoolId }, { session, clock }) => removeRegionSchool(session.db(), regionSchoolId, clock),
  'region.schools.importCsv': async (_input, { session, files, clock }) => {
    const db = session.db();
    const file = await files.open('csv');
    return file && { fileName: file.name, ...(await importSchoolsCsv(db, file.bytes, clock)) };
  },
  'region.contributions.import': async ({ from }, ctx) => {
    const db = ctx.session.db();
    const chosen = await ctx.files.openMany('contribution', from);
    if (!chosen) return null;
    const results = await importContributions(db, chosen.files, await readerFor(ctx), ctx.clock, pendingStore(db));
    return { results, ignored: chosen.ignored };
  },
  'region.contributions.pending': (_input, { session }) => listPending(pendingStore(session.db())),
  'region.contributions.acceptSigner': (choice, { session, clock }) =>
    acceptPending(session.db(), choice, clock, pendingStore(session.db())),
  'region.contributions.dismissPending': ({ pendingId }, { session }) => (dismissPending(pendingId, pendingStore(session.db())), null),
  'region.signers.list': (_input, { session }) => listSigners(session.db()),
  'region.signers.remove': async ({ signerId }, { session, clock }) => (await removeSigner(session.db(), signerId, clock), null),
  'region.overview': (_input, { session }) => deliveryOverview(session.db()),
  'region.periods': (_input, { session }) => contributionPeriods(session.db()),
  'region.key.info': (_input, { session, clock }) => listRegionKeys(session.db(), clock),
  'region.key.create': async ({ name }, { session, clock }) => ({ id: await createRegionKey(session.db(), name, clock) }),
  'region.key.exportCertificate': (_input, { session, files, clock }) => exportRegionCertificate(session.db(), files, clock),
  'region.key.exportP12': ({ passphrase }, { session, files, clock }) => exportRegionKey(session.db(), passphrase, files, clock),
  'region.key.importP12': async ({ passphrase }, { session, files, clock }) => {
    const db = session.db();
    const file = await files.open('certificate');
    return file && { id: await importRegionKey(db, { p12: file.bytes, passphrase }, clock) };
  },
};
