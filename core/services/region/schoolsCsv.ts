import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { nowIso, type Clock } from '../../clock';
import { AREA_NAME_MAX, REGION_SCHOOL_NAME_MAX } from '../../contract/region';
import { nlRegio } from '../../i18n/nlRegio';
import { recordAudit } from '../audit';

// The region's schools from a CSV `school;gebied` as Dutch Excel writes it:
// UTF-8 with or without a byte order mark, ';' between fields, fields in
// double quotes when they hold a ';', a quote or a line break (quotes doubled),
// CRLF or LF, and an optional header line `school;gebied`. All or nothing:
// one problem and nothing is stored, with every problem named by its line.

const t = nlRegio.csv;
/** Far above a region's schools; larger files are not a list of schools. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
export const MAX_CSV_SCHOOLS = 5000;
/** Problems listed one by one; the rest are counted. */
const MAX_PROBLEMS = 50;
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001F\u007F]/;

export interface CsvSchool {
  /** The line the school's record starts on (the header is line 1 when there is one). */
  line: number;
  school: string;
  /** Null when the gebied column is empty or absent. */
  area: string | null;
}

export type ParsedSchools = { ok: true; schools: CsvSchool[] } | { ok: false; problems: string[] };

interface CsvRecord {
  line: number;
  fields: string[];
  problem?: string;
}

/** Splits CSV text into records of fields; a record that cannot be read carries its problem. Stops at an unclosed quote. */
function records(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let line = 1;
  let at = 0;
  while (at < text.length) {
    const record: CsvRecord = { line, fields: [] };
    out.push(record);
    let field = '';
    for (;;) {
      if (text[at] === '"') {
        // A quoted field: up to the quote that is not doubled.
        const start = line;
        at++;
        let closed = false;
        while (at < text.length) {
          const char = text[at];
          if (char === '"') {
            if (text[at + 1] === '"') {
              field += '"';
              at += 2;
              continue;
            }
            at++;
            closed = true;
            break;
          }
          if (char === '\n' || (char === '\r' && text[at + 1] !== '\n')) line++;
          field += char;
          at++;
        }
        if (!closed) {
          record.line = start;
          record.problem = t.problems.openQuote;
          return out;
        }
        if (at < text.length && text[at] !== ';' && text[at] !== '\n' && text[at] !== '\r') {
          record.problem ??= t.problems.textAfterQuote;
          // Skip to the end of this field, so the next ones are still read.
          while (at < text.length && text[at] !== ';' && text[at] !== '\n' && text[at] !== '\r') at++;
        }
      } else {
        while (at < text.length && text[at] !== ';' && text[at] !== '\n' && text[at] !== '\r') field += text[at++];
      }
      record.fields.push(field);
      field = '';
      if (text[at] === ';') {
        at++;
        continue;
      }
      // End of the record: CRLF, LF or a lone CR (older Mac files), or the end of the text.
      if (text[at] === '\r') at++;
      if (text[at] === '\n') at++;
      line++;
      break;
    }
  }
  return out;
}

/** What SQLite's NOCASE compares: ASCII letters without case. */
export const nocase = (name: string) => name.replace(/[A-Z]/g, (char) => char.toLowerCase());
const clean = (value: string) => value.trim().normalize('NFC');

