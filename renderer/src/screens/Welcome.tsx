import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Center, Container, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconMapPins, IconSchool, IconSparkles } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { setupStart } from '../../../core/contract/entities';
import { useChannel, useChannelMutation } from '../api';
import { NewPassphraseFields, useNewPassphrase } from '../components/passphrase/NewPassphraseFields';
import { t } from '../i18n';
import { RegionSetupForm } from './region/RegionSetupForm';

// The passphrase has its own form part (strength meter, repeat); the rest is checked by the contract's schema.
const emptyForm = setupStart.options[1].omit({ passphrase: true });
type EmptyForm = z.input<typeof emptyForm>;
const roleOptions = t.defaults.roles.map((role) => ({ value: role.code, label: role.name }));
const r = t.regio.screens.welcome;

/**
 * First start: begin with the school's own data (the IB, then a passphrase) or
 * look around in the demo school. A real school is the primary choice; a
 * coordinator starts a region file (or opens the demo region) below it.
 */
export function Welcome({ onRecoveryKey }: { onRecoveryKey: (key: string) => void }) {
  const start = useChannelMutation('setup.start');
  const [regionForm, setRegionForm] = useState(false);
  // IT can leave the demo school out on managed computers (machine policy).
  const offerDemo = useChannel('app.info', undefined).data?.policy.offerDemoSchool === true;
  const form = useForm<EmptyForm>({
    resolver: zodResolver(emptyForm),
    defaultValues: { mode: 'empty', schoolName: '', ibName: '', ibRoleCode: 'ib', ibEmail: '' },
  });
  const [schoolName, ibName, ibEmail] = useWatch({ control: form.control, name: ['schoolName', 'ibName', 'ibEmail'] });
  const passphrase = useNewPassphrase([schoolName, ibName, ibEmail ?? '']);
  const { errors } = form.formState;
  const serverField = (path: string) => start.error?.error.fields?.find((field) => field.path === path)?.message;
  const submit = (event: FormEvent) => {
    // Both parts show their problems at once; only a complete form is sent.
    const passphraseOk = passphrase.check();
    void form.handleSubmit((values) => {
      if (!passphraseOk) return;
      start.mutate(
        { ...values, mode: 'empty', passphrase: passphrase.value },
        { onSuccess: ({ recoveryKey }) => recoveryKey && onRecoveryKey(recoveryKey) },
      );
    })(event);
  };
  const ownSchool = (
    <Card withBorder padding="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group gap="xs" wrap="nowrap">
            <IconSchool aria-hidden style={{ flexShrink: 0 }} />
            <Title order={2} size="h3">
              {t.welcome.emptyTitle}
            </Title>
          </Group>
          <Text>{t.welcome.emptyText}</Text>
          <TextInput
            label={t.welcome.schoolName}
            placeholder={t.welcome.schoolNamePlaceholder}
            required
            {...form.register('schoolName')}
            error={errors.schoolName?.message ?? serverField('schoolName')}
          />
          <Title order={3} size="h5" mt="xs">
            {t.welcome.youTitle}
          </Title>
          <Text size="sm">{t.welcome.youText}</Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t.welcome.yourName}
              placeholder={t.welcome.yourNamePlaceholder}
              required
              autoComplete="name"
              {...form.register('ibName')}
              error={errors.ibName?.message ?? serverField('ibName')}
            />
            <Controller
              control={form.control}
              name="ibRoleCode"
              render={({ field }) => (
                <Select
                  label={t.welcome.yourRole}
                  data={roleOptions}
                  required
                  allowDeselect={false}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? 'ib')}
                  error={errors.ibRoleCode?.message}
                />
              )}
            />
          </SimpleGrid>
          <TextInput
            label={t.welcome.yourEmail}
            type="email"
            autoComplete="email"
            {...form.register('ibEmail')}
            error={errors.ibEmail?.message ?? serverField('ibEmail')}
          />
          <Title order={3} size="h5" mt="xs">
            {t.welcome.passphraseTitle}
          </Title>
          <NewPassphraseFields state={passphrase} error={serverField('passphrase')} />
          <Button type="submit" size="md" loading={start.isPending && start.variables?.mode === 'empty'}>
            {t.welcome.emptyButton}
          </Button>
        </Stack>
      </form>
    </Card>
  );
  if (regionForm)
    return (
      <Center mih="100vh" bg="gray.0">
        <Container size="md" py="xl" w="100%">
          <RegionSetupForm onBack={() => setRegionForm(false)} onRecoveryKey={onRecoveryKey} />
        </Container>
      </Center>
    );
  return (
    <Center mih="100vh" bg="gray.0">
      <Container size="md" py="xl" w="100%">
        <Stack gap="xl">
          <Stack gap="xs">
            <Title order={1}>{t.welcome.title}</Title>
            <Text size="lg" c="dimmed" maw={640}>
              {t.welcome.intro}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, md: offerDemo ? 2 : 1 }}>
            {ownSchool}
            {offerDemo && (
              <Card withBorder padding="xl">
                <Stack gap="xs">
                  <Group gap="xs" wrap="nowrap">
                    <IconSparkles aria-hidden style={{ flexShrink: 0 }} />
                    <Title order={2} size="h3">
                      {t.welcome.demoTitle}
                    </Title>
                    <Badge color="yellow" autoContrast style={{ flexShrink: 0 }}>
                      {t.app.demoBadge}
                    </Badge>
                  </Group>
                  <Text>{t.welcome.demoText}</Text>
                  <Text size="sm" fw={600}>
                    {t.welcome.demoFictitious}
                  </Text>
                  <Button
                    mt="sm"
                    variant="outline"
                    onClick={() => start.mutate({ mode: 'demo' })}
                    loading={start.isPending && start.variables?.mode === 'demo'}
                  >
                    {t.welcome.demoButton}
                  </Button>
                </Stack>
              </Card>
            )}
          </SimpleGrid>
          <Card withBorder padding="lg" component="section" aria-labelledby="welcome-region">
            <Stack gap="xs">
              <Group gap="xs" wrap="nowrap">
                <IconMapPins aria-hidden style={{ flexShrink: 0 }} />
                <Title order={2} size="h4" id="welcome-region">
                  {r.sectionTitle}
                </Title>
              </Group>
              <Text size="sm">{r.sectionText}</Text>
              {offerDemo && (
                <Text size="sm" c="dimmed">
                  {r.demoText}
                </Text>
              )}
              <Group gap="xs" mt={4}>
                <Button variant="light" onClick={() => (start.reset(), setRegionForm(true))} disabled={start.isPending}>
                  {r.open}
                </Button>
                {offerDemo && (
                  <Button
                    variant="outline"
                    onClick={() => start.mutate({ mode: 'demoRegion' })}
                    loading={start.isPending && start.variables?.mode === 'demoRegion'}
                  >
                    {r.demoButton}
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
          {start.error && !start.error.error.fields?.length && (
            <Text c="red.9" role="alert">
              {start.error.message}
            </Text>
          )}
        </Stack>
      </Container>
    </Center>
  );
}
