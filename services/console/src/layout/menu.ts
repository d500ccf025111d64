import { visibleSettingsViews } from '../features/settings/settings-views';
import type { Access } from '../session/access';

export interface MenuEntry {
  /** Key in the common texts' `menu`. */
  label: 'systemUsers' | 'customers' | 'drivers' | 'accounts' | 'imports' | 'settings';
  to: string;
  /** Users → … entries are grouped under "Users". */
  group?: 'users';
  visible: (access: Access) => boolean;
}

/** The console's screens, in menu order, each offered only to who may use it. */
export const menu: readonly MenuEntry[] = [
  {
    label: 'systemUsers',
    to: '/users/system',
    group: 'users',
    visible: (access) => access.platform && access.can('users.read'),
  },
  {
    label: 'customers',
    to: '/users/customers',
    group: 'users',
    visible: (access) => access.platform && access.can('invitations.manage'),
  },
  {
    label: 'drivers',
    to: '/drivers',
    group: 'users',
    visible: (access) => access.can('drivers.read'),
  },
  { label: 'accounts', to: '/accounts', visible: (access) => access.can('accounts.read') },
  { label: 'imports', to: '/imports', visible: (access) => access.can('imports.manage') },
  {
    label: 'settings',
    to: '/settings',
    visible: (access) => visibleSettingsViews(access).length > 0,
  },
];
