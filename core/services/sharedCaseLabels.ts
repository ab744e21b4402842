import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nlSharedCase } from '../i18n/nlSharedCase';
import { gatesFor } from './consent';

// Documents the kernteam members receive outside the meeting (the agenda before,
// each member's action list after) name a case by the pupil's initials and group,
// and only when every party whose consent the case needs has given consent that
// covers discussing it in the kernteam (the consent gate says 'allowed' on that
// day). A case discussed under a safety concern, or anonymously, or without that
// consent, is "Anonieme casus (Groep 6)". Never a full name, never a date of birth.

/** How one case is named in a document for the kernteam. */
export interface SharedCaseLabel {
  caseId: number;
  /** Consent covers sharing with the kernteam: initials may be shown. */
  named: boolean;
  /** "J.d.V."; null when not named. */
  initials: string | null;
  groupName: string;
  /** "J.d.V. (Groep 6)" or "Anonieme casus (Groep 6)". */
  label: string;
  /** Free text of this case (a hulpvraag, an agreement) with the pupil's first and last name replaced by the initials, or by "de leerling". */
  redact(text: string): string;
}

/** "Jan de Vries" → "J.d.V.": the first letter of each part of the name, the tussenvoegsel in lower case. */
export function pupilInitials(firstName: string, lastName: string): string {
  const parts = `${firstName} ${lastName}`
    .trim()
    .split(/[\s-]+/u)
    .filter(Boolean);
  return parts.map((part) => `${Array.from(part)[0]}.`).join('');
}

/** Replaces each whole-word occurrence of the pupil's full, first or last name (any case) by `replacement`. */
export function withoutPupilName(text: string, firstName: string, lastName: string, replacement: string): string {
  // The full name first, then the last name with and without its tussenvoegsel ("de Vries", "Vries"), then the first name.
  const last = lastName.trim();
  const names = [`${firstName.trim()} ${last}`, last, last.split(/\s+/u).at(-1) ?? '', firstName.trim()].filter((name) => name.length > 1);
  if (names.length === 0) return text;
  const escaped = names.sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), replacement);
}

/**
 * The label of each case on one day (the meeting date for the agenda, today for an
 * action list). Cases in `anonymous` (an agenda item marked anonymous) are never named.
 */
export async function sharedCaseLabels(
  db: Kysely<DB>,
  caseIds: readonly number[],
  onDate: string,
  anonymous: ReadonlySet<number> = new Set(),
): Promise<Map<number, SharedCaseLabel>> {
  const labels = new Map<number, SharedCaseLabel>();
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) return labels;
  const rows = [];
  // SQLite limits bound parameters; a board's action list may name many cases.
  for (let start = 0; start < unique.length; start += 500) {
    rows.push(
      ...(await db
        .selectFrom('supportCase')
        .innerJoin('pupil', 'pupil.id', 'supportCase.pupilId')
        .select([
          'supportCase.id',
          'supportCase.safetyConcernReason',
          'pupil.firstName',
          'pupil.lastName',
          'pupil.dateOfBirth',
          'pupil.groupName',
        ])
        .where('supportCase.id', 'in', unique.slice(start, start + 500))
        .execute()),
    );
  }
  const gates = await gatesFor(db, rows, onDate);
  for (const row of rows) {
    const named = gates.get(row.id)!.gate === 'allowed' && !anonymous.has(row.id);
    const initials = named ? pupilInitials(row.firstName, row.lastName) : null;
    labels.set(row.id, {
      caseId: row.id,
      named,
      initials,
      groupName: row.groupName,
      label: initials ? nlSharedCase.named(initials, row.groupName) : nlSharedCase.anonymous(row.groupName),
      redact: (text) => withoutPupilName(text, row.firstName, row.lastName, initials ?? nlSharedCase.thePupil),
    });
  }
  return labels;
}
