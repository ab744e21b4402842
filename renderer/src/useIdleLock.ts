import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from './api';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Why this window last locked the app: the lock screen says so after an idle lock. */
export type LockReason = 'idle' | 'manual';

// Kept in this module, not in the database: the lock screen shows no data at
// all. A reload (the computer locked or slept) starts again with null.
let lastReason: LockReason | null = null;

/** Why the app was last locked from this window, or null when it was locked otherwise (at start, when the computer slept). */
export function lastLockReason(): LockReason | null {
  return lastReason;
}

/** Locks, then drops every cached answer: app.info, read again, shows the lock screen and nothing read while unlocked stays in memory. */
async function lockAndForget(client: QueryClient, reason: LockReason) {
  lastReason = reason;
  await call('session.lock', undefined);
  // app.info first: the screen's own queries are gone with the screen before the rest is reset, so none asks the locked file again.
  await client.resetQueries({ queryKey: ['app.info'] });
  await client.resetQueries();
}

/** Locks the app after `minutes` without keyboard or pointer use, and forgets every cached answer. */
export function useIdleLock(minutes: number) {
  const client = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lockAndForget(client, 'idle'), minutes * 60_000);
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
  return () => lockAndForget(client, 'manual');
}
