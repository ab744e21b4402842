import { Button, Card, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { auditFilter, auditKind } from '../../../../core/contract/privacy';
import { auditActionLabel, auditCountsText, auditRecordText } from '../../../../core/i18n/auditText';
import { useChannel, useChannelMutation } from '../../api';
import { formatMoment, t } from '../../i18n';
import { QueryState } from '../QueryState';

type Filter = z.input<typeof auditFilter>;
type Kind = z.infer<typeof auditKind>;

const PAGE_SIZE = 50;
const a = t.privacy.audit;

/** The audit log for the privacy officer: newest first, by kind and period, 50 entries a page, and its CSV export. */
export function AuditLogPanel({ schoolId }: { schoolId: number }) {
  const [form, setForm] = useState<Omit<Filter, 'schoolId'>>({ kind: null, from: null, to: null });
  const [filter, setFilter] = useState<Filter>({ schoolId, ...form });
  const [page, setPage] = useState(1);
  const list = useChannel(
    'audit.list',
    { filter: { ...filter, schoolId }, page, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData },
  );
  const save = useChannelMutation('audit.export');
  const exportCsv = () =>
    save.mutate(
      { ...filter, schoolId },
      {
        onSuccess: ({ fileName }) => fileName && notifications.show({ color: 'teal', message: t.exports.saved(fileName) }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  return (
    <Stack>
      <Text c="dimmed" maw={900}>
        {a.intro}
      </Text>
      <Card withBorder>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setFilter({ schoolId, ...form });
            setPage(1);
          }}
        >
          <Group align="flex-end">
            <Select
              label={a.kind}
              data={[
                { value: '', label: a.allKinds },
                ...(Object.keys(a.kinds) as Kind[]).map((kind) => ({ value: kind, label: a.kinds[kind] })),
              ]}
              value={form.kind ?? ''}
              onChange={(value) => setForm({ ...form, kind: (value || null) as Kind | null })}
              allowDeselect={false}
              w={260}
            />
            <TextInput
              type="date"
              label={a.from}
              value={form.from ?? ''}
              onChange={(event) => setForm({ ...form, from: event.currentTarget.value || null })}
            />
            <TextInput
              type="date"
              label={a.to}
              value={form.to ?? ''}
              onChange={(event) => setForm({ ...form, to: event.currentTarget.value || null })}
            />
            <Button type="submit">{a.show}</Button>
            <Button variant="light" leftSection={<IconFileTypeCsv size={18} />} onClick={exportCsv} loading={save.isPending}>
              {a.exportCsv}
            </Button>
          </Group>
        </form>
      </Card>
      <QueryState query={list}>
        {(data) =>
          data.total === 0 ? (
            <Text c="dimmed">{a.empty}</Text>
          ) : (
            <Stack>
              <Text size="sm" fw={600}>
                {a.total(data.total)}
              </Text>
              <Card withBorder p={0}>
                <Table.ScrollContainer minWidth={0} type="native">
                  <Table striped verticalSpacing={6} fz="sm" aria-label={t.privacy.tabs.audit}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{a.at}</Table.Th>
                        <Table.Th>{a.actor}</Table.Th>
                        <Table.Th>{a.action}</Table.Th>
                        <Table.Th>{a.record}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.entries.map((entry) => (
                        <Table.Tr key={entry.id}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMoment(entry.at)}</Table.Td>
                          <Table.Td>{entry.actor}</Table.Td>
                          <Table.Td>
                            {auditActionLabel(entry.action)}
                            {Object.keys(entry.counts).length > 0 && (
                              <Text span c="dimmed" size="sm">
                                {' — '}
                                {auditCountsText(entry.counts)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{auditRecordText(entry)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Card>
              <nav aria-label={a.pages}>
                <Pagination
                  total={Math.ceil(data.total / PAGE_SIZE)}
                  value={page}
                  onChange={setPage}
                  withEdges
                  hideWithOnePage
                  getControlProps={(control) => ({ 'aria-label': a.pageControls[control] })}
                  getItemProps={(item) => ({ 'aria-label': a.page(item) })}
                />
              </nav>
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
