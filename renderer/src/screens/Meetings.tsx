import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useChannel } from '../api';
import { QueryState } from '../components/QueryState';
import { formatShortDate, t } from '../i18n';
import { useSchool } from '../school';

/** All meetings of the school, newest first. */
export function Meetings() {
  const { current } = useSchool();
  const query = useChannel('meetings.list', { schoolId: current.id });
  return (
    <Stack>
      <Title order={2}>{t.meetings.title}</Title>
      <QueryState query={query}>
        {(meetings) =>
          meetings.length === 0 ? (
            <Text c="dimmed">{t.meetings.empty}</Text>
          ) : (
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.meetings.date}</Table.Th>
                  <Table.Th>{t.meetings.time}</Table.Th>
                  <Table.Th>{t.meetings.location}</Table.Th>
                  <Table.Th>{t.meetings.chair}</Table.Th>
                  <Table.Th>{t.meetings.cases}</Table.Th>
                  <Table.Th>{t.meetings.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {meetings.map((meeting) => (
                  <Table.Tr key={meeting.id}>
                    <Table.Td>{formatShortDate(meeting.date)}</Table.Td>
                    <Table.Td>{meeting.startTime}</Table.Td>
                    <Table.Td>{meeting.location}</Table.Td>
                    <Table.Td>{meeting.chairName ?? '—'}</Table.Td>
                    <Table.Td>{meeting.caseCount}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={meeting.status === 'planned' ? 'indigo' : 'gray'}>
                        {t.meetings.statuses[meeting.status]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Stack>
  );
}
