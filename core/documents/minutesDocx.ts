import { Paragraph, TextRun, type FileChild } from 'docx';
import { AppError } from '../errors';
import { formatLongDate, formatShortDate } from '../i18n/formatDate';
import { nl } from '../i18n/nl';
import { ownerLabel } from '../i18n/ownerLabel';
import { body, h1, h2, labelled, table, title } from './blocks';
import type { MinutesData } from './minutesData';
import { packSchoolDocx } from './schoolDocx';
import { fingerprintInFours } from '../signing/fingerprintFours';
import { participationBlocks } from './participationBlocks';

type Item = MinutesData['items'][number];
type Agreement = Item['agreements'][number];

const statusText = (agreement: Agreement) =>
  nl.chair.statuses[agreement.status] + (agreement.postponements ? ` (${nl.chair.postponed(agreement.postponements)})` : '');

function agreementsTable(agreements: Agreement[]): FileChild[] {
  if (agreements.length === 0) return [new Paragraph({ children: [new TextRun({ text: nl.docs.noAgreements, italics: true })] })];
  return [
    table(
      [nl.docs.what, nl.docs.who, nl.docs.when, nl.docs.status],
      agreements.map((agreement) => [
        agreement.description,
        ownerLabel(agreement),
        formatShortDate(agreement.dueOn),
        statusText(agreement),
      ]),
      [42, 24, 17, 17],
    ),
  ];
}

/** The part of the verslag about one case: used by the full verslag and the parent version alike. */
export function casePart(item: Item): FileChild[] {
  const info = item.case!;
  const effect = info.effect
    ? `${nl.chair.effectResults[info.effect.result]}${info.effect.note ? ` — ${info.effect.note}` : ''}`
    : info.effectDueOn
      ? nl.docs.effectPending(formatShortDate(info.effectDueOn))
      : '—';
  return [
    h2(`${info.pupilName}${info.groupName && !info.pupilName.includes(info.groupName) ? ` (${info.groupName})` : ''}`),
    labelled(nl.docs.question, info.question),
    ...participationBlocks(info.participation),
    ...(info.summary ? [labelled(nl.docs.summary, info.summary)] : []),
    ...(item.notes ? [new Paragraph({ children: [new TextRun({ text: `${nl.docs.notes}:`, bold: true })] }), ...body(item.notes)] : []),
    ...(info.conclusions ? [labelled(nl.docs.conclusions, info.conclusions)] : []),
    labelled(nl.docs.lead, info.leadName ?? nl.docs.noLead),
    labelled(nl.docs.effect, effect),
    new Paragraph({ children: [new TextRun({ text: `${nl.docs.agreements}:`, bold: true })] }),
    ...agreementsTable(item.agreements),
  ];
}

/** Date, time, place, chair and minute-taker: the facts every version shares. */
export function meetingFacts(data: MinutesData): FileChild[] {
  const { meeting } = data;
  return [
    labelled(nl.docs.date, formatLongDate(meeting.date)),
    labelled(nl.docs.time, meeting.startTime),
    ...(meeting.location ? [labelled(nl.docs.location, meeting.location)] : []),
  ];
}

function presenceRows(data: MinutesData, withNames: boolean): string[][] {
  return data.meeting.presence.map((row) => [
    ...(withNames ? [row.name] : []),
    row.roleName,
    nl.docs.presenceStatus[row.status ?? 'unknown'],
  ]);
}

export function presenceTable(data: MinutesData, withNames: boolean): FileChild {
  return withNames
    ? table([nl.team.name, nl.team.role, nl.docs.presence], presenceRows(data, true), [33, 42, 25])
    : table([nl.team.role, nl.docs.presence], presenceRows(data, false), [70, 30]);
}

/** The reference in a document's footer, e.g. VS-20261207-3 (verslag of meeting 3 on 7 December 2026). */
export function documentId(kind: 'VS' | 'OV' | 'CD', ...parts: (string | number)[]): string {
  // A date in it is written without dashes: it is part of a reference, not a
  // date for people to read (those are written out in Dutch).
  return [kind, ...parts.map(compactDate)].join('-');
}

/** "2026-12-07" as "20261207"; anything else unchanged. */
export function compactDate(part: string | number): string | number {
  return typeof part === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(part) ? part.replaceAll('-', '') : part;
}

/** What the signature block of a finalized verslag prints: the day it was finalized and who signs it. */
export interface SignatureBlock {
  date: string;
  signers: { meetingRole: 'chair' | 'minuteTaker'; name: string; role: string; fingerprint: string; fingerprintSha1?: string | null }[];
}

/** A finalized verslag whose stored (signed) bytes were removed with a pupil's data: built again from what is kept. */
export interface RebuiltAfterErasure {
  rebuilt: true;
}

/**
 * The certificate's fingerprint in fours ("3FA1 0B2C …"), read aloud and compared group by group:
 * two lines of eight groups in a fixed-width font, so the groups stand in columns. The first line
 * ends in a space, so the document's text holds the whole fingerprint as one string (verifyDocx).
 */
