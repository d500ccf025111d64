import type { Access, Permission } from '../../session/access';

/** The views of Settings, each at /settings/<name>, in tab order. */
export const settingsViews = ['email', 'templates', 'deliveries'] as const;
export type SettingsView = (typeof settingsViews)[number];

// These permissions are the installation's: only a platform membership may hold them.
const needs: Record<SettingsView, Permission> = {
  email: 'settings.manage',
  templates: 'templates.manage',
  deliveries: 'notifications.read',
};

/** The views this user may use: each calls an API that needs its permission on the platform. */
export function visibleSettingsViews(access: Access): SettingsView[] {
  return settingsViews.filter((view) => access.platform && access.can(needs[view]));
}

export function isSettingsView(value: string | undefined): value is SettingsView {
  return (settingsViews as readonly (string | undefined)[]).includes(value);
}
