import { z } from 'zod';
import { nl } from '../i18n/nl';
import { nlRegio } from '../i18n/nlRegio';
import { backupEntry } from './backups';
import { PASSPHRASE_MIN_LENGTH } from '../passphrase/rule';

// Shapes that cross the IPC boundary. The renderer's types come from here.

export const id = z.number().int().positive();
export const isoDate = z.iso.date();
/** The dates MDO accepts as input: real calendar days within what a school's records can hold (no year 0 or 9999). */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';
export const dateInput = z.iso
  .date({ error: nl.forms.date })
  .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, { error: nl.forms.dateRange });
export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: nl.forms.time });

export const schoolScope = z.strictObject({ schoolId: id });

export const school = z.object({
  id,
  name: z.string(),
  city: z.string().nullable(),
  isDemo: z.boolean(),
});

export const role = z.object({ id, code: z.string().nullable(), name: z.string(), active: z.boolean() });

export const member = z.object({
  id,
  name: z.string(),
  roleId: id,
  roleName: z.string(),
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
});

export const memberCreate = z.strictObject({
  schoolId: id,
  name: z.string().trim().min(2, { error: nl.team.nameRequired }).max(120),
  roleId: z.number({ error: nl.team.roleRequired }).int().positive({ error: nl.team.roleRequired }),
  organisation: z.string().trim().max(120).optional(),
  email: z.union([z.email({ error: nl.team.emailInvalid }).max(200), z.literal('')]).optional(),
  phone: z.string().trim().max(40).optional(),
});

export const caseStatus = z.enum(['registered', 'active', 'closed']);
export const meetingStatus = z.enum(['planned', 'in_progress', 'held', 'finalized', 'cancelled']);

export const caseSummary = z.object({
  id,
  pupilName: z.string(),
  groupName: z.string(),
  status: caseStatus,
  question: z.string(),
  registeredOn: isoDate,
  leadName: z.string().nullable(),
  themes: z.array(z.string()),
});

export const agendaItem = z.object({
  id,
  position: z.number().int(),
  kind: z.enum(['case', 'general']),
  title: z.string(),
  caseId: id.nullable(),
  plannedMinutes: z.number().int(),
});

export const meetingSummary = z.object({
  id,
  date: isoDate,
  startTime: time,
  location: z.string(),
  status: meetingStatus,
  chairName: z.string().nullable(),
  caseCount: z.number().int(),
});

export const appInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  database: z.discriminatedUnion('state', [
    z.object({ state: z.literal('missing') }),
    z.object({ state: z.literal('locked'), demo: z.boolean(), keyringMissing: z.boolean(), demoPassphrase: z.string().nullable() }),
    z.object({ state: z.literal('unencrypted') }),
    z.object({
      state: z.literal('open'),
      schools: z.array(school),
      remembered: z.boolean(),
      lockMinutes: z.number().int(),
      /** Set when the open file is a region database (no schools): the app runs in region mode. */
      region: z.object({ name: z.string(), isDemo: z.boolean() }).nullable(),
    }),
    z.object({ state: z.literal('error'), code: z.string(), message: z.string() }),
    // Unlocked, but quick_check failed: nothing is shown or changed until a backup is restored.
    z.object({ state: z.literal('damaged'), newestGood: backupEntry.nullable(), backupFolder: z.string() }),
  ]),
  /** What IT fixed on this computer (core/policy): screens hide or lock these instead of offering them. */
  policy: z.object({
    lockMinutesFixed: z.boolean(),
    allowPersonalCertificates: z.boolean(),
    offerDemoSchool: z.boolean(),
    /** The retention period of a school without its own: IT's default or the app's. */
    retentionDefaultYears: z.number().int(),
  }),
});

