import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlayerPlay, IconPlus, IconTrash, IconUserOff } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useChannel, useChannelMutation } from '../api';
import { ExportButton } from '../components/ExportButton';
import { MinutesPanel } from '../components/MinutesPanel';
import { MeetingForm } from '../components/MeetingForm';
import { QueryState } from '../components/QueryState';
import { formatLongDate, t } from '../i18n';

/** Preparing one meeting: agenda with suggestions and order, presence, then chair or close it. */
export function MeetingPage() {
  const meetingId = Number(useParams().meetingId);
  const meeting = useChannel('meetings.get', { meetingId });
  const update = useChannelMutation('meetings.update');
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  return (
    <QueryState query={meeting}>
      {(data) => {
        const closed = data.status === 'held' || data.status === 'finalized' || data.status === 'cancelled';
        return (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Title order={2}>MDO {formatLongDate(data.date)}</Title>
                <Text c="dimmed">
                  {data.startTime} · {data.location || '—'} · {t.meetings.chairRole}: {data.chairName ?? '—'} · {t.meetings.minuteTaker}:{' '}
                  {data.minuteTakerName ?? '—'}
                </Text>
              </Stack>
              <Group>
                <Badge size="lg" variant="light">
                  {t.meetings.statuses[data.status]}
                </Badge>
                {!closed && (
                  <Button leftSection={<IconPlayerPlay size={18} />} onClick={() => void navigate(`/overleggen/${meetingId}/voorzitten`)}>
                    {data.status === 'in_progress' ? t.meetings.continueChair : t.meetings.startChair}
                  </Button>
                )}
                {data.status === 'in_progress' && <ExportButton request={{ kind: 'minutes', meetingId }} label={t.exports.minutes} />}
                {!closed && (
                  <Button variant="default" onClick={() => setEditing(true)}>
                    {t.meetings.edit}
                  </Button>
                )}
                {!closed && (
                  <Button variant="light" onClick={() => void navigate(`/overleggen/${meetingId}/afsluiten`)}>
                    {t.meetings.close}
                  </Button>
                )}
              </Group>
            </Group>
            <Modal
              opened={editing}
              onClose={() => setEditing(false)}
              title={t.meetings.edit}
              size="lg"
              centered
              closeButtonProps={{ 'aria-label': t.meetings.cancel }}
            >
              {editing && (
                <MeetingForm
                  schoolId={data.schoolId}
                  initial={{
                    date: data.date,
                    startTime: data.startTime,
                    location: data.location,
                    chairId: data.chairId,
                    minuteTakerId: data.minuteTakerId,
                    inviteeIds: data.presence.filter((row) => row.invited).map((row) => row.memberId),
                  }}
                  submitting={update.isPending}
                  error={update.error?.message}
                  onCancel={() => setEditing(false)}
                  onSubmit={(values) => update.mutate({ meetingId, ...values }, { onSuccess: () => setEditing(false) })}
                />
              )}
            </Modal>
            <Grid>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Agenda meetingId={meetingId} agenda={data.agenda} editable={!closed} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Stack>
                  {(data.status === 'held' || data.status === 'finalized') && (
                    <MinutesPanel meetingId={meetingId} schoolId={data.schoolId} status={data.status} />
                  )}
                  {!closed && <Suggestions meetingId={meetingId} />}
                  <Presence meetingId={meetingId} presence={data.presence} />
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        );
      }}
    </QueryState>
  );
}

type AgendaItems = NonNullable<ReturnType<typeof useChannel<'meetings.get'>>['data']>['agenda'];

