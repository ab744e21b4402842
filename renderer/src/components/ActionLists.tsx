import { Badge, Card, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useChannel } from '../api';
import { t } from '../i18n';
import { ExportButton } from './ExportButton';
import { QueryState } from './QueryState';

const a = t.actionList.card;

/**
 * After the meeting, next to the verslag: each kernteam member's own action list
 * (their open agreements from this and earlier meetings) to export, signed with
 * the signature icon, and send them.
 */
export function ActionLists({ meetingId }: { meetingId: number }) {
  const query = useChannel('meetings.actionLists', { meetingId }, { staleTime: 0 });
  return (
    <Card withBorder component="section" aria-labelledby="action-lists-title">
      <Title order={3} mb="xs" id="action-lists-title">
        {a.title}
      </Title>
      <QueryState query={query}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{a.none}</Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm">{a.intro}</Text>
              <Table.ScrollContainer minWidth={0} type="native">
                <Table aria-labelledby="action-lists-title" verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{a.member}</Table.Th>
                      <Table.Th>{a.open}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{a.export}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => (
                      <Table.Tr key={row.memberId}>
                        <Table.Td>
                          <Text fw={600}>{row.name}</Text>
                          <Text size="sm" c="dimmed">
                            {[row.role, row.organisation].filter(Boolean).join(' · ')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={row.openActions ? 'blue' : 'gray'} data-testid={`open-actions-${row.memberId}`}>
                            {a.openCount(row.openActions)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <ExportButton
                            request={{ kind: 'actions', meetingId, memberId: row.memberId }}
                            label={a.export}
                            aria-label={a.exportFor(row.name)}
                            size="compact-sm"
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
