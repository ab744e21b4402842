import { useEffect, useState } from 'react';
import type { PassphraseStrength } from '../../../../core/passphrase/rule';

type Judge = (passphrase: string, ownWords: readonly string[]) => PassphraseStrength;

let judge: Promise<Judge> | undefined;

/** The estimator with its word lists, from its own chunk: never part of the first screen. */
function loadJudge(): Promise<Judge> {
  judge ??= import('../../../../core/passphrase/strength').then(({ judgePassphrase }) => {
    // Builds the ranked dictionaries once (about half a second), at the first key typed: not when the screen opens,
    // where it would hold up every click.
    judgePassphrase('', []);
    return judgePassphrase;
  });
  return judge;
}

/** How long typing must pause before the passphrase is judged again (a judgement takes up to a few hundred ms). */
const PAUSE_MS = 150;

/**
 * The strength of a new passphrase while it is typed: null while there is
 * nothing to show yet (empty, or the word lists are still loading).
 */
export function usePassphraseStrength(
  passphrase: string,
  ownWords: readonly string[],
): { strength: PassphraseStrength | null; current: boolean } {
  const [judged, setJudged] = useState<{ passphrase: string; strength: PassphraseStrength } | null>(null);
  const words = ownWords.join('\n');
  useEffect(() => {
    if (!passphrase) return;
    let current = true;
    const timer = setTimeout(() => {
      void loadJudge().then((judgePassphrase) => {
        if (current) setJudged({ passphrase, strength: judgePassphrase(passphrase, words.split('\n')) });
      });
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase, words]);
  // The last judgement stays while the next is made, so the meter does not flicker; `current` says it is for this text.
  return { strength: passphrase && judged ? judged.strength : null, current: judged?.passphrase === passphrase };
}
