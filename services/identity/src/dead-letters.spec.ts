import { parkedOnceEach } from '@onramp/service-testing';
import { IdentityTestBed, type IdentityApp } from './testing/identity-app';

let bed: IdentityTestBed;
let app: IdentityApp;

beforeAll(async () => {
  bed = await IdentityTestBed.start();
  app = await bed.app();
}, 120_000);

afterAll(() => bed?.stop());

it('parks an event no consumer can decode, once at each, listed and counted on /metrics', async () => {
  const outcomes = await app.poisonEveryConsumer();

  expect(Object.keys(outcomes)).toEqual(expect.arrayContaining(['identity-password-reset']));
  expect(outcomes).toEqual(parkedOnceEach(Object.keys(outcomes)));
});
