import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm blue with enough contrast on white and on Mantine's dark surfaces (axe: 4.5:1 for text).
const console: MantineColorsTuple = [
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
  primaryShade: { light: 7, dark: 4 },
  colors: { console },
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  // Keyboard users see where they are; mouse clicks do not leave rings behind.
  focusRing: 'auto',
  cursorType: 'pointer',
});
