/**
 * Every permission Onramp checks. A permission is part of the public API (API keys and
 * memberships name them): add freely, never rename or remove one.
 */
export const permissions = [
  'users.read',
  'users.manage',
  'users.delete',
  'memberships.manage',
  'accounts.read',
  'accounts.create',
  'accounts.manage',
  'drivers.read',
  'drivers.manage',
  'charging_cards.read',
  'charging_cards.manage',
  'cost_centers.manage',
  'user_groups.manage',
  'invitations.read',
  'invitations.manage',
  // Create an invitation without email and receive its link once, to deliver it another way.
  'invitations.share_link',
  'admins.enterprise.manage',
  'admins.company.manage',
  'admins.location.manage',
  'api_keys.read',
  'api_keys.manage',
  'sessions.read_own',
  'sessions.read',
  'locations.read',
  'stations.configure',
  'invoices.read',
  'imports.manage',
  'exports.read',
  'webhooks.manage',
  'notifications.read',
  'settings.manage',
  'templates.manage',
] as const;

export type Permission = (typeof permissions)[number];

/** Permissions about the installation itself; only a platform-wide membership may hold them. */
export const platformOnlyPermissions: ReadonlySet<Permission> = new Set<Permission>([
  'accounts.create',
  'notifications.read',
  'settings.manage',
  'templates.manage',
]);

const known: ReadonlySet<string> = new Set(permissions);

export function isPermission(value: string): value is Permission {
  return known.has(value);
}