function Agenda({ meetingId, agenda, editable }: { meetingId: number; agenda: AgendaItems; editable: boolean }) {
  const reorder = useChannelMutation('agenda.reorder');
  const update = useChannelMutation('agenda.update');
  const remove = useChannelMutation('agenda.remove');
  const addGeneral = useChannelMutation('agenda.addGeneral');
  // Undo puts a removed item back through the same mutations, so the agenda refreshes.
  const restoreCase = useChannelMutation('agenda.addCase');
  const restoreGeneral = useChannelMutation('agenda.addGeneral');
  const [title, setTitle] = useState('');
  const move = (index: number, delta: number) => {
    reorder.mutate({
      meetingId,
      itemIds: arrayMove(
        agenda.map((item) => item.id),
        index,
        index + delta,
      ),
    });
  };
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const ids = agenda.map((item) => item.id);
    reorder.mutate({ meetingId, itemIds: arrayMove(ids, ids.indexOf(Number(active.id)), ids.indexOf(Number(over.id))) });
  };
  const total = agenda.reduce((sum, item) => sum + item.plannedMinutes, 0);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t.meetings.agenda}</Title>
        <Text c="dimmed">{t.dashboard.minutes(total)}</Text>
      </Group>
      {editable && (
        <Text size="sm" c="dimmed" mb="xs">
          {t.meetings.dragHint}
        </Text>
      )}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={agenda.map((item) => item.id)} strategy={verticalListSortingStrategy} disabled={!editable}>
          <Table aria-label={t.meetings.agenda}>
            <Table.Tbody>
              {agenda.map((item, index) => (
                <SortableRow key={item.id} id={item.id} label={item.title} editable={editable}>
                  <Table.Td w={32}>{index + 1}.</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Text fw={item.kind === 'case' ? 600 : 400}>{item.title}</Text>
                      {item.anonymous && <IconUserOff size={16} aria-label={t.agenda.anonymousCase} />}
                    </Group>
                  </Table.Td>
                  <Table.Td w={110}>
                    <NumberInput
                      aria-label={`${t.meetings.minutes} ${item.title}`}
                      size="xs"
                      min={1}
                      max={240}
                      defaultValue={item.plannedMinutes}
                      disabled={!editable}
                      suffix=" min"
                      onBlur={(event) => {
                        const value = Number.parseInt(event.currentTarget.value, 10);
                        if (value >= 1 && value <= 240 && value !== item.plannedMinutes)
                          update.mutate({ agendaItemId: item.id, plannedMinutes: value });
                      }}
                    />
                  </Table.Td>
                  {editable && (
                    <Table.Td w={110}>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t.meetings.moveUp}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t.meetings.moveUp}: ${item.title}`}
                            disabled={index === 0}
                            onClick={() => move(index, -1)}
                          >
                            <IconArrowUp size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t.meetings.moveDown}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`${t.meetings.moveDown}: ${item.title}`}
                            disabled={index === agenda.length - 1}
                            onClick={() => move(index, 1)}
                          >
                            <IconArrowDown size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t.meetings.remove}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`${t.meetings.remove}: ${item.title}`}
                            onClick={async () => {
                              if (!window.confirm(t.meetings.removeConfirm(item.title))) return;
                              const removed = await remove.mutateAsync({ agendaItemId: item.id }).catch((error: Error) => {
                                notifications.show({ color: 'red', message: error.message });
                                return null;
                              });
                              if (!removed) return;
                              notifications.show({
                                message: (
                                  <Group justify="space-between">
                                    <Text size="sm">{t.meetings.removed}</Text>
                                    <Button
                                      size="compact-sm"
                                      variant="light"
                                      onClick={async () => {
                                        if (removed.kind === 'case' && removed.caseId) {
                                          await restoreCase.mutateAsync({
                                            meetingId,
                                            caseId: removed.caseId,
                                            anonymous: removed.anonymous,
                                            plannedMinutes: removed.plannedMinutes,
                                          });
                                        } else {
                                          await restoreGeneral.mutateAsync({
                                            meetingId,
                                            title: removed.title,
                                            plannedMinutes: removed.plannedMinutes,
                                          });
                                        }
                                      }}
                                    >
                                      {t.meetings.undo}
                                    </Button>
                                  </Group>
                                ),
                              });
                            }}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </SortableRow>
              ))}
            </Table.Tbody>
          </Table>
        </SortableContext>
      </DndContext>
      {remove.error && (
        <Text c="red.9" role="alert" mt="xs">
          {remove.error.message}
        </Text>
      )}
      {editable && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (title.trim().length === 0) return;
            addGeneral.mutate({ meetingId, title, plannedMinutes: 10 }, { onSuccess: () => setTitle('') });
          }}
        >
          <Group mt="md" align="flex-end">
            <TextInput
              label={t.meetings.generalItem}
              placeholder={t.meetings.generalTitle}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              style={{ flex: 1 }}
              error={addGeneral.error?.message}
            />
            <Button type="submit" variant="light" leftSection={<IconPlus size={16} />}>
              {t.meetings.add}
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}

/** An agenda row that can be dragged by its handle (mouse) or moved with Space and the arrow keys. */
function SortableRow({ id, label, editable, children }: { id: number; label: string; editable: boolean; children: ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <Table.Tr ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1 }}>
      <Table.Td w={28} p={0}>
        {editable && (
          <ActionIcon
            variant="subtle"
            color="gray"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={`${t.meetings.drag}: ${label}`}
            style={{ cursor: 'grab' }}
          >
            <IconGripVertical size={16} />
          </ActionIcon>
        )}
      </Table.Td>
      {children}
    </Table.Tr>
  );
}

function Suggestions({ meetingId }: { meetingId: number }) {
  const suggestions = useChannel('agenda.suggestions', { meetingId });
  const add = useChannelMutation('agenda.addCase');
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t.meetings.suggestions}
      </Title>
      {add.error && (
        <Alert color="orange" mb="sm" role="alert">
          {add.error.message}
        </Alert>
      )}
      <QueryState query={suggestions}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t.meetings.noSuggestions}</Text>
          ) : (
            <Stack gap="xs" aria-label={t.meetings.suggestions} role="list">
              {list.map((suggestion) => (
                <Group key={suggestion.caseId} justify="space-between" align="flex-start" role="listitem">
                  <Stack gap={2}>
                    <Text fw={600}>
                      {suggestion.pupilName}{' '}
                      <Text span c="dimmed" size="sm">
                        ({suggestion.groupName})
                      </Text>
                    </Text>
                    <Group gap={4}>
                      {suggestion.reasons.map((reason) => (
                        <Badge
                          key={reason}
                          size="xs"
                          variant="light"
                          color={reason === 'overdue_agreements' ? 'red' : reason === 'effect_check_due' ? 'orange' : 'indigo'}
                        >
                          {t.meetings.reasons[reason]}
                        </Badge>
                      ))}
                      {suggestion.gate === 'needs_consent' && (
                        <Badge size="xs" color="gray">
                          {t.meetings.needsConsent}
                        </Badge>
                      )}
                      {suggestion.gate === 'safety_concern' && (
                        <Badge size="xs" color="red" variant="outline">
                          {t.meetings.safetyConcern}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                  <Group gap={4} ml="auto">
                    <Button
                      size="xs"
                      onClick={() => add.mutate({ meetingId, caseId: suggestion.caseId })}
                      aria-label={`${t.meetings.add}: ${suggestion.pupilName}`}
                    >
                      {t.meetings.add}
                    </Button>
                    {suggestion.gate === 'needs_consent' && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => add.mutate({ meetingId, caseId: suggestion.caseId, anonymous: true })}
                        aria-label={`${t.meetings.addAnonymous}: ${suggestion.pupilName}`}
                      >
                        {t.meetings.addAnonymous}
                      </Button>
                    )}
                  </Group>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}

type PresenceRows = NonNullable<ReturnType<typeof useChannel<'meetings.get'>>['data']>['presence'];

function Presence({ meetingId, presence }: { meetingId: number; presence: PresenceRows }) {
  const set = useChannelMutation('meetings.setPresence');
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t.meetings.presence}
      </Title>
      <Stack gap="xs">
        {presence.map((row) => (
          <Group key={row.memberId} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text size="sm" fw={600}>
                {row.name}
              </Text>
              <Text size="xs" c="dimmed">
                {row.roleName}
              </Text>
            </Stack>
            <SegmentedControl
              size="xs"
              aria-label={`${t.meetings.presence} ${row.name}`}
              value={row.status ?? ''}
              onChange={(value) => set.mutate({ meetingId, memberId: row.memberId, status: value as 'present' | 'absent' | 'excused' })}
              data={(['present', 'absent', 'excused'] as const).map((status) => ({
                value: status,
                label: t.meetings.presenceStatus[status],
              }))}
            />
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
