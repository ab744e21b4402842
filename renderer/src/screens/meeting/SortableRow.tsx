import { ActionIcon, Table } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconGripVertical } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { t } from '../../i18n';

/** An agenda row that can be dragged by its handle (mouse) or moved with Space and the arrow keys. */
export function SortableRow({ id, label, editable, children }: { id: number; label: string; editable: boolean; children: ReactNode }) {
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
