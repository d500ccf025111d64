import type { NotificationsConfig } from '../config/notifications-config';
import type { CommonVariables } from './message-kinds';

/** The operator's branding and the recipient's name, as every message kind receives them. */
export function commonVariables(
  config: Pick<NotificationsConfig, 'BRAND_NAME' | 'BRAND_SUPPORT_EMAIL'>,
  name: string,
): CommonVariables {
  return {
    brandName: config.BRAND_NAME,
    supportEmail: config.BRAND_SUPPORT_EMAIL ?? '',
    name,
  };
}
