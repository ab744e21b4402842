import { Button, Card, NavLink, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { formatShortDate, t } from '../../i18n';
import type { useChannel } from '../../api';

type Agenda = NonNullable<ReturnType<typeof useChannel<'meetings.get'>>['data']>['agenda'];

/** The agenda beside the item: every point to jump to, and closing the meeting. */
export function ItemNavigation({
  meetingId,
  date,
  agenda,
  currentId,
}: {
  meetingId: number;
  date: string;
  agenda: Agenda;
  currentId: number;
}) {
  const navigate = useNavigate();
  return (
    <>
      <Card withBorder p="xs">
        <Text fw={700} px="xs" mb={4}>
          {t.chair.agenda} · {formatShortDate(date)}
        </Text>
        <nav aria-label={t.chair.agenda}>
          {agenda.map((item, position) => (
            <NavLink
              key={item.id}
              label={`${position + 1}. ${item.title}`}
              active={item.id === currentId}
              onClick={() => void navigate(`/overleggen/${meetingId}/voorzitten/${item.id}`)}
              aria-current={item.id === currentId ? 'step' : undefined}
            />
          ))}
        </nav>
        <Button fullWidth mt="sm" variant="light" onClick={() => void navigate(`/overleggen/${meetingId}/afsluiten`)}>
          {t.chair.closeMeeting}
        </Button>
      </Card>
      <Text size="xs" c="dimmed" mt="xs">
        {t.chair.shortcuts}
      </Text>
    </>
  );
}
