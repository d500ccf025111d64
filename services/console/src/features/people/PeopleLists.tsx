import { Button, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema.gen';
import { formatDateTime } from '../../ui/format';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { EmailStatusBadge } from './EmailStatusBadge';
import { InvitationStatusBadge } from './InvitationStatusBadge';
import { InvitationPanel } from './InvitationPanel';
import type { InvitationSummary } from './people.api';
import { UserPanel } from './UserPanel';

type UserPage = paths['/v1/users']['get']['responses'][200]['content']['application/json'];
type InvitationPage =
  paths['/v1/invitations']['get']['responses'][200]['content']['application/json'];

/** Where a list is, and how to page it (the page's link keeps the cursor). */
export interface Paging {
  cursor: string | undefined;
  onPage: (cursor: string | undefined) => void;
}

/** A page of users; a click on one opens their panel. */
export function UserList({ users, paging }: { users: UseQueryResult<UserPage>; paging: Paging }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string>();
  const rows = users.data?.items ?? [];
  return (
    <>
      <ProblemAlert error={users.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.name')}</Table.Th>
              <Table.Th>{t('field.email')}</Table.Th>
              <Table.Th>{t('field.roles')}</Table.Th>
              <Table.Th>{t('field.status')}</Table.Th>
              <Table.Th>{t('field.lastLogin')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setChosen(user.id)}>
                    {user.name || user.email}
                  </Button>
                </Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>
                  {[...new Set(user.memberships.flatMap((m) => m.roles))].join(', ')}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={user.status} />
                </Table.Td>
                <Table.Td>{formatDateTime(user.lastLoginAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.isSuccess && rows.length === 0 && <Text>{t('list.empty')}</Text>}
      <Pager cursor={paging.cursor} nextCursor={users.data?.nextCursor} onPage={paging.onPage} />
      <UserPanel userId={chosen} onClose={() => setChosen(undefined)} />
    </>
  );
}

/**
 * A page of invitations; a click on one opens it, to resend or cancel it while it is open.
 * Staff invitations show the roles they grant; a list of every status shows each one's.
 */
export function InvitationList(props: {
  invitations: UseQueryResult<InvitationPage>;
  paging: Paging;
  withRoles?: boolean;
  withStatus?: boolean;
}) {
  const { t } = useTranslation();
  const { t: people } = useTranslation('people');
  const { invitations, paging, withRoles = false, withStatus = false } = props;
  const [chosen, setChosen] = useState<string>();
  const rows = invitations.data?.items ?? [];
  const rolesOf = (invitation: InvitationSummary) =>
    invitation.kind === 'system_user' ? invitation.roles.join(', ') : '';
  return (
    <>
      <ProblemAlert error={invitations.error} />
      <Table.ScrollContainer minWidth={520}>
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.email')}</Table.Th>
              {withRoles && <Table.Th>{t('field.roles')}</Table.Th>}
              {withStatus && <Table.Th>{t('field.status')}</Table.Th>}
              <Table.Th>{people('invitation.emailStatus')}</Table.Th>
              <Table.Th>{people('invitation.expires')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => setChosen(invitation.id)}
                  >
                    {invitation.email}
                  </Button>
                </Table.Td>
                {withRoles && <Table.Td>{rolesOf(invitation)}</Table.Td>}
                {withStatus && (
                  <Table.Td>
                    <InvitationStatusBadge status={invitation.status} />
                  </Table.Td>
                )}
                <Table.Td>
                  <EmailStatusBadge status={invitation.emailStatus.status} />
                </Table.Td>
                <Table.Td>{formatDateTime(invitation.expiresAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {invitations.isSuccess && rows.length === 0 && <Text>{t('list.empty')}</Text>}
      <Pager
        cursor={paging.cursor}
        nextCursor={invitations.data?.nextCursor}
        onPage={paging.onPage}
      />
      <InvitationPanel
        invitation={rows.find((invitation) => invitation.id === chosen)}
        onClose={() => setChosen(undefined)}
      />
    </>
  );
}
