import type { QueryClient } from '@tanstack/react-query';
import { call } from './api';

/**
 * Asks main for app.info while React is still starting, and for the start screen's items as soon as
 * that answer names the school, instead of one after the other from inside the components: the
 * start screen waits for one round trip less. The keys are those useChannel uses, so the components
 * find the answers (or the calls in flight) in the cache; a failure is left for them to show.
 */
export function prefetchFirstScreen(client: QueryClient, hash: string): void {
  void client
    .fetchQuery({ queryKey: ['app.info', undefined], queryFn: () => call('app.info', undefined) })
    .then(({ database }) => {
      // Only where the app opens on the start screen, in its first school (SchoolProvider).
      const school = database.state === 'open' ? database.schools[0] : undefined;
      if (!school || (hash !== '' && hash !== '#/')) return;
      const input = { schoolId: school.id };
      void client.prefetchQuery({ queryKey: ['dashboard.items', input], queryFn: () => call('dashboard.items', input) });
    })
    .catch(() => undefined);
}
