import { parkedOnceEach } from '@onramp/service-testing';
import { NotificationsApp } from './testing/notifications-app';

let app: NotificationsApp;

beforeAll(async () => {
  app = await NotificationsApp.start({ EMAIL_PROVIDER: 'log' });
}, 120_000);

afterAll(() => app?.stop());

it('parks an event no consumer can decode, once at each, listed and counted on /metrics', async () => {
  const outcomes = await app.poisonEveryConsumer();

  expect(Object.keys(outcomes)).toEqual(
    expect.arrayContaining(['notifications-password-reset-email']),
  );
  expect(outcomes).toEqual(parkedOnceEach(Object.keys(outcomes)));
});
