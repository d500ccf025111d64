import type { DescFile } from '@bufbuild/protobuf';
import { file_onramp_accounts_v1_accounts } from './gen/onramp/accounts/v1/accounts_pb';
import { file_onramp_accounts_v1_events } from './gen/onramp/accounts/v1/events_pb';
import { file_onramp_common_v1_bulk } from './gen/onramp/common/v1/bulk_pb';
import { file_onramp_common_v1_caller } from './gen/onramp/common/v1/caller_pb';
import { file_onramp_common_v1_error } from './gen/onramp/common/v1/error_pb';
import { file_onramp_identity_v1_api_keys } from './gen/onramp/identity/v1/api_keys_pb';
import { file_onramp_identity_v1_auth } from './gen/onramp/identity/v1/auth_pb';
import { file_onramp_identity_v1_events } from './gen/onramp/identity/v1/events_pb';
import { file_onramp_identity_v1_identity } from './gen/onramp/identity/v1/identity_pb';
import { file_onramp_import_v1_events } from './gen/onramp/import/v1/events_pb';
import { file_onramp_import_v1_import } from './gen/onramp/import/v1/import_pb';
import { file_onramp_invitations_v1_events } from './gen/onramp/invitations/v1/events_pb';
import { file_onramp_invitations_v1_invitations } from './gen/onramp/invitations/v1/invitations_pb';
import { file_onramp_notifications_v1_events } from './gen/onramp/notifications/v1/events_pb';
import { file_onramp_notifications_v1_notifications } from './gen/onramp/notifications/v1/notifications_pb';
import { file_onramp_notifications_v1_templates } from './gen/onramp/notifications/v1/templates_pb';
import { file_onramp_notifications_v1_webhooks } from './gen/onramp/notifications/v1/webhooks_pb';

/** Every contract file, so that tests can check all subjects at once. Add new files here. */
export const allContractFiles: readonly DescFile[] = [
  file_onramp_accounts_v1_accounts,
  file_onramp_accounts_v1_events,
  file_onramp_common_v1_bulk,
  file_onramp_common_v1_caller,
  file_onramp_common_v1_error,
  file_onramp_identity_v1_api_keys,
  file_onramp_identity_v1_auth,
  file_onramp_identity_v1_events,
  file_onramp_identity_v1_identity,
  file_onramp_import_v1_events,
  file_onramp_import_v1_import,
  file_onramp_invitations_v1_events,
  file_onramp_invitations_v1_invitations,
  file_onramp_notifications_v1_events,
  file_onramp_notifications_v1_notifications,
  file_onramp_notifications_v1_templates,
  file_onramp_notifications_v1_webhooks,
];
