import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconMapPins } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { setupStart } from '../../../../core/contract/entities';
import { useChannelMutation } from '../../api';
import { NewPassphraseFields, useNewPassphrase } from '../../components/passphrase/NewPassphraseFields';
import { t } from '../../i18n';

// The passphrase has its own form part (strength meter, repeat); the names are checked by the contract's schema.
const regionForm = setupStart.options[2].omit({ passphrase: true });
type RegionForm = z.input<typeof regionForm>;
const r = t.regio.screens.welcome;

/**
 * First start as a coordinator: the region's name, the coordinator's own (it goes into the
 * certificate schools encrypt for) and the passphrase of the region file, judged like a school's.
 */
export function RegionSetupForm({ onBack, onRecoveryKey }: { onBack: () => void; onRecoveryKey: (key: string) => void }) {
  const start = useChannelMutation('setup.start');
  const form = useForm<RegionForm>({
    resolver: zodResolver(regionForm),
    defaultValues: { mode: 'region', regionName: '', coordinatorName: '' },
  });
  const [regionName, coordinatorName] = useWatch({ control: form.control, name: ['regionName', 'coordinatorName'] });
  const passphrase = useNewPassphrase([regionName, coordinatorName]);
  const { errors } = form.formState;
  const serverField = (path: string) => start.error?.error.fields?.find((field) => field.path === path)?.message;
  const submit = (event: FormEvent) => {
    // Both parts show their problems at once; only a complete form is sent.
    const passphraseOk = passphrase.check();
    void form.handleSubmit((values) => {
      if (!passphraseOk) return;
      start.mutate(
        { ...values, mode: 'region', passphrase: passphrase.value },
        { onSuccess: ({ recoveryKey }) => recoveryKey && onRecoveryKey(recoveryKey) },
      );
    })(event);
  };
  return (
    <Card withBorder padding="xl" maw={720} w="100%" mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group gap="xs" wrap="nowrap">
            <IconMapPins aria-hidden style={{ flexShrink: 0 }} />
            <Title order={2} size="h3">
              {r.title}
            </Title>
          </Group>
          <Text>{r.text}</Text>
          <TextInput
            label={r.regionName}
            placeholder={r.regionNamePlaceholder}
            required
            {...form.register('regionName')}
            error={errors.regionName?.message ?? serverField('regionName')}
          />
          <TextInput
            label={r.coordinatorName}
            description={r.coordinatorNameHint}
            placeholder={t.welcome.yourNamePlaceholder}
            required
            autoComplete="name"
            {...form.register('coordinatorName')}
            error={errors.coordinatorName?.message ?? serverField('coordinatorName')}
          />
          <Title order={3} size="h5" mt="xs">
            {t.welcome.passphraseTitle}
          </Title>
          <NewPassphraseFields state={passphrase} error={serverField('passphrase')} />
          {start.error && !start.error.error.fields?.length && (
            <Text c="red.9" role="alert">
              {start.error.message}
            </Text>
          )}
          <Group justify="space-between">
            <Button variant="subtle" leftSection={<IconArrowLeft size={18} />} onClick={onBack} disabled={start.isPending}>
              {r.back}
            </Button>
            <Button type="submit" size="md" loading={start.isPending}>
              {r.button}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
