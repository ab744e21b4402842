import type { AgeBand, GateResult, PartyRef } from '../services/consentGate';

// Consent per party (issue 18): the case page's parties and decisions, and the
// gate's explanation in agenda, chair mode and error messages. A message that
// leaves the screen (an error) names parties by their role, never by name.

const methods = { oral: 'Mondeling', written: 'Schriftelijk', digital: 'Digitaal ondertekend' } as const;
const statuses = { given: 'Gegeven', refused: 'Geweigerd', withdrawn: 'Ingetrokken' } as const;

/** A parent's role: the relation as recorded ("moeder"), or "ouder"; "de ouders" for the nameless party of decisions before 0.3. */
function parentRole(party: { name: string; relation: string }): string {
  if (!party.name && !party.relation) return 'de ouders';
  return party.relation.trim() || 'ouder';
}

/** A party by role only, for messages that may leave the screen: "de leerling (13 jaar)", "moeder (gezag)". */
export function partyRole(party: PartyRef, age: number): string {
  if (party.kind === 'pupil') return `de leerling (${age} jaar)`;
  if (party.kind === 'parentsWithAuthority') return 'de ouders met gezag';
  return `${parentRole(party)} (gezag)`;
}

/** A party as shown on the case page and in chair mode: with the parent's name when recorded. */
export function partyLabel(party: PartyRef, age: number): string {
  if (party.kind !== 'parent' || !party.name) return partyRole(party, age);
  return party.relation ? `${party.name} (${party.relation}, gezag)` : `${party.name} (gezag)`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

const bandRule: Record<AgeBand, string> = {
  under12: 'Jonger dan 12: de ouders met gezag beslissen.',
  from12: 'Van 12 tot 16 jaar: de ouders met gezag én de leerling beslissen.',
  from16: 'Vanaf 16 jaar: de leerling beslist zelf.',
};

/** What is missing or refused, in one Dutch sentence or two; `name` chooses how parties are written. */
function whatIsMissing(result: GateResult, name: (party: PartyRef, age: number) => string): string {
  const parts = [];
  if (result.missing.length) parts.push(`Er is nog geen toestemming van ${list(result.missing.map((party) => name(party, result.age)))}.`);
  if (result.refused.length) parts.push(`Geweigerd of ingetrokken door ${list(result.refused.map((party) => name(party, result.age)))}.`);
  return parts.join(' ');
}

/** A parent as listed on the case page and in the dossier: name and relation, or "De ouders" for the party of decisions before 0.3. */
function parentName(parent: { name: string; relation: string }): string {
  if (!parent.name && !parent.relation) return 'De ouders';
  if (!parent.name) return parent.relation;
  return parent.relation ? `${parent.name} (${parent.relation})` : parent.name;
}

/** What a decision covers, in a few words: the kernteam, the organisations, or the free text of before 0.3. */
function scopeText(consent: { coversDiscussion: boolean; shareWith: string[]; scope: string }): string {
  const parts = [];
  if (consent.coversDiscussion) parts.push('bespreken in het kernteam');
  if (consent.shareWith.length) parts.push(`delen van het verslag met ${list(consent.shareWith)}`);
  if (consent.scope) parts.push(`reikwijdte: ${consent.scope}`);
  return parts.join('; ');
}

export const nlConsent = {
  parentName,
  scopeText,
  /** Who took a decision: the pupil, or the parent it names. */
  decider: (consent: { party: 'parent' | 'pupil'; parentId: number | null }, parents: { id: number; name: string; relation: string }[]) =>
    consent.party === 'pupil'
      ? 'Leerling'
      : parentName(parents.find((parent) => parent.id === consent.parentId) ?? { name: '', relation: '' }),
  title: 'Toestemming',
  bandRule,
  ageLine: (age: number, band: AgeBand) => `De leerling is nu ${age} jaar. ${bandRule[band]}`,
  parties: 'Wie beslissen',
  parentsTitle: 'Ouders en verzorgers',
  pupil: 'Leerling',
  pupilParty: (age: number) => `De leerling zelf (${age} jaar)`,
  pupilCounts: { under12: 'beslist nog niet mee (jonger dan 12)', from12: 'beslist mee', from16: 'beslist zelf' } as Record<
    AgeBand,
    string
  >,
  parentsCount: { under12: 'beslissen', from12: 'beslissen mee', from16: 'beslissen niet meer (leerling is 16 of ouder)' } as Record<
    AgeBand,
    string
  >,
  theParents: 'De ouders',
  theParentsHelp: 'Vastgelegd vóór versie 0.3: toen legde MDO één besluit van de ouders vast.',
  authority: 'gezag',
  noAuthority: 'zonder gezag',
  noAuthorityHelp: 'Wordt vastgelegd en getoond, maar telt niet mee voor de toestemming.',
  noParents: 'Nog geen ouders of verzorgers vastgelegd.',
  latest: 'Laatste besluit',
  none: 'Nog geen besluit',
  statuses,
  methods,
  methodUnknown: 'wijze niet vastgelegd',
  coversDiscussion: 'Bespreken in het kernteam',
  notCoversDiscussion: 'niet voor bespreken in het kernteam',
  shareWith: 'Delen van het verslag met',
  shareWithHelp: 'Partnerorganisaties: kies er een uit het kernteam of typ een naam en druk op Enter.',
  sharedWith: (names: string[]) => `delen met ${list(names)}`,
  addParent: 'Ouder of verzorger toevoegen',
  nameLabel: 'Naam',
  relation: 'Relatie',
  relationPlaceholder: 'bijv. moeder, vader, pleegouder, voogd',
  hasAuthority: 'Heeft gezag',
  saveParent: 'Opslaan',
  editParent: (label: string) => `Wijzigen: ${label}`,
  removeParent: (label: string) => `Verwijderen: ${label}`,
  edit: 'Wijzigen',
  remove: 'Verwijderen',
  cancel: 'Annuleren',
  parentHasDecisions: 'Deze ouder of verzorger heeft besluiten vastgelegd en kan niet worden verwijderd. Zet zo nodig "Heeft gezag" uit.',
  parentRequired: 'Vul een naam of een relatie in.',
  record: 'Besluit vastleggen',
  party: 'Wie besluit',
  status: 'Besluit',
  method: 'Hoe',
  scope: 'Waarvoor',
  note: 'Toelichting',
  date: 'Datum',
  partyRequired: 'Kies wie besluit.',
  statusRequired: 'Kies het besluit.',
  history: 'Alle besluiten',
  who: 'Wie',
  age: 'Leeftijd',
  verdict: 'Bespreken bij naam',
  oldScope: (scope: string) => `reikwijdte: ${scope}`,
  recorded: 'Besluit vastgelegd.',
  gate: {
    allowed: 'Mag bij naam worden besproken.',
    safety_concern: 'Mag zonder toestemming bij naam worden besproken wegens zorg om de veiligheid (Meldcode).',
    needs_consent: 'Nog niet bij naam bespreken: alleen anoniem.',
  },
  /** The gate on a screen, with names where recorded. */
  explain: (result: GateResult) => whatIsMissing(result, partyLabel),
  /** The agenda's refusal: roles only, since an error message may be logged or shown elsewhere. */
  refusal: (result: GateResult) =>
    `Deze casus kan nog niet bij naam op de agenda. ${whatIsMissing(result, partyRole)} ${bandRule[result.band]} Leg eerst de toestemming vast, bespreek de casus anoniem, of leg een zorg over de veiligheid van het kind vast met een reden.`,
  /** The dashboard's line: whose decision is still missing, by role. */
  missingFrom: (detail: Omit<GateResult, 'gate'>) =>
    `Nog geen besluit van ${list(detail.missing.map((party) => partyLabel(party, detail.age)))}`,
  chairMissing: 'Nog niet bij naam bespreken: de toestemming ontbreekt op de datum van dit overleg.',
  otherCaseHelp: 'MDO controleert bij het toevoegen of iedereen die beslist toestemming heeft gegeven.',
  auditActions: {
    'consent.parent_add': 'Ouder of verzorger toegevoegd',
    'consent.parent_update': 'Ouder of verzorger gewijzigd',
    'consent.parent_remove': 'Ouder of verzorger verwijderd',
  },
};
