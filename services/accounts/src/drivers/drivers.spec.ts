import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { accounts, identity } from '@onramp/contracts';
import { eventually } from '@onramp/testing';
import { AccountsApp } from '../testing/accounts-app';

const methods = accounts.AccountsService.method;

let app: AccountsApp;
beforeAll(async () => {
  app = await AccountsApp.start();
}, 120_000);
afterAll(() => app.stop());

function failure(promise: Promise<unknown>): Promise<{ code: string }> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as { code: string },
  );
}

const customer = () =>
  app.customer([
    'accounts.read',
    'drivers.read',
    'drivers.manage',
    'charging_cards.read',
    'charging_cards.manage',
  ]);

function membership(userId: string, accountIds: string[], id = randomUUID()) {
  return { id, userId, platform: false, accountIds, roles: ['driver'], additionalPermissions: [] };
}

const at = (iso: string) => timestampFromDate(new Date(iso));

function userCreated(userId: string, name = 'Dana Driver'): Promise<string> {
  return app.publish(identity.UserCreatedSchema, {
    userId,
    email: `${userId}@example.com`,
    name,
    status: 'active',
    occurredAt: at('2026-11-23T10:00:00Z'),
  });
}

describe('drivers are the members of their account', () => {
  it("makes a granted user a driver, even when the grant arrives before the user's creation", async () => {
    const { account, admin } = await customer();
    const userId = randomUUID();
    await app.publish(identity.MembershipGrantedSchema, {
      membership: membership(userId, [account.id]),
      occurredAt: at('2026-11-23T10:00:00Z'),
    });
    await userCreated(userId);
    await eventually('the membership events to be applied', async () => {
      const { driver } = await app.call(methods.updateDriver, {
        caller: admin,
        accountId: account.id,
        userId,
        info1: 'EMP-1',
      });
      expect(driver).toMatchObject({ userId, name: 'Dana Driver', info1: 'EMP-1' });
    });
    const { drivers } = await app.call(methods.listDrivers, {
      caller: admin,
      accountId: account.id,
    });
    expect(drivers.map((driver) => driver.userId)).toEqual([userId]);
  });

  it('lists and shows a member nobody has described yet, with a blank profile', async () => {
    const { account, admin } = await customer();
    const userId = randomUUID();
    await userCreated(userId, 'Newly Accepted');
    await app.publish(identity.MembershipGrantedSchema, {
      membership: membership(userId, [account.id]),
      occurredAt: at('2026-11-23T10:00:00Z'),
    });
    await eventually('the new member to be listed', async () => {
      const { drivers } = await app.call(methods.listDrivers, {
        caller: admin,
        accountId: account.id,
      });
      expect(drivers.map((driver) => driver.userId)).toEqual([userId]);
    });
    const { driver } = await app.call(methods.getDriver, {
      caller: admin,
      accountId: account.id,
      userId,
    });
    expect(driver).toMatchObject({
      userId,
      name: 'Newly Accepted',
      info1: '',
      vehicle: { licencePlate: '' },
    });
    expect(await app.database.driverProfile.count({ where: { userId } })).toBe(0);
  });

  it("ends in identity's latest status, whatever order the status changes and the creation arrive in", async () => {
    const { account, admin } = await customer();
    const userId = randomUUID();
    const applied = async (consumer: string, publish: Promise<string>) => {
      const messageId = await publish;
      await eventually(`${consumer} handled ${messageId}`, () => app.handled(consumer, messageId));
    };
    const activeDrivers = async () =>
      (await app.call(methods.listDrivers, { caller: admin, accountId: account.id })).drivers.map(
        (driver) => driver.userId,
      );
    const status = async () =>
      (await app.database.directoryUser.findUnique({ where: { userId } }))?.status;

    // Deactivated a moment after creation, but the deactivation is applied first.
    await applied(
      'user-directory-deactivations',
      app.publish(identity.UserDeactivatedSchema, {
        userId,
        occurredAt: at('2026-11-23T10:05:00Z'),
      }),
    );
    await applied(
      'account-members-grants',
      app.publish(identity.MembershipGrantedSchema, {
        membership: membership(userId, [account.id]),
        occurredAt: at('2026-11-23T10:00:00Z'),
      }),
    );
    // Known only by its status so far: nobody sees a driver without a name.
    expect(await activeDrivers()).toEqual([]);
    await applied('user-directory', userCreated(userId));
    expect(await status()).toBe('deactivated');
    expect(await activeDrivers()).toEqual([]);

    // Reactivated at 10:10; the deactivation of 10:07 arrives late and changes nothing.
    await applied(
      'user-directory-reactivations',
      app.publish(identity.UserReactivatedSchema, {
        userId,
        occurredAt: at('2026-11-23T10:10:00Z'),
      }),
    );
    await applied(
      'user-directory-deactivations',
      app.publish(identity.UserDeactivatedSchema, {
        userId,
        occurredAt: at('2026-11-23T10:07:00Z'),
      }),
    );
    expect(await status()).toBe('active');
    expect(await activeDrivers()).toEqual([userId]);
  });

  it("refuses to attach, show or list another customer's user", async () => {
    const mine = await customer();
    const theirs = await customer();
    const stranger = randomUUID();
    await userCreated(stranger, 'Someone Else');
    await app.publish(identity.MembershipGrantedSchema, {
      membership: membership(stranger, [theirs.account.id]),
      occurredAt: at('2026-11-23T10:00:00Z'),
    });
    // Once the stranger is a driver of their own account, they are still nobody in mine.
    await eventually('the membership events to be applied', async () => {
      await app.call(methods.updateDriver, {
        caller: theirs.admin,
        accountId: theirs.account.id,
        userId: stranger,
        info1: 'THEIRS',
      });
    });
    const attach = await failure(
      app.call(methods.updateDriver, {
        caller: mine.admin,
        accountId: mine.account.id,
        userId: stranger,
        info1: 'stolen',
      }),
    );
    expect(attach.code).toBe('not_found');
    const read = await failure(
      app.call(methods.getDriver, {
        caller: mine.admin,
        accountId: mine.account.id,
        userId: stranger,
      }),
    );
    expect(read.code).toBe('not_found');
    expect(
      await app.database.driverProfile.count({
        where: { accountId: mine.account.id, userId: stranger },
      }),
    ).toBe(0);
  });

  it('forgets a driver whose membership is revoked, even if an older update arrives later', async () => {
    const { account, admin } = await customer();
    const userId = randomUUID();
    const membershipId = randomUUID();
    await userCreated(userId);
    await app.publish(identity.MembershipGrantedSchema, {
      membership: membership(userId, [account.id], membershipId),
      occurredAt: at('2026-11-23T10:00:00Z'),
    });
    await eventually('the membership events to be applied', async () => {
      await app.call(methods.updateDriver, { caller: admin, accountId: account.id, userId });
    });
    await app.publish(identity.MembershipRevokedSchema, {
      membership: membership(userId, [account.id], membershipId),
      occurredAt: at('2026-11-23T12:00:00Z'),
    });
    await eventually('the membership events to be applied', async () => {
      const read = await failure(
        app.call(methods.getDriver, { caller: admin, accountId: account.id, userId }),
      );
      expect(read.code).toBe('not_found');
    });
    // An update from before the revocation, delivered after it, does not bring the user back.
    const late = await app.publish(identity.MembershipUpdatedSchema, {
      membership: membership(userId, [account.id], membershipId),
      occurredAt: at('2026-11-23T11:00:00Z'),
    });
    await eventually('the membership events to be applied', async () =>
      expect(await app.handled('account-members-updates', late)).toBe(true),
    );
    const { drivers } = await app.call(methods.listDrivers, {
      caller: admin,
      accountId: account.id,
    });
    expect(drivers).toEqual([]);
    const update = await failure(
      app.call(methods.updateDriver, { caller: admin, accountId: account.id, userId }),
    );
    expect(update.code).toBe('not_found');
  });

  it('moves a driver with a membership update and forgets an erased user', async () => {
    const first = await customer();
    const second = await customer();
    const userId = randomUUID();
    const membershipId = randomUUID();
    await userCreated(userId);
    await app.publish(identity.MembershipGrantedSchema, {
      membership: membership(userId, [first.account.id], membershipId),
      occurredAt: at('2026-11-23T10:00:00Z'),
    });
    await app.publish(identity.MembershipUpdatedSchema, {
      membership: membership(userId, [second.account.id], membershipId),
      occurredAt: at('2026-11-23T11:00:00Z'),
    });
    await eventually('the membership events to be applied', async () => {
      await app.call(methods.updateDriver, {
        caller: second.admin,
        accountId: second.account.id,
        userId,
      });
    });
    const refused = await failure(
      app.call(methods.updateDriver, { caller: first.admin, accountId: first.account.id, userId }),
    );
    expect(refused.code).toBe('not_found');
    await app.publish(identity.UserDeletedSchema, {
      userId,
      occurredAt: at('2026-11-23T12:00:00Z'),
    });
    await eventually('the membership events to be applied', async () =>
      expect(await app.database.accountMembership.count({ where: { userId } })).toBe(0),
    );
  });
});

