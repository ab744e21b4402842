import { differenceInYears, parseISO } from 'date-fns';
import type { ConsentStatus } from '../../db/schema';

// Who decides on discussing a pupil by name depends on the pupil's age on the
// meeting date (Dutch rules for consent in education and youth care):
// younger than 12 the parents with parental authority (gezag), from 12 to 15
// the parents with gezag and the pupil both, from 16 the pupil alone.

/** The age bands of the consent rules. */
export type AgeBand = 'under12' | 'from12' | 'from16';

/** One party's latest decision, as far as the gate needs it. */
export interface GateDecision {
  status: ConsentStatus;
  /** The decision covers discussing the case by name in the kernteam. */
  coversDiscussion: boolean;
}

export interface GateParent {
  id: number;
  /** '' for "the parents" of a decision recorded before migration 007. */
  name: string;
  relation: string;
  hasAuthority: boolean;
  latest: GateDecision | null;
}

export interface GateInput {
  dateOfBirth: string;
  safetyConcernReason: string | null;
  parents: GateParent[];
  pupil: GateDecision | null;
}

/** A party that is missing or refused: the pupil, one parent, or "the parents with gezag" when none is recorded. */
export type PartyRef =
  { kind: 'pupil' } | { kind: 'parent'; id: number; name: string; relation: string } | { kind: 'parentsWithAuthority' };

export type Gate = 'allowed' | 'safety_concern' | 'needs_consent';

export interface GateResult {
  gate: Gate;
  band: AgeBand;
  age: number;
  /** Parties whose decision is needed but not recorded (or does not cover the discussion). */
  missing: PartyRef[];
  /** Parties whose latest decision is refused or withdrawn. */
  refused: PartyRef[];
}

/** The age band of a pupil of this age in full years. */
export function ageBand(age: number): AgeBand {
  if (age < 12) return 'under12';
  if (age < 16) return 'from12';
  return 'from16';
}

/** Where one party stands: its latest decision counts when given and covering the discussion. */
function place(decision: GateDecision | null, party: PartyRef, missing: PartyRef[], refused: PartyRef[]) {
  if (decision?.status === 'refused' || decision?.status === 'withdrawn') refused.push(party);
  else if (decision?.status !== 'given' || !decision.coversDiscussion) missing.push(party);
}

/**
 * May this case be discussed by name on this date (the meeting date, or today on the case page)?
 * Only when every party the age band requires has given consent that covers the discussion;
 * otherwise a recorded safety concern with a written reason allows it (Meldcode).
 */
export function consentGate(input: GateInput, onDate: string): GateResult {
  const age = differenceInYears(parseISO(onDate), parseISO(input.dateOfBirth));
  const band = ageBand(age);
  const missing: PartyRef[] = [];
  const refused: PartyRef[] = [];
  if (band !== 'from16') {
    // Parents without gezag are recorded and shown, but their decision does not count.
    const withAuthority = input.parents.filter((parent) => parent.hasAuthority);
    if (withAuthority.length === 0) missing.push({ kind: 'parentsWithAuthority' });
    for (const parent of withAuthority)
      place(parent.latest, { kind: 'parent', id: parent.id, name: parent.name, relation: parent.relation }, missing, refused);
  }
  if (band !== 'under12') place(input.pupil, { kind: 'pupil' }, missing, refused);
  const allowed = missing.length === 0 && refused.length === 0;
  const gate: Gate = allowed ? 'allowed' : input.safetyConcernReason?.trim() ? 'safety_concern' : 'needs_consent';
  return { gate, band, age, missing, refused };
}

/** The gate as the contract carries it: the verdict, and its details next to it. */
export function gateFields({ gate, ...gateDetail }: GateResult): { gate: Gate; gateDetail: Omit<GateResult, 'gate'> } {
  return { gate, gateDetail };
}
