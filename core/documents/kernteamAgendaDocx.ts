import { Paragraph, TextRun, type FileChild } from 'docx';
import { formatLongDate, formatShortDate } from '../i18n/formatDate';
import { nlKernteamAgenda as t } from '../i18n/nlKernteamAgenda';
import { body, h1, h2, labelled, table, title } from './blocks';
import { compactDate } from './minutesDocx';
import { packSchoolDocx } from './schoolDocx';

// The agenda the kernteam receives before a meeting. Pure: the service decides
// how each case is named (sharedCaseLabels) and redacts its free text; this file
// only lays out what it is given, so it cannot name a pupil it was not handed.

/** An open agreement to report on, its description already redacted. */
export interface AgendaAgreement {
  description: string;
  owner: string;
  dueOn: string;
  originalDueOn: string;
  postponements: number;
}

export type KernteamAgendaItem = { minutes: number } & (
  | { kind: 'general'; title: string }
  /** A case the kernteam may know by initials: its label, the hulpvraag (redacted) and open agreements. */
  | { kind: 'case'; named: true; label: string; question: string; agreements: AgendaAgreement[] }
  /** Any other case: "Anonieme casus (Groep 6)" and its minutes, nothing else. */
  | { kind: 'case'; named: false; label: string }
);

/** Everything the agenda shows: meeting facts (no pupil data) and the items in agenda order. */
export interface KernteamAgendaData {
  school: string;
  meeting: { id: number; date: string; startTime: string; location: string; chairName: string | null };
  invited: { name: string; role: string; organisation: string | null }[];
  items: KernteamAgendaItem[];
}

const MAX_QUESTION = 160;

/** The hulpvraag in short: its first sentence, at most ~160 characters cut at a word boundary with "…". */
export function shortQuestion(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const sentence = flat.slice(0, firstSentenceEnd(flat));
  if (sentence.length <= MAX_QUESTION) return sentence;
  const cut = sentence.slice(0, MAX_QUESTION);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_QUESTION / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, '')}…`;
}

/** Where the first sentence ends: a full stop, ! or ? before a capital or the end, but not the dot of an initial ("J.d.V. leest"). */
function firstSentenceEnd(text: string): number {
  for (const match of text.matchAll(/[.!?](?=\s+[\p{Lu}\p{N}]|\s*$)/gu)) {
    const before = text.slice(0, match.index);
    if (match[0] === '.' && /(?:^|[\s.])\p{L}$/u.test(before)) continue;
    return match.index + 1;
  }
  return text.length;
}

/** "14:00" plus 35 minutes is "14:35" (a meeting does not run past midnight; if it would, the clock wraps). */
export function addMinutes(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number);
  const total = (hours * 60 + mins + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The reference in the footer, e.g. AG-20261214-3. */
export const agendaDocumentId = (meeting: { id: number; date: string }) => `AG-${compactDate(meeting.date)}-${meeting.id}`;

const italic = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] });

function stateText(agreement: AgendaAgreement): string {
  return agreement.postponements > 0 ? t.postponed(agreement.postponements, formatShortDate(agreement.originalDueOn)) : t.open;
}

function itemBlocks(item: KernteamAgendaItem, start: string): FileChild[] {
  const heading = h2(`${item.kind === 'general' ? item.title : item.label}`);
  const slot = italic(t.slot(start, item.minutes));
  if (item.kind === 'general') return [heading, slot];
  if (!item.named) return [heading, slot, italic(t.anonymousNote)];
  return [
    heading,
    slot,
    labelled(t.question, item.question ? shortQuestion(item.question) : t.noQuestion),
    new Paragraph({ children: [new TextRun({ text: `${t.openAgreements}:`, bold: true })] }),
    ...(item.agreements.length
      ? [
          table(
            [t.what, t.who, t.due, t.state],
            item.agreements.map((agreement) => [
              agreement.description,
              agreement.owner,
              formatShortDate(agreement.dueOn),
              stateText(agreement),
            ]),
            [44, 20, 16, 20],
          ),
        ]
      : [italic(t.noOpenAgreements)]),
  ];
}

/** The agenda for the kernteam as DOCX: the same data gives the same bytes. */
export async function buildKernteamAgendaDocx(data: KernteamAgendaData): Promise<Uint8Array> {
  const { meeting } = data;
  const id = agendaDocumentId(meeting);
  const total = data.items.reduce((sum, item) => sum + item.minutes, 0);
  let start = meeting.startTime;
  const items: FileChild[] = [];
  for (const item of data.items) {
    items.push(...itemBlocks(item, start));
    start = addMinutes(start, item.minutes);
  }
  const children: FileChild[] = [
    title(t.title),
    italic(t.intro),
    labelled(t.school, data.school),
    labelled(t.date, formatLongDate(meeting.date)),
    labelled(t.time, t.timeRange(meeting.startTime, addMinutes(meeting.startTime, total))),
    ...(meeting.location ? [labelled(t.location, meeting.location)] : []),
    ...(meeting.chairName ? [labelled(t.chair, meeting.chairName)] : []),
    h1(t.invited),
    ...(data.invited.length
      ? [
          table(
            [t.name, t.role, t.organisation],
            data.invited.map((member) => [member.name, member.role, member.organisation ?? '—']),
            [34, 33, 33],
          ),
        ]
      : body(t.noInvited)),
    h1(t.items),
    ...(items.length ? items : body(t.noItems)),
  ];
  return packSchoolDocx({ school: data.school, title: t.title, id, children }, `${meeting.date}T${meeting.startTime}:00Z`);
}
