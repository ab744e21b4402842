import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { today } from './clock';
import { nl } from './i18n/nl';
import { DEMO_PASSPHRASE } from './session';
import type { Handlers } from './ipc/router';
import { addCaseItem, addGeneralItem, agendaSuggestions, removeAgendaItem, reorderAgenda, updateAgendaItem } from './services/agenda';
import { addAgreement, postponeAgreement, setAgreementStatus } from './services/agreements';
import { closeCase, createCase, getCase, listCases, reopenCase, updateCase } from './services/cases';
import { assertItemOfMeeting, getChairItem } from './services/chair';
import { noProjector } from './ipc/projector';
import { addParent, recordConsent, removeParent, setSafetyConcern, updateParent } from './services/consent';
import { addItemTime, recordEffectCheck, saveItemText, setDiscussionTags } from './services/discussions';
import { setLead } from './services/leads';
import { listParentCopies, markParentCopySent, setParticipation } from './services/participation';
import { listActionLists } from './services/actionLists';
import { cancelMeeting } from './services/cancelMeeting';
import { invitationState } from './services/invitationExport';
import { createPupil, listPupils, updatePupil } from './services/pupils';
import { exportDocument } from './services/exports';
import { finalizeMinutes, listMinutesVersions, startCorrection } from './services/minutes';
import { search } from './services/search';
import { createMemberCertificate, importCertificate, listCertificates } from './services/certificates';
import { signingState, signMinutes } from './services/signatures';
import { expectedSignerStates } from './services/signerStates';
import { verifyDocx } from './signing/verifyDocx';
import { listAudit } from './services/audit';
import { exportAudit } from './services/auditExport';
import { erasePupil, exportPupilData, pupilErasePreview } from './services/pupilData';
import { getRetention, purgeExpired, retentionPreview, setRetention } from './services/retention';
import { DEFAULT_RETENTION_YEARS } from './contract/privacy';

import { getDashboardItems } from './services/dashboardItems';
import { getFirstSteps, hideFirstSteps } from './services/firstSteps';
import { exportMonitoring, monitoringCharts, monitoringView } from './services/monitoring';
import {
  actionList,
  closeMeeting,
  getMeeting,
  listMeetings,
  planMeeting,
  setPresence,
  startMeeting,
  updateMeeting,
} from './services/meetings';
import { createMember, createRole, listMembers, listRoles, setMemberActive, updateMember } from './services/members';
import { addTag, addTheme, listSchools, listTags, listThemes, renameSchool, setListItemActive } from './services/schools';
import { startSetup } from './services/setup';
import { regionHandlers } from './regionHandlers';
import { getRegion } from './services/region/region';
import { databaseKind } from './services/region/databaseKind';
import { regioSchoolHandlers } from './regioSchoolHandlers';
import { assertAllowed } from './policy/policy';
import { checkNewPassphrase, ownWordsOf } from './passphrase/check';

