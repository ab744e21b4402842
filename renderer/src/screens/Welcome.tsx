import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Center, Container, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSchool, IconSparkles } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { setupStart } from '../../../core/contract/entities';
import { useChannel, useChannelMutation } from '../api';
import { t } from '../i18n';

// The form asks the passphrase twice; only the renderer needs the repeat.
const emptyStart = setupStart.options[1];
const emptyForm = emptyStart
  .extend({ repeat: z.string() })
  .refine((values) => values.passphrase === values.repeat, { path: ['repeat'], error: t.lock.mismatch });
type EmptyForm = z.input<typeof emptyForm>;

/** First start: choose the demo school or begin with an empty one behind a passphrase of your own. */
export function Welcome({ onRecoveryKey }: { onRecoveryKey: (key: string) => void }) {
  const start = useChannelMutation('setup.start');
  // IT can leave the demo school out on managed computers (machine policy).
  const offerDemo = useChannel('app.info', undefined).data?.policy.offerDemoSchool === true;
  const form = useForm<EmptyForm>({
    resolver: zodResolver(emptyForm),
    defaultValues: { mode: 'empty', schoolName: '', passphrase: '', repeat: '' },
  });
  const { errors } = form.formState;
  return (
    <Center mih="100vh" bg="gray.0">
      <Container size="md" py="xl">
        <Stack gap="xl">
          <Stack gap="xs">
            <Title order={1}>{t.welcome.title}</Title>
            <Text size="lg" c="dimmed" maw={640}>
              {t.welcome.intro}
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: offerDemo ? 2 : 1 }}>
            {offerDemo && (
              <Card withBorder padding="xl">
                <Stack h="100%" justify="space-between">
                  <Stack gap="xs">
                    <Group gap="xs">
                      <IconSparkles />
                      <Title order={3}>{t.welcome.demoTitle}</Title>
                      <Badge color="yellow" autoContrast>
                        {t.app.demoBadge}
                      </Badge>
                    </Group>
                    <Text>{t.welcome.demoText}</Text>
                  </Stack>
                  <Button
                    size="md"
                    onClick={() => start.mutate({ mode: 'demo' })}
                    loading={start.isPending && start.variables?.mode === 'demo'}
                  >
                    {t.welcome.demoButton}
                  </Button>
                </Stack>
              </Card>
            )}
            <Card withBorder padding="xl">
              <form
                onSubmit={form.handleSubmit(({ repeat: _, ...values }) =>
                  start.mutate(values, { onSuccess: ({ recoveryKey }) => recoveryKey && onRecoveryKey(recoveryKey) }),
                )}
                noValidate
              >
                <Stack>
                  <Group gap="xs">
                    <IconSchool />
                    <Title order={3}>{t.welcome.emptyTitle}</Title>
                  </Group>
                  <Text>{t.welcome.emptyText}</Text>
                  <TextInput
                    label={t.welcome.schoolName}
                    placeholder={t.welcome.schoolNamePlaceholder}
                    required
                    {...form.register('schoolName')}
                    error={errors.schoolName?.message}
                  />
                  <PasswordInput
                    label={t.lock.newPassphrase}
                    description={t.lock.passphraseTooShort}
                    required
                    {...form.register('passphrase')}
                    error={errors.passphrase?.message}
                  />
                  <PasswordInput label={t.lock.repeat} required {...form.register('repeat')} error={errors.repeat?.message} />
                  <Button type="submit" variant="light" size="md" loading={start.isPending && start.variables?.mode === 'empty'}>
                    {t.welcome.emptyButton}
                  </Button>
                </Stack>
              </form>
            </Card>
          </SimpleGrid>
          {start.error && (
            <Text c="red.9" role="alert">
              {start.error.message}
            </Text>
          )}
        </Stack>
      </Container>
    </Center>
  );
}