/** Reads the bytes of a `school;gebied` CSV into schools, or into every problem by line. Never throws on any input. */
export function parseSchoolsCsv(bytes: Uint8Array): ParsedSchools {
  if (bytes.length > MAX_CSV_BYTES) return { ok: false, problems: [t.tooLarge] };
  // UTF-16 (Excel's "Unicode text") decodes as UTF-8 full of NULs: refuse it by its byte order mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, problems: [t.notText] };
  let text: string;
  try {
    // fatal: bytes that are not UTF-8 are refused, never turned into replacement characters. The BOM is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [t.notText] };
  }
  if (text.includes('\u0000')) return { ok: false, problems: [t.notText] };

  const problems: { line: number; text: string }[] = [];
  const schools: CsvSchool[] = [];
  const seen = new Map<string, CsvSchool>();
  let first = true;
  for (const record of records(text)) {
    if (record.problem) {
      problems.push({ line: record.line, text: record.problem });
      first = false;
      continue;
    }
    // Trailing empty fields are what Excel writes for empty columns: not a third column.
    const fields = [...record.fields];
    while (fields.length > 0 && fields[fields.length - 1].trim() === '') fields.pop();
    if (fields.length === 0) continue;
    const header = first && nocase(clean(fields[0])) === t.header[0] && (fields.length === 1 || nocase(clean(fields[1])) === t.header[1]);
    first = false;
    if (header) continue;
    const problem = (text: string) => problems.push({ line: record.line, text });
    if (fields.length > 2) {
      problem(t.problems.tooManyFields);
      continue;
    }
    if (fields.some((field) => controlCharacter.test(field))) {
      problem(t.problems.badCharacters);
      continue;
    }
    const school = clean(fields[0]);
    const area = fields.length > 1 && clean(fields[1]) !== '' ? clean(fields[1]) : null;
    if (school === '') problem(t.problems.emptySchool);
    else if (school.length < 2) problem(t.problems.shortSchool);
    else if (school.length > REGION_SCHOOL_NAME_MAX) problem(t.problems.longSchool(REGION_SCHOOL_NAME_MAX));
    if (area !== null && area.length > AREA_NAME_MAX) problem(t.problems.longArea(AREA_NAME_MAX));
    if (school.length < 2 || school.length > REGION_SCHOOL_NAME_MAX || (area?.length ?? 0) > AREA_NAME_MAX) continue;
    const earlier = seen.get(nocase(school));
    if (earlier) {
      if (nocase(earlier.area ?? '') !== nocase(area ?? ''))
        problem(t.problems.twoAreas(school, earlier.line, area ?? '', earlier.area ?? ''));
      continue;
    }
    const entry = { line: record.line, school, area };
    seen.set(nocase(school), entry);
    schools.push(entry);
  }
  if (schools.length > MAX_CSV_SCHOOLS) return { ok: false, problems: [t.tooManyLines(MAX_CSV_SCHOOLS)] };
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    const shown = problems.slice(0, MAX_PROBLEMS).map((entry) => t.line(entry.line, entry.text));
    return { ok: false, problems: problems.length > MAX_PROBLEMS ? [...shown, t.andMore(problems.length - MAX_PROBLEMS)] : shown };
  }
  if (schools.length === 0) return { ok: false, problems: [t.empty] };
  return { ok: true, schools };
}

export type SchoolsImport =
  | { outcome: 'imported'; schools: number; newSchools: number; changedSchools: number; newAreas: number }
  | { outcome: 'refused'; problems: string[] };

/**
 * Imports the schools of a CSV in one transaction: a new gebied is created, a new
 * school added, an existing school (same name, letters' case aside) moved to the
 * gebied the file gives. An empty gebied leaves an existing school's gebied as it is.
 */
export async function importSchoolsCsv(db: Kysely<DB>, bytes: Uint8Array, clock: Clock): Promise<SchoolsImport> {
  const parsed = parseSchoolsCsv(bytes);
  if (!parsed.ok) return { outcome: 'refused', problems: parsed.problems };
  return db.transaction().execute(async (trx) => {
    const now = nowIso(clock);
    const areas = new Map((await trx.selectFrom('regionArea').select(['id', 'name']).execute()).map((row) => [nocase(row.name), row.id]));
    const schools = new Map(
      (await trx.selectFrom('regionSchool').select(['id', 'name', 'areaId']).execute()).map((row) => [nocase(row.name), row]),
    );
    const counts = { schools: parsed.schools.length, newSchools: 0, changedSchools: 0, newAreas: 0 };
    for (const { school, area } of parsed.schools) {
      let areaId: number | null = null;
      if (area !== null) {
        areaId = areas.get(nocase(area)) ?? null;
        if (areaId === null) {
          areaId = (await trx.insertInto('regionArea').values({ name: area, createdAt: now }).returning('id').executeTakeFirstOrThrow()).id;
          areas.set(nocase(area), areaId);
          counts.newAreas++;
        }
      }
      const existing = schools.get(nocase(school));
      if (!existing) {
        await trx.insertInto('regionSchool').values({ name: school, areaId, createdAt: now }).execute();
        counts.newSchools++;
      } else if (areaId !== null && existing.areaId !== areaId) {
        await trx.updateTable('regionSchool').set({ areaId }).where('id', '=', existing.id).execute();
        counts.changedSchools++;
      }
    }
    await recordAudit(trx, { action: 'region.schools_import', entity: 'region', entityId: 1, counts }, clock);
    return { outcome: 'imported' as const, ...counts };
  });
}
