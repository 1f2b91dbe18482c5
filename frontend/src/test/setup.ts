// Test set-up: what jsdom lacks and Mantine needs, and a clean DOM and storage per test.
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadLanguage } from '../i18n';

// The app fetches English when it is chosen (main.tsx); tests render in either language at once.
await loadLanguage('en');

// findBy* and waitFor give up after 1 s by default: too short on a busy 2-core CI machine,
// where the first render of a page (Mantine, router, i18n) can take longer.
configure({ asyncUtilTimeout: 5000 });

// Mantine asks for the preferred colour scheme and reduced motion through matchMedia.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// Table.ScrollContainer watches its size.
if (typeof window.ResizeObserver === 'undefined') {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.lang = '';
});
