import { PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { passphraseRefusal } from '../../../../core/passphrase/feedback';
import { PASSPHRASE_MIN_LENGTH } from '../../../../core/passphrase/rule';
import { t } from '../../i18n';
import { StrengthMeter } from './StrengthMeter';
import { usePassphraseStrength } from './usePassphraseStrength';

/**
 * The state of a new database passphrase and its repeat, judged while typed.
 * `check()` says whether it may be sent (and shows why not); main judges it again by the same rule.
 */
export function useNewPassphrase(ownWords: readonly string[]) {
  const [value, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  // After a first try to submit an empty repeat is a mismatch too.
  const [tried, setTried] = useState(false);
  const { strength, current } = usePassphraseStrength(value, ownWords);
  const check = (): boolean => {
    // A judgement still pending for this text: main judges it by the same rule.
    const problem =
      value.length < PASSPHRASE_MIN_LENGTH
        ? t.lock.passphraseTooShort
        : strength && current && !strength.strong
          ? passphraseRefusal(strength)
          : null;
    setRefusal(problem);
    setTried(true);
    return problem === null && value === repeat;
  };
  const reset = () => (setValue(''), setRepeat(''), setRefusal(null), setTried(false));
  return { value, repeat, setValue, setRepeat, strength, refusal, setRefusal, tried, check, reset };
}

/** The one form part that sets a new database passphrase: the field with its strength meter, and the repeat. */
export function NewPassphraseFields({
  state,
  error,
  autoFocus,
}: {
  state: ReturnType<typeof useNewPassphrase>;
  /** A refusal from main (the same rule), shown on the field. */
  error?: string;
  autoFocus?: boolean;
}) {
  const { value, repeat, setValue, setRepeat, strength, refusal, setRefusal, tried } = state;
  return (
    <Stack gap="xs">
      <PasswordInput
        label={t.lock.newPassphrase}
        description={t.passphraseStrength.description}
        required
        value={value}
        onChange={(event) => (setValue(event.currentTarget.value), setRefusal(null))}
        error={refusal ?? error}
        autoFocus={autoFocus}
        autoComplete="new-password"
      />
      <StrengthMeter strength={strength} empty={!value} />
      <PasswordInput
        label={t.lock.repeat}
        required
        value={repeat}
        onChange={(event) => setRepeat(event.currentTarget.value)}
        error={(repeat || tried) && repeat !== value ? t.lock.mismatch : undefined}
        autoComplete="new-password"
      />
    </Stack>
  );
}
