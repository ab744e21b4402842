import { Badge, Box, Button, Card, Group, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconCircleDashed, IconRocket } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Output } from '../../../../core/contract/contract';
import { useChannelMutation } from '../../api';
import { t } from '../../i18n';

type FirstSteps = Output<'dashboard.firstSteps'>;
type StepKey = FirstSteps['steps'][number]['key'];

/** Where each step is taken: a case is registered from its pupil on Leerlingen. */
const stepPaths: Record<StepKey, string> = {
  team: '/kernteam',
  pupil: '/leerlingen',
  case: '/leerlingen',
  meeting: '/overleggen',
};

const f = t.dashboard.firstSteps;

/**
 * A new school's checklist on the start screen: kernteam, a pupil, a case,
 * the first MDO, each with its state and a way to the screen where it is done.
 * Shown until every step is done, or until the IB hides it.
 */
export function FirstStepsCard({ schoolId, firstSteps }: { schoolId: number; firstSteps: FirstSteps }) {
  const hide = useChannelMutation('dashboard.hideFirstSteps');
  const done = firstSteps.steps.filter((step) => step.done).length;
  const total = firstSteps.steps.length;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="first-steps">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="indigo" size="lg" radius="xl" aria-hidden>
            <IconRocket size={18} />
          </ThemeIcon>
          <Title order={3} size="h4" id="first-steps">
            {f.title}
          </Title>
        </Group>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          onClick={() => hide.mutate({ schoolId, hidden: true })}
          loading={hide.isPending}
        >
          {f.hide}
        </Button>
      </Group>
      <Text c="dimmed" mb="xs">
        {f.intro}
      </Text>
      <Group gap="sm" mb="md" wrap="nowrap">
        <Progress value={(done / total) * 100} color="teal" style={{ flex: 1 }} aria-hidden />
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {f.progress(done, total)}
        </Text>
      </Group>
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="first-steps">
        {firstSteps.steps.map((step, index) => {
          const text = f.steps[step.key];
          return (
            <Box
              component="li"
              key={step.key}
              py={10}
              style={index === 0 ? undefined : { borderTop: '1px solid var(--mantine-color-gray-2)' }}
              data-step={step.key}
            >
              <Group justify="space-between" align="flex-start" gap="sm">
                <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 16rem', minWidth: 0 }}>
                  {step.done ? (
                    <IconCircleCheck size={22} color="var(--mantine-color-teal-8)" aria-hidden style={{ flexShrink: 0 }} />
                  ) : (
                    <IconCircleDashed size={22} color="var(--mantine-color-gray-6)" aria-hidden style={{ flexShrink: 0 }} />
                  )}
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fw={600} td={step.done ? 'line-through' : undefined}>
                      {index + 1}. {text.label}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {step.count > 0 ? `${text.count(step.count)}. ` : ''}
                      {text.hint}
                    </Text>
                  </Stack>
                </Group>
                <Group gap="xs">
                  <Badge variant="light" color={step.done ? 'teal' : 'gray'}>
                    {step.done ? f.done : f.todo}
                  </Badge>
                  {!step.done && (
                    <Button
                      component={Link}
                      to={stepPaths[step.key]}
                      variant="light"
                      size="compact-sm"
                      rightSection={<IconArrowRight size={16} />}
                      aria-label={`${text.action}: ${text.label}`}
                    >
                      {text.action}
                    </Button>
                  )}
                </Group>
              </Group>
            </Box>
          );
        })}
      </Box>
    </Card>
  );
}

/** Whether the start screen shows the first steps: while one is not done and the IB has not hidden them. */
export function showFirstSteps(firstSteps: FirstSteps | undefined): firstSteps is FirstSteps {
  return !!firstSteps && !firstSteps.hidden && firstSteps.steps.some((step) => !step.done);
}
