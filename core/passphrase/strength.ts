import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as dutch from '@zxcvbn-ts/language-nl-be';
import { FieldError } from '../errors';
import { passphraseRefusal } from './feedback';
import { PASSPHRASE_MIN_LENGTH, PASSPHRASE_MIN_SCORE, SCHOOL_WORDS, type PassphraseStrength, type PassphraseWarning } from './rule';

// Large (the Dutch and common word lists are about 1.5 MB): the app and the
// renderer import this module only where a new passphrase is chosen.

let estimator: ZxcvbnFactory | undefined;

/** zxcvbn with the common password lists and the Dutch dictionaries; built once (about half a second). */
function zxcvbn(): ZxcvbnFactory {
  // Without translations zxcvbn reports its keys, which MDO words itself (nl.ts, the CLI).
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...dutch.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
}

/** The school's own words as zxcvbn user inputs: each whole name and each of its words. */
export function ownWordList(ownWords: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of [...SCHOOL_WORDS, ...ownWords]) {
    const lower = text.trim().toLowerCase();
    if (lower.length < 2) continue;
    words.add(lower);
    words.add(lower.replace(/[^\p{L}\p{N}]+/gu, ''));
    for (const word of lower.split(/[^\p{L}\p{N}]+/u)) if (word.length >= 2) words.add(word);
  }
  return [...words];
}

/** Judges a new passphrase: zxcvbn's score with the Dutch lists, where words of the school itself count for nothing. */
export function judgePassphrase(passphrase: string, ownWords: readonly string[] = []): PassphraseStrength {
  const inputs = ownWordList(ownWords);
  const result = zxcvbn().check(passphrase, inputs);
  let score = result.score;
  let warning = result.feedback.warning as PassphraseWarning | null;
  let suggestions = result.feedback.suggestions;
  // The school's name, the IB's name, "mdo": whoever knows the school tries these first, so only the rest counts.
  const rest = withoutOwnWords(passphrase, result);
  if (rest !== passphrase) {
    const restScore = rest.trim() ? zxcvbn().check(rest, inputs).score : 0;
    if (restScore < score) {
      score = restScore;
      warning = 'ownWords';
      suggestions = ['useWords'];
    }
  }
  if (passphrase.length < PASSPHRASE_MIN_LENGTH) warning = 'tooShort';
  return { score, strong: passphrase.length >= PASSPHRASE_MIN_LENGTH && score >= PASSPHRASE_MIN_SCORE, warning, suggestions };
}

function withoutOwnWords(passphrase: string, result: ZxcvbnResult): string {
  const own = result.sequence.filter((match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs');
  let rest = passphrase;
  for (const match of own.reverse()) rest = rest.slice(0, match.i) + rest.slice(match.j + 1);
  return rest;
}

/** Refuses a weak new passphrase with what is weak and how to make it strong, on the named field. */
export function assertStrongPassphrase(passphrase: string, ownWords: readonly string[], field: string): void {
  const strength = judgePassphrase(passphrase, ownWords);
  if (!strength.strong) throw new FieldError(field, passphraseRefusal(strength));
}
