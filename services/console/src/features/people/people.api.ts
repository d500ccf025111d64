import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';

export type User = paths['/v1/users/{id}']['get']['responses'][200]['content']['application/json'];
export type InvitationSummary =
  paths['/v1/invitations']['get']['responses'][200]['content']['application/json']['items'][number];

/** After a change to a person, every list that may show them is read again. */
function useRefreshPeople() {
  const queries = useQueryClient();
  return () =>
    Promise.all(
      ['users', 'invitations', 'drivers'].map((key) =>
        queries.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

export function useUser(id: string) {
  return useQuery({
    queryKey: ['users', id],
    queryFn: () => answered(api.GET('/v1/users/{id}', { params: { path: { id } } })),
  });
}

export function useUserActions(user: User) {
  const refresh = useRefreshPeople();
  const path = { path: { id: user.id } };
  const action = (call: () => Promise<unknown>) =>
    useMutation({ mutationFn: call, onSuccess: refresh });
  return {
    deactivate: action(() => answered(api.POST('/v1/users/{id}/deactivate', { params: path }))),
    reactivate: action(() => answered(api.POST('/v1/users/{id}/reactivate', { params: path }))),
    remove: action(() => answered(api.DELETE('/v1/users/{id}', { params: path }))),
    resetPassword: action(() =>
      answered(api.POST('/v1/auth/password-reset', { body: { email: user.email } })),
    ),
    securityReport: action(() =>
      answered(api.POST('/v1/users/{id}/security-report', { params: path })),
    ),
  };
}

export function useInvitationActions(invitation: InvitationSummary) {
  const refresh = useRefreshPeople();
  const path = { path: { id: invitation.id } };
  return {
    resend: useMutation({
      mutationFn: () =>
        answered(api.POST('/v1/invitations/{id}/resend', { params: path, body: {} })),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: () => answered(api.POST('/v1/invitations/{id}/revoke', { params: path })),
      onSuccess: refresh,
    }),
  };
}
