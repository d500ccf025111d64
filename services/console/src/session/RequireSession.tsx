import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './SessionProvider';

/** Signed-in screens: without a session, to the sign-in page, which comes back here after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { signedIn, access } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (signedIn === false) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (access === undefined) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('list.loading')} />
      </Center>
    );
  }
  return children;
}
