import '@mantine/core/styles.css';
import './console.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setNonce } from 'get-nonce';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiProblem } from './api/problem';
import { startI18n } from './i18n/i18n';
import { router } from './routes';
import { SessionProvider } from './session/SessionProvider';
import { cspNonce } from './ui/csp-nonce';
import { consoleTheme } from './ui/theme';

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) stays one; a network failure or a 5xx is tried again, a few times.
      retry: (failures, error) =>
        failures < 3 && !(error instanceof ApiProblem && error.status < 500),
      staleTime: 10_000,
    },
  },
});

// The scroll lock of Mantine's dialogs and drawers adds its own style element, nonce from here.
setNonce(cspNonce());
await startI18n();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
function Console() {
  const { t } = useTranslation();
  const theme = useMemo(() => consoleTheme(t('action.closeDialog')), [t]);
  return (
    <MantineProvider theme={theme} getStyleNonce={cspNonce}>
      <QueryClientProvider client={queries}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

createRoot(root).render(
  <StrictMode>
    <Console />
  </StrictMode>,
);
