import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// The typed mirror of db/migrations. Column names are camelCase here and
// snake_case in SQLite (Kysely's CamelCasePlugin maps them).

/** 'YYYY-MM-DD' */
export type IsoDate = string;
/** ISO-8601 UTC moment */
export type IsoMoment = string;
type Flag = number; // 0 | 1: SQLite has no boolean

export type CaseStatus = 'registered' | 'active' | 'closed';
export type ConsentStatus = 'given' | 'refused' | 'withdrawn';
export type ConsentParty = 'parent' | 'pupil';
export type ConsentMethod = 'oral' | 'written' | 'digital';
export type ParentsPresent = 'yes' | 'invited_absent' | 'not_invited';
export type PupilParticipation = 'present' | 'heard' | 'none';
export type MeetingStatus = 'planned' | 'in_progress' | 'held' | 'finalized' | 'cancelled';
export type PresenceStatus = 'present' | 'absent' | 'excused';
export type AgendaKind = 'case' | 'general';
export type OwnerKind = 'member' | 'parents' | 'pupil' | 'staff';
export type AgreementStatus = 'open' | 'done' | 'not_done';
export type EffectResult = 'yes' | 'partly' | 'no';
export type TagKind = 'success_factor' | 'obstacle';
export type MinutesStatus = 'draft' | 'finalized';

export interface SchoolTable {
  id: Generated<number>;
  name: string;
  brin: string | null;
  city: string | null;
  isDemo: ColumnType<Flag, Flag | undefined, Flag>;
  createdAt: IsoMoment;
}

