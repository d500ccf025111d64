import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { useListParams } from '../../ui/list-params';
import { useCostCenters, useUserGroups } from './groups.api';
import { GroupsPanel } from './GroupsPanel';

/** Cost centers: one may be given to each driver, and shows in the charging session exports. */
export function CostCentersPanel({ accountId }: { accountId: string }) {
  const list = useListParams([]);
  const page = { q: list.q, cursor: list.cursor };
  const groups = useCostCenters(accountId, page);
  return (
    <GroupsPanel
      section="costCenters"
      groups={groups}
      manages={useAccess().can('cost_centers.manage')}
      page={page}
      onSearch={(q) => list.set({ q })}
      onPage={list.page}
    />
  );
}

/** User groups: on a Pro licence, the stations where their drivers may charge. */
export function UserGroupsPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('accountSettings');
  const list = useListParams([]);
  const page = { q: list.q, cursor: list.cursor };
  const groups = useUserGroups(accountId, page);
  return (
    <GroupsPanel
      section="userGroups"
      groups={groups}
      manages={useAccess().can('user_groups.manage')}
      page={page}
      onSearch={(q) => list.set({ q })}
      onPage={list.page}
      extra={{
        title: t('userGroups.stationsColumn'),
        value: (group) =>
          [...group.stationIds, ...group.stationGroupIds].join(', ') || t('userGroups.noStations'),
      }}
    />
  );
}
