import { Paragraph, TextRun, type FileChild } from 'docx';
import type { ParentsPresent, PupilParticipation } from '../../db/schema';
import { formatShortDate } from '../i18n/formatDate';
import { nl } from '../i18n/nl';
import { body, labelled } from './blocks';

/** Who took part in one discussion and the pupil's own view, as stored (null: not recorded). */
export interface ParticipationText {
  parentsPresent: ParentsPresent | null;
  parentsAbsentReason: string;
  pupilParticipation: PupilParticipation | null;
  pupilView: string;
  parentCopySentOn?: string | null;
}

/**
 * Who took part and "Wat vindt de leerling zelf?" for the verslag, the
 * ouderversie and the casusdossier. What was not recorded (discussions from
 * before 0.3) is left out rather than printed as "nee".
 */
export function participationBlocks(info: ParticipationText): FileChild[] {
  const t = nl.participation.docs;
  const parents = info.parentsPresent
    ? t.parentsValues[info.parentsPresent] +
      (info.parentsPresent !== 'yes' && info.parentsAbsentReason ? t.reason(info.parentsAbsentReason) : '')
    : null;
  return [
    ...(parents ? [labelled(t.parents, parents)] : []),
    ...(info.pupilParticipation ? [labelled(t.pupil, t.pupilValues[info.pupilParticipation])] : []),
    ...(info.pupilView
      ? [new Paragraph({ children: [new TextRun({ text: `${t.pupilView}`, bold: true })] }), ...body(info.pupilView)]
      : []),
    ...(info.parentCopySentOn ? [labelled(t.sentOn, formatShortDate(info.parentCopySentOn))] : []),
  ];
}
