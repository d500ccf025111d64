import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, use, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { answered } from '../api/problem';
import { accessOf, type Access, type Me } from './access';
import { accessToken, onSessionEnded, refreshSession, signIn, signOut } from './session';

interface SessionState {
  /** undefined until the first check of the refresh cookie is over. */
  signedIn: boolean | undefined;
  me: Me | undefined;
  access: Access | undefined;
  signIn: (email: string, password: string) => Promise<number | undefined>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);

  useEffect(() => {
    // A reload keeps no token in memory: the refresh cookie, if any, gives a new one.
    void refreshSession().then((token) => setSignedIn(token !== undefined));
    return onSessionEnded(() => {
      setSignedIn(false);
      queries.clear();
    });
  }, [queries]);

  const me = useQuery({
    queryKey: ['me'],
    enabled: signedIn === true && accessToken() !== undefined,
    queryFn: () => answered(api.GET('/v1/me')),
    staleTime: 60_000,
  });

  const state: SessionState = {
    signedIn,
    me: me.data,
    access: me.data === undefined ? undefined : accessOf(me.data),
    async signIn(email, password) {
      const refused = await signIn(email, password);
      if (refused === undefined) setSignedIn(true);
      return refused;
    },
    signOut,
  };
  return <SessionContext value={state}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const session = use(SessionContext);
  if (session === undefined) throw new Error('useSession needs a SessionProvider above it');
  return session;
}

/** The signed-in user's access; only under RequireSession, where it is known. */
export function useAccess(): Access {
  const { access } = useSession();
  if (access === undefined) throw new Error('useAccess is only for signed-in screens');
  return access;
}
