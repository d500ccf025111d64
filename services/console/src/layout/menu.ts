import type { Access } from '../session/access';

export interface MenuEntry {
  /** Key in the common texts' `menu`. */
  label: 'systemUsers' | 'customers' | 'imports';
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
  { label: 'imports', to: '/imports', visible: (access) => access.can('imports.manage') },
];
