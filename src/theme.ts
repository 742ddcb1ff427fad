import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm blue with enough contrast on white and on Mantine's dark surfaces (axe: 4.5:1 for text).
const consoleBlue: MantineColorsTuple = [
  '#e9f2ff',
  '#d3e1fb',
  '#a6c0f1',
  '#769ee8',
  '#4e81e0',
  '#356edc',
  '#2764db',
  '#1954c3',
  '#0e4aaf',
  '#003f9b',
];

export const theme = createTheme({
  primaryColor: 'console',
  primaryShade: { light: 7, dark: 6 },
  colors: { console: consoleBlue },
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  // Keyboard users see where they are; mouse clicks do not leave rings behind.
  focusRing: 'auto',
  cursorType: 'pointer',
});

/**
 * Contrast for small text (WCAG AA, 4.5:1): Mantine's "dimmed" greys are 3.3:1 on white (gray.6)
 * and about 4.3:1 on the dark body (dark.2); one step stronger each passes. Links on the dark
 * body take a lighter blue than the filled buttons (white text on shade 6 is 5:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7],
    '--mantine-color-placeholder': resolved.colors.gray[7],
  },
  dark: {
    '--mantine-color-dimmed': resolved.colors.dark[1],
    '--mantine-color-placeholder': resolved.colors.dark[1],
    '--mantine-color-anchor': consoleBlue[3],
  },
});
