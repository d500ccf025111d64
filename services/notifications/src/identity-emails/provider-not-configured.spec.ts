import { fromBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { eventSubject, identity, notifications } from '@onramp/contracts';
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

it('publishes the not_sent outcome once, even when the event arrives again', async () => {
  const event = {
    userId: 'u2',
    email: 'bo@fleet.example',
    name: 'Bo',
    language: 'en',
    token: 'another-secret-token',
    occurredAt: timestampFromDate(new Date()),
  };
  const first = await app.publish(identity.PasswordResetIssuedSchema, event);
  const second = await app.publish(identity.PasswordResetIssuedSchema, event);
  await eventually(
    'both events to be handled',
    async () =>
      (await app.handled('password-reset-email', first)) &&
      (await app.handled('password-reset-email', second)),
  );
  const changes = (
    await app.database.outboxMessage.findMany({
      where: { subject: eventSubject(notifications.EmailDeliveryChangedSchema) },
    })
  )
    .map((row) => fromBinary(notifications.EmailDeliveryChangedSchema, row.payload).delivery)
    .filter((delivery) => delivery?.recipient === 'bo@fleet.example');
  expect(changes).toEqual([
    expect.objectContaining({ status: 'not_sent', lastError: 'provider_not_configured' }),
  ]);
});

it('tells a service asking for an email that none would leave the installation', async () => {
  expect(
    await app.call(notifications.NotificationsService.method.getEmailReadiness, {}),
  ).toMatchObject({ provider: 'none', configured: false });
});
