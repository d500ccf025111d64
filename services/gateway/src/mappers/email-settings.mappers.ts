import type { notifications } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';
import {
  emailProviders,
  type EmailProviderResponse,
} from '../email-settings/email-settings.schemas';
import { isoOrNull, nonEmptyOrNull } from './proto-values';

// The notifications service's settings become the public JSON here; there is no secret to leave out.

export function toEmailProviderJson(
  settings: notifications.EmailProviderSettings | undefined,
): EmailProviderResponse {
  const provider = emailProviders.find((known) => known === settings?.provider);
  if (settings === undefined || provider === undefined)
    throw new DomainError('internal', 'the notifications service answered no known provider');
  return {
    provider,
    from: settings.from,
    messageStream: nonEmptyOrNull(settings.messageStream),
    secretSet: settings.secretSet,
    source: settings.source === 'settings' ? 'settings' : 'environment',
    updatedAt: isoOrNull(settings.updatedAt),
    updatedBy: nonEmptyOrNull(settings.updatedBy),
  };
}
