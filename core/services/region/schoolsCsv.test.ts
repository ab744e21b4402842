import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../../db/open';
import { tempDir } from '../../../tests/e2e/harness';
import { E2E_NOW } from '../../../tests/fixtures/demoDatabase';
import { hostileFragments } from '../../../tests/fixtures/zodArbitraries';
import { fixedClock } from '../../clock';
import { nlRegio } from '../../i18n/nlRegio';
import { newRegioKeyPair } from '../../regio/keyPairs';
import { addArea } from './areas';
import { createRegion } from './region';
import { addRegionSchool, listRegionSchools } from './regionSchools';
import { importSchoolsCsv, nocase, parseSchoolsCsv } from './schoolsCsv';

const clock = fixedClock(E2E_NOW);
const encode = (text: string) => new TextEncoder().encode(text);
const p = nlRegio.csv.problems;
const line = nlRegio.csv.line;

describe('reading a school;gebied CSV', () => {
  it('reads what Dutch Excel writes: BOM, CRLF, a header, quoted names with ; and doubled quotes', () => {
    const text = '\uFEFFschool;gebied\r\n"De Linde; locatie Noord";Noord\r\nDe ""Esdoorn"";Zuid\r\n"Het ""Kompas""";\r\n';
    expect(parseSchoolsCsv(encode(text))).toEqual({
      ok: true,
      schools: [
        { line: 2, school: 'De Linde; locatie Noord', area: 'Noord' },
        // A quote inside an unquoted field is kept as written.
        { line: 3, school: 'De ""Esdoorn""', area: 'Zuid' },
        { line: 4, school: 'Het "Kompas"', area: null },
      ],
    });
  });

  it('reads LF without a BOM or a header, a lone school name, empty lines and the empty columns Excel adds', () => {
    const text = 'De Linde;Noord;;\n\nDe Esdoorn\n  Het Kompas  ;  Oost  \n;;\n';
    expect(parseSchoolsCsv(encode(text))).toEqual({
      ok: true,
      schools: [
        { line: 1, school: 'De Linde', area: 'Noord' },
        { line: 3, school: 'De Esdoorn', area: null },
        { line: 4, school: 'Het Kompas', area: 'Oost' },
      ],
    });
  });

  it('names every problem by its line, and stores nothing', () => {
    const long = 'x'.repeat(121);
    const text = [
      'School;Gebied',
      ';Noord',
      `${long};Noord`,
      `De Linde;${'y'.repeat(81)}`,
      'De Esdoorn;Noord;Extra',
      'Het Kompas;Oost',
      'het kompas;West',
      'Het Kompas;oost',
      'A;Zuid',
      'De\tSterren;Zuid',
      '"De Wilg"x;Zuid',
      '"Open;Zuid',
      'nooit gelezen;Zuid',
    ].join('\r\n');
    const parsed = parseSchoolsCsv(encode(text));
    expect(parsed).toEqual({
      ok: false,
      problems: [
        line(2, p.emptySchool),
        line(3, p.longSchool(120)),
        line(4, p.longArea(80)),
        line(5, p.tooManyFields),
        line(7, p.twoAreas('het kompas', 6, 'West', 'Oost')),
        line(9, p.shortSchool),
        line(10, p.badCharacters),
        line(11, p.textAfterQuote),
        line(12, p.openQuote),
      ],
    });
  });

  it('refuses what is not UTF-8 text, an empty list and a too large file', () => {
    expect(parseSchoolsCsv(Uint8Array.from([0x44, 0x65, 0xe9, 0x3b, 0x4e]))).toEqual({ ok: false, problems: [nlRegio.csv.notText] });
    const utf16 = Buffer.from('\uFEFFschool;gebied\r\nDe Linde;Noord', 'utf16le');
    expect(parseSchoolsCsv(utf16)).toEqual({ ok: false, problems: [nlRegio.csv.notText] });
    expect(parseSchoolsCsv(encode('De Linde\u0000;Noord'))).toEqual({ ok: false, problems: [nlRegio.csv.notText] });
    for (const empty of ['', '\uFEFF', 'school;gebied\r\n', '\r\n;;\r\n'])
      expect(parseSchoolsCsv(encode(empty))).toEqual({ ok: false, problems: [nlRegio.csv.empty] });
    expect(parseSchoolsCsv(new Uint8Array(3 * 1024 * 1024).fill(0x41))).toEqual({ ok: false, problems: [nlRegio.csv.tooLarge] });
    const many = Array.from({ length: 5001 }, (_, i) => `School ${i};Noord`).join('\n');
    expect(parseSchoolsCsv(encode(many))).toEqual({ ok: false, problems: [nlRegio.csv.tooManyLines(5000)] });
  });

  it('lists the first fifty problems and counts the rest', () => {
    const parsed = parseSchoolsCsv(encode(Array.from({ length: 80 }, () => ';Noord').join('\n')));
    expect(parsed.ok).toBe(false);
    const { problems } = parsed as { problems: string[] };
    expect(problems).toHaveLength(51);
    expect(problems[49]).toBe(line(50, p.emptySchool));
    expect(problems[50]).toBe(nlRegio.csv.andMore(30));
  });
});

