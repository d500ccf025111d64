import { AccountsApp } from './testing/accounts-app';

let app: AccountsApp;

beforeAll(async () => {
  app = await AccountsApp.start();
}, 120_000);

afterAll(() => app?.stop());

it('parks an event no consumer can decode, once at each, listed and counted on /metrics', async () => {
  const { deadLetters, metrics } = await app.poisonEveryConsumer();

  expect([...deadLetters.keys()]).toEqual(expect.arrayContaining(['accounts-user-directory']));
  for (const [consumer, rows] of deadLetters) {
    expect(rows).toEqual([
      expect.objectContaining({
        consumer,
        attempts: 1,
        lastError: 'the message cannot be decoded',
        parkedAt: expect.any(Date),
      }),
    ]);
    expect(metrics).toContain(`onramp_dead_letters{consumer="${consumer}"} 1\n`);
  }
});
