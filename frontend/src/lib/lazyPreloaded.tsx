// A form that opens on a click, in a chunk of its own that is fetched as soon as the section
// that offers it shows (preload): by the time the user asks for the form it is there and
// renders at once, so that what they type right after the click lands in it.
import { lazy, Suspense, useEffect, type ComponentProps, type ComponentType } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPreloaded<K extends string, M extends Record<K, ComponentType<any>>>(load: () => Promise<M>, name: K) {
  let loaded: M[K] | null = null;
  let loading: Promise<M> | null = null;
  const preload = () =>
    (loading ??= load().then((m) => {
      loaded = m[name];
      return m;
    }));
  const Lazy = lazy(async () => ({ default: (await preload())[name] }));
  function Preloaded(props: ComponentProps<M[K]>) {
    const Loaded = loaded;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const anyProps = props as any;
    return Loaded ? (
      <Loaded {...anyProps} />
    ) : (
      <Suspense fallback={null}>
        <Lazy {...anyProps} />
      </Suspense>
    );
  }
  return Object.assign(Preloaded, { preload });
}

/** Fetches the chunks of these forms once the calling component shows. */
export function usePreload(...forms: { preload: () => Promise<unknown> }[]) {
  useEffect(() => {
    for (const f of forms) void f.preload();
    // The forms are module constants: once is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
