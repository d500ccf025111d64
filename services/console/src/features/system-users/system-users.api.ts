import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';

export const systemUserTabs = ['active', 'invited', 'deactivated'] as const;
export type SystemUserTab = (typeof systemUserTabs)[number];

export function isSystemUserTab(value: string | undefined): value is SystemUserTab {
  return (systemUserTabs as readonly (string | undefined)[]).includes(value);
}

interface Page {
  q: string | undefined;
  cursor: string | undefined;
}

/** Staff users with a status: those with a platform membership. */
export function useStaff(status: 'active' | 'deactivated', page: Page) {
  return useQuery({
    queryKey: ['users', 'staff', status, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/users', {
          params: { query: { platform: 'true', status, q: page.q, cursor: page.cursor } },
        }),
      ),
  });
}

/** Staff who are invited and have not accepted yet. */
export function useInvitedStaff(page: Page) {
  return useQuery({
    queryKey: ['invitations', 'staff', page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/invitations', {
          params: {
            query: { kind: 'system_user', status: 'pending', q: page.q, cursor: page.cursor },
          },
        }),
      ),
  });
}

/** The platform's roles, to tick when inviting staff. */
export function usePlatformRoles() {
  return useQuery({
    queryKey: ['roles'],
    staleTime: Infinity,
    queryFn: () => answered(api.GET('/v1/roles')),
    select: (catalogue) => catalogue.roles.filter((role) => role.scope === 'platform'),
  });
}
