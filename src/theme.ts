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
  components: {
    // The × of every dialog has a name (a plain object, not Modal.extend, which would bring the
    // Modal's code to the first page).
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close the dialog' } } },
    // A dialog's header is not the page's banner landmark (axe: one banner per document).
    ModalHeader: { defaultProps: { component: 'div' } },
  },
});

/**
 * Contrast for small text (WCAG AA, 4.5:1): Mantine's "dimmed" greys are 3.3:1 on white (gray.6)
 * and about 4.3:1 on the dark body (dark.2); one step stronger each passes. Links on the dark
 * body take a lighter blue than the filled buttons (white text on shade 6 is 5:1): shade 2, 6:1 even
on a hovered list row (default-hover, dark.5), where shade 3 was 4.2:1. Red: white on
 * the filled red of shade 7 is 3.8:1 (6 in dark mode: 3.3:1), so filled red buttons take shade 9
 * (5.6:1) in both; red text (errors, light red buttons) shade 9 on light, shade 3 on dark.
 * Yellow text (light alerts' titles) is at most 2.9:1 on white in every shade: a dark brown
 * there, shade 3 on dark.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const red = resolved.colors.red;
  const filledRed = {
    '--mantine-color-red-filled': red[9],
    '--mantine-color-red-filled-hover': '#a61e1e',
  };
  return {
    variables: {},
    light: {
      '--mantine-color-dimmed': resolved.colors.gray[7],
      '--mantine-color-placeholder': resolved.colors.gray[7],
      ...filledRed,
      '--mantine-color-red-light-color': red[9],
      '--mantine-color-error': red[9],
      '--mantine-color-yellow-light-color': '#6b4400',
    },
    dark: {
      '--mantine-color-dimmed': resolved.colors.dark[1],
      '--mantine-color-placeholder': resolved.colors.dark[1],
      '--mantine-color-anchor': consoleBlue[2],
      ...filledRed,
      '--mantine-color-red-light-color': red[3],
      '--mantine-color-error': red[4],
      '--mantine-color-yellow-light-color': resolved.colors.yellow[3],
    },
  };
};
