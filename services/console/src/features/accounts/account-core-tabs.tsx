import { Button, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../ui/list-params';
import { InvitationList, UserList } from '../people/PeopleLists';
import type { AccountTab } from './account-tab';
import { AccountDetails } from './AccountDetails';
import { AccountList } from './AccountsPage';
import {
  useAccount,
  useAccountInvitations,
  useAccountUsers,
  type InvitationStatus,
} from './accounts.api';
import { AddSubAccountModal } from './AddSubAccountModal';
import { InviteAdminModal } from './InviteAdminModal';
import { InviteUserModal } from './InviteUserModal';

const invitationStatuses: readonly InvitationStatus[] = [
  'pending',
  'accepted',
  'expired',
  'revoked',
  'superseded',
];
const isInvitationStatus = (status: string | undefined): status is InvitationStatus =>
  (invitationStatuses as readonly (string | undefined)[]).includes(status);

/** The account page's list paging lives in the address, as every list's does. */
function usePaging() {
  const list = useListParams(['status']);
  return { list, paging: { cursor: list.cursor, onPage: list.page } };
}

function TabLabel({
  name,
}: {
  name: 'details' | 'subAccounts' | 'users' | 'invitations' | 'admins';
}) {
  const { t } = useTranslation('accounts');
  return t(`tabs.${name}`);
}

function DetailsPanel({ accountId }: { accountId: string }) {
  const account = useAccount(accountId);
  return account.data ? <AccountDetails account={account.data} /> : null;
}

function SubAccountsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accounts');
  const { list, paging } = usePaging();
  const [adding, { open, close }] = useDisclosure();
  const pending = useAccountInvitations(
    accountId,
    { kind: 'sub_account', status: 'pending' },
    {
      q: undefined,
      cursor: undefined,
    },
  );
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={open}>+ {t('subAccounts.add')}</Button>
      </Group>
      <AccountList
        page={{ q: undefined, cursor: list.cursor }}
        onPage={list.page}
        parentId={accountId}
      />
      <Title order={2} size="h4">
        {t('subAccounts.pending')}
      </Title>
      <InvitationList invitations={pending} paging={{ cursor: undefined, onPage: paging.onPage }} />
      <AddSubAccountModal accountId={accountId} opened={adding} onClose={close} />
    </Stack>
  );
}

function UsersPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accounts');
  const account = useAccount(accountId);
  const { list, paging } = usePaging();
  const users = useAccountUsers(accountId, { q: list.q, cursor: list.cursor });
  const [inviting, { open, close }] = useDisclosure();
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={open}>+ {t('users.invite')}</Button>
      </Group>
      <UserList users={users} paging={paging} />
      {account.data && <InviteUserModal account={account.data} opened={inviting} onClose={close} />}
    </Stack>
  );
}

function InvitationsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const { list, paging } = usePaging();
  const asked = list.filter('status');
  const status = isInvitationStatus(asked) ? asked : undefined;
  const invitations = useAccountInvitations(
    accountId,
    { status },
    { q: list.q, cursor: list.cursor },
  );
  return (
    <Stack>
      <NativeSelect
        label={t('invitations.status')}
        value={status ?? ''}
        onChange={(event) => list.set({ status: event.currentTarget.value })}
        data={[
          { value: '', label: t('invitations.anyStatus') },
          ...invitationStatuses.map((name) => ({
            value: name,
            label: common(`invitationStatus.${name}`),
          })),
        ]}
      />
      <InvitationList invitations={invitations} paging={paging} withStatus />
    </Stack>
  );
}

function AdminsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accounts');
  const { list, paging } = usePaging();
  const invitations = useAccountInvitations(
    accountId,
    { kind: 'admin' },
    { q: undefined, cursor: list.cursor },
  );
  const [inviting, { open, close }] = useDisclosure();
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={open}>+ {t('admins.invite')}</Button>
      </Group>
      <InvitationList invitations={invitations} paging={paging} withStatus />
      <InviteAdminModal accountId={accountId} opened={inviting} onClose={close} />
    </Stack>
  );
}

/** The tabs every account page has: what the account is, who is in it, who is invited. */
export const accountCoreTabs: readonly AccountTab[] = [
  {
    name: 'details',
    Label: () => <TabLabel name="details" />,
    visible: (access) => access.can('accounts.read'),
    Panel: DetailsPanel,
  },
  {
    name: 'sub-accounts',
    Label: () => <TabLabel name="subAccounts" />,
    visible: (access) => access.can('accounts.read') && access.can('invitations.manage'),
    Panel: SubAccountsPanel,
  },
  {
    name: 'users',
    Label: () => <TabLabel name="users" />,
    visible: (access) => access.can('users.read') && access.can('invitations.manage'),
    Panel: UsersPanel,
  },
  {
    name: 'invitations',
    Label: () => <TabLabel name="invitations" />,
    visible: (access) => access.can('invitations.read'),
    Panel: InvitationsPanel,
  },
  {
    name: 'admins',
    Label: () => <TabLabel name="admins" />,
    visible: (access) => access.can('invitations.manage'),
    Panel: AdminsPanel,
  },
];
