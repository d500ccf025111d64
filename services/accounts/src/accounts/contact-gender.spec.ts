import { randomUUID } from 'node:crypto';
import { accounts } from '@onramp/contracts';
import { AccountsApp, callerWith } from '../testing/accounts-app';

const methods = accounts.AccountsService.method;
const operator = callerWith(randomUUID(), { platform: true }, [
  'accounts.create',
  'accounts.read',
  'accounts.manage',
]);

let app: AccountsApp;
beforeAll(async () => {
  app = await AccountsApp.start();
}, 120_000);
afterAll(() => app.stop());

describe("an account's contact gender and external id", () => {
  it('keeps the gender given, "" when none, and refuses any other', async () => {
    const { account } = await app.call(methods.createAccount, {
      caller: operator,
      name: `Gender ${randomUUID()}`,
      type: 'consumer',
      contact: { name: 'Ann', gender: 'female' },
    });
    expect(account).toMatchObject({ contact: { name: 'Ann', gender: 'female' }, externalId: '' });
    const refused = app.call(methods.updateAccount, {
      caller: operator,
      accountId: account!.id,
      contact: { name: 'Ann', gender: 'x' },
    });
    await expect(refused).rejects.toMatchObject({
      code: 'validation_failed',
      violations: [{ field: 'contact.gender', message: 'must be one of "female", "male"' }],
    });
    // A contact replaces the whole part: one given without a gender has none.
    const { account: updated } = await app.call(methods.updateAccount, {
      caller: operator,
      accountId: account!.id,
      contact: { name: 'Bo' },
    });
    expect(updated!.contact).toMatchObject({ name: 'Bo', gender: '' });
  });

  it('keeps external ids unique in the installation', async () => {
    const externalId = `legacy-${randomUUID()}`;
    const { results } = await app.call(methods.importAccounts, {
      caller: operator,
      importId: randomUUID(),
      rows: [{ line: 1, externalId, account: { name: `One ${randomUUID()}`, type: 'consumer' } }],
    });
    expect(results[0].outcome).toBe(1);
    const other = await app.call(methods.createAccount, {
      caller: operator,
      name: `Two ${randomUUID()}`,
      type: 'consumer',
    });
    await expect(
      app.database.account.update({ where: { id: other.account!.id }, data: { externalId } }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });
});
