import { Paragraph, type FileChild } from 'docx';
import { formatMoment, formatShortDate } from '../i18n/formatDate';
import { nl } from '../i18n/nl';
import type { getCase } from '../services/cases';
import { auditActionLabel, auditCountsText, auditRecordText } from '../i18n/auditText';
import { body, h1, labelled, table, title } from './blocks';
import { dossierBlocks } from './dossierDocx';
import { packSchoolDocx } from './schoolDocx';

const t = nl.privacy.docs;

export interface PupilDocxData {
  school: string;
  /** The day of the export, 'YYYY-MM-DD'. */
  on: string;
  pupil: { id: number; firstName: string; lastName: string; dateOfBirth: string; groupName: string; createdAt: string };
  cases: Awaited<ReturnType<typeof getCase>>[];
  meetings: { date: string; version: number | null; stored: boolean }[];
  audit: { at: string; actor: string; action: string; entity: string; entityId: number | null; counts: Record<string, number> }[];
}

/** Everything about one pupil for an access request (AVG art. 15); each case as in its casusdossier. */
export async function buildPupilDocx(data: PupilDocxData): Promise<Uint8Array> {
  const id = `AVG-${data.pupil.id}`;
  const { pupil } = data;
  const children: FileChild[] = [
    title(`${t.title}: ${pupil.firstName} ${pupil.lastName}`),
    ...body(t.intro(formatShortDate(data.on))),
    h1(t.pupil),
    labelled(t.name, `${pupil.firstName} ${pupil.lastName}`),
    labelled(t.dateOfBirth, formatShortDate(pupil.dateOfBirth)),
    labelled(t.group, pupil.groupName),
    labelled(t.since, formatShortDate(pupil.createdAt.slice(0, 10))),
    ...(data.cases.length === 0 ? [h1(t.cases), ...body(t.noCases)] : []),
    ...data.cases.flatMap((supportCase) => [new Paragraph({ text: '', pageBreakBefore: true }), ...dossierBlocks(supportCase)]),
    h1(t.meetings),
    ...(data.meetings.length
      ? [
          table(
            [nl.docs.date, t.verslag],
            data.meetings.map((meeting) => [
              formatShortDate(meeting.date),
              meeting.version === null ? t.verslagNone : meeting.stored ? t.verslagStored(meeting.version) : t.verslagRemoved,
            ]),
            [40, 60],
          ),
          ...body(t.othersNote),
        ]
      : body(t.noMeetings)),
    h1(t.audit),
    ...(data.audit.length
      ? [
          table(
            [nl.privacy.audit.at, nl.privacy.audit.actor, nl.privacy.audit.action, nl.privacy.audit.record],
            data.audit.map((entry) => [
              formatMoment(entry.at),
              entry.actor,
              [auditActionLabel(entry.action), auditCountsText(entry.counts)].filter(Boolean).join(' — '),
              auditRecordText(entry),
            ]),
            [22, 18, 40, 20],
          ),
        ]
      : body(t.noAudit)),
  ];
  return packSchoolDocx({ school: data.school, title: t.title, id, children }, `${data.on}T00:00:00Z`);
}
