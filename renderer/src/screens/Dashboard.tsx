import { Badge, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlarm, IconCalendarEvent, IconChecklist, IconClock, IconFolders, IconMapPin, IconUser, type Icon } from '@tabler/icons-react';
import { useChannel } from '../api';
import { QueryState } from '../components/QueryState';
import { formatLongDate, t } from '../i18n';
import { useSchool } from '../school';

/** Start screen: the next MDO with its agenda and the day's key numbers. */
export function Dashboard() {
  const { current } = useSchool();
  const query = useChannel('dashboard.get', { schoolId: current.id });
  return (
    <Stack gap="lg">
      <Title order={2}>{t.dashboard.title}</Title>
      <QueryState query={query}>
        {(data) => (
          <>
            <SimpleGrid cols={3}>
              <Stat icon={IconFolders} label={t.dashboard.openCases} value={data.openCases} />
              <Stat icon={IconChecklist} label={t.dashboard.openAgreements} value={data.openAgreements} />
              <Stat
                icon={IconAlarm}
                label={t.dashboard.overdueAgreements}
                value={data.overdueAgreements}
                alert={data.overdueAgreements > 0}
              />
            </SimpleGrid>
            <Card withBorder padding="lg" aria-labelledby="next-meeting">
              <Title order={3} id="next-meeting" mb="sm">
                {t.dashboard.nextMeeting}
              </Title>
              {data.nextMeeting ? (
                <Stack gap="sm">
                  <Group gap="lg">
                    <Group gap={6}>
                      <IconCalendarEvent size={18} />
                      <Text fw={600} data-testid="next-meeting-date">
                        {formatLongDate(data.nextMeeting.date)}
                      </Text>
                    </Group>
                    <Group gap={6}>
                      <IconClock size={18} />
                      <Text>{data.nextMeeting.startTime}</Text>
                    </Group>
                    {data.nextMeeting.location && (
                      <Group gap={6}>
                        <IconMapPin size={18} />
                        <Text>{data.nextMeeting.location}</Text>
                      </Group>
                    )}
                    {data.nextMeeting.chairName && (
                      <Group gap={6}>
                        <IconUser size={18} />
                        <Text>
                          {t.dashboard.chair}: {data.nextMeeting.chairName}
                        </Text>
                      </Group>
                    )}
                  </Group>
                  <Title order={4}>{t.dashboard.agenda}</Title>
                  {data.nextMeeting.agenda.length === 0 ? (
                    <Text c="dimmed">{t.dashboard.emptyAgenda}</Text>
                  ) : (
                    <List type="ordered" spacing={6} aria-label={t.dashboard.agenda}>
                      {data.nextMeeting.agenda.map((item) => (
                        <List.Item key={item.id}>
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
                <Text c="dimmed">{t.dashboard.noNextMeeting}</Text>
              )}
            </Card>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function Stat({ icon: StatIcon, label, value, alert = false }: { icon: Icon; label: string; value: number; alert?: boolean }) {
  return (
    <Card withBorder padding="md">
      <Group justify="space-between">
        <Text c="dimmed" size="sm">
          {label}
        </Text>
        <ThemeIcon variant="light" color={alert ? 'red' : 'indigo'} size="lg" radius="xl">
          <StatIcon size={18} />
        </ThemeIcon>
      </Group>
      <Text fz={32} fw={700} c={alert ? 'red.9' : undefined}>
        {value}
      </Text>
    </Card>
  );
}
