import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';
import type { ListPage } from '../../ui/list-params';

type DriverPage =
  paths['/v1/accounts/{id}/drivers']['get']['responses'][200]['content']['application/json'];
export type Driver = DriverPage['items'][number];
export type DriverChanges = NonNullable<
  paths['/v1/accounts/{id}/drivers/{userId}']['patch']['requestBody']
>['content']['application/json'];
export type Account =
  paths['/v1/accounts/{id}']['get']['responses'][200]['content']['application/json'];
export type Registration =
  paths['/v1/registrations']['get']['responses'][200]['content']['application/json']['items'][number];
export type ChargingCard =
  paths['/v1/accounts/{id}/charging-cards']['get']['responses'][200]['content']['application/json']['items'][number];

/** The tabs listed from the drivers API; "to be approved" comes from the registrations. */
export type DriverListTab = 'active' | 'invited';

/**
 * The most a pick list asks for in one page: a pick list of cost centers, user groups or cards
 * does not search them, so a choice offers the first hundred.
 */
const PICK_LIST_LIMIT = 100;

/** After a change to a driver, every list and panel that may show them is read again. */
function useRefreshDrivers() {
  const queries = useQueryClient();
  return () =>
    Promise.all(
      ['drivers', 'registrations', 'charging-cards', 'cost-centers', 'users'].map((key) =>
        queries.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

export function useAccount(accountId: string | undefined) {
  return useQuery({
    queryKey: ['accounts', accountId],
    enabled: accountId !== undefined,
    queryFn: () =>
      answered(api.GET('/v1/accounts/{id}', { params: { path: { id: accountId ?? '' } } })),
  });
}

export function useDrivers(accountId: string, tab: DriverListTab, page: ListPage) {
  return useQuery({
    queryKey: ['drivers', accountId, tab, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/accounts/{id}/drivers', {
          params: { path: { id: accountId }, query: { tab, q: page.q, cursor: page.cursor } },
        }),
      ),
  });
}

export function useDriver(accountId: string, userId: string) {
  return useQuery({
    queryKey: ['drivers', accountId, 'driver', userId],
    queryFn: () =>
      answered(
        api.GET('/v1/accounts/{id}/drivers/{userId}', {
          params: { path: { id: accountId, userId } },
        }),
      ),
  });
}

/** Self-registrations of the account that wait for a decision, newest first. */
export function usePendingRegistrations(accountId: string, page: ListPage) {
  return useQuery({
    queryKey: ['registrations', accountId, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(
        api.GET('/v1/registrations', {
          params: { query: { status: 'pending', accountId, q: page.q, cursor: page.cursor } },
        }),
      ),
  });
}

export function useRegistrationDecision() {
  const refresh = useRefreshDrivers();
  return useMutation({
    mutationFn: ({ registration, decision }: RegistrationDecision) =>
      decision === 'approve'
        ? answered(
            api.POST('/v1/registrations/{id}/approve', {
              params: { path: { id: registration.id } },
            }),
          )
        : answered(
            api.POST('/v1/registrations/{id}/reject', {
              params: { path: { id: registration.id } },
            }),
          ),
    onSuccess: refresh,
  });
}

export interface RegistrationDecision {
  registration: Registration;
  decision: 'approve' | 'reject';
}

/** An invitation shown in its panel, read by the id a driver row of the invited tab gives. */
export function useInvitation(invitationId: string | undefined) {
  return useQuery({
    queryKey: ['invitations', invitationId],
    enabled: invitationId !== undefined,
    queryFn: () =>
      answered(api.GET('/v1/invitations/{id}', { params: { path: { id: invitationId ?? '' } } })),
  });
}

export function useCostCenters(accountId: string) {
  return useQuery({
    queryKey: ['cost-centers', accountId],
    queryFn: () =>
      answered(
        api.GET('/v1/accounts/{id}/cost-centers', {
          params: { path: { id: accountId }, query: { limit: PICK_LIST_LIMIT } },
        }),
      ),
  });
}

export function useUserGroups(accountId: string) {
  return useQuery({
    queryKey: ['user-groups', accountId],
    queryFn: () =>
      answered(
        api.GET('/v1/accounts/{id}/user-groups', {
          params: { path: { id: accountId }, query: { limit: PICK_LIST_LIMIT } },
        }),
      ),
  });
}

/** The account's cards, or only a driver's (the API filters by assignee). */
export function useChargingCards(accountId: string, assignedUserId?: string) {
  return useQuery({
    queryKey: ['charging-cards', accountId, assignedUserId],
    queryFn: () =>
      answered(
        api.GET('/v1/accounts/{id}/charging-cards', {
          params: { path: { id: accountId }, query: { assignedUserId, limit: PICK_LIST_LIMIT } },
        }),
      ),
  });
}

export function useUpdateDriver(accountId: string, userId: string) {
  const refresh = useRefreshDrivers();
  return useMutation({
    mutationFn: (body: DriverChanges) =>
      answered(
        api.PATCH('/v1/accounts/{id}/drivers/{userId}', {
          params: { path: { id: accountId, userId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

/** Gives a card to a driver, or takes it back (`userId` null). */
export function useCardAssignment(accountId: string) {
  const refresh = useRefreshDrivers();
  return useMutation({
    mutationFn: ({ cardId, userId }: { cardId: string; userId: string | null }) =>
      answered(
        api.PATCH('/v1/accounts/{id}/charging-cards/{cardId}', {
          params: { path: { id: accountId, cardId } },
          body: { assignedUserId: userId },
        }),
      ),
    onSuccess: refresh,
  });
}

/** Erases the user: "delete user" at the bottom of the driver's panel. */
export function useDeleteUser(userId: string) {
  const refresh = useRefreshDrivers();
  return useMutation({
    mutationFn: () => answered(api.DELETE('/v1/users/{id}', { params: { path: { id: userId } } })),
    onSuccess: refresh,
  });
}
