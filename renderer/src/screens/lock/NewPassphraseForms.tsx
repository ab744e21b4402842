import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useChannelMutation } from '../../api';
import { NewPassphraseFields, useNewPassphrase } from '../../components/passphrase/NewPassphraseFields';
import { t } from '../../i18n';

// The two places on the lock screen that set a new database passphrase, loaded when shown.

// Nothing of the school can be read while it is closed; main judges with the same (empty) list.
const NO_OWN_WORDS: readonly string[] = [];

export function Recover({ keyringMissing, onBack }: { keyringMissing: boolean; onBack?: () => void }) {
  const recover = useChannelMutation('session.recover');
  const [recoveryKey, setRecoveryKey] = useState('');
  const passphrase = useNewPassphrase(NO_OWN_WORDS);
  const refusal = recover.error?.error.fields?.find((field) => field.path === 'passphrase')?.message;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (passphrase.check()) recover.mutate({ recoveryKey, passphrase: passphrase.value });
      }}
    >
      <Stack>
        {keyringMissing && <Alert color="red">{t.lock.keyringMissing}</Alert>}
        <TextInput
          label={t.lock.recoveryKey}
          value={recoveryKey}
          onChange={(event) => setRecoveryKey(event.currentTarget.value)}
          ff="monospace"
          autoFocus
        />
        <NewPassphraseFields state={passphrase} error={refusal} />
        {recover.error && !refusal && (
          <Text c="red.9" role="alert">
            {recover.error.error.fields?.[0]?.message ?? recover.error.message}
          </Text>
        )}
        <Button type="submit" loading={recover.isPending}>
          {t.lock.recover}
        </Button>
        {onBack && (
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            {t.lock.back}
          </Anchor>
        )}
      </Stack>
    </form>
  );
}

export function FirstPassphrase({ onRecoveryKey }: { onRecoveryKey: (key: string) => void }) {
  const unlock = useChannelMutation('session.unlock');
  const passphrase = useNewPassphrase(NO_OWN_WORDS);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!passphrase.check()) return;
        unlock.mutate({ passphrase: passphrase.value }, { onSuccess: ({ recoveryKey }) => recoveryKey && onRecoveryKey(recoveryKey) });
      }}
    >
      <Stack>
        <Text>{t.lock.encryptIntro}</Text>
        <NewPassphraseFields state={passphrase} error={unlock.error?.message} autoFocus />
        <Button type="submit" loading={unlock.isPending}>
          {t.lock.encrypt}
        </Button>
      </Stack>
    </form>
  );
}
