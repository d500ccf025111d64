import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';

export type Account =
  paths['/v1/accounts/{id}']['get']['responses'][200]['content']['application/json'];
export type NewAccount =
  paths['/v1/accounts']['post']['requestBody']['content']['application/json'];
export type AccountChanges = NonNullable<
  paths['/v1/accounts/{id}']['patch']['requestBody']
>['content']['application/json'];
export type SubAccountInvitation =
  paths['/v1/accounts/{id}/sub-accounts']['post']['requestBody']['content']['application/json'];
type InvitationBody =
  paths['/v1/invitations']['post']['requestBody']['content']['application/json'];
export type AdminInvitation = Extract<InvitationBody, { kind: 'admin' }>;
export type AccountUserInvitation = Extract<InvitationBody, { kind: 'account_user' }>;

export interface Page {
  q: string | undefined;
  cursor: string | undefined;
}

/** Accounts the caller may see by name, or the direct sub-accounts of one account. */
export function useAccounts(page: Page, parentId?: string) {
  return useQuery({
    queryKey: ['accounts', 'list', parentId, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/accounts', {
          params: { query: { q: page.q, cursor: page.cursor, parentId } },
        }),
      ),
  });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: ['accounts', id],
    queryFn: () => answered(api.GET('/v1/accounts/{id}', { params: { path: { id } } })),
  });
}

export function useCreateAccount() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAccount) => answered(api.POST('/v1/accounts', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** Changes the fields given; the account's page and the lists show the answer. */
export function useUpdateAccount(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (changes: AccountChanges) =>
      answered(api.PATCH('/v1/accounts/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** "+ Add sub-account": the invitee's sub-account is made under this one when they accept. */
export function useInviteSubAccount(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: SubAccountInvitation) =>
      answered(
        api.POST('/v1/accounts/{id}/sub-accounts', { params: { path: { id: accountId } }, body }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['invitations'] }),
  });
}

/** An admin at a level, or a user of one or more accounts. */
export function useInviteIntoAccounts() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: AdminInvitation | AccountUserInvitation) =>
      answered(api.POST('/v1/invitations', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['invitations'] }),
  });
}

/** Roles held in accounts, and the permissions that may be granted on top of a role. */
export function useAccountRoles() {
  return useQuery({
    queryKey: ['roles'],
    staleTime: Infinity,
    queryFn: () => answered(api.GET('/v1/roles')),
    select: (catalogue) => ({
      roles: catalogue.roles.filter((role) => role.scope === 'account'),
      permissions: catalogue.permissions,
    }),
  });
}

type InvitationQuery = NonNullable<paths['/v1/invitations']['get']['parameters']['query']>;
export type InvitationStatus = NonNullable<InvitationQuery['status']>;
export type InvitationKind = NonNullable<InvitationQuery['kind']>;

/** The account's users (members of it), by name or email. */
export function useAccountUsers(accountId: string, page: Page) {
  return useQuery({
    queryKey: ['users', 'account', accountId, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/users', {
          params: { query: { accountId, q: page.q, cursor: page.cursor } },
        }),
      ),
  });
}

/** Invitations into the account, of one kind or status when asked. */
export function useAccountInvitations(
  accountId: string,
  filter: { kind?: InvitationKind; status?: InvitationStatus },
  page: Page,
) {
  return useQuery({
    queryKey: ['invitations', 'account', accountId, filter, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/invitations', {
          params: { query: { accountId, ...filter, q: page.q, cursor: page.cursor } },
        }),
      ),
  });
}
