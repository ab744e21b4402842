import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useChannel } from '../api';
import { ListTitle } from '../components/ListTitle';
import { QueryState } from '../components/QueryState';
import { VirtualTable } from '../components/VirtualTable';
import { formatShortDate, t } from '../i18n';
import { useSchool } from '../school';

const statusColor = { registered: 'yellow', active: 'indigo', closed: 'gray' } as const;

/** The school's cases: open ones first, with trekker and themes. */
export function Cases() {
  const { current } = useSchool();
  const query = useChannel('cases.list', { schoolId: current.id });
  return (
    <Stack>
      <ListTitle title={t.cases.title} count={query.data && t.cases.count(query.data.length)} />
      <QueryState query={query}>
        {(cases) =>
          cases.length === 0 ? (
            <Text c="dimmed">{t.cases.empty}</Text>
          ) : (
            <VirtualTable
              striped
              highlightOnHover
              verticalSpacing="sm"
              aria-label={t.cases.title}
              columns={6}
              estimateRowHeight={80}
              items={cases}
              rowKey={(item) => item.id}
              head={
                <>
                  <Table.Th>{t.cases.pupil}</Table.Th>
                  <Table.Th>{t.cases.group}</Table.Th>
                  <Table.Th>{t.cases.question}</Table.Th>
                  <Table.Th>{t.cases.lead}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t.cases.registeredOn}</Table.Th>
                  <Table.Th>{t.cases.status}</Table.Th>
                </>
              }
              row={(item, rowProps) => (
                <Table.Tr {...rowProps}>
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
              )}
            />
          )
        }
      </QueryState>
    </Stack>
  );
}
