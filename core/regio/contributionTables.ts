import { formatShortDate } from '../i18n/formatDate';
import { nlMonitoring as m } from '../i18n/nlMonitoring';
import { nlRegioSchool as t } from '../i18n/nlRegioSchool';
import type { ReportTable } from '../monitoring/report';
import type { Contribution } from './contribution';

// What a regiobijdrage holds, as tables the IB reads before saving it: every
// number of the file, exact (the file is encrypted for the coordinator, who
// suppresses small counts only after adding up the region), in the order and
// with the labels of the monitoring report.

const numberFormat = new Intl.NumberFormat('nl-NL');
const cell = (value: number) => ({ text: numberFormat.format(value), value });
const row = (label: string, value: number) => ({ label, cells: [cell(value)] });
const columns = [m.columns.measure, m.columns.count];

/** The contribution's numbers, table by table, exactly as the file holds them. */
export function contributionTables(c: Contribution): ReportTable[] {
  const x = c.measures;
  const themes = [...new Set(x.tags.flatMap((tag) => tag.byTheme.map((entry) => entry.theme)))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'nl'),
  );
  const tagTable = (kind: 'success_factor' | 'obstacle', title: string, column: string): ReportTable => ({
    title,
    columns: [column, m.columns.total, ...themes.map((theme) => theme ?? m.tags.noTheme)],
    rows: x.tags
      .filter((tag) => tag.kind === kind)
      .map((tag) => ({
        label: tag.name,
        cells: [cell(tag.cases), ...themes.map((theme) => cell(tag.byTheme.find((entry) => entry.theme === theme)?.cases ?? 0))],
      })),
    emptyText: m.tags.none,
  });
  return [
    {
      title: m.cases.title,
      columns,
      rows: [row(m.cases.new, x.cases.newCases), row(m.cases.active, x.cases.activeCases), row(m.cases.closed, x.cases.closedCases)],
    },
    {
      title: m.lead.title,
      columns,
      rows: [row(m.lead.open(formatShortDate(x.asOf)), x.leadCoverage.openCases), row(m.lead.withLead, x.leadCoverage.withLead)],
    },
    {
      title: m.effect.title,
      columns,
      rows: [
        row(m.effect.cohort, x.effect.cases),
        row(m.effect.yes, x.effect.yes),
        row(m.effect.partly, x.effect.partly),
        row(m.effect.no, x.effect.no),
        row(m.effect.unchecked, x.effect.unchecked),
        row(m.effect.withinTarget, x.effect.withinTarget),
      ],
    },
    {
      title: t.preview.leadTimeTitle,
      columns: [t.preview.days, t.preview.cases],
      rows: x.leadTime.map((entry) => ({ label: t.preview.daysLabel(entry.days), cells: [cell(entry.cases)] })),
      emptyText: t.preview.noLeadTime,
    },
    {
      title: m.agreements.title,
      columns,
      rows: [
        row(m.agreements.total, x.agreements.agreements),
        row(m.agreements.doneOnTime, x.agreements.doneOnTime),
        row(m.agreements.doneLate, x.agreements.doneLate),
        row(m.agreements.postponed, x.agreements.postponed),
        row(m.agreements.notDone, x.agreements.notDone),
        row(m.agreements.openNotDue, x.agreements.openNotDue),
        row(m.agreements.openOverdue, x.agreements.openOverdue),
        row(m.agreements.postponements, x.agreements.postponements),
        row(m.agreements.postponedMoreThanOnce, x.agreements.postponedMoreThanOnce),
      ],
    },
    {
      title: m.leadChanges.title,
      columns,
      rows: [row(m.leadChanges.changes, x.leadChanges.changes), row(m.leadChanges.cases, x.leadChanges.cases)],
    },
    {
      title: m.absence.title,
      columns,
      rows: [
        row(m.absence.new, x.absence.newCases),
        row(m.absence.active, x.absence.activeCases),
        row(m.absence.closed, x.absence.closedCases),
      ],
    },
    ...partyTables(c),
    tagTable('success_factor', m.tags.successFactors, m.columns.successFactor),
    tagTable('obstacle', m.tags.obstacles, m.columns.obstacle),
  ];
}

/** With parents and pupil (format version 2); "niet aangeleverd" in a file of version 1. */
function partyTables(c: Contribution): ReportTable[] {
  const p = c.measures.parties;
  const shown = (label: string, value: (parties: NonNullable<typeof p>) => number) =>
    p ? row(label, value(p)) : { label, cells: [{ text: m.parties.notDelivered, value: null }] };
  return [
    {
      title: m.parties.parentsTitle,
      columns,
      rows: [
        shown(m.parties.cohort, (x) => x.firstDiscussions.cases),
        shown(m.parties.parentsPresent, (x) => x.firstDiscussions.parentsPresent),
        shown(m.parties.parentsInvitedAbsent, (x) => x.firstDiscussions.parentsInvitedAbsent),
        shown(m.parties.parentsNotInvited, (x) => x.firstDiscussions.parentsNotInvited),
        shown(m.parties.parentsUnrecorded, (x) => x.firstDiscussions.parentsUnrecorded),
      ],
    },
    {
      title: m.parties.pupilTitle,
      columns,
      rows: [
        shown(m.parties.pupilView, (x) => x.firstDiscussions.pupilView),
        shown(m.parties.from12, (x) => x.firstDiscussions.from12),
        shown(m.parties.from12PupilView, (x) => x.firstDiscussions.from12PupilView),
      ],
    },
    {
      title: m.parties.refusalsTitle,
      columns,
      rows: [
        shown(m.parties.refusalCases, (x) => x.consentRefusals.cases),
        shown(m.parties.byParents, (x) => x.consentRefusals.byParents),
        shown(m.parties.byPupil, (x) => x.consentRefusals.byPupil),
      ],
    },
    {
      title: m.parties.copiesTitle,
      columns,
      rows: [
        shown(m.parties.copies, (x) => x.parentCopies.discussions),
        shown(m.parties.copiesWithinTarget, (x) => x.parentCopies.withinTarget),
        shown(m.parties.copiesLate, (x) => x.parentCopies.late),
        shown(m.parties.copiesNotSent, (x) => x.parentCopies.notSent),
      ],
    },
  ];
}
