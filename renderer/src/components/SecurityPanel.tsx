import { Button, Card, Group, NumberInput, PasswordInput, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useChannel, useChannelMutation } from '../api';
import { t } from '../i18n';
import { useSchool } from '../school';
import { NewPassphraseFields, useNewPassphrase } from './passphrase/NewPassphraseFields';

/** The security settings of a school's file: a new passphrase is judged with the schools' and the kernteam's names, as main does. */
export function SecurityPanel() {
  const { schools, current: school } = useSchool();
  const members = useChannel('members.list', { schoolId: school.id });
  return (
    <SecuritySettings ownWords={[...schools.map((s) => s.name), ...(members.data ?? []).filter((m) => m.active).map((m) => m.name)]} />
  );
}

/**
 * Passphrase, automatic lock and "open with my computer account": the settings of the encrypted data,
 * on a school's file or a region's. `ownWords` are what main judges a new passphrase against.
 */
export function SecuritySettings({ ownWords }: { ownWords: readonly string[] }) {
  const info = useChannel('app.info', undefined);
  const database = info.data?.database;
  const change = useChannelMutation('session.changePassphrase');
  const remember = useChannelMutation('session.remember');
  const setMinutes = useChannelMutation('session.setLockMinutes');
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase(ownWords);
  const refusal = change.error?.error.fields?.find((field) => field.path === 'next')?.message;
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
            if (!next.check()) return;
            change.mutate({ current, next: next.value }, { onSuccess: () => (setCurrent(''), next.reset()) });
          }}
        >
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <PasswordInput
              label={t.lock.currentPassphrase}
              value={current}
              onChange={(event) => setCurrent(event.currentTarget.value)}
              autoComplete="current-password"
            />
            <NewPassphraseFields state={next} error={refusal} />
          </SimpleGrid>
          <Group mt="xs" justify="space-between">
            <Text size="sm" c={change.error && !refusal ? 'red.9' : 'teal.9'} role={change.error && !refusal ? 'alert' : 'status'}>
              {change.error && !refusal ? change.error.message : change.isSuccess ? t.lock.changed : ''}
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
