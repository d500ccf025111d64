import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';
import type { ClientInvitation, EndUserInvitation } from './invite-rules';

type UserStatus = NonNullable<
  NonNullable<paths['/v1/users']['get']['parameters']['query']>['status']
>;

export const customerStatuses = ['active', 'invited', 'deactivated', 'pending_approval'] as const;
export type CustomerStatus = (typeof customerStatuses)[number] & UserStatus;

export function isCustomerStatus(value: string | undefined): value is CustomerStatus {
  return (customerStatuses as readonly (string | undefined)[]).includes(value);
}

/** Open invitations are listed one kind at a time, as the API filters them. */
export const customerInvitationKinds = ['account_owner', 'end_user'] as const;
export type CustomerInvitationKind = (typeof customerInvitationKinds)[number];

export function isCustomerInvitationKind(
  value: string | undefined,
): value is CustomerInvitationKind {
  return (customerInvitationKinds as readonly (string | undefined)[]).includes(value);
}

export interface Page {
  q: string | undefined;
  cursor: string | undefined;
}

/** Customers' users: those without a platform membership, with any status when none is asked. */
export function useCustomerUsers(status: CustomerStatus | undefined, page: Page) {
  return useQuery({
    queryKey: ['users', 'customers', status, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/users', {
          params: { query: { platform: 'false', status, q: page.q, cursor: page.cursor } },
        }),
      ),
  });
}

/** Clients and end users who are invited and have not accepted yet. */
export function useCustomerInvitations(kind: CustomerInvitationKind, page: Page) {
  return useQuery({
    queryKey: ['invitations', 'customers', kind, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/invitations', {
          params: { query: { kind, status: 'pending', q: page.q, cursor: page.cursor } },
        }),
      ),
  });
}

/** Accounts whose name holds what was typed; nothing is asked before something is typed. */
export function useAccountSearch(q: string) {
  return useQuery({
    queryKey: ['accounts', 'search', q],
    enabled: q !== '',
    placeholderData: keepPreviousData,
    queryFn: () => answered(api.GET('/v1/accounts', { params: { query: { q, limit: 20 } } })),
  });
}

export function useInviteCustomer() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ClientInvitation | EndUserInvitation) =>
      answered(api.POST('/v1/invitations', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['invitations'] }),
  });
}
