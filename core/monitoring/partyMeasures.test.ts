import { strToU8 } from 'fflate';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentParty, ConsentStatus, DB, ParentsPresent } from '../../db/schema';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { fixedClock } from '../clock';
import { nlMonitoring as t } from '../i18n/nlMonitoring';
import { combineMeasures } from '../regio/combine';
import { contributionSchema, type Contribution } from '../regio/contribution';
import { buildContribution } from '../regio/contributionData';
import { decodeContribution } from '../regio/contributionFile';
import { contributionTables } from '../regio/contributionTables';
import { regionalReport } from '../regio/regionalReport';
import { createSchool } from '../services/schools';
import { monitoringCsv } from './csv';
import { consentRefusals, firstDiscussions, measureAll, parentCopies, parentCopyDueOn, type MonitoringPeriod } from './measures';
import { monitoringReport, type MonitoringReport } from './report';

/**
 * The measures with parents and pupil on a small fixed data set, rows
 * inserted directly. Period: 1 September – 31 December 2026; today is
 * 15 January 2027. School A is De Esdoorn, school B Het Anker (never asked for).
 *
 * case  pupil born   first disc.  first discussion: parents / pupil's view      age then
 * K1    2015-01-10   2026-09-08   yes / "Ik wil hulp bij rekenen."             11
 * K2    2014-09-08   2026-09-08   invited_absent / "Ik vind de pauze moeilijk." 12 (that very day)
 * K3    2014-09-09   2026-09-08   not_invited / ''                             11 (a day short of 12)
 * K4    2010-03-01   2026-10-06   not recorded / '   ' (blank)                 16
 * K5    2013-05-05   2026-10-06   yes / "Thuis is het onrustig."               13
 * K6    2015-06-01   2026-06-16   (before the period; again 2026-10-06 with parents)
 * K7    2012-01-01   2026-09-08   no discussion row that day                   14
 * K8    (school B)   2026-09-10   yes / view                                   -
 *
 * Later discussion: K5 again on 2026-11-10, parents invited_absent.
 * Ouderversies (meetings on Tuesdays): K2 sent 2026-09-15 (the 5th school
 * day), K3 2026-09-16 (the 6th), K4 never, K5 (11-10) on 2026-11-13.
 * Consent: K1 mother given; K2 pupil refused 09-01 then given 09-07; K3
 * mother refused 09-02, father given; K4 pupil refused 2026-08-20 (before);
 * K5 pupil withdrawn 10-20 and father withdrawn 10-21; K6 parent withdrawn
 * 12-31 (the last day); K8 (school B) pupil refused 09-11.
 */
const clock = fixedClock('2027-01-15T09:00:00Z');
const stamp = '2027-01-15T09:00:00.000Z';

interface Fixture {
  handle: OpenDatabase;
  db: Kysely<DB>;
  school: { a: number; b: number };
  close(): Promise<void>;
}