/** Every IPC channel mapped to its service. Thin on purpose: logic lives in services/. */
export const handlers: Handlers = {
  'app.info': async (_input, { session, appVersion, backups, policy }) => {
    const state = session.state;
    const database =
      state.state === 'open'
        ? {
            state: 'open' as const,
            schools: await listSchools(state.handle.db),
            remembered: session.remembered,
            lockMinutes: policy.lockMinutes ?? (await session.lockMinutes()),
            region: (await databaseKind(state.handle.db)) === 'region' ? await getRegion(state.handle.db) : null,
          }
        : state.state === 'locked'
          ? { ...state, demoPassphrase: state.demo ? DEMO_PASSPHRASE : null }
          : state.state === 'error'
            ? { state: 'error' as const, code: state.error.code, message: nl.errors[`DB_${state.error.code}`] }
            : state.state === 'damaged'
              ? { state: 'damaged' as const, newestGood: backups.newestGood(), backupFolder: backups.folder().folder }
              : { state: state.state };
    const { allowPersonalCertificates, offerDemoSchool } = policy;
    return {
      version: appVersion,
      schemaVersion: LATEST_SCHEMA_VERSION,
      database,
      policy: {
        lockMinutesFixed: policy.lockMinutes !== null,
        allowPersonalCertificates,
        offerDemoSchool,
        retentionDefaultYears: policy.retentionYears ?? DEFAULT_RETENTION_YEARS,
      },
    };
  },
  'setup.start': (input, { session, clock, policy }) => {
    // IT's "no demo" covers the demo region too.
    if (input.mode === 'demo' || input.mode === 'demoRegion') assertAllowed(policy, 'demoSchool');
    return startSetup(session, input, clock);
  },
  'session.unlock': async ({ passphrase }, { session }) => {
    // A plain database from before encryption gets its first passphrase here: the same rule as a new school's.
    if (session.state.state === 'unencrypted') await checkNewPassphrase(passphrase, [], 'passphrase');
    return session.unlock(passphrase);
  },
  'session.recover': async ({ recoveryKey, passphrase }, { session }) => {
    await checkNewPassphrase(passphrase, [], 'passphrase');
    return (await session.recover(recoveryKey, passphrase), null);
  },
  'session.lock': async (_input, { session }) => (await session.lock(), null),
  'session.changePassphrase': async ({ current, next }, { session }) => {
    await checkNewPassphrase(next, await ownWordsOf(session.db()), 'next');
    return (await session.changePassphrase(current, next), null);
  },
  'session.remember': async ({ enabled }, { session }) => (await session.rememberOnThisComputer(enabled), null),
  'session.setLockMinutes': async ({ minutes }, { session, policy }) => {
    assertAllowed(policy, 'lockMinutes');
    return (await session.setLockMinutes(minutes), null);
  },
  'dashboard.items': ({ schoolId, longOpenWeeks }, { session, clock }) =>
    getDashboardItems(session.db(), schoolId, clock, { longOpenWeeks }),
  'dashboard.firstSteps': ({ schoolId }, { session }) => getFirstSteps(session.db(), schoolId),
  'dashboard.hideFirstSteps': async ({ schoolId, hidden }, { session }) => (await hideFirstSteps(session.db(), schoolId, hidden), null),
  'monitoring.report': (period, { session, clock }) => monitoringView(session.db(), period, clock),
  'monitoring.charts': ({ tables }, { session }) => {
    // Drawn from the tables sent, yet like every screen only while the database is unlocked.
    session.db();
    return monitoringCharts(tables);
  },
  'monitoring.export': (request, { session, files, clock }) => exportMonitoring(session.db(), request, files, clock),
  'meetings.list': ({ schoolId }, { session }) => listMeetings(session.db(), schoolId),
  'cases.list': ({ schoolId }, { session }) => listCases(session.db(), schoolId),
  'roles.list': ({ schoolId }, { session }) => listRoles(session.db(), schoolId),
  'members.list': ({ schoolId }, { session }) => listMembers(session.db(), schoolId),
  'members.create': (input, { session, clock }) => createMember(session.db(), input, clock),
  'members.update': async (input, { session }) => (await updateMember(session.db(), input), null),
  'members.setActive': async ({ memberId, active }, { session, clock }) => (
    await setMemberActive(session.db(), memberId, active, clock),
    null
  ),
  'roles.create': async ({ schoolId, name }, { session }) => ({ id: await createRole(session.db(), schoolId, name) }),
  'themes.list': ({ schoolId }, { session }) => listThemes(session.db(), schoolId),
  'tags.list': ({ schoolId }, { session }) => listTags(session.db(), schoolId),
  'schools.rename': async ({ schoolId, name }, { session }) => (await renameSchool(session.db(), schoolId, name), null),
  'themes.add': async ({ schoolId, name }, { session }) => (await addTheme(session.db(), schoolId, name), null),
  'tags.add': async ({ schoolId, kind, name, category }, { session }) => (await addTag(session.db(), schoolId, kind, name, category), null),
  'lists.setActive': async ({ kind, id, active }, { session }) => (await setListItemActive(session.db(), kind, id, active), null),

  'pupils.list': ({ schoolId }, { session }) => listPupils(session.db(), schoolId),
  'pupils.create': async ({ schoolId, ...input }, { session, clock }) => ({ id: await createPupil(session.db(), schoolId, input, clock) }),
  'pupils.update': async ({ pupilId, ...input }, { session, clock }) => (await updatePupil(session.db(), pupilId, input, clock), null),

  'cases.create': async ({ pupilId, ...input }, { session, clock }) => ({ id: await createCase(session.db(), pupilId, input, clock) }),
  'cases.update': async ({ caseId, ...input }, { session, clock }) => (await updateCase(session.db(), caseId, input, clock), null),
  'cases.get': ({ caseId }, { session, clock }) => getCase(session.db(), caseId, clock),
  'cases.close': async ({ caseId, reason }, { session, clock }) => (await closeCase(session.db(), caseId, reason, clock), null),
  'cases.reopen': async ({ caseId }, { session, clock }) => (await reopenCase(session.db(), caseId, clock), null),
  'cases.recordConsent': async (input, { session, clock }) => (await recordConsent(session.db(), input, clock), null),
  'cases.addParent': async ({ caseId, ...input }, { session, clock }) => ({ id: await addParent(session.db(), caseId, input, clock) }),
  'cases.updateParent': async ({ parentId, ...input }, { session, clock }) => (
    await updateParent(session.db(), parentId, input, clock),
    null
  ),
  'cases.removeParent': async ({ parentId }, { session, clock }) => (await removeParent(session.db(), parentId, clock), null),
  'cases.setSafetyConcern': async ({ caseId, reason }, { session, clock }) => (
    await setSafetyConcern(session.db(), caseId, reason, clock),
    null
  ),
  'cases.setLead': async (input, { session, clock }) => (await setLead(session.db(), input, clock), null),

  'meetings.plan': async ({ schoolId, ...input }, { session, clock }) => ({ id: await planMeeting(session.db(), schoolId, input, clock) }),
  'meetings.update': async ({ meetingId, ...input }, { session, clock }) => (
    await updateMeeting(session.db(), meetingId, input, clock),
    null
  ),
  'meetings.get': ({ meetingId }, { session }) => getMeeting(session.db(), meetingId),
  'meetings.setPresence': async ({ meetingId, memberId, status }, { session }) => (
    await setPresence(session.db(), meetingId, memberId, status),
    null
  ),
  'meetings.start': async ({ meetingId }, { session, clock }) => (await startMeeting(session.db(), meetingId, clock), null),
  'meetings.close': async (input, { session, clock, projector = noProjector }) => {
    const result = await closeMeeting(session.db(), input, clock);
    // A closed meeting is no longer projected.
    await projector.close();
    return result;
  },
  'meetings.actions': ({ meetingId }, { session }) => actionList(session.db(), meetingId),

  'agenda.suggestions': ({ meetingId }, { session }) => agendaSuggestions(session.db(), meetingId),
  'agenda.addCase': async (input, { session }) => ({ id: await addCaseItem(session.db(), input) }),
  'agenda.addGeneral': async (input, { session }) => ({ id: await addGeneralItem(session.db(), input) }),
  'agenda.reorder': async ({ meetingId, itemIds }, { session }) => (await reorderAgenda(session.db(), meetingId, itemIds), null),
  'agenda.update': async (input, { session }) => (await updateAgendaItem(session.db(), input), null),
  'agenda.remove': ({ agendaItemId }, { session }) => removeAgendaItem(session.db(), agendaItemId),

  'chair.item': ({ agendaItemId }, { session }) => getChairItem(session.db(), agendaItemId),
  'chair.saveText': ({ agendaItemId, field, value }, { session, clock }) => saveItemText(session.db(), agendaItemId, field, value, clock),
  'chair.addTime': async ({ agendaItemId, seconds }, { session }) => (await addItemTime(session.db(), agendaItemId, seconds), null),
  'chair.setTags': async ({ agendaItemId, tagIds }, { session, clock }) => (
    await setDiscussionTags(session.db(), agendaItemId, tagIds, clock),
    null
  ),
  'chair.recordEffect': async ({ agendaItemId, result, note }, { session, clock }) => (
    await recordEffectCheck(session.db(), agendaItemId, result, note, clock),
    null
  ),
  'chair.setParticipation': async (input, { session, clock }) => (await setParticipation(session.db(), input, clock), null),
  'meetings.parentCopies': async ({ meetingId }, { session, clock }) => ({
    today: today(clock),
    copies: await listParentCopies(session.db(), meetingId),
  }),
  'meetings.markParentCopySent': async (input, { session, clock }) => (await markParentCopySent(session.db(), input, clock), null),
  // Each kernteam member's own action list (issue 19): who to offer one to, with their open-action counts.
  'meetings.actionLists': async ({ meetingId }, { session }) => listActionLists(session.db(), meetingId),
  // The invitation (issue 19): is it up to date, and cancelling a planned meeting.
  'meetings.invitationState': ({ meetingId }, { session }) => invitationState(session.db(), meetingId),
  'meetings.cancel': async ({ meetingId }, { session, clock }) => (await cancelMeeting(session.db(), meetingId, clock), null),
  'projector.open': async (target, { session, projector = noProjector }) => {
    await assertItemOfMeeting(session.db(), target);
    return { window: await projector.open(target) };
  },
  'projector.follow': async (target, { session, projector = noProjector }) => {
    await assertItemOfMeeting(session.db(), target);
    return { open: await projector.follow(target) };
  },
  'projector.close': async (_input, { projector = noProjector }) => (await projector.close(), null),
  'agreements.add': async (input, { session, clock }) => ({ id: await addAgreement(session.db(), input, clock) }),
  'agreements.setStatus': async ({ agreementId, status }, { session, clock }) => (
    await setAgreementStatus(session.db(), agreementId, status, clock),
    null
  ),
  'agreements.postpone': async ({ agreementId, dueOn }, { session, clock }) => (
    await postponeAgreement(session.db(), agreementId, dueOn, clock),
    null
  ),

  'search.query': ({ schoolId, text }, { session }) => search(session.db(), schoolId, text),
  'minutes.finalize': ({ meetingId }, { session, clock }) => finalizeMinutes(session.db(), meetingId, clock),
  'minutes.correct': ({ meetingId, reason }, { session, clock }) => startCorrection(session.db(), meetingId, reason, clock),
  'minutes.versions': ({ meetingId }, { session }) => listMinutesVersions(session.db(), meetingId),
  'documents.export': (request, { session, files, clock }) => exportDocument(session.db(), request, files, clock),
  'documents.verify': async (_, { files }) => {
    const file = await files.open('docx');
    return file && { fileName: file.name, report: verifyDocx(file.bytes) };
  },
  'certificates.list': ({ schoolId }, { session, clock }) => listCertificates(session.db(), schoolId, clock),
  'certificates.create': (input, { session, clock, policy }) => {
    assertAllowed(policy, 'personalCertificates');
    return createMemberCertificate(session.db(), input, clock);
  },
  'certificates.import': async ({ schoolId, memberId, passphrase }, { session, files, clock }) => {
    const file = await files.open('certificate');
    return file && importCertificate(session.db(), { schoolId, memberId, passphrase, p12: file.bytes }, clock);
  },
  'minutes.signing': ({ meetingId }, { session }) => signingState(session.db(), meetingId),
  'minutes.sign': (input, { session, clock }) => signMinutes(session.db(), input, clock),
  'minutes.signers': ({ meetingId }, { session, clock }) => expectedSignerStates(session.db(), meetingId, clock),

  'audit.list': ({ filter, page, pageSize }, { session }) => listAudit(session.db(), { ...filter, page, pageSize }),
  'audit.export': (filter, { session, files, clock }) => exportAudit(session.db(), filter, files, clock),
  'retention.get': ({ schoolId }, { session, policy }) => getRetention(session.db(), schoolId, policy.retentionYears ?? undefined),
  'retention.set': async ({ schoolId, yearsAfterClose }, { session, clock }) => (
    await setRetention(session.db(), schoolId, yearsAfterClose, clock),
    null
  ),
  'retention.preview': ({ schoolId }, { session, clock, policy }) =>
    retentionPreview(session.db(), schoolId, clock, policy.retentionYears ?? undefined),
  'retention.purge': ({ schoolId, caseIds }, { session, clock, policy }) =>
    purgeExpired(session.db(), { schoolId, caseIds }, clock, policy.retentionYears ?? undefined),
  'pupilData.preview': ({ pupilId }, { session }) => pupilErasePreview(session.db(), pupilId),
  'pupilData.export': (input, { session, files, clock }) => exportPupilData(session.db(), input, files, clock),
  'pupilData.erase': ({ pupilId }, { session, clock }) => erasePupil(session.db(), pupilId, clock),

  'backups.overview': (_input, { backups }) => backups.overview(),
  'backups.progress': (_input, { backups }) => backups.progress(),
  'backups.create': (_input, { backups }) => backups.create('manual'),
  'backups.verify': ({ name }, { backups }) => backups.verify(name),
  'backups.chooseFolder': async (_input, { backups, files }) => {
    const folder = await files.chooseFolder();
    if (!folder) return null;
    await backups.setFolder(folder);
    return { folder };
  },
  'backups.resetFolder': async (_input, { backups }) => (await backups.setFolder(null), null),
  'backups.restore': ({ name }, { backups }) => backups.restore(name),

  ...regionHandlers,
  ...regioSchoolHandlers,
};
