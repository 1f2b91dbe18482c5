import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A component loaded in a chunk of its own when it is first rendered (inside a Suspense
 * boundary): the pages of routes.tsx, so that the first load of the app carries only the shell
 * and the page it opens on. Pages and sections are named exports (as the tests import them);
 * React.lazy wants a default export, hence the wrapper.
 */
// The props are whatever the component's own type says: M[K] keeps them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<K extends string, M extends Record<K, ComponentType<any>>>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
