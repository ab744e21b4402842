import { nl } from '../i18n/nl';
import type { PassphraseStrength } from './rule';

const s = nl.passphraseStrength;

/** What is weak about a passphrase, in Dutch; null when nothing needs saying. */
export function weaknessText(strength: PassphraseStrength): string | null {
  if (strength.warning) return s.warnings[strength.warning];
  return strength.strong ? null : s.warnings.guessable;
}

/** zxcvbn's suggestions in Dutch, with MDO's own advice first. */
export function adviceText(strength: PassphraseStrength): string[] {
  if (strength.strong) return [];
  const known = strength.suggestions.filter((key): key is keyof typeof s.suggestions => Object.hasOwn(s.suggestions, key));
  return [s.howToStrong, ...known.filter((key) => key !== 'useWords' && key !== 'anotherWord').map((key) => s.suggestions[key])];
}

/** The Dutch refusal of a weak passphrase: what is weak, then how to make it strong. */
export function passphraseRefusal(strength: PassphraseStrength): string {
  return [s.refused, weaknessText(strength), ...adviceText(strength)].filter(Boolean).join(' ');
}
