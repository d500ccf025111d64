import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusBadge } from '../../ui/StatusBadge';
import { EmailStatusBadge } from '../people/EmailStatusBadge';
import { InvitationPanel } from '../people/InvitationPanel';
import { UserPanel } from '../people/UserPanel';
import {
  useCustomerInvitations,
  useCustomerUsers,
  type CustomerInvitationKind,
  type CustomerStatus,
  type Page,
} from './customers.api';

interface ListProps extends Page {
  onPage: (cursor: string | undefined) => void;
}

/** Customers' users; a click opens the user's panel. */
export function CustomerUsers({ status, ...page }: ListProps & { status?: CustomerStatus }) {
  const { t } = useTranslation();
  const users = useCustomerUsers(status, page);
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
      <Pager cursor={page.cursor} nextCursor={users.data?.nextCursor} onPage={page.onPage} />
      <UserPanel userId={chosen} onClose={() => setChosen(undefined)} />
    </>
  );
}

/** Open invitations of one kind; a click opens the invitation, to resend or cancel it. */
export function CustomerInvitations({
  kind,
  ...page
}: ListProps & { kind: CustomerInvitationKind }) {
  const { t } = useTranslation();
  const { t: people } = useTranslation('people');
  const invitations = useCustomerInvitations(kind, page);
  const [chosen, setChosen] = useState<string>();
  const rows = invitations.data?.items ?? [];
  return (
    <>
      <ProblemAlert error={invitations.error} />
      <Table.ScrollContainer minWidth={520}>
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.email')}</Table.Th>
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
      <Pager cursor={page.cursor} nextCursor={invitations.data?.nextCursor} onPage={page.onPage} />
      <InvitationPanel
        invitation={rows.find((invitation) => invitation.id === chosen)}
        onClose={() => setChosen(undefined)}
      />
    </>
  );
}
