import type { FileChild } from 'docx';
import { formatLongDate, formatShortDate } from '../i18n/formatDate';
import { nl } from '../i18n/nl';
import { body, h1, labelled, table, title } from './blocks';
import { compactDate } from './minutesDocx';
import { packSchoolDocx } from './schoolDocx';

const t = nl.actionList.docs;

/** One open agreement as the member reads it: the case already labelled, the description already redacted. */
export interface ActionListItem {
  id: number;
  /** "J.d.V. (Groep 6)", "Anonieme casus (Groep 6)" or "Algemeen". */
  caseLabel: string;
  description: string;
  dueOn: string;
  originalDueOn: string;
  postponements: number;
  /** The date of the meeting where it was agreed. */
  agreedOn: string;
}

/** Everything one member's action list shows; no pupil data beyond the case labels. */
export interface ActionListData {
  school: string;
  /** The day of the export, 'YYYY-MM-DD': what is overdue is measured against it. */
  today: string;
  meeting: { id: number; date: string };
  member: { id: number; name: string; role: string; organisation: string | null };
  /** Sorted by due date. */
  items: ActionListItem[];
}

/** The reference in the footer, e.g. AL-20261207-3-12 (member 12's actions after meeting 3). */
export const actionListId = (data: ActionListData) => ['AL', compactDate(data.meeting.date), data.meeting.id, data.member.id].join('-');

/** The due date as the member reads it: overdue marked, a postponement with the first due date and how often. */
export function dueText(item: ActionListItem, today: string): string {
  const parts = [formatShortDate(item.dueOn)];
  if (item.dueOn < today) parts.push(`(${t.overdue})`);
  if (item.postponements > 0) parts.push(`— ${t.postponed(formatShortDate(item.originalDueOn), item.postponements)}`);
  return parts.join(' ');
}

/** A kernteam member's own open agreements from this and earlier meetings (pure: data in, DOCX bytes out). */
export async function buildActionListDocx(data: ActionListData): Promise<Uint8Array> {
  const id = actionListId(data);
  const children: FileChild[] = [
    title(t.title),
    labelled(t.member, data.member.name),
    labelled(t.role, data.member.role),
    ...(data.member.organisation ? [labelled(t.organisation, data.member.organisation)] : []),
    labelled(t.meeting, formatLongDate(data.meeting.date)),
    ...body(t.intro(formatShortDate(data.meeting.date), formatShortDate(data.today))),
    h1(`${t.actions}: ${t.count(data.items.length)}`),
    ...(data.items.length
      ? [
          table(
            [t.caseColumn, t.descriptionColumn, t.dueColumn, t.agreedColumn],
            data.items.map((item) => [item.caseLabel, item.description, dueText(item, data.today), formatShortDate(item.agreedOn)]),
            [20, 42, 22, 16],
          ),
        ]
      : body(t.none)),
    ...body(t.privacyNote),
  ];
  return packSchoolDocx({ school: data.school, title: t.title, id, children }, `${data.today}T00:00:00Z`);
}
