import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from './api';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Locks the app after `minutes` without keyboard or pointer use, and forgets every cached answer. */
export function useIdleLock(minutes: number) {
  const client = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const lock = async () => {
      await call('session.lock', undefined);
      // Nothing read while unlocked stays in memory; app.info, read again, shows the lock screen.
      await client.resetQueries();
    };
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lock(), minutes * 60_000);
    };
    restart();
    for (const event of ACTIVITY) window.addEventListener(event, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, restart);
    };
  }, [client, minutes]);
}

/** Locks now (the button in the header). */
export function useLockNow() {
  const client = useQueryClient();
  return async () => {
    await call('session.lock', undefined);
    await client.resetQueries();
  };
}
