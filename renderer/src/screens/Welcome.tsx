import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Center, Container, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSchool, IconSparkles } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { type z } from 'zod';
import { setupStart } from '../../../core/contract/entities';
import { useChannelMutation } from '../api';
import { t } from '../i18n';

const emptyStart = setupStart.options[1];
type EmptyStart = z.input<typeof emptyStart>;

/** First start: choose the demo school or begin with an empty one. */
export function Welcome() {
  const start = useChannelMutation('setup.start');
  const form = useForm<EmptyStart>({ resolver: zodResolver(emptyStart), defaultValues: { mode: 'empty', schoolName: '' } });
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
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
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
            <Card withBorder padding="xl">
              <form onSubmit={form.handleSubmit((values) => start.mutate(values))} noValidate>
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
                    error={form.formState.errors.schoolName?.message}
                  />
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
