import { useTranslation } from 'react-i18next';
import type { AccountTab } from '../accounts/account-tab';
import { ApiKeysPanel } from './ApiKeysPanel';
import { ChargingCardsPanel } from './ChargingCardsPanel';
import { CostCentersPanel, UserGroupsPanel } from './GroupPanels';
import { JoiningCodesPanel } from './JoiningCodesPanel';
import { RegistrationPanel } from './RegistrationPanel';
import { WebhooksPanel } from './WebhooksPanel';

type TabName =
  | 'joining-codes'
  | 'registration'
  | 'cost-centers'
  | 'user-groups'
  | 'cards'
  | 'api-keys'
  | 'webhooks';

function labelled(name: TabName): AccountTab['Label'] {
  function Label() {
    const { t } = useTranslation('accountSettings');
    return t(`tabs.${name}`);
  }
  return Label;
}

/**
 * The account page's settings tabs, in order. Each is offered to who may at least read it, as the
 * API decides reading: a tab's panel offers its changes only to who may make them.
 */
export const accountSettingsTabs: readonly AccountTab[] = [
  {
    name: 'joining-codes',
    Label: labelled('joining-codes'),
    visible: (access) => access.can('invitations.read'),
    Panel: JoiningCodesPanel,
  },
  {
    name: 'registration',
    Label: labelled('registration'),
    visible: (access) => access.can('invitations.read'),
    Panel: RegistrationPanel,
  },
  {
    name: 'cost-centers',
    Label: labelled('cost-centers'),
    visible: (access) =>
      access.can('accounts.read') ||
      access.can('cost_centers.manage') ||
      access.can('drivers.read'),
    Panel: CostCentersPanel,
  },
  {
    name: 'user-groups',
    Label: labelled('user-groups'),
    visible: (access) =>
      access.can('accounts.read') || access.can('user_groups.manage') || access.can('drivers.read'),
    Panel: UserGroupsPanel,
  },
  {
    name: 'cards',
    Label: labelled('cards'),
    visible: (access) => access.can('charging_cards.read'),
    Panel: ChargingCardsPanel,
  },
  {
    name: 'api-keys',
    Label: labelled('api-keys'),
    visible: (access) => access.can('api_keys.read'),
    Panel: ApiKeysPanel,
  },
  {
    name: 'webhooks',
    Label: labelled('webhooks'),
    visible: (access) => access.can('webhooks.manage'),
    Panel: WebhooksPanel,
  },
];
