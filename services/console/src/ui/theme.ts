import { createTheme } from '@mantine/core';

/** Colours chosen for contrast (WCAG AA) on white: Mantine's defaults with a darker primary shade. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
