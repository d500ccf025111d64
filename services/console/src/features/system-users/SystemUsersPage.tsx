import { Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { formatDateTime } from '../../ui/format';
import { useListParams } from '../../ui/list-params';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { SearchField } from '../../ui/SearchField';
import { StatusBadge } from '../../ui/StatusBadge';
import { EmailStatusBadge } from '../people/EmailStatusBadge';
import { InvitationPanel } from '../people/InvitationPanel';
import type { InvitationSummary } from '../people/people.api';
import { UserPanel } from '../people/UserPanel';
import { AddSystemUserModal } from './AddSystemUserModal';
import {
  isSystemUserTab,
  systemUserTabs,
  useInvitedStaff,
  useStaff,
  type SystemUserTab,
} from './system-users.api';

/** Users → System users: the operator's staff by status, and their invitations. */
export function SystemUsersPage() {
  const { t } = useTranslation('systemUsers');
  const access = useAccess();
  const list = useListParams(['status']);
  const asked = list.filter('status');
  const tab: SystemUserTab = isSystemUserTab(asked) ? asked : 'active';
  const [adding, { open, close }] = useDisclosure();

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed">{t('lead')}</Text>
        </div>
        {access.can('invitations.manage') && <Button onClick={open}>+ {t('add.open')}</Button>}
      </Group>
      <SearchField value={list.q} onSearch={(q) => list.set({ q })} />
      <Tabs value={tab} onChange={(status) => list.set({ status: status ?? undefined })}>
        <Tabs.List>
          {systemUserTabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {tab === 'invited' ? (
        <InvitedStaff q={list.q} cursor={list.cursor} onPage={list.page} />
      ) : (
        <Staff status={tab} q={list.q} cursor={list.cursor} onPage={list.page} />
      )}
      <AddSystemUserModal opened={adding} onClose={close} />
    </Stack>
  );
}

interface ListProps {
  q: string | undefined;
  cursor: string | undefined;
  onPage: (cursor: string | undefined) => void;
}

function Staff({ status, ...page }: ListProps & { status: 'active' | 'deactivated' }) {
  const { t } = useTranslation();
  const users = useStaff(status, page);
  const [chosen, setChosen] = useState<string>();
  const rows = users.data?.items ?? [];
  return (
    <>
      <ProblemAlert error={users.error} />
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
      {users.isSuccess && rows.length === 0 && <Text>{t('list.empty')}</Text>}
      <Pager cursor={page.cursor} nextCursor={users.data?.nextCursor} onPage={page.onPage} />
      <UserPanel userId={chosen} onClose={() => setChosen(undefined)} />
    </>
  );
}

function InvitedStaff(page: ListProps) {
  const { t } = useTranslation();
  const { t: people } = useTranslation('people');
  const invitations = useInvitedStaff(page);
  const [chosen, setChosen] = useState<InvitationSummary>();
  const rows = invitations.data?.items ?? [];
  return (
    <>
      <ProblemAlert error={invitations.error} />
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.email')}</Table.Th>
            <Table.Th>{t('field.roles')}</Table.Th>
            <Table.Th>{people('invitation.emailStatus')}</Table.Th>
            <Table.Th>{people('invitation.expires')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" onClick={() => setChosen(invitation)}>
                  {invitation.email}
                </Button>
              </Table.Td>
              <Table.Td>
                {invitation.kind === 'system_user' ? invitation.roles.join(', ') : ''}
              </Table.Td>
              <Table.Td>
                <EmailStatusBadge status={invitation.emailStatus.status} />
              </Table.Td>
              <Table.Td>{formatDateTime(invitation.expiresAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {invitations.isSuccess && rows.length === 0 && <Text>{t('list.empty')}</Text>}
      <Pager cursor={page.cursor} nextCursor={invitations.data?.nextCursor} onPage={page.onPage} />
      <InvitationPanel
        invitation={rows.find((invitation) => invitation.id === chosen?.id)}
        onClose={() => setChosen(undefined)}
      />
    </>
  );
}
