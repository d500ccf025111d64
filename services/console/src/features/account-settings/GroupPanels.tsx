import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { useCostCenters, useUserGroups } from './groups.api';
import { GroupsPanel } from './GroupsPanel';

/** Cost centers: one may be given to each driver, and shows in the charging session exports. */
export function CostCentersPanel({ accountId }: { accountId: string }) {
  const [cursor, setCursor] = useState<string>();
  const groups = useCostCenters(accountId, cursor);
  return (
    <GroupsPanel
      section="costCenters"
      groups={groups}
      manages={useAccess().can('cost_centers.manage')}
      cursor={cursor}
      onPage={setCursor}
    />
  );
}

/** User groups: on a Pro licence, the stations where their drivers may charge. */
export function UserGroupsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accountSettings');
  const [cursor, setCursor] = useState<string>();
  const groups = useUserGroups(accountId, cursor);
  return (
    <GroupsPanel
      section="userGroups"
      groups={groups}
      manages={useAccess().can('user_groups.manage')}
      cursor={cursor}
      onPage={setCursor}
      extra={{
        title: t('userGroups.stationsColumn'),
        value: (group) =>
          [...group.stationIds, ...group.stationGroupIds].join(', ') || t('userGroups.noStations'),
      }}
    />
  );
}
