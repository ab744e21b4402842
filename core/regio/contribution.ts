import { z } from 'zod';

// The regiobijdrage: what one school sends its region for one period. Only
// exact counts (and the lead-time distribution, so the region's median is
// exact): no name of a pupil or professional, no initials, date of birth,
// free text, id of any record, or meeting date. The school's name, the
// period, the app and the format version say what it is. The schema is the
// documented format (docs/regiomonitor.md); every field is required and no
// other field is allowed, so a file either is this format or is refused.

export const CONTRIBUTION_FORMAT = 'mdo-regiobijdrage';
/** The version this release writes and the newest it reads. Version 2 added `parties`; version 1 files still read and combine. */
export const CONTRIBUTION_VERSION = 2;
/** The versions this release reads. */
export const CONTRIBUTION_VERSIONS = [1, 2] as const;

/** A count as the report uses it; the bound keeps a forged file from overflowing sums. */
const count = z.number().int().min(0).max(10_000_000);
const isoDate = z.iso.date();
/** A name from the school's own lists (a theme, a success factor or obstacle), never free text about a pupil. */
const listName = z.string().trim().min(1).max(200);

export const caseCountsSchema = z.strictObject({ newCases: count, activeCases: count, closedCases: count });

export const contributionMeasures = z.strictObject({
  /** The day open cases and open agreements were judged: the period's end, or the day of export when earlier. */
  asOf: isoDate,
  cases: caseCountsSchema,
  leadCoverage: z.strictObject({ openCases: count, withLead: count }),
  effect: z.strictObject({ cases: count, yes: count, partly: count, no: count, unchecked: count, withinTarget: count }),
  /** Cases first discussed in the period, by whole days from registration to first discussion. */
  leadTime: z.array(z.strictObject({ days: z.number().int().min(0).max(100_000), cases: count.min(1) })).max(100_000),
  agreements: z.strictObject({
    agreements: count,
    doneOnTime: count,
    doneLate: count,
    postponed: count,
    notDone: count,
    openNotDue: count,
    openOverdue: count,
    postponements: count,
    postponedMoreThanOnce: count,
  }),
  leadChanges: z.strictObject({ changes: count, cases: count }),
  /** Cases with the theme verzuim / thuiszitten. */
  absence: caseCountsSchema,
  /**
   * With parents and pupil (format version 2; absent in version 1): who took part in each case's first
   * discussion in the period and the pupil's own view, cases with consent refused or withdrawn, and the
   * ouderversie for parents who were not there.
   */
  parties: z
    .strictObject({
      firstDiscussions: z.strictObject({
        cases: count,
        parentsPresent: count,
        parentsInvitedAbsent: count,
        parentsNotInvited: count,
        parentsUnrecorded: count,
        pupilView: count,
        from12: count,
        from12PupilView: count,
      }),
      consentRefusals: z.strictObject({ cases: count, byParents: count, byPupil: count }),
      parentCopies: z.strictObject({ discussions: count, withinTarget: count, late: count, notSent: count }),
    })
    .optional(),
  /** Success factors and obstacles, in cases, per case theme (theme null: cases without a theme). */
  tags: z
    .array(
      z.strictObject({
        kind: z.enum(['success_factor', 'obstacle']),
        name: listName,
        cases: count,
        byTheme: z.array(z.strictObject({ theme: listName.nullable(), cases: count })).max(1000),
      }),
    )
    .max(1000),
});

