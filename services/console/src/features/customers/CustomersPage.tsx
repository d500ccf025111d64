import { Button, Group, NativeSelect, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { useListParams } from '../../ui/list-params';
import { SearchField } from '../../ui/SearchField';
import { InvitationList, UserList, type Paging } from '../people/PeopleLists';
import {
  customerInvitationKinds,
  customerStatuses,
  isCustomerInvitationKind,
  isCustomerStatus,
  useCustomerInvitations,
  useCustomerUsers,
  type CustomerInvitationKind,
  type CustomerStatus,
} from './customers.api';
import { InviteClientModal } from './InviteClientModal';
import { InviteEndUserModal } from './InviteEndUserModal';

const views = ['users', 'invitations'] as const;

/** Users → Customers: the customers' users by status, their open invitations, and inviting more. */
export function CustomersPage() {
  const { t } = useTranslation('customers');
  const { t: common } = useTranslation();
  const access = useAccess();
  const list = useListParams(['view', 'status', 'kind']);
  const view = list.filter('view') === 'invitations' ? 'invitations' : 'users';
  const askedStatus = list.filter('status');
  const status = isCustomerStatus(askedStatus) ? askedStatus : undefined;
  const askedKind = list.filter('kind');
  const kind = isCustomerInvitationKind(askedKind) ? askedKind : 'account_owner';
  const paging = { cursor: list.cursor, onPage: list.page };
  const [invitingClient, client] = useDisclosure();
  const [invitingEndUser, endUser] = useDisclosure();

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed">{t('lead')}</Text>
        </div>
        {access.can('invitations.manage') && (
          <Group>
            <Button onClick={client.open}>+ {t('client.open')}</Button>
            <Button variant="light" onClick={endUser.open}>
              + {t('endUser.open')}
            </Button>
          </Group>
        )}
      </Group>
      <Tabs
        value={view}
        onChange={(chosen) =>
          list.set({ view: chosen === 'users' ? undefined : (chosen ?? undefined) })
        }
      >
        <Tabs.List>
          {views.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`views.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SearchField value={list.q} onSearch={(q) => list.set({ q })} />
        {view === 'users' ? (
          <NativeSelect
            label={common('field.status')}
            value={status ?? ''}
            onChange={(event) => list.set({ status: event.currentTarget.value })}
            data={[
              { value: '', label: t('allStatuses') },
              ...customerStatuses.map((name) => ({ value: name, label: common(`status.${name}`) })),
            ]}
          />
        ) : (
          <NativeSelect
            label={t('kind.label')}
            value={kind}
            onChange={(event) => list.set({ kind: event.currentTarget.value })}
            data={customerInvitationKinds.map((name) => ({
              value: name,
              label: t(`kind.${name}`),
            }))}
          />
        )}
      </SimpleGrid>
      {view === 'users' ? (
        <CustomerUsers status={status} q={list.q} paging={paging} />
      ) : (
        <CustomerInvitations kind={kind} q={list.q} paging={paging} />
      )}
      <InviteClientModal opened={invitingClient} onClose={client.close} />
      <InviteEndUserModal opened={invitingEndUser} onClose={endUser.close} />
    </Stack>
  );
}

interface ListProps {
  q: string | undefined;
  paging: Paging;
}

function CustomerUsers({ status, q, paging }: ListProps & { status?: CustomerStatus }) {
  const users = useCustomerUsers(status, { q, cursor: paging.cursor });
  return <UserList users={users} paging={paging} />;
}

function CustomerInvitations({ kind, q, paging }: ListProps & { kind: CustomerInvitationKind }) {
  const invitations = useCustomerInvitations(kind, { q, cursor: paging.cursor });
  return <InvitationList invitations={invitations} paging={paging} />;
}
