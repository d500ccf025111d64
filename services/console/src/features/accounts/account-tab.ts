import type { ComponentType } from 'react';
import type { Access } from '../../session/access';

/**
 * One tab of an account's page (/accounts/:accountId?tab=<name>): its panel gets the account's
 * id, and the tab is offered only to who may use it.
 */
export interface AccountTab {
  name: string;
  /** Renders the tab's title in the reader's language. */
  Label: ComponentType;
  visible: (access: Access) => boolean;
  Panel: ComponentType<{ accountId: string }>;
}
