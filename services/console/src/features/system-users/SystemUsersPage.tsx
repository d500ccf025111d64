import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { useListParams } from '../../ui/list-params';
import { SearchField } from '../../ui/SearchField';
import { InvitationList, UserList, type Paging } from '../people/PeopleLists';
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
  const paging = { cursor: list.cursor, onPage: list.page };
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
        <InvitedStaff q={list.q} paging={paging} />
      ) : (
        <Staff status={tab} q={list.q} paging={paging} />
      )}
      <AddSystemUserModal opened={adding} onClose={close} />
    </Stack>
  );
}

interface ListProps {
  q: string | undefined;
  paging: Paging;
}

function Staff({ status, q, paging }: ListProps & { status: 'active' | 'deactivated' }) {
  const users = useStaff(status, { q, cursor: paging.cursor });
  return <UserList users={users} paging={paging} />;
}

function InvitedStaff({ q, paging }: ListProps) {
  const invitations = useInvitedStaff({ q, cursor: paging.cursor });
  return <InvitationList invitations={invitations} paging={paging} withRoles />;
}
