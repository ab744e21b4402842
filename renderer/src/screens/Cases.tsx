import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useChannel } from '../api';
import { QueryState } from '../components/QueryState';
import { formatShortDate, t } from '../i18n';
import { useSchool } from '../school';

const statusColor = { registered: 'yellow', active: 'indigo', closed: 'gray' } as const;

/** The school's cases: open ones first, with trekker and themes. */
export function Cases() {
  const { current } = useSchool();
  const query = useChannel('cases.list', { schoolId: current.id });
  return (
    <Stack>
      <Title order={2}>{t.cases.title}</Title>
      <QueryState query={query}>
        {(cases) =>
          cases.length === 0 ? (
            <Text c="dimmed">{t.cases.empty}</Text>
          ) : (
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.cases.pupil}</Table.Th>
                  <Table.Th>{t.cases.group}</Table.Th>
                  <Table.Th>{t.cases.question}</Table.Th>
                  <Table.Th>{t.cases.lead}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t.cases.registeredOn}</Table.Th>
                  <Table.Th>{t.cases.status}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td fw={600}>
                      <Anchor component={Link} to={`/casussen/${item.id}`}>
                        {item.pupilName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.groupName}</Table.Td>
                    <Table.Td maw={420}>
                      <Text size="sm" lineClamp={2}>
                        {item.question}
                      </Text>
                      <Group gap={4} mt={4}>
                        {item.themes.map((theme) => (
                          <Badge key={theme} size="xs" variant="outline">
                            {theme}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {item.leadName ?? (
                        <Text c="red.9" size="sm">
                          {t.cases.noLead}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatShortDate(item.registeredOn)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge variant="light" color={statusColor[item.status]}>
                        {t.cases.statuses[item.status]}
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
