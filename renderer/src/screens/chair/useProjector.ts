import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api';

export type ProjectorMode = 'off' | 'inline' | 'window';

/**
 * The chair's projector: a window of its own on a second display (opened by main),
 * or, with one display, the in-window view. The window follows `agendaItemId` and is
 * closed when the chair stops it, presses Esc, or leaves chair mode.
 */
export function useProjector(meetingId: number, agendaItemId: number | undefined) {
  const [mode, setMode] = useState<ProjectorMode>('off');
  const [opening, setOpening] = useState(false);
  const windowOpen = useRef(false);

  const start = useCallback(() => {
    if (agendaItemId === undefined) return;
    setOpening(true);
    call('projector.open', { meetingId, agendaItemId })
      .then(({ window }) => {
        windowOpen.current = window;
        setMode(window ? 'window' : 'inline');
      })
      // Without a window of its own the projector still works in this one.
      .catch(() => setMode('inline'))
      .finally(() => setOpening(false));
  }, [meetingId, agendaItemId]);

  const stop = useCallback(() => {
    if (windowOpen.current) void call('projector.close', undefined).catch(() => undefined);
    windowOpen.current = false;
    setMode('off');
  }, []);

  // The projector window follows the chair; if it was closed there (Esc on the projector), this one learns it here.
  useEffect(() => {
    if (!windowOpen.current || agendaItemId === undefined) return;
    call('projector.follow', { meetingId, agendaItemId })
      .then(({ open }) => {
        if (open) return;
        windowOpen.current = false;
        setMode('off');
      })
      .catch(() => undefined);
  }, [meetingId, agendaItemId]);

  // Leaving chair mode (another screen, the lock) closes the projector window.
  useEffect(
    () => () => {
      if (windowOpen.current) void call('projector.close', undefined).catch(() => undefined);
      windowOpen.current = false;
    },
    [],
  );

  return { mode, opening, start, stop };
}
