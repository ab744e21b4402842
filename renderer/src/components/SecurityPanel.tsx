import { Button, Card, Group, NumberInput, PasswordInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../api';
import { t } from '../i18n';

/** Passphrase, automatic lock and "open with my computer account": the settings of the encrypted data. */
export function SecurityPanel() {
  const info = useChannel('app.info', undefined);
  const database = info.data?.database;
  const change = useChannelMutation('session.changePassphrase');
  const remember = useChannelMutation('session.remember');
  const setMinutes = useChannelMutation('session.setLockMinutes');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  if (database?.state !== 'open') return null;
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t.lock.settingsTitle}
      </Title>
      <Stack>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (next !== repeat) return;
            change.mutate({ current, next }, { onSuccess: () => (setCurrent(''), setNext(''), setRepeat('')) });
          }}
        >
          <Group align="flex-start" grow>
            <PasswordInput label={t.lock.currentPassphrase} value={current} onChange={(event) => setCurrent(event.currentTarget.value)} />
            <PasswordInput label={t.lock.newPassphrase} value={next} onChange={(event) => setNext(event.currentTarget.value)} />
            <PasswordInput
              label={t.lock.repeat}
              value={repeat}
              onChange={(event) => setRepeat(event.currentTarget.value)}
              error={repeat && repeat !== next ? t.lock.mismatch : undefined}
            />
          </Group>
          <Group mt="xs" justify="space-between">
            <Text size="sm" c={change.error ? 'red.9' : 'teal.9'} role={change.error ? 'alert' : 'status'}>
              {change.error ? (change.error.error.fields?.[0]?.message ?? change.error.message) : change.isSuccess ? t.lock.changed : ''}
            </Text>
            <Button type="submit" variant="light" loading={change.isPending}>
              {t.lock.changePassphrase}
            </Button>
          </Group>
        </form>
        <NumberInput
          label={t.lock.idleMinutes}
          min={1}
          max={240}
          w={280}
          value={database.lockMinutes}
          // Fixed by IT's machine policy: shown, not changeable (the main process refuses a change too).
          disabled={info.data?.policy.lockMinutesFixed}
          description={info.data?.policy.lockMinutesFixed ? t.policy.lockMinutesFixed(database.lockMinutes) : undefined}
          onChange={(value) => typeof value === 'number' && value >= 1 && value <= 240 && setMinutes.mutate({ minutes: value })}
        />
        <Switch
          label={t.lock.remember}
          description={t.lock.rememberHint}
          checked={database.remembered}
          onChange={(event) => remember.mutate({ enabled: event.currentTarget.checked })}
          error={remember.error?.message}
        />
      </Stack>
    </Card>
  );
}
