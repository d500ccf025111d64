import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity } from '@onramp/contracts';
import { eventually } from '@onramp/testing';
import { NotificationsApp } from '../testing/notifications-app';

let app: NotificationsApp;

beforeAll(async () => {
  app = await NotificationsApp.start({ EMAIL_PROVIDER: 'none' });
}, 120_000);

afterAll(() => app?.stop());

it('records an email as not sent when no provider is configured, never dropping it silently', async () => {
  await app.publish(identity.PasswordResetIssuedSchema, {
    userId: 'u1',
    email: 'ann@fleet.example',
    name: 'Ann',
    language: 'nl',
    token: 'secret-token',
    expiresAt: timestampFromDate(new Date(Date.now() + 1_800_000)),
    occurredAt: timestampFromDate(new Date()),
  });
  const find = () => app.database.delivery.findFirst({ where: { recipient: 'ann@fleet.example' } });
  await eventually(
    'the delivery to be recorded',
    async () => (await find())?.status === 'not_sent',
  );
  expect(await find()).toMatchObject({
    status: 'not_sent',
    lastError: 'provider_not_configured',
    template: 'password-reset',
    language: 'nl',
    attempts: 0,
  });
});