async function buildFixture(): Promise<Fixture> {
  const temp = tempDir('mdo-parties-');
  const handle = await openDatabase(temp.file('parties.db'), { create: true });
  const db = handle.db;
  const school = { a: await createSchool(db, { name: 'De Esdoorn' }, clock), b: await createSchool(db, { name: 'Het Anker' }, clock) };

  const meetings = new Map<string, number>();
  const meeting = async (schoolId: number, date: string) => {
    const key = `${schoolId}/${date}`;
    if (!meetings.has(key))
      meetings.set(
        key,
        (
          await db
            .insertInto('meeting')
            .values({
              schoolId,
              date,
              startTime: '08:30',
              chairId: null,
              minuteTakerId: null,
              status: 'finalized',
              createdAt: stamp,
              updatedAt: stamp,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    return meetings.get(key)!;
  };
  const addCase = async (schoolId: number, dateOfBirth: string, first: string) => {
    const { id: pupilId } = await db
      .insertInto('pupil')
      .values({ schoolId, firstName: 'Kind', lastName: 'Fixture', dateOfBirth, groupName: 'Groep 8', createdAt: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (
      await db
        .insertInto('supportCase')
        .values({
          schoolId,
          pupilId,
          question: 'Hulpvraag',
          status: 'active',
          registeredOn: '2026-06-01',
          firstDiscussedOn: first,
          effectDueOn: null,
          closedOn: null,
          safetyConcernReason: null,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  };
  let position = 0;
  const discuss = async (
    schoolId: number,
    caseId: number,
    date: string,
    parentsPresent: ParentsPresent | null,
    pupilView: string,
    parentCopySentOn: string | null = null,
  ) => {
    const meetingId = await meeting(schoolId, date);
    const { id: agendaItemId } = await db
      .insertInto('agendaItem')
      .values({ meetingId, position: ++position, kind: 'case', caseId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('caseDiscussion')
      .values({
        agendaItemId,
        meetingId,
        caseId,
        updatedAt: stamp,
        parentsPresent,
        parentsAbsentReason: parentsPresent === 'not_invited' ? 'Ouders gaven aan dat de leerling zelf komt' : '',
        pupilParticipation: pupilView.trim() ? 'heard' : 'none',
        pupilView,
        parentCopySentOn,
      })
      .execute();
  };
  const parent = async (caseId: number, relation: string) =>
    (
      await db
        .insertInto('caseParent')
        .values({ caseId, name: `${relation} Fixture`, relation, hasAuthority: 1, createdAt: stamp })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const decide = async (caseId: number, party: ConsentParty, parentId: number | null, status: ConsentStatus, recordedOn: string) =>
    db
      .insertInto('consent')
      .values({ caseId, party, parentId, status, recordedOn, method: 'written', coversDiscussion: 1, createdAt: stamp })
      .execute();

  const k1 = await addCase(school.a, '2015-01-10', '2026-09-08');
  const k2 = await addCase(school.a, '2014-09-08', '2026-09-08');
  const k3 = await addCase(school.a, '2014-09-09', '2026-09-08');
  const k4 = await addCase(school.a, '2010-03-01', '2026-10-06');
  const k5 = await addCase(school.a, '2013-05-05', '2026-10-06');
  const k6 = await addCase(school.a, '2015-06-01', '2026-06-16');
  await addCase(school.a, '2012-01-01', '2026-09-08'); // K7: no discussion row
  const k8 = await addCase(school.b, '2014-01-01', '2026-09-10');

  await discuss(school.a, k6, '2026-06-16', null, ''); // before the period
  await discuss(school.a, k1, '2026-09-08', 'yes', 'Ik wil hulp bij rekenen.');
  await discuss(school.a, k2, '2026-09-08', 'invited_absent', 'Ik vind de pauze moeilijk.', '2026-09-15');
  await discuss(school.a, k3, '2026-09-08', 'not_invited', '', '2026-09-16');
  await discuss(school.a, k4, '2026-10-06', null, '   ');
  await discuss(school.a, k5, '2026-10-06', 'yes', 'Thuis is het onrustig.');
  await discuss(school.a, k6, '2026-10-06', 'invited_absent', ''); // its ouderversie not sent
  await discuss(school.a, k5, '2026-11-10', 'invited_absent', '', '2026-11-13');
  await discuss(school.b, k8, '2026-09-10', 'yes', 'Het gaat beter.');

  await decide(k1, 'parent', await parent(k1, 'moeder'), 'given', '2026-08-26');
  await decide(k2, 'parent', await parent(k2, 'moeder'), 'given', '2026-08-26');
  await decide(k2, 'pupil', null, 'refused', '2026-09-01');
  await decide(k2, 'pupil', null, 'given', '2026-09-07');
  await decide(k3, 'parent', await parent(k3, 'moeder'), 'refused', '2026-09-02');
  await decide(k3, 'parent', await parent(k3, 'vader'), 'given', '2026-09-02');
  await decide(k4, 'pupil', null, 'refused', '2026-08-20');
  await decide(k5, 'pupil', null, 'withdrawn', '2026-10-20');
  await decide(k5, 'parent', await parent(k5, 'vader'), 'withdrawn', '2026-10-21');
  await decide(k6, 'parent', await parent(k6, 'moeder'), 'withdrawn', '2026-12-31');
  await decide(k8, 'pupil', null, 'refused', '2026-09-11');

  return {
    handle,
    db,
    school,
    close: async () => {
      await handle.close();
      temp.remove();
    },
  };
}

const cellTexts = (report: MonitoringReport, title: string) =>
  report.tables.find((table) => table.title === title)!.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.text)]);

describe('the measures with parents and pupil on a fixed data set', () => {
  let f: Fixture;
  let period: MonitoringPeriod;
  beforeAll(async () => {
    f = await buildFixture();
    period = { from: '2026-09-01', to: '2026-12-31', schoolIds: [f.school.a] };
  });
  afterAll(async () => {
    await f.close();
  });

  it("counts who was at each case's first discussion, and the pupil's view overall and from 12 on that day", async () => {
    // Cohort K1 K2 K3 K4 K5 K7 (K6 was first discussed before the period). Parents: yes K1 K5; invited K2; not invited K3;
    // not recorded K4, and K7 whose discussion of that day is missing. Views: K1 K2 K5 (K4's is blank).
    // 12 or older on the day: K2 (12 that day), K4, K5, K7; not K3 (a day short). Of those with a view: K2 K5.
    expect(await firstDiscussions(f.db, period)).toEqual({
      cases: 6,
      parentsPresent: 2,
      parentsInvitedAbsent: 1,
      parentsNotInvited: 1,
      parentsUnrecorded: 2,
      pupilView: 3,
      from12: 4,
      from12PupilView: 2,
    });
    // School B alone: K8, parents there, a view, 12 on 2026-09-10.
    expect(await firstDiscussions(f.db, { ...period, schoolIds: [f.school.b] })).toMatchObject({
      cases: 1,
      parentsPresent: 1,
      from12PupilView: 1,
    });
  });

  it('counts cases with consent refused or withdrawn in the period, once each, by parent and by pupil', async () => {
    // K2 (pupil, later given: still a refusal in the period), K3 (mother), K5 (pupil and father: one case), K6 (on the last day).
    // Not K4 (before the period), not K8 (school B).
    expect(await consentRefusals(f.db, period)).toEqual({ cases: 4, byParents: 3, byPupil: 2 });
    expect(await consentRefusals(f.db, { ...period, from: '2026-10-01' })).toEqual({ cases: 2, byParents: 2, byPupil: 1 });
  });

  it('counts the ouderversies of discussions without parents: within 5 school days, later, not sent', async () => {
    // K2 (09-08 → 09-15, the 5th school day), K3 (→ 09-16, the 6th), K6 on 10-06 (not sent), K5 on 11-10 (→ 11-13).
    // Not K4: whether its parents were there is not recorded.
    expect(await parentCopies(f.db, period)).toEqual({ discussions: 4, withinTarget: 2, late: 1, notSent: 1 });
    expect(parentCopyDueOn('2026-09-08')).toBe('2026-09-15');
    // Over the weekend: a Friday meeting's copy is due the next Friday, a Saturday's too.
    expect(parentCopyDueOn('2026-09-11')).toBe('2026-09-18');
    expect(parentCopyDueOn('2026-09-12')).toBe('2026-09-18');
  });

  it('shows them in the school report, suppressed like every count, and in the CSV', async () => {
    const m = await measureAll(f.db, period, clock);
    expect(m.partiesFrom).toEqual({ schools: 1, of: 1 });
    const report = monitoringReport(m);
    const parents = cellTexts(report, t.parties.parentsTitle);
    expect(parents.map((row) => row[0])).toEqual([
      t.parties.cohort,
      t.parties.parentsPresent,
      t.parties.parentsInvitedAbsent,
      t.parties.parentsNotInvited,
      t.parties.parentsUnrecorded,
    ]);
    // 6 first discussions in four parts of 1 or 2: each part is "<5", and 6 shown would leave each at most 3, so the
    // cohort is hidden, here and where the effect table shows the same count; no share gives a part away.
    expect(parents[0][1]).toBe('x');
    expect(cellTexts(report, t.effect.title)[0]).toEqual([t.effect.cohort, 'x', '']);
    for (const row of parents.slice(1)) expect(row.slice(1)).toEqual(['<5', '–']);
    expect(cellTexts(report, t.parties.copiesTitle)).toEqual([
      [t.parties.copies, 'x', ''],
      [t.parties.copiesWithinTarget, '<5', '–'],
      [t.parties.copiesLate, '<5', '–'],
      [t.parties.copiesNotSent, '<5', '–'],
    ]);
    for (const title of [t.parties.parentsTitle, t.parties.pupilTitle, t.parties.refusalsTitle, t.parties.copiesTitle])
      for (const row of cellTexts(report, title)) for (const text of row.slice(1)) expect(text).not.toMatch(/^[1-4]$/);
    expect(report.legend).not.toContain(t.parties.legendNotDelivered);
    const csv = new TextDecoder().decode(monitoringCsv(report));
    expect(csv).toContain(`${t.parties.copiesWithinTarget};<5;–`);
    expect(csv).not.toMatch(/Ik wil|pauze|onrustig/);
  });

  it('writes them into the regiobijdrage (format version 2); a version 1 file still reads and combines as "niet aangeleverd"', async () => {
    const esdoorn = await buildContribution(f.db, { schoolId: f.school.a, from: period.from, to: period.to }, clock, '0.3.0');
    expect(esdoorn.formatVersion).toBe(2);
    expect(esdoorn.measures.parties).toEqual({
      firstDiscussions: await firstDiscussions(f.db, period),
      consentRefusals: { cases: 4, byParents: 3, byPupil: 2 },
      parentCopies: { discussions: 4, withinTarget: 2, late: 1, notSent: 1 },
    });
    // The school's preview lists every number exactly.
    const preview = contributionTables(esdoorn).find((table) => table.title === t.parties.refusalsTitle)!;
    expect(preview.rows.map((row) => row.cells[0].text)).toEqual(['4', '3', '2']);

    // Het Anker still runs an older MDO: its file has format version 1 and no measures with parents and pupil.
    const oldMeasures: Partial<Contribution['measures']> = (
      await buildContribution(f.db, { schoolId: f.school.b, ...period }, clock, '0.2.0')
    ).measures;
    delete oldMeasures.parties;
    const anker: Contribution = decodeContribution(
      strToU8(
        JSON.stringify({
          ...esdoorn,
          formatVersion: 1,
          app: { name: 'MDO', version: '0.2.0' },
          school: { name: 'Het Anker' },
          measures: oldMeasures,
        }),
      ),
    );
    expect(anker.measures.parties).toBeUndefined();
    expect(contributionTables(anker).find((table) => table.title === t.parties.copiesTitle)!.rows[0].cells[0].text).toBe(
      t.parties.notDelivered,
    );
    // Each version must be what it says.
    expect(contributionSchema.safeParse({ ...esdoorn, formatVersion: 1 }).success).toBe(false);
    expect(contributionSchema.safeParse({ ...anker, formatVersion: 2 }).success).toBe(false);

    const region = combineMeasures([esdoorn, anker], clock);
    expect(region.partiesFrom).toEqual({ schools: 1, of: 2 });
    expect(region.parties).toEqual(esdoorn.measures.parties);
    const regionReport = monitoringReport(region);
    expect(cellTexts(regionReport, t.parties.parentsTitle)[0]).toEqual([t.parties.deliveredBy, '1 van 2 scholen', '']);
    expect(regionReport.legend).toContain(t.parties.legendNotDelivered);

    const onlyOld = monitoringReport(combineMeasures([anker], clock));
    for (const title of [t.parties.parentsTitle, t.parties.pupilTitle, t.parties.refusalsTitle, t.parties.copiesTitle])
      for (const row of cellTexts(onlyOld, title)) expect(row.slice(1)).toEqual([t.parties.notDelivered, '']);

    // The regional report over both, per school: Het Anker's tables say "niet aangeleverd", the region's from how many.
    const linked = regionalReport(
      {
        regionName: 'Regio Test',
        items: [
          { contribution: esdoorn, schoolName: 'De Esdoorn', areaName: null },
          { contribution: anker, schoolName: 'Het Anker', areaName: null },
        ],
        period: { from: period.from, to: period.to },
        parts: true,
      },
      clock,
    );
    expect(cellTexts(linked.report, t.parties.refusalsTitle)[0]).toEqual([t.parties.deliveredBy, '1 van 2 scholen', '']);
    const ankerNode = linked.nodes.find((node) => node.label === 'Het Anker');
    if (ankerNode) expect(cellTexts(ankerNode.report, t.parties.copiesTitle)[0]).toEqual([t.parties.copies, t.parties.notDelivered, '']);
  });
});
