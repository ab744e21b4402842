import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A screen that loads on its first visit, from its own chunk next to index.html
 * (same origin, so the CSP's script-src 'self' allows it). Screens export by name; React.lazy wants a default.
 */
export function lazyScreen<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }));
}