describe('importing the schools of a region', () => {
  let temp: ReturnType<typeof tempDir>;
  let handle: OpenDatabase;

  beforeAll(async () => {
    temp = tempDir('mdo-region-csv-');
    handle = await openDatabase(temp.file('region.db'), { create: true });
    const keyPair = newRegioKeyPair({ purpose: 'coordinator', name: 'Coördinator', organisation: 'Regio Test', now: clock.now() });
    await createRegion(handle.db, { name: 'Regio Test' }, keyPair, clock);
  });
  afterAll(async () => {
    await handle.close();
    temp.remove();
  });

  /** Every row of the region's tables and the audit log: "nothing stored" means this stays. */
  function contents(): string {
    const hash = createHash('sha256');
    for (const table of ['region_area', 'region_school'])
      hash.update(JSON.stringify(handle.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()));
    hash.update(JSON.stringify(handle.sqlite.prepare('SELECT count(*), max(id) FROM audit_log').get()));
    return hash.digest('hex');
  }
  const schools = async () =>
    Object.fromEntries((await listRegionSchools(handle.db)).map((school) => [school.name, school.areaName])) as Record<
      string,
      string | null
    >;

  it('adds new schools and gebieden, moves an existing school to the gebied the file gives, and logs counts only', async () => {
    const noord = await addArea(handle.db, 'Noord', clock);
    await addRegionSchool(handle.db, { name: 'De Linde', areaId: noord }, clock);
    await addRegionSchool(handle.db, { name: 'De Esdoorn', areaId: null }, clock);
    await addRegionSchool(handle.db, { name: 'Het Kompas', areaId: noord }, clock);
    const csv = 'school;gebied\r\nde linde;Zuid\r\nDe Esdoorn;NOORD\r\nHet Kompas;\r\nDe Wilg;Zuid\r\nDe Eik;Oost\r\n';
    expect(await importSchoolsCsv(handle.db, encode(csv), clock)).toEqual({
      outcome: 'imported',
      schools: 5,
      newSchools: 2,
      changedSchools: 2,
      newAreas: 2,
    });
    expect(await schools()).toEqual({
      'De Linde': 'Zuid',
      'De Esdoorn': 'Noord',
      // An empty gebied leaves the school's own.
      'Het Kompas': 'Noord',
      'De Wilg': 'Zuid',
      'De Eik': 'Oost',
    });
    const audit = handle.sqlite.prepare(`SELECT action, entity, counts FROM audit_log WHERE action = 'region.schools_import'`).all();
    expect(audit).toEqual([
      {
        action: 'region.schools_import',
        entity: 'region',
        counts: JSON.stringify({ schools: 5, newSchools: 2, changedSchools: 2, newAreas: 2 }),
      },
    ]);
    // Importing the same file again changes nothing.
    expect(await importSchoolsCsv(handle.db, encode(csv), clock)).toMatchObject({ newSchools: 0, changedSchools: 0, newAreas: 0 });
  });

  it('stores nothing when one line is wrong', async () => {
    const before = contents();
    const result = await importSchoolsCsv(handle.db, encode('De Nieuwe;Nieuw gebied\nDe Linde;Noord;West\n'), clock);
    expect(result).toEqual({ outcome: 'refused', problems: [line(2, p.tooManyFields)] });
    expect(contents()).toBe(before);
  });

  it('imports any bytes correctly or refuses them with nothing stored (hostile input at scale)', async () => {
    const piece = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(';', '"', '""', '\r\n', '\n', '\r', '\uFEFF', 'school', 'gebied', 'De Linde', 'Noord', ' ') },
      { weight: 2, arbitrary: fc.constantFrom(...hostileFragments) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    );
    const texts = fc.array(piece, { maxLength: 60 }).map((pieces) => encode(pieces.join('')));
    const bytes = fc.oneof(
      { weight: 5, arbitrary: texts },
      { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }) },
      // Valid text with a few bytes overwritten: broken UTF-8 in the middle of a name.
      {
        weight: 2,
        arbitrary: fc
          .tuple(texts, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
          .map(([text, edits]) => {
            const copy = Uint8Array.from(text);
            for (const [at, value] of edits) if (copy.length) copy[at % copy.length] = value;
            return copy;
          }),
      },
    );
    let imported = 0;
    let refused = 0;
    // Each run starts from the same region (what a run imported is taken out again); no fsync per run.
    handle.sqlite.pragma('synchronous = OFF');
    const last = (table: string) => handle.sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number;
    // The audit log is append-only: it keeps what each run logged (contents() counts it).
    const baseline = { region_school: last('region_school'), region_area: last('region_area') };
    const reset = () => {
      for (const [table, id] of Object.entries(baseline)) handle.sqlite.prepare(`DELETE FROM ${table} WHERE id > ?`).run(id);
    };
    await fc.assert(
      fc.asyncProperty(bytes, async (input) => {
        reset();
        const before = contents();
        const parsed = parseSchoolsCsv(input);
        const result = await importSchoolsCsv(handle.db, input, clock);
        if (result.outcome === 'refused') {
          refused++;
          expect(parsed.ok).toBe(false);
          expect(result.problems.length).toBeGreaterThan(0);
          expect(contents()).toBe(before);
          return;
        }
        imported++;
        expect(parsed.ok).toBe(true);
        // Correctly: every school of the file is there, in the gebied the file gives (or its own when none).
        const stored = await listRegionSchools(handle.db);
        for (const school of (parsed as { schools: { school: string; area: string | null }[] }).schools) {
          const row = stored.find((candidate) => nocase(candidate.name) === nocase(school.school));
          expect(row, school.school).toBeDefined();
          if (school.area !== null) expect(nocase(row!.areaName ?? '')).toBe(nocase(school.area));
          // eslint-disable-next-line no-control-regex
          expect(/[\u0000-\u001F\u007F]/.test(row!.name)).toBe(false);
          expect(row!.name).toBe(row!.name.trim().normalize('NFC'));
        }
        // And once only: the same bytes again change nothing.
        expect(await importSchoolsCsv(handle.db, input, clock)).toMatchObject({ newSchools: 0, changedSchools: 0, newAreas: 0 });
      }),
      { seed: 20261207, numRuns: 4000 },
    );
    reset();
    handle.sqlite.pragma('synchronous = FULL');
    console.log(`[schools csv] ${imported} hostile inputs imported, ${refused} refused with nothing stored`);
    expect(imported).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  }, 120_000);

  it('reads back every list it is given, however it is quoted and whatever line ends it has', () => {
    const name = (min: number, max: number) =>
      fc
        .string({ unit: 'grapheme', minLength: min, maxLength: max })
        .map((text) => text.trim().normalize('NFC'))
        // eslint-disable-next-line no-control-regex
        .filter((text) => text.length >= min && text.length <= max && !/[\u0000-\u001F\u007F]/.test(text));
    const lists = fc.uniqueArray(fc.tuple(name(2, 120), fc.option(name(1, 80), { nil: null })), {
      minLength: 1,
      maxLength: 30,
      selector: ([school]) => nocase(school),
    });
    const quote = (field: string, always: boolean) =>
      always || /[;"\r\n]/.test(field) || field !== field.trim() ? `"${field.replaceAll('"', '""')}"` : field;
    fc.assert(
      fc.property(lists, fc.boolean(), fc.boolean(), fc.constantFrom('\r\n', '\n'), fc.boolean(), (list, bom, header, newline, always) => {
        const lines = list.map(([school, area]) =>
          area === null ? quote(school, always) : `${quote(school, always)};${quote(area, always)}`,
        );
        const text = `${bom ? '\uFEFF' : ''}${header ? `school;gebied${newline}` : ''}${lines.join(newline)}${newline}`;
        const parsed = parseSchoolsCsv(encode(text));
        // A name that reads as the header word is the header on the first line only.
        fc.pre(header || nocase(list[0][0]) !== 'school');
        expect(parsed).toEqual({
          ok: true,
          schools: list.map(([school, area], index) => ({ line: index + (header ? 2 : 1), school, area })),
        });
      }),
      { seed: 20261208, numRuns: 1500 },
    );
  });
});
