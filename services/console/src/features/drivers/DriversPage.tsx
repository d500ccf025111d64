import { SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccess, useSession } from '../../session/SessionProvider';
import { useListParams } from '../../ui/list-params';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { SearchField } from '../../ui/SearchField';
import { CustomerAccountField } from '../customers/CustomerAccountField';
import type { Paging } from '../people/PeopleLists';
import { driverTabs, isDriversTab, soleDriverAccount, type DriversTab } from './driver-rules';
import { useAccount, useDrivers, type Account, type DriverListTab } from './drivers.api';
import { DriverList } from './DriverList';
import { RegistrationList } from './RegistrationList';

/** Users → Drivers & Vehicles: an account's drivers by tab, each opened in a side panel. */
export function DriversPage() {
  const { t } = useTranslation('drivers');
  const { me } = useSession();
  const access = useAccess();
  const list = useListParams(['account', 'status']);
  const accountId = list.filter('account') ?? soleDriverAccount(me?.grants ?? []);
  const account = useAccount(accountId);
  // Registrations are read with the invitation permissions; the tab shows only to who has them.
  const tabs = driverTabs.filter(
    (name) => name !== 'to_be_approved' || access.can('invitations.read'),
  );
  const asked = list.filter('status');
  const tab: DriversTab = isDriversTab(asked) && tabs.includes(asked) ? asked : 'active';
  const paging = { cursor: list.cursor, onPage: list.page };

  return (
    <Stack>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CustomerAccountField
          label={t('account.label')}
          value={accountId ?? null}
          valueLabel={account.data?.name}
          onChange={(chosen) => list.set({ account: chosen ?? undefined })}
        />
        <SearchField value={list.q} onSearch={(q) => list.set({ q })} />
      </SimpleGrid>
      <ProblemAlert error={account.error} />
      {account.data !== undefined && <Text>{t(`licence.${licenceOf(account.data)}`)}</Text>}
      <Tabs value={tab} onChange={(status) => list.set({ status: status ?? undefined })}>
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {account.data === undefined ? (
        accountId === undefined && <Text>{t('account.choose')}</Text>
      ) : tab === 'to_be_approved' ? (
        <RegistrationList accountId={account.data.id} q={list.q} paging={paging} />
      ) : (
        <Drivers account={account.data} tab={tab} q={list.q} paging={paging} />
      )}
    </Stack>
  );
}

function licenceOf(account: Account): 'pro' | 'compact' {
  return account.licence === 'pro' ? 'pro' : 'compact';
}

function Drivers(props: {
  account: Account;
  tab: DriverListTab;
  q: string | undefined;
  paging: Paging;
}) {
  const { account, tab, q, paging } = props;
  const drivers = useDrivers(account.id, tab, { q, cursor: paging.cursor });
  return <DriverList account={account} tab={tab} drivers={drivers} paging={paging} />;
}