/** A new database passphrase: the length here; its strength in core/passphrase (too large a word list for every bundle). */
const newPassphrase = z.string().min(PASSPHRASE_MIN_LENGTH, { error: nl.lock.passphraseTooShort }).max(1024);
const defaultRoleCodes = nl.defaults.roles.map((role) => role.code) as [string, ...string[]];
export const setupStart = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('demo') }),
  z.strictObject({
    mode: z.literal('empty'),
    schoolName: z.string().trim().min(2, { error: nl.welcome.schoolNameRequired }).max(120),
    passphrase: newPassphrase,
    // The IB who sets MDO up: the first kernteam member, who chairs by default.
    ibName: z.string().trim().min(2, { error: nl.team.nameRequired }).max(120),
    ibRoleCode: z.enum(defaultRoleCodes, { error: nl.team.roleRequired }),
    ibEmail: z.union([z.email({ error: nl.team.emailInvalid }).max(200), z.literal('')]).optional(),
  }),
  // A coordinator's region database: no pupils or cases; the coordinator's key pair is made with it.
  z.strictObject({
    mode: z.literal('region'),
    regionName: z.string().trim().min(2, { error: nlRegio.setup.regionNameRequired }).max(120),
    coordinatorName: z.string().trim().min(2, { error: nlRegio.setup.coordinatorNameRequired }).max(120),
    passphrase: newPassphrase,
  }),
  z.strictObject({ mode: z.literal('demoRegion') }),
]);
export const unlockRequest = z.strictObject({ passphrase: z.string().min(1, { error: nl.forms.required }).max(1024) });
export const recoverRequest = z.strictObject({
  recoveryKey: z.string().min(1, { error: nl.forms.required }).max(200),
  passphrase: newPassphrase,
});
export const passphraseChange = z.strictObject({
  current: z.string().max(1024),
  next: newPassphrase,
});

// ——— Running an MDO ———

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, message: string) => z.string().trim().min(1, { error: message }).max(max);
export const ownerKind = z.enum(['member', 'parents', 'pupil', 'staff']);
export const agreementStatus = z.enum(['open', 'done', 'not_done']);
export const consentStatus = z.enum(['given', 'refused', 'withdrawn']);
export const presenceStatus = z.enum(['present', 'absent', 'excused']);
export const effectResult = z.enum(['yes', 'partly', 'no']);
export const gate = z.enum(['allowed', 'safety_concern', 'needs_consent']);
export const consentParty = z.enum(['parent', 'pupil']);
export const consentMethod = z.enum(['oral', 'written', 'digital']);
/** A party the gate names: the pupil, one parent with gezag, or "the parents with gezag" when none is recorded. */
export const partyRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pupil') }),
  z.object({ kind: z.literal('parent'), id, name: z.string(), relation: z.string() }),
  z.object({ kind: z.literal('parentsWithAuthority') }),
]);
/** Why the gate says what it says: the pupil's age band on the date judged, and the parties missing or refused. */
export const gateDetail = z.object({
  band: z.enum(['under12', 'from12', 'from16']),
  age: z.number().int(),
  missing: z.array(partyRef),
  refused: z.array(partyRef),
});

export const memberUpdate = memberCreate.omit({ schoolId: true }).extend({ memberId: id });
export const memberActive = z.strictObject({ memberId: id, active: z.boolean() });
export const roleCreate = z.strictObject({ schoolId: id, name: required(80, nl.forms.required) });

export const pupilFields = z.strictObject({
  firstName: required(80, nl.forms.required),
  lastName: required(80, nl.forms.required),
  dateOfBirth: dateInput,
  groupName: required(40, nl.forms.required),
});
export const pupilCreate = pupilFields.extend({ schoolId: id });
export const pupilUpdate = pupilFields.extend({ pupilId: id });
export const pupil = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: isoDate,
  groupName: z.string(),
  openCases: z.number().int(),
});

export const theme = z.object({ id, name: z.string() });
export const tag = z.object({ id, kind: z.enum(['success_factor', 'obstacle']), name: z.string(), category: z.string() });

export const caseFields = z.strictObject({
  question: z.string().trim().min(10, { error: nl.forms.question }).max(4000),
  analysis: text(8000).default(''),
  themeIds: z.array(id).max(10).default([]),
});
export const caseCreate = caseFields.extend({ pupilId: id });
export const caseUpdate = caseFields.extend({ caseId: id });
export const caseRef = z.strictObject({ caseId: id });
export const caseClose = z.strictObject({ caseId: id, reason: required(1000, nl.forms.reason) });
export const consentRecord = z.strictObject({
  caseId: id,
  party: consentParty,
  /** The parent who decided; null (or left out) for the pupil. */
  parentId: id.nullable().default(null),
  status: consentStatus,
  method: consentMethod,
  coversDiscussion: z.boolean().default(true),
  shareWith: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  recordedOn: dateInput,
  note: text(1000).default(''),
});
const parentFields = {
  name: text(120).default(''),
  relation: text(60).default(''),
  hasAuthority: z.boolean(),
};
export const parentAdd = z.strictObject({ caseId: id, ...parentFields });
export const parentUpdate = z.strictObject({ parentId: id, ...parentFields });
export const parentRef = z.strictObject({ parentId: id });
const decision = z.object({ status: consentStatus, coversDiscussion: z.boolean() });
export const safetyConcern = z.strictObject({ caseId: id, reason: z.string().trim().max(2000).nullable() });
export const leadSet = z.strictObject({ caseId: id, memberId: id, reason: text(1000).default(''), onDate: dateInput });

