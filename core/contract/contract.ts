import { z } from 'zod';
import * as e from './entities';
import * as b from './backups';
import * as p from './privacy';
import { invitationContract } from './invitation';
import { participationContract } from './participation';
import { participantsContract } from './participants';
import { regionContract } from './region';
import { regionReportContract } from './regionReport';
import { regioSchoolContract } from './regioSchool';
import type { IpcResult } from './result';

/**
 * The IPC contract: every channel with its input and output schema. Main,
 * preload, renderer and tests all derive from this one object.
 */
export const contract = {
  'app.info': { input: z.undefined(), output: e.appInfo },
  // schoolId: null for a region database.
  'setup.start': { input: e.setupStart, output: z.object({ schoolId: e.id.nullable(), recoveryKey: z.string().nullable() }) },
  'session.unlock': { input: e.unlockRequest, output: z.object({ recoveryKey: z.string().nullable() }) },
  'session.recover': { input: e.recoverRequest, output: z.null() },
  'session.lock': { input: z.undefined(), output: z.null() },
  'session.changePassphrase': { input: e.passphraseChange, output: z.null() },
  'session.remember': { input: z.strictObject({ enabled: z.boolean() }), output: z.null() },
  'session.setLockMinutes': { input: z.strictObject({ minutes: z.number().int().min(1).max(240) }), output: z.null() },
  'dashboard.items': { input: e.dashboardItemsRequest, output: e.dashboardItems },
  'dashboard.firstSteps': { input: e.schoolScope, output: e.firstSteps },
  'dashboard.hideFirstSteps': { input: e.firstStepsHide, output: z.null() },
  'monitoring.report': { input: e.monitoringRequest, output: e.monitoringView },
  'monitoring.charts': { input: e.monitoringChartsRequest, output: e.monitoringCharts },
  'monitoring.export': { input: e.monitoringExport, output: z.object({ fileName: z.string().nullable() }) },
  'meetings.list': { input: e.schoolScope, output: z.array(e.meetingSummary) },
  'cases.list': { input: e.schoolScope, output: z.array(e.caseSummary) },
  'roles.list': { input: e.schoolScope, output: z.array(e.role) },
  'members.list': { input: e.schoolScope, output: z.array(e.member) },
  'members.create': { input: e.memberCreate, output: e.member },
  'members.update': { input: e.memberUpdate, output: z.null() },
  'members.setActive': { input: e.memberActive, output: z.null() },
  'roles.create': { input: e.roleCreate, output: z.object({ id: e.id }) },
  'themes.list': { input: e.schoolScope, output: z.array(e.theme) },
  'schools.rename': { input: e.schoolRename, output: z.null() },
  'themes.add': { input: e.themeAdd, output: z.null() },
  'tags.add': { input: e.tagAdd, output: z.null() },
  'lists.setActive': { input: e.listItemActive, output: z.null() },
  'tags.list': { input: e.schoolScope, output: z.array(e.tag) },

  'pupils.list': { input: e.schoolScope, output: z.array(e.pupil) },
  'pupils.create': { input: e.pupilCreate, output: z.object({ id: e.id }) },
  'pupils.update': { input: e.pupilUpdate, output: z.null() },

  'cases.create': { input: e.caseCreate, output: z.object({ id: e.id }) },
  'cases.update': { input: e.caseUpdate, output: z.null() },
  'cases.get': { input: e.caseRef, output: e.caseDetail },
  'cases.close': { input: e.caseClose, output: z.null() },
  'cases.reopen': { input: e.caseRef, output: z.null() },
  'cases.recordConsent': { input: e.consentRecord, output: z.null() },
  'cases.addParent': { input: e.parentAdd, output: z.object({ id: e.id }) },
  'cases.updateParent': { input: e.parentUpdate, output: z.null() },
  'cases.removeParent': { input: e.parentRef, output: z.null() },
  'cases.setSafetyConcern': { input: e.safetyConcern, output: z.null() },
  'cases.setLead': { input: e.leadSet, output: z.null() },

  'meetings.plan': { input: e.meetingPlan, output: z.object({ id: e.id }) },
  'meetings.update': { input: e.meetingUpdate, output: z.null() },
  'meetings.get': { input: e.meetingRef, output: e.meetingDetail },
  'meetings.setPresence': { input: e.presenceSet, output: z.null() },
  'meetings.start': { input: e.meetingRef, output: z.null() },
  'meetings.close': { input: e.meetingClose, output: z.object({ nextMeetingId: e.id.nullable() }) },
  'meetings.actions': { input: e.meetingRef, output: z.array(e.actionGroup) },

  'agenda.suggestions': { input: e.meetingRef, output: z.array(e.suggestion) },
  'agenda.addCase': { input: e.agendaAddCase, output: z.object({ id: e.id }) },
  'agenda.addGeneral': { input: e.agendaAddGeneral, output: z.object({ id: e.id }) },
  'agenda.reorder': { input: e.agendaReorder, output: z.null() },
  'agenda.update': { input: e.agendaUpdate, output: z.null() },
  'agenda.remove': { input: e.agendaItemRef, output: e.removedItem },

  'chair.item': { input: e.agendaItemRef, output: e.chairItem },
  'chair.saveText': { input: e.textSave, output: z.object({ savedAt: z.string() }) },
  'chair.addTime': { input: e.timeAdd, output: z.null() },
  'chair.setTags': { input: e.tagsSet, output: z.null() },
  'chair.recordEffect': { input: e.effectRecord, output: z.null() },
  'projector.open': { input: e.projectorTarget, output: z.object({ window: z.boolean() }) },
  'projector.follow': { input: e.projectorTarget, output: z.object({ open: z.boolean() }) },
  'projector.close': { input: z.undefined(), output: z.null() },
  'agreements.add': { input: e.agreementAdd, output: z.object({ id: e.id }) },
  'agreements.setStatus': { input: e.agreementStatusSet, output: z.null() },
  'agreements.postpone': { input: e.agreementPostpone, output: z.null() },

  'search.query': { input: e.searchQuery, output: z.array(e.searchHit) },
  'minutes.finalize': { input: e.meetingRef, output: z.object({ version: z.number().int(), sha256: z.string() }) },
  'minutes.correct': { input: e.correctionStart, output: z.object({ version: z.number().int() }) },
  'minutes.versions': { input: e.meetingRef, output: z.array(e.minutesVersion) },
  'documents.export': { input: e.exportRequest, output: z.object({ fileName: z.string().nullable() }) },
  'documents.verify': { input: z.undefined(), output: z.object({ fileName: z.string(), report: e.verifyReport }).nullable() },
  'certificates.list': { input: e.schoolScope, output: z.array(e.certificateInfo) },
  'certificates.create': { input: e.certificateCreate, output: z.object({ id: e.id }) },
  'certificates.import': { input: e.certificateImport, output: z.object({ id: e.id }).nullable() },
  'minutes.signing': { input: e.meetingRef, output: e.signingState },
  'minutes.sign': { input: e.minutesSign, output: z.object({ sha256: z.string(), signatures: z.number().int() }) },
  'minutes.signers': { input: e.meetingRef, output: e.minutesSigners },

  'audit.list': { input: p.auditListRequest, output: p.auditPage },
  'audit.export': { input: p.auditFilter, output: z.object({ fileName: z.string().nullable() }) },
  'retention.get': { input: e.schoolScope, output: p.retentionSettings },
  'retention.set': { input: p.retentionSet, output: z.null() },
  'retention.preview': { input: e.schoolScope, output: p.retentionPreview },
  'retention.purge': { input: p.retentionPurge, output: p.erasureResult },
  'pupilData.preview': { input: p.pupilRef, output: p.pupilErasePreview },
  'pupilData.export': { input: p.pupilExport, output: z.object({ fileName: z.string().nullable() }) },
  'pupilData.erase': { input: p.pupilErase, output: p.erasureResult },

  'backups.overview': { input: z.undefined(), output: b.backupOverview },
  'backups.progress': { input: z.undefined(), output: b.backupProgress.nullable() },
  'backups.create': { input: z.undefined(), output: b.backupEntry },
  'backups.verify': { input: b.backupRef, output: b.backupEntry },
  'backups.chooseFolder': { input: z.undefined(), output: z.object({ folder: z.string() }).nullable() },
  'backups.resetFolder': { input: z.undefined(), output: z.null() },
  'backups.restore': { input: b.backupRef, output: b.restoreResult },

  ...participationContract,
  ...participantsContract,
  ...invitationContract,
  ...regionContract,
  ...regionReportContract,
  ...regioSchoolContract,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (before defaults and trimming). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after validation). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The one object the preload exposes to the renderer as `window.mdo`. */
export interface MdoApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<IpcResult<Output<C>>>;
}

export type { IpcResult };
