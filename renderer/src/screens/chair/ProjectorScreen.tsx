import { useHotkeys } from '@mantine/hooks';
import { useSyncExternalStore } from 'react';
import { call, useChannel } from '../../api';
import { t } from '../../i18n';
import { ProjectedItem } from './ProjectedItem';

/** The address main opens the projector window on (`#/projectie/<meeting>/<item>`), and moves it along. */
export const PROJECTOR_HASH = /^#\/projectie\/(\d+)\/(\d+)$/;

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/**
 * The projector window's only screen: the current agenda item as the chair's projector view
 * shows it, without navigation, search or any other pupil. Main moves it to the chair's item
 * by changing the address; it reads again every few seconds, so agreements made appear live.
 */
export function ProjectorScreen() {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const match = PROJECTOR_HASH.exec(hash);
  const meetingId = match ? Number(match[1]) : 0;
  const agendaItemId = match ? Number(match[2]) : 0;
  // Esc closes the projector window (main does the same when it sees the key first).
  useHotkeys([['Escape', () => void call('projector.close', undefined).catch(() => undefined)]], []);
  const item = useChannel('chair.item', { agendaItemId }, { enabled: agendaItemId > 0, staleTime: 0, refetchInterval: 2_000 });
  // An item of another meeting, a locked app or an error show nothing: a projector is seen by everyone in the room.
  const data = item.data && item.data.meetingId === meetingId && !item.isError ? item.data : null;
  return <main aria-label={t.chair.projectorWindow}>{data && <ProjectedItem data={data} />}</main>;
}
