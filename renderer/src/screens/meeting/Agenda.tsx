import { ActionIcon, Button, Card, Group, NumberInput, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useChannelMutation } from '../../api';
import { t } from '../../i18n';
import { SortableRow } from './SortableRow';
import type { AgendaItems } from './types';

/** The agenda: order by drag, arrow buttons or keyboard; minutes per item; remove with undo; general items. */
export function Agenda({ meetingId, agenda, editable }: { meetingId: number; agenda: AgendaItems; editable: boolean }) {
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