export const contributionSchema = z
  .strictObject({
    format: z.literal(CONTRIBUTION_FORMAT),
    formatVersion: z.union(CONTRIBUTION_VERSIONS.map((version) => z.literal(version))),
    app: z.strictObject({ name: z.literal('MDO'), version: z.string().min(1).max(40) }),
    school: z.strictObject({ name: z.string().trim().min(1).max(200) }),
    period: z.strictObject({ from: isoDate, to: isoDate }),
    /** When the school made the file (ISO moment): the newer of two files for one school and period wins. */
    createdAt: z.iso.datetime(),
    measures: contributionMeasures,
  })
  .superRefine((value, ctx) => {
    const m = value.measures;
    const problems: string[] = [];
    if (value.period.from > value.period.to) problems.push('period ends before it starts');
    const sum = (...values: number[]) => values.reduce((a, b) => a + b, 0);
    if (m.leadCoverage.withLead > m.leadCoverage.openCases) problems.push('more cases with a trekker than open cases');
    // What a reader of the report can work out from how the counts are defined: the report relies on it.
    for (const counts of [m.cases, m.absence])
      if (counts.newCases > counts.activeCases || counts.closedCases > counts.activeCases)
        problems.push('more new or closed cases than active ones');
    if (m.absence.newCases > m.cases.newCases || m.absence.activeCases > m.cases.activeCases || m.absence.closedCases > m.cases.closedCases)
      problems.push('more verzuim cases than cases');
    if (m.asOf >= value.period.from && m.asOf <= value.period.to && m.leadCoverage.openCases > m.cases.activeCases)
      problems.push('more open cases than active ones');
    if (sum(m.effect.yes, m.effect.partly, m.effect.no, m.effect.unchecked) !== m.effect.cases) problems.push('effect parts do not add up');
    if (m.effect.withinTarget > m.effect.cases - m.effect.unchecked) problems.push('more checks in time than checks');
    const a = m.agreements;
    if (sum(a.doneOnTime, a.doneLate, a.postponed, a.notDone, a.openNotDue, a.openOverdue) !== a.agreements)
      problems.push('agreement parts do not add up');
    if (
      a.postponedMoreThanOnce > a.postponed ||
      a.postponements < a.postponed + a.postponedMoreThanOnce ||
      (a.postponedMoreThanOnce === 0 && a.postponements !== a.postponed)
    )
      problems.push('postponements do not match');
    if (m.leadChanges.cases > m.leadChanges.changes) problems.push('more cases than trekker changes');
    if (sum(...m.leadTime.map((entry) => entry.cases)) !== m.effect.cases) problems.push('lead time cohort differs from the effect cohort');
    if (new Set(m.leadTime.map((entry) => entry.days)).size !== m.leadTime.length) problems.push('lead time days repeat');
    const tagKeys = new Set(m.tags.map((tag) => `${tag.kind}\u0000${tag.name}`));
    if (tagKeys.size !== m.tags.length) problems.push('a tag repeats');
    for (const tag of m.tags) {
      if (new Set(tag.byTheme.map((cell) => cell.theme)).size !== tag.byTheme.length) problems.push('a theme repeats');
      if (tag.byTheme.some((cell) => cell.cases > tag.cases)) problems.push('a theme count exceeds its tag');
      if (sum(...tag.byTheme.map((cell) => cell.cases)) < tag.cases) problems.push('a tag has cases in no theme column');
    }
    if (value.formatVersion >= 2 && !m.parties) problems.push('format version 2 needs the measures with parents and pupil');
    if (value.formatVersion < 2 && m.parties) problems.push('format version 1 has no measures with parents and pupil');
    if (m.parties) {
      const { firstDiscussions: f, consentRefusals: r, parentCopies: c } = m.parties;
      if (f.cases !== m.effect.cases) problems.push('first discussions differ from the effect cohort');
      if (sum(f.parentsPresent, f.parentsInvitedAbsent, f.parentsNotInvited, f.parentsUnrecorded) !== f.cases)
        problems.push('parents at the first discussion do not add up');
      if (f.from12 > f.cases || f.pupilView > f.cases || f.from12PupilView > f.from12 || f.from12PupilView > f.pupilView)
        problems.push("more pupils' views or pupils of 12 and older than first discussions");
      if (f.pupilView - f.from12PupilView > f.cases - f.from12) problems.push('more views of pupils under 12 than such pupils');
      if (Math.max(r.byParents, r.byPupil) > r.cases || r.cases > r.byParents + r.byPupil) problems.push('refusals do not match');
      if (sum(c.withinTarget, c.late, c.notSent) !== c.discussions) problems.push('ouderversies do not add up');
      if (f.parentsInvitedAbsent + f.parentsNotInvited > c.discussions)
        problems.push('more first discussions without parents than discussions');
    }
    for (const message of problems) ctx.addIssue({ code: 'custom', message });
  });

/** One school's contribution for one period, as written in the file. */
export type Contribution = z.output<typeof contributionSchema>;
export type ContributionMeasures = z.output<typeof contributionMeasures>;