// Who took part in a discussion (issue 18): null where nothing was recorded.
export const parentsPresent = z.enum(['yes', 'invited_absent', 'not_invited']);
export const pupilParticipation = z.enum(['present', 'heard', 'none']);
export const participation = z.object({
  parentsPresent: parentsPresent.nullable(),
  parentsAbsentReason: z.string(),
  pupilParticipation: pupilParticipation.nullable(),
  pupilView: z.string(),
});

const agreementRow = z.object({
  id,
  caseId: id.nullable(),
  meetingId: id,
  meetingDate: isoDate,
  description: z.string(),
  ownerKind,
  ownerMemberId: id.nullable(),
  ownerName: z.string(),
  dueOn: isoDate,
  originalDueOn: isoDate,
  status: agreementStatus,
  postponements: z.number().int(),
  completedOn: isoDate.nullable(),
});
export const agreement = agreementRow;

export const caseDetail = z.object({
  id,
  pupilId: id,
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: isoDate,
  groupName: z.string(),
  question: z.string(),
  analysis: z.string(),
  status: caseStatus,
  registeredOn: isoDate,
  firstDiscussedOn: isoDate.nullable(),
  effectDueOn: isoDate.nullable(),
  effectPending: z.boolean(),
  closedOn: isoDate.nullable(),
  closedReason: z.string().nullable(),
  safetyConcernReason: z.string().nullable(),
  gate,
  gateDetail,
  themes: z.array(theme),
  parents: z.array(z.object({ id, name: z.string(), relation: z.string(), hasAuthority: z.boolean(), latest: decision.nullable() })),
  pupilLatest: decision.nullable(),
  /** Every decision of every party, oldest first; `scope` is the free text of decisions from before 0.3. */
  consents: z.array(
    z.object({
      id,
      party: consentParty,
      parentId: id.nullable(),
      status: consentStatus,
      method: consentMethod.nullable(),
      coversDiscussion: z.boolean(),
      shareWith: z.array(z.string()),
      scope: z.string(),
      recordedOn: isoDate,
      note: z.string(),
    }),
  ),
  /** The organisations of the school's kernteam members: suggestions for "delen van het verslag met". */
  partnerOrganisations: z.array(z.string()),
  leads: z.array(
    z.object({ id, memberId: id, memberName: z.string(), startedOn: isoDate, endedOn: isoDate.nullable(), reason: z.string() }),
  ),
  lead: z.object({ memberId: id, memberName: z.string() }).nullable(),
  discussions: z.array(
    z
      .object({ id, meetingId: id, date: isoDate, notes: z.string(), summary: z.string(), conclusions: z.string() })
      .extend(participation.shape)
      .extend({ parentCopySentOn: isoDate.nullable() }),
  ),
  agreements: z.array(agreementRow),
  effectChecks: z.array(z.object({ id, result: effectResult, note: z.string(), checkedOn: isoDate })),
});

