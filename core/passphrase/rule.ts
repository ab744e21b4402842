// The rule for a new database passphrase, without the word lists that judge it
// (those are large: strength.ts loads them, on demand).

/** Fewer characters are refused before anything else is judged. */
export const PASSPHRASE_MIN_LENGTH = 12;

/** zxcvbn's scale runs 0–4; 3 means about 10^8 guesses or more, too many for an offline attack on scrypt. */
export const PASSPHRASE_MIN_SCORE = 3;

/** Words anyone who knows the school would try first; the school's and the IB's names are added per call. */
export const SCHOOL_WORDS = ['mdo', 'kernteam', 'intern begeleider', 'zorgcoördinator'];

/** What zxcvbn warns about (its translation keys), plus MDO's own two reasons. */
export type PassphraseWarning =
  | 'tooShort'
  | 'ownWords'
  | 'straightRow'
  | 'keyPattern'
  | 'simpleRepeat'
  | 'extendedRepeat'
  | 'sequences'
  | 'recentYears'
  | 'dates'
  | 'topTen'
  | 'topHundred'
  | 'common'
  | 'similarToCommon'
  | 'wordByItself'
  | 'namesByThemselves'
  | 'commonNames'
  | 'userInputs'
  | 'pwned';

/** How strong a passphrase is, in keys a screen or the CLI turns into its own words. */
export interface PassphraseStrength {
  /** 0 (guessed at once) to 4 (very strong), lowered to what is left without the school's own words. */
  score: 0 | 1 | 2 | 3 | 4;
  /** Long enough and at least PASSPHRASE_MIN_SCORE: MDO accepts it. */
  strong: boolean;
  /** The main weakness, or null when there is none to name. */
  warning: PassphraseWarning | null;
  /** zxcvbn's suggestion keys (useWords, anotherWord, capitalization …). */
  suggestions: string[];
}
