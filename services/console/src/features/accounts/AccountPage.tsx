import { Anchor, Breadcrumbs, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAccess } from '../../session/SessionProvider';
import { useListParams } from '../../ui/list-params';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { accountSettingsTabs } from '../account-settings/account-settings-tabs';
import { accountCoreTabs } from './account-core-tabs';
import { useAccountWords } from './account-words';
import { useAccount } from './accounts.api';

const tabs = [...accountCoreTabs, ...accountSettingsTabs];

/** An account's page: its tabs, the chosen one in the address (?tab=…). */
export function AccountPage() {
  const { t } = useTranslation('accounts');
  const { accountId = '' } = useParams();
  const access = useAccess();
  const list = useListParams(['tab', 'status']);
  const account = useAccount(accountId);
  const words = useAccountWords();
  const offered = tabs.filter((tab) => tab.visible(access));
  const chosen = offered.find((tab) => tab.name === list.filter('tab')) ?? offered[0];

  if (account.isError) return <ProblemAlert error={account.error} />;
  if (account.data === undefined) return <Loader />;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/accounts">
          {t('title')}
        </Anchor>
        {account.data.parentId && (
          <Anchor component={Link} to={`/accounts/${account.data.parentId}`}>
            {t('field.parent')}
          </Anchor>
        )}
      </Breadcrumbs>
      <div>
        <Title order={1}>{account.data.name}</Title>
        <Text c="dimmed">
          {words.type(account.data.type)} · {words.licence(account.data.licence)}
        </Text>
      </div>
      <Tabs
        value={chosen?.name ?? null}
        onChange={(tab) => list.set({ tab: tab ?? undefined, status: undefined, q: undefined })}
        keepMounted={false}
      >
        <Tabs.List>
          {offered.map((tab) => (
            <Tabs.Tab key={tab.name} value={tab.name}>
              <tab.Label />
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {offered.map((tab) => (
          <Tabs.Panel key={tab.name} value={tab.name} pt="md">
            <tab.Panel accountId={accountId} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