export const meetingFields = z.strictObject({
  date: dateInput,
  startTime: time,
  location: text(120).default(''),
  chairId: id.nullable(),
  minuteTakerId: id.nullable(),
  inviteeIds: z.array(id).max(50).default([]),
});
export const meetingPlan = meetingFields.extend({ schoolId: id });
export const meetingUpdate = meetingFields.extend({ meetingId: id });
export const meetingRef = z.strictObject({ meetingId: id });
export const agendaEntry = z.object({
  id,
  position: z.number().int(),
  kind: z.enum(['case', 'general']),
  caseId: id.nullable(),
  title: z.string(),
  plannedMinutes: z.number().int(),
  spentSeconds: z.number().int(),
  anonymous: z.boolean(),
});
export const meetingDetail = z.object({
  id,
  schoolId: id,
  date: isoDate,
  startTime: time,
  location: z.string(),
  status: meetingStatus,
  chairId: id.nullable(),
  minuteTakerId: id.nullable(),
  chairName: z.string().nullable(),
  minuteTakerName: z.string().nullable(),
  openQuestions: z.string(),
  agenda: z.array(agendaEntry),
  presence: z.array(
    z.object({ memberId: id, name: z.string(), roleName: z.string(), invited: z.boolean(), status: presenceStatus.nullable() }),
  ),
});
export const presenceSet = z.strictObject({ meetingId: id, memberId: id, status: presenceStatus });
export const meetingClose = z.strictObject({
  meetingId: id,
  openQuestions: text(4000).default(''),
  next: z.strictObject({ date: dateInput, startTime: time, location: text(120).default('') }).nullable(),
});
export const actionGroup = z.object({
  owner: z.string(),
  ownerKind,
  agreements: z.array(z.object({ id, description: z.string(), dueOn: isoDate, status: agreementStatus, itemTitle: z.string() })),
});

export const suggestion = z.object({
  caseId: id,
  pupilName: z.string(),
  groupName: z.string(),
  reasons: z.array(z.enum(['new', 'overdue_agreements', 'open_agreements', 'effect_check_due'])),
  openAgreements: z.number().int(),
  overdueAgreements: z.number().int(),
  gate,
  gateDetail,
});
const minutes = z.number().int().min(1).max(240);
export const agendaAddCase = z.strictObject({
  meetingId: id,
  caseId: id,
  anonymous: z.boolean().default(false),
  plannedMinutes: minutes.default(15),
});
export const agendaAddGeneral = z.strictObject({
  meetingId: id,
  title: required(200, nl.forms.required),
  plannedMinutes: minutes.default(5),
});
export const agendaReorder = z.strictObject({ meetingId: id, itemIds: z.array(id).min(1).max(200) });
export const agendaUpdate = z.strictObject({ agendaItemId: id, plannedMinutes: minutes, title: text(200).optional() });
export const agendaItemRef = z.strictObject({ agendaItemId: id });
/** Which item of which meeting the projector window shows. */
export const projectorTarget = z.strictObject({ meetingId: id, agendaItemId: id });
export const removedItem = z.object({
  meetingId: id,
  kind: z.enum(['case', 'general']),
  caseId: id.nullable(),
  title: z.string(),
  plannedMinutes: z.number().int(),
  anonymous: z.boolean(),
  position: z.number().int(),
});

export const chairItem = z.object({
  id,
  meetingId: id,
  position: z.number().int(),
  kind: z.enum(['case', 'general']),
  title: z.string(),
  plannedMinutes: z.number().int(),
  spentSeconds: z.number().int(),
  anonymous: z.boolean(),
  meetingDate: isoDate,
  meetingStatus,
  notes: z.string(),
  summary: z.string(),
  conclusions: z.string(),
  case: z
    .object({
      id,
      question: z.string(),
      analysis: z.string(),
      status: caseStatus,
      firstDiscussedOn: isoDate.nullable(),
      effectDueOn: isoDate.nullable(),
      effectPending: z.boolean(),
      safetyConcernReason: z.string().nullable(),
      groupName: z.string(),
      leadMemberId: id.nullable(),
      leadName: z.string().nullable(),
      themes: z.array(z.string()),
      gate,
      gateDetail,
    })
    .nullable(),
  agreements: z.array(agreementRow),
  carriedOver: z.array(agreementRow),
  tagIds: z.array(id),
  effectCheck: z.object({ result: effectResult, note: z.string() }).nullable(),
  /** Case items only: who took part and the pupil's view; null for a general item. */
  participation: participation.nullable(),
});
export const textSave = z.strictObject({
  agendaItemId: id,
  field: z.enum(['notes', 'summary', 'conclusions', 'pupilView']),
  value: z.string().max(100_000),
});
export const agreementAdd = z
  .strictObject({
    agendaItemId: id,
    description: required(500, nl.forms.agreement),
    ownerKind,
    ownerMemberId: id.optional(),
    ownerName: text(120).optional(),
    dueOn: dateInput,
  })
  .refine((value) => value.ownerKind !== 'member' || value.ownerMemberId !== undefined, { path: ['ownerMemberId'], error: nl.forms.owner });