function fingerprintLines(label: string, fingerprint: string): Paragraph[] {
  const groups = fingerprintInFours(fingerprint).split(' ');
  // Consolas comes with Windows and Office; LibreOffice elsewhere substitutes a fixed-width font.
  const font = 'Consolas';
  const lines: string[] = [];
  for (let index = 0; index < groups.length; index += 8) lines.push(groups.slice(index, index + 8).join(' '));
  return [
    new Paragraph({ children: [new TextRun({ text: `${label}:`, bold: true })], keepNext: true }),
    new Paragraph({
      keepLines: true,
      // Each line but the last ends in a space, so the document's text still holds the whole fingerprint.
      children: lines.map((line, index) => new TextRun({ text: index < lines.length - 1 ? `${line} ` : line, font, break: index ? 1 : 0 })),
    }),
  ];
}

function signatureSection(block: SignatureBlock | RebuiltAfterErasure | undefined): FileChild[] {
  const italic = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] });
  if (!block) return [h1(nl.docs.signatures), italic(nl.docs.signatureLine)];
  if ('rebuilt' in block) return [h1(nl.docs.signatures), italic(nl.privacy.docs.rebuiltNote)];
  if (block.signers.length === 0) return [h1(nl.docs.signatures), italic(nl.docs.finalizedUnsigned(formatShortDate(block.date)))];
  return [
    h1(nl.docs.signatures),
    ...block.signers.flatMap((signer) => [
      h2(`${signer.meetingRole === 'chair' ? nl.docs.chair : nl.docs.minuteTaker}: ${signer.name}`),
      ...(signer.role ? [labelled(nl.docs.signerRole, signer.role)] : []),
      labelled(nl.docs.date, formatShortDate(block.date)),
      ...fingerprintLines(nl.docs.fingerprint, signer.fingerprint),
      ...(signer.fingerprintSha1 ? fingerprintLines(nl.docs.fingerprintSha1, signer.fingerprintSha1) : []),
    ]),
    italic(nl.docs.howToVerify),
  ];
}

/** The full verslag for kernteam members; a finalized one carries its signature block. */
export async function buildMinutesDocx(data: MinutesData, signatures?: SignatureBlock | RebuiltAfterErasure): Promise<Uint8Array> {
  const { meeting, school } = data;
  const id = documentId('VS', meeting.date, meeting.id);
  const cases = data.items.filter((item) => item.kind === 'case');
  const general = data.items.filter((item) => item.kind === 'general' && (item.notes || item.agreements.length));
  const children: FileChild[] = [
    title(`${nl.docs.minutesTitle} ${formatShortDate(meeting.date)}`),
    ...meetingFacts(data),
    ...(meeting.chairName ? [labelled(nl.docs.chair, meeting.chairName)] : []),
    ...(meeting.minuteTakerName ? [labelled(nl.docs.minuteTaker, meeting.minuteTakerName)] : []),
    h1(nl.docs.presence),
    presenceTable(data, true),
    h1(nl.docs.cases),
    ...cases.flatMap(casePart),
    ...(general.length
      ? [
          h1(nl.docs.general),
          ...general.flatMap((item) => [
            h2(item.title),
            ...body(item.notes),
            ...(item.agreements.length ? agreementsTable(item.agreements) : []),
          ]),
        ]
      : []),
    h1(nl.docs.actions),
    ...data.actions.flatMap((group) => [
      h2(group.owner),
      table(
        [nl.docs.what, nl.docs.when, nl.docs.status],
        group.agreements.map((agreement) => [agreement.description, formatShortDate(agreement.dueOn), statusText(agreement)]),
        [60, 20, 20],
      ),
    ]),
    ...(meeting.openQuestions ? [h1(nl.docs.openQuestions), ...body(meeting.openQuestions)] : []),
    ...signatureSection(signatures),
  ];
  return packSchoolDocx(
    { school: school.name, title: `${nl.docs.minutesTitle} ${formatShortDate(meeting.date)}`, id, children },
    `${meeting.date}T${meeting.startTime}:00Z`,
  );
}

/**
 * The parent version: only this case's part and the general facts (date,
 * presence by role). Nothing about other pupils: not their names, initials,
 * cases, or general items that might mention them.
 */
export async function buildParentDocx(data: MinutesData, caseId: number): Promise<Uint8Array> {
  const { meeting, school } = data;
  const item = data.items.find((entry) => entry.case?.id === caseId);
  // A parent version exists only for a case discussed in that meeting: any other case is not found.
  if (!item) throw new AppError('NOT_FOUND', 'case discussed in that meeting');
  const id = documentId('OV', meeting.date, meeting.id, caseId);
  const children: FileChild[] = [
    title(nl.docs.parentTitle),
    new Paragraph({ children: [new TextRun({ text: nl.docs.parentIntro, italics: true })] }),
    ...meetingFacts(data),
    h1(nl.docs.presence),
    presenceTable(data, false),
    h1(nl.docs.cases),
    ...casePart(item),
  ];
  return packSchoolDocx({ school: school.name, title: nl.docs.parentTitle, id, children }, `${meeting.date}T${meeting.startTime}:00Z`);
}
