import { createTheme, Drawer, Modal } from '@mantine/core';

/**
 * Colours chosen for contrast (WCAG AA) on white: Mantine's defaults with a darker primary shade.
 * Dialogs and side panels name their close button, which is an icon, in the reader's language.
 */
export function consoleTheme(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel };
  return createTheme({
    primaryColor: 'blue',
    primaryShade: 8,
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    },
  });
}