export const agreementStatusSet = z.strictObject({ agreementId: id, status: agreementStatus });
export const agreementPostpone = z.strictObject({ agreementId: id, dueOn: dateInput });
export const effectRecord = z.strictObject({ agendaItemId: id, result: effectResult, note: text(2000).default('') });
export const tagsSet = z.strictObject({ agendaItemId: id, tagIds: z.array(id).max(50) });
export const timeAdd = z.strictObject({ agendaItemId: id, seconds: z.number().int().min(1).max(3600) });
export const searchQuery = z.strictObject({ schoolId: id, text: z.string().max(200) });
export const searchHit = z.object({
  kind: z.enum(['pupil', 'case', 'discussion']),
  pupilId: id,
  caseId: id.nullable(),
  title: z.string(),
  detail: z.string(),
  snippet: z.string(),
});

export const schoolRename = z.strictObject({
  schoolId: id,
  name: z.string().trim().min(2, { error: nl.welcome.schoolNameRequired }).max(120),
});
export const themeAdd = z.strictObject({ schoolId: id, name: required(80, nl.forms.required) });
export const tagAdd = z.strictObject({
  schoolId: id,
  kind: z.enum(['success_factor', 'obstacle']),
  name: required(120, nl.forms.required),
  category: text(80).default(''),
});
export const listItemActive = z.strictObject({ kind: z.enum(['theme', 'tag']), id, active: z.boolean() });

// A parent version or dossier is built on request and may be signed as it is saved.
// A verslag is signed once, after vaststellen (minutes.sign), and exported as stored.
export const exportSigning = z.strictObject({ certificateId: id, passphrase: z.string().max(1024) });
export const exportRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('minutes'), meetingId: id }),
  z.strictObject({ kind: z.literal('parent'), meetingId: id, caseId: id, sign: exportSigning.optional() }),
  z.strictObject({ kind: z.literal('dossier'), caseId: id, sign: exportSigning.optional() }),
  // For the kernteam members, who do not use MDO: the invitation (.ics) and agenda before, each member's own actions after.
  z.strictObject({ kind: z.literal('invitation'), meetingId: id }),
  z.strictObject({ kind: z.literal('agenda'), meetingId: id, sign: exportSigning.optional() }),
  z.strictObject({ kind: z.literal('actions'), meetingId: id, memberId: id, sign: exportSigning.optional() }),
  // How a recipient checks a signed verslag in Word or LibreOffice: no school data at all.
  z.strictObject({ kind: z.literal('recipientGuide') }),
]);

export const correctionStart = z.strictObject({ meetingId: id, reason: required(1000, nl.forms.reason) });
export const minutesVersion = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'finalized']),
  sha256: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  correctionReason: z.string(),
});

// Signing: certificates, the signing state of a verslag, and verifying a file.
const passphrase = z.string().max(1024);
export const certificateInfo = z.object({
  id,
  memberId: id.nullable(),
  memberName: z.string().nullable(),
  name: z.string(),
  role: z.string(),
  organisation: z.string(),
  issuer: z.string(),
  fingerprint: z.string(),
  /** What Word and LibreOffice show; null for a certificate stored before 0.4 until it has signed once. */
  fingerprintSha1: z.string().nullable(),
  notBefore: z.string(),
  notAfter: z.string(),
  source: z.enum(['created', 'imported']),
  /** Against the app's clock (core/signing/certificateStatus.ts); the renderer never judges validity by its own clock. */
  status: z.enum(['notYetValid', 'expired', 'expiresSoon', 'valid']),
});
export const certificateCreate = z.strictObject({ memberId: id, passphrase: passphrase.min(8, { error: nl.forms.passphrase }) });
export const certificateImport = z.strictObject({ schoolId: id, memberId: id.nullable(), passphrase });
export const minutesSign = z.strictObject({ meetingId: id, certificateId: id, passphrase });
export const signingState = z
  .object({
    version: z.number().int(),
    minutesId: id,
    declared: z.array(
      z.object({
        meetingRole: z.enum(['chair', 'minuteTaker']),
        certificateId: id,
        name: z.string(),
        role: z.string(),
        fingerprint: z.string(),
        signedAt: z.string().nullable(),
      }),
    ),
    signatures: z.array(z.object({ signerName: z.string(), signerRole: z.string(), fingerprint: z.string(), signedAt: z.string() })),
    nextCertificateId: id.nullable(),
  })
  .nullable();
