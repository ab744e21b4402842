import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useChannel, useChannelMutation } from '../api';
import { MeetingForm } from '../components/MeetingForm';
import { ListTitle } from '../components/ListTitle';
import { QueryState } from '../components/QueryState';
import { VirtualTable } from '../components/VirtualTable';
import { formatShortDate, t } from '../i18n';
import { useSchool } from '../school';

/** All meetings of the school, newest first, and planning a new one. */
export function Meetings() {
  const { current } = useSchool();
  const query = useChannel('meetings.list', { schoolId: current.id });
  const members = useChannel('members.list', { schoolId: current.id });
  const plan = useChannelMutation('meetings.plan');
  const navigate = useNavigate();
  const [planning, { open, close }] = useDisclosure(false);
  const active = (members.data ?? []).filter((member) => member.active);
  // The chair by default: the IB, or else whoever set MDO up (the first member, made at first start in the role they chose).
  const ib =
    active.find((member) => member.roleName === 'Intern begeleider') ??
    active.reduce<(typeof active)[number] | undefined>((first, member) => (!first || member.id < first.id ? member : first), undefined);
  return (
    <Stack>
      <Group justify="space-between">
        <ListTitle title={t.meetings.title} count={query.data && t.meetings.count(query.data.length)} />
        <Button leftSection={<IconCalendarPlus size={18} />} onClick={open}>
          {t.meetings.plan}
        </Button>
      </Group>
      <QueryState query={query}>
        {(meetings) =>
          meetings.length === 0 ? (
            <Text c="dimmed">{t.meetings.empty}</Text>
          ) : (
            <VirtualTable
              striped
              highlightOnHover
              aria-label={t.meetings.title}
              columns={7}
              estimateRowHeight={45}
              items={meetings}
              rowKey={(meeting) => meeting.id}
              head={
                <>
                  <Table.Th>{t.meetings.date}</Table.Th>
                  <Table.Th>{t.meetings.time}</Table.Th>
                  <Table.Th>{t.meetings.location}</Table.Th>
                  <Table.Th>{t.meetings.chair}</Table.Th>
                  <Table.Th>{t.meetings.cases}</Table.Th>
                  <Table.Th>{t.meetings.status}</Table.Th>
                  <Table.Th />
                </>
              }
              row={(meeting, rowProps) => (
                <Table.Tr {...rowProps}>
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
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => void navigate(`/overleggen/${meeting.id}`)}
                      aria-label={`${t.meetings.open} ${formatShortDate(meeting.date)}`}
                    >
                      {t.meetings.open}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              )}
            />
          )
        }
      </QueryState>
      <Modal
        opened={planning}
        onClose={close}
        title={t.meetings.plan}
        size="lg"
        centered
        closeButtonProps={{ 'aria-label': t.meetings.cancel }}
      >
        {planning && (
          <MeetingForm
            schoolId={current.id}
            initial={{
              date: '',
              startTime: '08:30',
              location: '',
              chairId: ib?.id ?? null,
              minuteTakerId: null,
              inviteeIds: active.map((member) => member.id),
            }}
            submitting={plan.isPending}
            error={plan.error?.message}
            onCancel={close}
            onSubmit={async (values) => {
              const { id } = await plan.mutateAsync({ schoolId: current.id, ...values });
              close();
              void navigate(`/overleggen/${id}`);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
