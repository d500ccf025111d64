import { permissions, platformOnlyPermissions, type Permission } from './permissions';

/** Everything an account admin may do within their accounts: they see everything there. */
const accountAdministration: readonly Permission[] = permissions.filter(
  (permission) =>
    !platformOnlyPermissions.has(permission) &&
    !permission.startsWith('admins.') &&
    permission !== 'users.delete',
);

interface RoleDefinition {
  /** `platform` roles are for the operator's staff; `account` roles are held within accounts. */
  scope: 'platform' | 'account';
  description: string;
  permissions: readonly Permission[];
}

/** The role catalogue: the operator's system roles, roles within accounts, and the admin levels. */
export const roles = {
  platform_admin: {
    scope: 'platform',
    description: 'Operator staff with every permission on the whole platform',
    permissions,
  },
  support: {
    scope: 'platform',
    description: 'Operator support: reads accounts and users, helps users in and out',
    permissions: [
      'users.read',
      'users.manage',
      'accounts.read',
      'drivers.read',
      'charging_cards.read',
      'invitations.read',
      'invitations.manage',
      'sessions.read',
      'notifications.read',
      'exports.read',
    ],
  },
  billing: {
    scope: 'platform',
    description: 'Operator finance: accounts, invoices and sessions for billing',
    permissions: ['accounts.read', 'invoices.read', 'sessions.read', 'exports.read'],
  },
  field_service: {
    scope: 'platform',
    description: 'Operator field staff installing and configuring charge stations',
    permissions: ['accounts.read', 'locations.read', 'stations.configure', 'charging_cards.read'],
  },
  no_role: {
    scope: 'account',
    description: 'Limited access: own location and sessions only',
    permissions: ['sessions.read_own'],
  },
  driver: {
    scope: 'account',
    description: 'Charges with the account; sees own sessions',
    permissions: ['sessions.read_own'],
  },
  api_developer: {
    scope: 'account',
    description: "Reads the account's API credentials",
    permissions: ['api_keys.read', 'sessions.read_own'],
  },
  locations_facilitator: {
    scope: 'account',
    description: 'Has insight in the sessions of locations shared with them',
    permissions: ['locations.read', 'sessions.read'],
  },
  field_service_technician: {
    scope: 'account',
    description: 'Installs and configures the charge stations',
    permissions: ['locations.read', 'stations.configure'],
  },
  billing_admin: {
    scope: 'account',
    description: 'Sees the invoices of the account',
    permissions: ['accounts.read', 'invoices.read'],
  },
  account_admin: {
    scope: 'account',
    description: 'Adds users and sees everything in the account',
    permissions: accountAdministration,
  },
  account_owner: {
    scope: 'account',
    description: 'Owns the account: an account admin who may also erase its users',
    permissions: [...accountAdministration, 'users.delete'],
  },
  enterprise_admin: {
    scope: 'account',
    description: 'Administers an enterprise; invites enterprise, company and location admins',
    permissions: [
      ...accountAdministration,
      'admins.enterprise.manage',
      'admins.company.manage',
      'admins.location.manage',
    ],
  },
  company_admin: {
    scope: 'account',
    description: 'Administers a company; invites company and location admins',
    permissions: [...accountAdministration, 'admins.company.manage', 'admins.location.manage'],
  },
  location_admin: {
    scope: 'account',
    description: 'Administers a location; invites location admins',
    permissions: [...accountAdministration, 'admins.location.manage'],
  },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof roles;

export function isRole(value: string): value is Role {
  return Object.prototype.hasOwnProperty.call(roles, value);
}

/** The permissions a set of roles and additional permissions amount to. */
export function effectivePermissions(
  roleNames: readonly Role[],
  additional: readonly Permission[] = [],
): Set<Permission> {
  const result = new Set<Permission>(additional);
  for (const role of roleNames) {
    for (const permission of roles[role].permissions) result.add(permission);
  }
  return result;
}