// Every person a verslag should carry a signature of (the chair; the notulist when set), with where they stand.
export const expectedSigner = z.object({
  meetingRole: z.enum(['chair', 'minuteTaker']),
  memberId: id.nullable(),
  /** The member's name; empty when the meeting has no one in this role. */
  name: z.string(),
  state: z.enum(['unassigned', 'noCertificate', 'notYetValid', 'expired', 'ready', 'signed']),
  certificateId: id.nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  certificateStatus: z.enum(['notYetValid', 'expired', 'expiresSoon', 'valid']).nullable(),
  signedAt: z.string().nullable(),
  /** After vaststellen: whether the verslag's signature block names this person. */
  inBlock: z.boolean(),
  /** Ready, and it is their turn (the chair signs first). */
  next: z.boolean(),
});
export const minutesSigners = z.object({
  /** false: what vaststellen now would give; true: the newest finalized version. */
  finalized: z.boolean(),
  signers: z.array(expectedSigner),
});
export const signerReport = z.object({
  part: z.string(),
  status: z.enum(['valid', 'changed', 'invalid']),
  claimedRole: z.string(),
  signedAt: z.string().nullable(),
  inSignatureBlock: z.boolean(),
  sha1Fingerprint: z.string().optional(),
  problems: z.array(z.string()),
  name: z.string().optional(),
  role: z.string().optional(),
  organisation: z.string().optional(),
  issuer: z.string().optional(),
  fingerprint: z.string().optional(),
  notBefore: z.string().optional(),
  notAfter: z.string().optional(),
  selfSigned: z.boolean().optional(),
});
export const verifyReport = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-docx'), message: z.string() }),
  z.object({ kind: z.literal('unsigned') }),
  z.object({ kind: z.literal('signed'), valid: z.boolean(), signers: z.array(signerReport) }),
]);

