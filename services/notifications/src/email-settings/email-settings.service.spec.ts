import { randomUUID } from 'node:crypto';
import { create } from '@bufbuild/protobuf';
import { common } from '@onramp/contracts';
import type { NotificationsConfig } from '../config/notifications-config';
import type { EmailProviderSettingsRepository } from '../email/email-provider-settings.repository';
import type { EmailSender } from '../email/email-sender';
import { SettingsCipher } from '../email/settings-cipher';
import { EmailSettingsService, isFromAddress } from './email-settings.service';

const operator = create(common.CallerSchema, {
  userId: randomUUID(),
  grants: [{ platform: true, permissions: ['settings.manage'] }],
});

function serviceWithoutKey() {
  const config = {
    EMAIL_PROVIDER: 'none',
    EMAIL_FROM: 'Onramp <no-reply@onramp.local>',
  } as NotificationsConfig;
  const repository = {
    find: () => Promise.resolve(null),
    save: jest.fn(),
  };
  const service = new EmailSettingsService(
    repository as unknown as EmailProviderSettingsRepository,
    new SettingsCipher(config),
    { invalidate: () => undefined } as unknown as EmailSender,
    config,
  );
  return { service, repository };
}

it('answers service_unavailable, and saves nothing, when the installation has no SETTINGS_ENCRYPTION_KEY', async () => {
  const { service, repository } = serviceWithoutKey();
  await expect(
    service.put(operator, { provider: 'postmark', postmarkServerToken: 'server-token' }),
  ).rejects.toMatchObject({ code: 'service_unavailable', message: /SETTINGS_ENCRYPTION_KEY/ });
  expect(repository.save).not.toHaveBeenCalled();
});

it('still validates first, so a wrong request is told what is wrong', async () => {
  const { service } = serviceWithoutKey();
  await expect(service.put(operator, { provider: 'smtp' })).rejects.toMatchObject({
    code: 'validation_failed',
  });
});

it('reads the environment when nothing was saved, without a key', async () => {
  const { service } = serviceWithoutKey();
  await expect(service.get(operator)).resolves.toEqual({
    provider: 'none',
    from: 'Onramp <no-reply@onramp.local>',
    messageStream: undefined,
    secretSet: false,
    source: 'environment',
  });
});

it.each([
  ['no-reply@volt.example', true],
  ['Volt <no-reply@volt.example>', true],
  ['"Volt, Fleet" <no-reply@volt.example>', true],
  ['volt.example', false],
  ['Volt <not an address>', false],
  ['Volt\n<no-reply@volt.example>', false],
])('takes %s as a From address: %s', (value, expected) => {
  expect(isFromAddress(value)).toBe(expected);
});
