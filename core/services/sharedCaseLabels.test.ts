import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlParts } from '../documents/packDocx';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { tempDir } from '../../tests/e2e/harness';
import { fixedClock } from '../clock';
import { shortQuestion } from '../documents/kernteamAgendaDocx';
import { addCaseItem, addGeneralItem } from './agenda';
import { agendaExport } from './agendaExport';
import { createCase } from './cases';
import { addParent, recordConsent, setSafetyConcern } from './consent';
import { consentOfAll } from './consent.test-helper';
import { planMeeting } from './meetings';
import { createMember, listRoles } from './members';
import { createPupil } from './pupils';
import { createSchool } from './schools';
import { pupilInitials, sharedCaseLabels, withoutPupilName } from './sharedCaseLabels';

const clock = fixedClock('2026-11-25T09:00:00Z');
const MEETING = '2026-12-14';

const docxText = (bytes: Uint8Array) =>
  [...xmlParts(bytes)['word/document.xml'].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(' ');

describe('sharedCaseLabels: how a document for the kernteam names a case', () => {
  it('writes initials with the tussenvoegsel in lower case, and double names per part', () => {
    expect(pupilInitials('Jan', 'de Vries')).toBe('J.d.V.');
    expect(pupilInitials('Anne-Fleur', 'van den Berg')).toBe('A.F.v.d.B.');
    expect(pupilInitials('Özlem', 'Yılmaz')).toBe('Ö.Y.');
  });

  it('replaces the full, last (with and without tussenvoegsel) and first name as whole words, in any case', () => {
    const text = 'Jan de Vries leest slecht; JAN wil niet. De moeder van Vries? Janneke en Vriesland blijven.';
    expect(withoutPupilName(text, 'Jan', 'de Vries', 'J.d.V.')).toBe(
      'J.d.V. leest slecht; J.d.V. wil niet. De moeder van J.d.V.? Janneke en Vriesland blijven.',
    );
    expect(withoutPupilName('Met de Vries gaat het goed', 'Jan', 'de Vries', 'de leerling')).toBe('Met de leerling gaat het goed');
  });

  describe('on a school with one case of each kind', () => {
    const temp = tempDir('mdo-shared-labels-');
    let handle: OpenDatabase;
    const ids: Record<'named' | 'noConsent' | 'safety' | 'anonymousItem', number> = { named: 0, noConsent: 0, safety: 0, anonymousItem: 0 };
    let meetingId: number;

    beforeAll(async () => {
      handle = await openDatabase(temp.file('labels.db'), { create: true });
      const { db } = handle;
      const schoolId = await createSchool(db, { name: 'De Linde' }, clock);
      const roles = await listRoles(db, schoolId);
      const role = (code: string) => roles.find((row) => row.code === code)!.id;
      const ib = (await createMember(db, { schoolId, name: 'Ilse Bakker', roleId: role('ib') }, clock)).id;
      const ggd = (await createMember(db, { schoolId, name: 'Gerrit Dekker', roleId: role('ggd'), organisation: 'GGD Noord' }, clock)).id;
      const pupilCase = async (firstName: string, lastName: string, groupName: string, question: string) =>
        createCase(
          db,
          await createPupil(db, schoolId, { firstName, lastName, dateOfBirth: '2016-03-07', groupName }, clock),
          { question, analysis: '', themeIds: [] },
          clock,
        );
      ids.named = await pupilCase(
        'Jan',
        'de Vries',
        'Groep 6',
        'Jan de Vries leest nog niet vlot. Wat helpt Jan thuis en in de klas, en hoe houden we de motivatie vast?',
      );
      ids.noConsent = await pupilCase('Fatima', 'El Amrani', 'Groep 4', 'Fatima El Amrani praat weinig in de klas.');
      ids.safety = await pupilCase('Sanne', 'Kuipers', 'Groep 5', 'Sanne Kuipers komt vaak met blauwe plekken op school.');
      ids.anonymousItem = await pupilCase('Noah', 'Jansen', 'Groep 7', 'Noah Jansen is vaak afwezig.');
      await consentOfAll(db, ids.named, clock, { recordedOn: '2026-11-25' });
      await consentOfAll(db, ids.anonymousItem, clock, { recordedOn: '2026-11-25' });
      // The parents refused; the case is discussed only because of a written safety concern.
      const mother = await addParent(db, ids.safety, { name: 'Moeder Kuipers', relation: 'moeder', hasAuthority: true }, clock);
      await recordConsent(
        db,
        {
          caseId: ids.safety,
          party: 'parent',
          parentId: mother,
          status: 'refused',
          method: 'written',
          coversDiscussion: true,
          shareWith: [],
          recordedOn: '2026-11-25',
          note: '',
        },
        clock,
      );
      await setSafetyConcern(db, ids.safety, 'Signalen volgens de meldcode', clock);

      const earlier = await planMeeting(
        db,
        schoolId,
        { date: '2026-12-01', startTime: '09:00', location: '', chairId: ib, minuteTakerId: null, inviteeIds: [] },
        clock,
      );
      meetingId = await planMeeting(
        db,
        schoolId,
        { date: MEETING, startTime: '14:00', location: 'Kamer van de IB', chairId: ib, minuteTakerId: null, inviteeIds: [ggd] },
        clock,
      );
      await addCaseItem(db, { meetingId, caseId: ids.named, anonymous: false, plannedMinutes: 20 });
      await addCaseItem(db, { meetingId, caseId: ids.noConsent, anonymous: true, plannedMinutes: 10 });
      await addCaseItem(db, { meetingId, caseId: ids.safety, anonymous: false, plannedMinutes: 15 });
      await addCaseItem(db, { meetingId, caseId: ids.anonymousItem, anonymous: true, plannedMinutes: 10 });
      await addGeneralItem(db, { meetingId, title: 'Terugblik op de aanpak voor Sanne', plannedMinutes: 5 });
      // Agreements as earlier meetings left them (written directly: only their state matters here).
      const agreement = (caseId: number, inMeeting: number, description: string, extra: object = {}) =>
        db
          .insertInto('agreement')
          .values({
            schoolId,
            caseId,
            meetingId: inMeeting,
            agendaItemId: null,
            description,
            ownerKind: 'member',
            ownerMemberId: ggd,
            ownerName: '',
            dueOn: '2026-12-10',
            originalDueOn: '2026-12-10',
            status: 'open',
            postponements: 0,
            completedOn: null,
            createdAt: '2026-12-01T10:00:00.000Z',
            updatedAt: '2026-12-01T10:00:00.000Z',
            ...extra,
          })
          .execute();
      await agreement(ids.named, earlier, 'Gesprek met de moeder van Jan over het lezen thuis', {
        originalDueOn: '2026-12-04',
        postponements: 2,
      });
      await agreement(ids.named, earlier, 'Leestoets afnemen bij Jan de Vries', { status: 'done', completedOn: '2026-12-03' });
      await agreement(ids.named, meetingId, 'Afspraak uit dit overleg zelf', { dueOn: '2026-12-20', originalDueOn: '2026-12-20' });
      await agreement(ids.safety, earlier, 'Huisbezoek bij Sanne Kuipers');
    });
    afterAll(async () => {
      await handle.close();
      temp.remove();
    });

    it('names only a case whose consent covers the kernteam, and never one on an anonymous item', async () => {
      const labels = await sharedCaseLabels(handle.db, Object.values(ids), MEETING, new Set([ids.anonymousItem]));
      expect(labels.get(ids.named)).toMatchObject({ named: true, initials: 'J.d.V.', label: 'J.d.V. (Groep 6)' });
      expect(labels.get(ids.noConsent)).toMatchObject({ named: false, initials: null, label: 'Anonieme casus (Groep 4)' });
      // A safety concern lets the team discuss the case, but the parents' "no" still stands for sharing it.
      expect(labels.get(ids.safety)).toMatchObject({ named: false, initials: null, label: 'Anonieme casus (Groep 5)' });
      expect(labels.get(ids.anonymousItem)).toMatchObject({ named: false, initials: null, label: 'Anonieme casus (Groep 7)' });
      // Without the anonymous item, the same case is named: the consent is there.
      expect((await sharedCaseLabels(handle.db, [ids.anonymousItem], MEETING)).get(ids.anonymousItem)!.label).toBe('N.J. (Groep 7)');

      expect(labels.get(ids.named)!.redact('Jan de Vries en zijn moeder')).toBe('J.d.V. en zijn moeder');
      expect(labels.get(ids.safety)!.redact('Sanne zegt dat Kuipers thuis boos is')).toBe('de leerling zegt dat de leerling thuis boos is');
      expect(await sharedCaseLabels(handle.db, [], MEETING)).toEqual(new Map());
    });

    it('puts on the agenda only the label and minutes of an unnamed case, and the named case with its open agreements', async () => {
      const built = await agendaExport(handle.db, meetingId, clock);
      expect(built.name).toBe('Agenda MDO 2026-12-14.docx');
      expect(built.entity).toMatchObject({ entity: 'meeting', entityId: meetingId });
      const text = docxText(built.bytes);
      expect(text).toContain('Agenda multidisciplinair overleg');
      expect(text).toContain('maandag 14 december 2026');
      expect(text).toContain('14:00 – 15:10 uur');
      expect(text).toContain('Gerrit Dekker');
      expect(text).toContain('GGD Noord');
      expect(text).toContain('J.d.V. (Groep 6)');
      expect(text).toContain('14:05 · 20 min');
      expect(text).toContain('J.d.V. leest nog niet vlot.');
      expect(text).toContain('Gesprek met de moeder van J.d.V. over het lezen thuis');
      expect(text).toContain('uitgesteld (2×, eerst 4 december 2026)');
      expect(text).not.toContain('Leestoets');
      expect(text).not.toContain('Afspraak uit dit overleg zelf');
      for (const label of ['Anonieme casus (Groep 4)', 'Anonieme casus (Groep 5)', 'Anonieme casus (Groep 7)'])
        expect(text).toContain(label);
      expect(text).toContain('Terugblik op de aanpak voor de leerling');
      const everything = Object.values(xmlParts(built.bytes)).join('\n');
      for (const needle of [
        'Jan',
        'Vries',
        'Fatima',
        'Amrani',
        'F.E.A.',
        'Sanne',
        'Kuipers',
        'S.K.',
        'Noah',
        'Jansen',
        'N.J.',
        'Huisbezoek',
      ])
        expect(everything, needle).not.toContain(needle);
      for (const needle of ['blauwe plekken', 'praat weinig', 'vaak afwezig', '2016-03-07', '7 maart 2016', '7-3-2016'])
        expect(everything, needle).not.toContain(needle);
      // The same data gives the same bytes.
      expect(Buffer.from((await agendaExport(handle.db, meetingId, clock)).bytes).equals(Buffer.from(built.bytes))).toBe(true);
    });
  });

  it('shortens a hulpvraag to its first sentence, or to about 160 characters at a word boundary', () => {
    expect(shortQuestion('Leest niet vlot. Wat helpt?')).toBe('Leest niet vlot.');
    expect(shortQuestion('  Geen punt aan het eind  ')).toBe('Geen punt aan het eind');
    const long = `${'woord '.repeat(40)}einde`;
    const short = shortQuestion(long);
    expect(short.length).toBeLessThanOrEqual(161);
    expect(short).toMatch(/woord…$/);
    expect(shortQuestion('Versie 2.0 van het plan.')).toBe('Versie 2.0 van het plan.');
    // The dots of initials do not end the sentence.
    expect(shortQuestion('J.d.V. leest niet vlot. Wat helpt?')).toBe('J.d.V. leest niet vlot.');
  });
});