// The start screen's work list: every item carries the ids of where it is resolved.
const openCaseStatus = z.enum(['registered', 'active']);
export const caseLink = z.object({
  caseId: id,
  pupilName: z.string(),
  groupName: z.string(),
  status: openCaseStatus,
  /** The case's agenda item in the next MDO (chair mode), or null when it is not on that agenda. */
  nextAgendaItemId: id.nullable(),
});
export const agendaLine = z.object({
  agendaItemId: id,
  position: z.number().int(),
  kind: z.enum(['case', 'general']),
  caseId: id.nullable(),
  title: z.string(),
  plannedMinutes: z.number().int(),
  anonymous: z.boolean(),
});
export const nextMeetingItem = z.object({
  meetingId: id,
  date: isoDate,
  startTime: z.string(),
  location: z.string(),
  status: meetingStatus,
  chairName: z.string().nullable(),
  agenda: z.array(agendaLine),
  agendaState: z.object({
    caseItems: z.number().int(),
    generalItems: z.number().int(),
    anonymousCaseItems: z.number().int(),
    plannedMinutes: z.number().int(),
    /** Cases the agenda suggestions propose that are not on it yet. */
    suggestedCaseIds: z.array(id),
    /** no_cases: no case on the agenda; suggestions_pending: suggested cases missing; ready: neither. */
    status: z.enum(['no_cases', 'suggestions_pending', 'ready']),
  }),
});
export const agreementItem = z.object({
  agreementId: id,
  caseId: id.nullable(),
  /** The meeting in which the agreement was made. */
  meetingId: id,
  agendaItemId: id.nullable(),
  /** Null for an agreement of a general agenda item. */
  pupilName: z.string().nullable(),
  description: z.string(),
  dueOn: isoDate,
  originalDueOn: isoDate,
  postponements: z.number().int(),
  /** Calendar days past the due date (0 when due today or later). */
  daysOverdue: z.number().int(),
  nextAgendaItemId: id.nullable(),
});
export const ownerGroup = z.object({
  ownerKind,
  /** Set when the owner is a kernteam member. */
  ownerMemberId: id.nullable(),
  /** As written on screen: a name, or "Ouders" / "Leerling". */
  owner: z.string(),
  agreements: z.array(agreementItem),
});
export const effectItem = caseLink.extend({ firstDiscussedOn: isoDate, effectDueOn: isoDate });
export const longOpenItem = caseLink.extend({ registeredOn: isoDate, weeksOpen: z.number().int() });
export const consentItem = caseLink.extend({ gate, gateDetail });
/** A discussion whose parents were not there and whose ouderversie has not been sent. */
export const parentCopyItem = z.object({
  meetingId: id,
  meetingDate: isoDate,
  caseId: id,
  pupilName: z.string(),
  groupName: z.string(),
  parentsPresent: parentsPresent.nullable(),
});
export const dashboardItems = z.object({
  today: isoDate,
  /** Sunday of the current week: "this week" runs to and including it. */
  weekEnd: isoDate,
  longOpenWeeks: z.number().int(),
  nextMeeting: nextMeetingItem.nullable(),
  agreements: z.object({ overdue: z.array(ownerGroup), dueThisWeek: z.array(ownerGroup) }),
  /** Open cases (registered or active) without an active trekker. */
  casesWithoutLead: z.array(caseLink),
  /** Two-week effect not yet recorded since the first discussion. */
  effectChecks: z.object({ overdue: z.array(effectItem), dueThisWeek: z.array(effectItem) }),
  /** Open cases registered at least `longOpenWeeks` weeks ago, longest first. */
  longOpenCases: z.array(longOpenItem),
  /** Open cases where a party that decides (on the next meeting's date) has no decision yet. */
  consentMissing: z.array(consentItem),
  /** Held meetings' discussions without the parents whose ouderversie is not yet recorded as sent, oldest first. */
  parentCopies: z.array(parentCopyItem),
});
export const dashboardItemsRequest = z.strictObject({ schoolId: id, longOpenWeeks: z.number().int().min(1).max(520).optional() });
/** A new school's first steps on the start screen, in the order a school takes them. */
export const firstStepKey = z.enum(['team', 'pupil', 'case', 'meeting']);
export const firstSteps = z.object({
  steps: z.array(z.object({ key: firstStepKey, done: z.boolean(), count: z.number().int() })),
  /** The IB chose to hide the list before every step was done. */
  hidden: z.boolean(),
});
export const firstStepsHide = z.strictObject({ schoolId: id, hidden: z.boolean() });

// The anonymous monitoring report for the stuurgroep: only shown numbers cross the boundary.
export const monitoringRequest = z
  .strictObject({ schoolIds: z.array(id).min(1).max(200), from: dateInput, to: dateInput })
  .refine((value) => value.from <= value.to, { path: ['to'], error: nl.forms.period });
export const monitoringExport = z
  .strictObject({ schoolIds: z.array(id).min(1).max(200), from: dateInput, to: dateInput, format: z.enum(['docx', 'csv']) })
  .refine((value) => value.from <= value.to, { path: ['to'], error: nl.forms.period });
// Bounded, as the charts channel takes the tables back from the screen; far above what a report holds.
const reportText = z.string().max(500);
const reportCell = z.object({ text: reportText, value: z.number().nullable() });
export const reportTable = z.object({
  title: reportText,
  columns: z.array(reportText).max(50),
  rows: z.array(z.object({ label: reportText, summary: z.boolean().optional(), cells: z.array(reportCell).max(50) })).max(1000),
  emptyText: reportText.optional(),
});
export const monitoringReport = z.object({
  title: z.string(),
  subtitle: z.string(),
  meta: z.array(z.object({ label: z.string(), value: z.string(), csv: z.string().optional() })),
  tables: z.array(reportTable),
  legend: z.array(z.string()),
});
/** The report's numbers: what the Monitoring screen shows first. */
export const monitoringView = z.object({ report: monitoringReport });
// The charts are drawn from the tables the screen already shows, sent back as they came: the
// numbers appear at once and the charts follow, without counting everything a second time.
export const monitoringChartsRequest = z.strictObject({ tables: z.array(reportTable).max(100) });
/** One chart (SVG, drawn in main) per table that has categories to compare. */
export const monitoringCharts = z.object({
  charts: z.array(z.object({ table: z.number().int(), svg: z.string(), description: z.string() })),
});
