import { parkedOnceEach } from '@onramp/service-testing';
import { AccountsApp } from './testing/accounts-app';

let app: AccountsApp;

beforeAll(async () => {
  app = await AccountsApp.start();
}, 120_000);

afterAll(() => app?.stop());

it('parks an event no consumer can decode, once at each, listed and counted on /metrics', async () => {
  const outcomes = await app.poisonEveryConsumer();

  expect(Object.keys(outcomes)).toEqual(expect.arrayContaining(['accounts-user-directory']));
  expect(outcomes).toEqual(parkedOnceEach(Object.keys(outcomes)));
});