describe('charging cards go to the drivers of their account', () => {
  it('assigns a card to a listed driver whose profile is still blank, and to nobody else', async () => {
    const { account, admin } = await customer();
    const other = await customer();
    const userId = randomUUID();
    const stranger = randomUUID();
    await userCreated(userId, 'Blank Profile');
    await userCreated(stranger, 'Someone Else');
    await app.publish(identity.MembershipGrantedSchema, {
      membership: membership(userId, [account.id]),
      occurredAt: at('2026-11-23T10:00:00Z'),
    });
    await app.publish(identity.MembershipGrantedSchema, {
      membership: membership(stranger, [other.account.id]),
      occurredAt: at('2026-11-23T10:00:00Z'),
    });
    await eventually('the driver to be listed', async () => {
      const { drivers } = await app.call(methods.listDrivers, {
        caller: admin,
        accountId: account.id,
      });
      expect(drivers.map((driver) => driver.userId)).toEqual([userId]);
    });
    const { chargingCard } = await app.call(methods.createChargingCard, {
      caller: admin,
      accountId: account.id,
      uid: `RFID-${randomUUID().slice(0, 8)}`,
      type: 'RFID',
      contractId: 'NL-TNM-C12345678-X',
      issuer: 'Onramp',
    });
    const refused = await failure(
      app.call(methods.updateChargingCard, {
        caller: admin,
        accountId: account.id,
        chargingCardId: chargingCard!.id,
        assignedUserId: stranger,
      }),
    );
    expect(refused.code).toBe('validation_failed');

    const { chargingCard: assigned } = await app.call(methods.updateChargingCard, {
      caller: admin,
      accountId: account.id,
      chargingCardId: chargingCard!.id,
      assignedUserId: userId,
    });
    expect(assigned!.assignedUserId).toBe(userId);
    const { driver } = await app.call(methods.getDriver, {
      caller: admin,
      accountId: account.id,
      userId,
    });
    expect(driver!.chargingCardIds).toEqual([chargingCard!.id]);
    expect(await app.database.driverProfile.count({ where: { userId } })).toBe(0);
  });
});