export interface RoleTable {
  id: Generated<number>;
  schoolId: number;
  code: string | null;
  name: string;
  sortOrder: ColumnType<number, number | undefined, number>;
  active: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface MemberTable {
  id: Generated<number>;
  schoolId: number;
  roleId: number;
  name: string;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  joinedOn: IsoDate | null;
  leftOn: IsoDate | null;
  createdAt: IsoMoment;
}

export interface PupilTable {
  id: Generated<number>;
  schoolId: number;
  firstName: string;
  lastName: string;
  dateOfBirth: IsoDate;
  groupName: string;
  createdAt: IsoMoment;
}

export interface ThemeTable {
  id: Generated<number>;
  schoolId: number;
  code: string | null;
  name: string;
  active: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface SupportCaseTable {
  id: Generated<number>;
  schoolId: number;
  pupilId: number;
  question: string;
  analysis: ColumnType<string, string | undefined, string>;
  status: CaseStatus;
  registeredOn: IsoDate;
  firstDiscussedOn: IsoDate | null;
  effectDueOn: IsoDate | null;
  closedOn: IsoDate | null;
  closedReason: ColumnType<string | null, string | null | undefined, string | null>;
  safetyConcernReason: string | null;
  createdAt: IsoMoment;
  updatedAt: IsoMoment;
}

export interface CaseThemeTable {
  caseId: number;
  themeId: number;
}

/** A parent or carer of the pupil in one case (migration 007); the pupil is always a party too. */
export interface CaseParentTable {
  id: Generated<number>;
  caseId: number;
  /** '' for "the parents" of a decision recorded before migration 007. */
  name: ColumnType<string, string | undefined, string>;
  /** moeder, vader, pleegouder, voogd, …: free text. */
  relation: ColumnType<string, string | undefined, string>;
  /** With parental authority (gezag): only then does the decision count below 16. */
  hasAuthority: ColumnType<Flag, Flag | undefined, Flag>;
  createdAt: IsoMoment;
}

/** One decision of one party; the latest per party counts, earlier ones stay as history. */
export interface ConsentTable {
  id: Generated<number>;
  caseId: number;
  status: ConsentStatus;
  /** Free text from before migration 007; new decisions use coversDiscussion and shareWith. */
  scope: ColumnType<string, string | undefined, string>;
  recordedOn: IsoDate;
  note: ColumnType<string, string | undefined, string>;
  createdAt: IsoMoment;
  party: ColumnType<ConsentParty, ConsentParty | undefined, ConsentParty>;
  /** The parent who decided; null for the pupil. */
  parentId: ColumnType<number | null, number | null | undefined, number | null>;
  /** How the decision was given; null when not recorded (before migration 007). */
  method: ColumnType<ConsentMethod | null, ConsentMethod | null | undefined, ConsentMethod | null>;
  /** Covers discussing the case by name in the kernteam. */
  coversDiscussion: ColumnType<Flag, Flag | undefined, Flag>;
  /** JSON array of the partner organisations the verslag may be shared with. */
  shareWith: ColumnType<string, string | undefined, string>;
}

export interface CaseLeadTable {
  id: Generated<number>;
  caseId: number;
  memberId: number;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  reason: ColumnType<string, string | undefined, string>;
  createdAt: IsoMoment;
}

export interface MeetingTable {
  id: Generated<number>;
  schoolId: number;
  date: IsoDate;
  /** 'HH:MM' */
  startTime: string;
  location: ColumnType<string, string | undefined, string>;
  chairId: number | null;
  minuteTakerId: number | null;
  status: MeetingStatus;
  openQuestions: ColumnType<string, string | undefined, string>;
  createdAt: IsoMoment;
  updatedAt: IsoMoment;
  /** The iCalendar UID of the meeting's invitation: null until the first one is sent. */
  invitationUid: ColumnType<string | null, string | null | undefined, string | null>;
  /** The SEQUENCE the invitation was last sent with; higher after each change. */
  invitationSequence: ColumnType<number, number | undefined, number>;
  /** Hash of the invitation's content as last sent: the same content keeps its sequence. */
  invitationHash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PresenceTable {
  meetingId: number;
  memberId: number;
  invited: ColumnType<Flag, Flag | undefined, Flag>;
  status: PresenceStatus | null;
}

export interface AgendaItemTable {
  id: Generated<number>;
  meetingId: number;
  position: number;
  kind: AgendaKind;
  caseId: number | null;
  title: ColumnType<string, string | undefined, string>;
  notes: ColumnType<string, string | undefined, string>;
  plannedMinutes: ColumnType<number, number | undefined, number>;
  spentSeconds: ColumnType<number, number | undefined, number>;
  anonymous: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface CaseDiscussionTable {
  id: Generated<number>;
  agendaItemId: number;
  meetingId: number;
  caseId: number;
  notes: ColumnType<string, string | undefined, string>;
  summary: ColumnType<string, string | undefined, string>;
  conclusions: ColumnType<string, string | undefined, string>;
  discussedByName: ColumnType<Flag, Flag | undefined, Flag>;
  updatedAt: IsoMoment;
  /** Were the parents there? null when not recorded. */
  parentsPresent: ColumnType<ParentsPresent | null, ParentsPresent | null | undefined, ParentsPresent | null>;
  /** Why the parents were not invited (required for 'not_invited'). */
  parentsAbsentReason: ColumnType<string, string | undefined, string>;
  pupilParticipation: ColumnType<PupilParticipation | null, PupilParticipation | null | undefined, PupilParticipation | null>;
  /** "Wat vindt de leerling zelf?" */
  pupilView: ColumnType<string, string | undefined, string>;
  /** The day the ouderversie was sent to parents who were not there. */
  parentCopySentOn: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>;
}

export interface AgreementTable {
  id: Generated<number>;
  schoolId: number;
  caseId: number | null;
  meetingId: number;
  agendaItemId: number | null;
  description: string;
  ownerKind: OwnerKind;
  ownerMemberId: number | null;
  ownerName: ColumnType<string, string | undefined, string>;
  dueOn: IsoDate;
  originalDueOn: IsoDate;
  status: AgreementStatus;
  postponements: ColumnType<number, number | undefined, number>;
  completedOn: IsoDate | null;
  createdAt: IsoMoment;
  updatedAt: IsoMoment;
}

export interface EffectCheckTable {
  id: Generated<number>;
  caseId: number;
  discussionId: number | null;
  result: EffectResult;
  note: ColumnType<string, string | undefined, string>;
  checkedOn: IsoDate;
  createdAt: IsoMoment;
}

export interface TagTable {
  id: Generated<number>;
  schoolId: number;
  kind: TagKind;
  name: string;
  category: ColumnType<string, string | undefined, string>;
  active: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface DiscussionTagTable {
  discussionId: number;
  tagId: number;
}

export interface MinutesTable {
  id: Generated<number>;
  meetingId: number;
  version: number;
  status: MinutesStatus;
  correctionReason: ColumnType<string, string | undefined, string>;
  docx: Uint8Array | null;
  sha256: string | null;
  finalizedAt: IsoMoment | null;
  createdAt: IsoMoment;
}

export interface SignatureTable {
  id: Generated<number>;
  minutesId: number;
  memberId: number | null;
  signerName: string;
  signerRole: string;
  certificateSha256: string;
  signedAt: IsoMoment;
  signedDocx: Uint8Array;
  sha256: string;
}

export type CertificateSource = 'created' | 'imported';
export type MeetingRole = 'chair' | 'minuteTaker';

export interface CertificateTable {
  id: Generated<number>;
  schoolId: number;
  memberId: number | null;
  name: string;
  role: string;
  organisation: string;
  issuer: string;
  /** SHA-256 of the DER certificate as "AB:CD:…". */
  fingerprint: string;
  /** SHA-1 as "AB:CD:…", what Word and LibreOffice show; null until first unlocked when stored before migration 009. */
  fingerprintSha1: ColumnType<string | null, string | null | undefined, string | null>;
  notBefore: IsoMoment;
  notAfter: IsoMoment;
  source: CertificateSource;
  /** PKCS#12, encrypted with the owner's passphrase. */
  p12: Uint8Array;
  createdAt: IsoMoment;
}

export interface MinutesSignerTable {
  minutesId: number;
  position: number;
  meetingRole: MeetingRole;
  certificateId: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: IsoMoment;
  actor: string;
  action: string;
  entity: ColumnType<string, string | undefined, never>;
  entityId: ColumnType<number | null, number | null | undefined, never>;
  schoolId: ColumnType<number | null, number | null | undefined, never>;
  /** JSON object of named counts, e.g. {"cases":3}; never text (migration 004). */
  counts: ColumnType<string, string | undefined, never>;
}

/** FTS5 index over pupils, cases and discussion notes, kept by triggers. */
export interface SearchIndexTable {
  body: string;
  /** 's<school id>' */
  scope: string;
  kind: 'pupil' | 'case' | 'discussion';
  refId: number;
  schoolId: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** A school's own key pair that signs its regiobijdragen (migration 006). */
export interface ContributionKeyTable {
  schoolId: number;
  certificatePem: string;
  privateKeyPem: string;
  fingerprint: string;
  createdAt: IsoMoment;
}

/** One row in a region database (none in a school's). */
export interface RegionTable {
  id: number;
  name: string;
  isDemo: ColumnType<Flag, Flag | undefined, Flag>;
  createdAt: IsoMoment;
}

/** The coordinator's key pairs: schools encrypt for the active one. */
export interface RegionKeyTable {
  id: Generated<number>;
  certificatePem: string;
  privateKeyPem: string;
  fingerprint: string;
  notAfter: IsoMoment;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  createdAt: IsoMoment;
}

/** A gebied: buurt, wijk or onderzoeksgebied. */
export interface RegionAreaTable {
  id: Generated<number>;
  name: string;
  createdAt: IsoMoment;
}

export interface RegionSchoolTable {
  id: Generated<number>;
  name: string;
  areaId: number | null;
  createdAt: IsoMoment;
}

/** A school's signing certificate that the coordinator confirmed by its fingerprint. */
export interface RegionSignerTable {
  id: Generated<number>;
  fingerprint: string;
  subject: string;
  regionSchoolId: number;
  acceptedAt: IsoMoment;
}

/** A contribution as read: its JSON content (core/regio/contribution.ts), kept decrypted in the encrypted database. */
export interface ContributionTable {
  id: Generated<number>;
  regionSchoolId: number;
  periodFrom: IsoDate;
  periodTo: IsoDate;
  formatVersion: number;
  content: string;
  fileSha256: string;
  signerFingerprint: string;
  createdAt: IsoMoment;
  receivedAt: IsoMoment;
  replacedById: number | null;
}

/** The database as Kysely sees it. */
export interface DB {
  school: SchoolTable;
  role: RoleTable;
  member: MemberTable;
  pupil: PupilTable;
  theme: ThemeTable;
  supportCase: SupportCaseTable;
  caseTheme: CaseThemeTable;
  caseParent: CaseParentTable;
  consent: ConsentTable;
  caseLead: CaseLeadTable;
  meeting: MeetingTable;
  presence: PresenceTable;
  agendaItem: AgendaItemTable;
  caseDiscussion: CaseDiscussionTable;
  agreement: AgreementTable;
  effectCheck: EffectCheckTable;
  tag: TagTable;
  discussionTag: DiscussionTagTable;
  minutes: MinutesTable;
  signature: SignatureTable;
  certificate: CertificateTable;
  minutesSigner: MinutesSignerTable;
  auditLog: AuditLogTable;
  setting: SettingTable;
  searchIndex: SearchIndexTable;
  contributionKey: ContributionKeyTable;
  region: RegionTable;
  regionKey: RegionKeyTable;
  regionArea: RegionAreaTable;
  regionSchool: RegionSchoolTable;
  regionSigner: RegionSignerTable;
  contribution: ContributionTable;
}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;
