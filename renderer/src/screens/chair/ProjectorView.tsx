import { Button } from '@mantine/core';
import { useChannel } from '../../api';
import { QueryState } from '../../components/QueryState';
import { t } from '../../i18n';
import { ProjectedItem } from './ProjectedItem';

/** The in-window projector view (one display): the current item only, with a way back. */
export function ProjectorView({ agendaItemId, onLeave }: { agendaItemId: number; onLeave: () => void }) {
  const item = useChannel('chair.item', { agendaItemId }, { staleTime: 0 });
  return (
    <QueryState query={item}>
      {(data) => (
        <ProjectedItem
          data={data}
          action={
            <Button variant="subtle" onClick={onLeave}>
              {t.chair.leaveProjector}
            </Button>
          }
        />
      )}
    </QueryState>
  );
}
