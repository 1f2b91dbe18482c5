// The Mantine theme. Colours are chosen for WCAG 2.1 AA contrast on white: Mantine's defaults
// for links and buttons (blue 6, 3.6:1) and for "dimmed" text (gray 6, 3.3:1) fall short of
// the 4.5:1 that normal text needs. Mantine's "subtle" variant takes at most shade 6 of a
// colour for its text (red 6 has 3.3:1): a subtle button sets its text colour with `c` too.
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // blue 9 (#1864ab) has 6.1:1 on white, and white text on it the same.
  primaryShade: { light: 9, dark: 4 },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  // Focus rings on keyboard focus only (:focus-visible), never hidden.
  focusRing: 'auto',
  defaultRadius: 'sm',
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7], // #495057, 8.2:1
    '--mantine-color-anchor': t.colors.blue[9],
    // Error texts (inputs' messages, red alerts and their titles) in red 9 (#c92a2a, 5.6:1 on
    // white, 5:1 on the light red background) instead of red 6 (3.3:1).
    '--mantine-color-error': t.colors.red[9],
    '--mantine-color-red-text': t.colors.red[9],
    '--mantine-color-red-outline': t.colors.red[9],
    '--mantine-color-red-light-color': t.colors.red[9],
  },
  dark: {},
});
