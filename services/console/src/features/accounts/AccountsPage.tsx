import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../../session/SessionProvider';
import { useListParams } from '../../ui/list-params';
import { Pager } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { SearchField } from '../../ui/SearchField';
import { useAccountWords } from './account-words';
import { useAccounts, type Page } from './accounts.api';
import { NewAccountModal } from './NewAccountModal';

/** Accounts: the accounts the user may see, found by name, and + New account. */
export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const access = useAccess();
  const list = useListParams([]);
  const [creating, { open, close }] = useDisclosure();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed">{t('lead')}</Text>
        </div>
        {access.can('accounts.create') && <Button onClick={open}>+ {t('create.open')}</Button>}
      </Group>
      <SearchField value={list.q} hint={t('searchHint')} onSearch={(q) => list.set({ q })} />
      <AccountList page={{ q: list.q, cursor: list.cursor }} onPage={list.page} />
      <NewAccountModal opened={creating} onClose={close} />
    </Stack>
  );
}

/** A page of accounts, each a link to its page; the direct sub-accounts of `parentId` if given. */
export function AccountList(props: {
  page: Page;
  onPage: (cursor: string | undefined) => void;
  parentId?: string;
}) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const words = useAccountWords();
  const accounts = useAccounts(props.page, props.parentId);
  const rows = accounts.data?.items ?? [];
  return (
    <>
      <ProblemAlert error={accounts.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.name')}</Table.Th>
              <Table.Th>{t('columns.type')}</Table.Th>
              <Table.Th>{t('columns.licence')}</Table.Th>
              <Table.Th>{t('columns.plan')}</Table.Th>
              <Table.Th>{t('columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((account) => (
              <Table.Tr key={account.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/accounts/${account.id}`}>
                    {account.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{words.type(account.type)}</Table.Td>
                <Table.Td>{words.licence(account.licence)}</Table.Td>
                <Table.Td>{account.plan ?? t('field.none')}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={account.status === 'active' ? 'green' : 'gray'}>
                    {words.status(account.status)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {accounts.isSuccess && rows.length === 0 && <Text>{common('list.empty')}</Text>}
      <Pager
        cursor={props.page.cursor}
        nextCursor={accounts.data?.nextCursor}
        onPage={props.onPage}
      />
    </>
  );
}
