import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconBulb,
  IconCalendarEvent,
  IconCircleCheck,
  IconClock,
  IconMapPin,
  IconUser,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Output } from '../../../../core/contract/contract';
import { formatLongDate, t } from '../../i18n';

type NextMeeting = NonNullable<Output<'dashboard.items'>['nextMeeting']>;

/** The next MDO: when, where, who chairs, its agenda and what is still missing from it. */
export function NextMeetingCard({ meeting }: { meeting: NextMeeting | null }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="next-meeting">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="indigo" size="lg" radius="xl" aria-hidden>
            <IconCalendarEvent size={18} />
          </ThemeIcon>
          <Title order={3} size="h4" id="next-meeting">
            {t.dashboard.nextMeeting}
          </Title>
        </Group>
        {meeting && (
          <Button
            component={Link}
            to={`/overleggen/${meeting.meetingId}`}
            variant="light"
            size="compact-sm"
            rightSection={<IconArrowRight size={16} />}
          >
            {t.dashboard.prepareMeeting}
          </Button>
        )}
      </Group>
      {meeting ? (
        <Stack gap="sm">
          <Text fw={700} fz="lg" data-testid="next-meeting-date">
            {formatLongDate(meeting.date)}
          </Text>
          <Group gap="md" mt={-6}>
            <Group gap={6}>
              <IconClock size={18} aria-hidden />
              <Text>{meeting.startTime}</Text>
            </Group>
            {meeting.location && (
              <Group gap={6}>
                <IconMapPin size={18} aria-hidden />
                <Text>{meeting.location}</Text>
              </Group>
            )}
            {meeting.chairName && (
              <Group gap={6}>
                <IconUser size={18} aria-hidden />
                <Text>
                  {t.dashboard.chair}: {meeting.chairName}
                </Text>
              </Group>
            )}
          </Group>
          <AgendaState meeting={meeting} />
          <Group justify="space-between" mt="xs">
            <Title order={4}>{t.dashboard.agenda}</Title>
            <Group gap={6}>
              <Badge variant="light" color="indigo">
                {t.dashboard.agendaCases(meeting.agendaState.caseItems)}
              </Badge>
              <Badge variant="light" color="gray">
                {t.dashboard.agendaGeneral(meeting.agendaState.generalItems)}
              </Badge>
              {meeting.agendaState.anonymousCaseItems > 0 && (
                <Badge variant="light" color="grape">
                  {t.dashboard.agendaAnonymous(meeting.agendaState.anonymousCaseItems)}
                </Badge>
              )}
              <Badge variant="light" color="gray">
                {t.dashboard.plannedMinutes(meeting.agendaState.plannedMinutes)}
              </Badge>
            </Group>
          </Group>
          {meeting.agenda.length === 0 ? (
            <Text c="dimmed">{t.dashboard.emptyAgenda}</Text>
          ) : (
            <List type="ordered" spacing={6} aria-label={t.dashboard.agenda}>
              {meeting.agenda.map((item) => (
                <List.Item key={item.agendaItemId}>
                  <Group gap="xs">
                    <Text>{item.title}</Text>
                    <Badge variant="light" color={item.kind === 'case' ? 'indigo' : 'gray'}>
                      {item.kind === 'case' ? t.dashboard.caseItem : t.dashboard.generalItem}
                    </Badge>
                    <Text c="dimmed" size="sm">
                      {t.dashboard.minutes(item.plannedMinutes)}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      ) : (
        <Stack gap="xs" align="flex-start">
          <Text c="dimmed">{t.dashboard.noNextMeeting}</Text>
          <Anchor component={Link} to="/overleggen">
            {t.dashboard.planMeeting}
          </Anchor>
        </Stack>
      )}
    </Card>
  );
}

/** Whether the agenda is ready, with the way to the meeting page when it is not. */
function AgendaState({ meeting }: { meeting: NextMeeting }) {
  const { status, suggestedCaseIds } = meeting.agendaState;
  const toMeeting = `/overleggen/${meeting.meetingId}`;
  if (status === 'ready')
    return (
      <Group gap={6}>
        <IconCircleCheck size={18} color="var(--mantine-color-teal-8)" aria-hidden />
        <Text size="sm">{t.dashboard.agendaReady}</Text>
      </Group>
    );
  const noCases = status === 'no_cases';
  return (
    <Alert
      role="note"
      variant="light"
      color={noCases ? 'orange' : 'indigo'}
      icon={noCases ? <IconAlertTriangle size={20} /> : <IconBulb size={20} />}
      title={noCases ? t.dashboard.noCasesTitle : t.dashboard.suggestionsTitle(suggestedCaseIds.length)}
      data-testid="agenda-state"
    >
      <Text size="sm">{noCases ? t.dashboard.noCasesText : t.dashboard.suggestionsText}</Text>
      <Anchor component={Link} to={toMeeting} size="sm" fw={600} c="indigo.9" mt={4} display="inline-block">
        {t.dashboard.toSuggestions}
      </Anchor>
    </Alert>
  );
}
