import type { FileChild } from 'docx';
import { formatShortDate } from '../i18n/formatDate';
import { nl } from '../i18n/nl';
import { ownerLabel } from '../i18n/ownerLabel';
import type { getCase } from '../services/cases';
import { body, h1, h2, labelled, table, title } from './blocks';
import { documentId } from './minutesDocx';
import { packSchoolDocx } from './schoolDocx';
import { participationBlocks } from './participationBlocks';

type CaseData = Awaited<ReturnType<typeof getCase>>;

/** The casusdossier: one case's history across meetings, for professionals. */
export async function buildDossierDocx(data: CaseData, schoolName: string): Promise<Uint8Array> {
  const id = documentId('CD', data.id);
  const children = dossierBlocks(data);
  const last = data.discussions.at(-1)?.date ?? data.registeredOn;
  return packSchoolDocx({ school: schoolName, title: nl.docs.dossierTitle, id, children }, `${last}T00:00:00Z`);
}

/** Who decides at the pupil's age, where the gate stands today, the parties, and every decision of each. */
function consentBlocks(data: CaseData): FileChild[] {
  const c = nl.consent;
  const explained = c.explain({ gate: data.gate, ...data.gateDetail });
  return [
    h1(c.title),
    labelled(c.age, c.ageLine(data.gateDetail.age, data.gateDetail.band)),
    labelled(c.verdict, explained ? `${c.gate[data.gate]} ${explained}` : c.gate[data.gate]),
    ...data.parents.map((parent) =>
      labelled(c.parentName(parent), parent.hasAuthority ? c.authority : `${c.noAuthority} (${c.noAuthorityHelp})`),
    ),
    data.consents.length
      ? table(
          [nl.docs.date, c.who, c.status, c.method, c.scope],
          data.consents.map((consent) => [
            formatShortDate(consent.recordedOn),
            c.decider(consent, data.parents),
            c.statuses[consent.status],
            consent.method ? c.methods[consent.method] : c.methodUnknown,
            c.scopeText(consent),
          ]),
          [14, 22, 14, 16, 34],
        )
      : labelled(c.title, c.none),
  ];
}

/** The body of a casusdossier, also used for each case in a pupil's data export (AVG). */
export function dossierBlocks(data: CaseData): FileChild[] {
  return [
    title(`${nl.docs.dossierTitle}: ${data.firstName} ${data.lastName}`),
    labelled(nl.cases.group, data.groupName),
    labelled(nl.docs.registeredOn, formatShortDate(data.registeredOn)),
    labelled(nl.cases.status, nl.cases.statuses[data.status]),
    labelled(nl.docs.question, data.question),
    ...(data.themes.length ? [labelled(nl.cases.themes, data.themes.map((theme) => theme.name).join(', '))] : []),
    ...(data.closedOn ? [labelled(nl.casePage.closeReason, `${formatShortDate(data.closedOn)}: ${data.closedReason ?? ''}`)] : []),
    ...consentBlocks(data),
    h1(nl.docs.leads),
    table(
      [nl.docs.lead, nl.docs.date, nl.casePage.closeReason],
      data.leads.map((lead) => [
        lead.memberName,
        nl.casePage.from(formatShortDate(lead.startedOn), lead.endedOn && formatShortDate(lead.endedOn)),
        lead.reason,
      ]),
      [30, 30, 40],
    ),
    h1(nl.docs.history),
    ...data.discussions.flatMap((discussion) => [
      h2(nl.docs.discussedOn(formatShortDate(discussion.date))),
      ...participationBlocks(discussion),
      ...body(discussion.notes),
      ...(discussion.conclusions ? [labelled(nl.docs.conclusions, discussion.conclusions)] : []),
    ]),
    h1(nl.docs.agreements),
    table(
      [nl.docs.what, nl.docs.who, nl.docs.when, nl.docs.status],
      data.agreements.map((agreement) => [
        agreement.description,
        ownerLabel(agreement),
        formatShortDate(agreement.dueOn),
        nl.chair.statuses[agreement.status] + (agreement.postponements ? ` (${nl.chair.postponed(agreement.postponements)})` : ''),
      ]),
      [42, 24, 17, 17],
    ),
    h1(nl.docs.effectChecks),
    ...(data.effectChecks.length
      ? data.effectChecks.map((check) =>
          labelled(formatShortDate(check.checkedOn), `${nl.chair.effectResults[check.result]} ${check.note}`),
        )
      : [labelled(nl.docs.effect, data.effectDueOn ? nl.docs.effectPending(formatShortDate(data.effectDueOn)) : '—')]),
  ];
}
