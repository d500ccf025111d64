import { randomUUID } from 'node:crypto';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { accounts, identity, invitations } from '@onramp/contracts';
import { eventually } from '@onramp/testing';
import { AccountsApp, callerWith } from '../testing/accounts-app';

const methods = accounts.AccountsService.method;

let app: AccountsApp;
beforeAll(async () => {
  app = await AccountsApp.start();
}, 120_000);
afterAll(() => app.stop());

const at = (iso: string) => timestampFromDate(new Date(iso));

const customer = () => app.customer(['accounts.read', 'drivers.read']);

type Spec = MessageInitShape<typeof invitations.InvitationSpecSchema>['kind'];

function invitation(
  id: string,
  kind: Spec,
  expiresAt = '2026-11-24T10:00:00Z',
): MessageInitShape<typeof invitations.InvitationSchema> {
  return {
    id,
    email: `${id}@example.com`,
    name: 'Ivy Invitee',
    spec: { kind },
    expiresAt: at(expiresAt),
  };
}

const driverInto = (accountId: string): Spec => ({
  case: 'account',
  value: { accountId, role: 'driver' },
});

/** Publishes an event and waits until its consumer has applied it. */
async function applied(consumer: string, publish: Promise<string>): Promise<void> {
  const messageId = await publish;
  await eventually(`${consumer} handled ${messageId}`, () => app.handled(consumer, messageId));
}

const issued = (id: string, kind: Spec, occurredAt: string, expiresAt?: string) =>
  applied(
    'driver-invitations-issued',
    app.publish(invitations.InvitationIssuedSchema, {
      invitation: invitation(id, kind, expiresAt),
      occurredAt: at(occurredAt),
    }),
  );

const closed = (id: string, kind: Spec, reason: string, occurredAt: string) =>
  applied(
    'driver-invitations-closed',
    app.publish(invitations.InvitationClosedSchema, {
      invitation: invitation(id, kind),
      reason,
      occurredAt: at(occurredAt),
    }),
  );

/** A user identity created without a password, made a driver of the account. */
async function invitedMember(userId: string, email: string, name: string, accountId: string) {
  const occurredAt = at('2026-11-23T10:00:00Z');
  await app.publish(identity.UserCreatedSchema, {
    userId,
    email,
    name,
    status: 'invited',
    occurredAt,
  });
  await app.publish(identity.MembershipGrantedSchema, {
    membership: {
      id: randomUUID(),
      userId,
      platform: false,
      accountIds: [accountId],
      roles: ['driver'],
      additionalPermissions: [],
    },
    occurredAt,
  });
}

async function invitedTab(
  caller: ReturnType<typeof callerWith>,
  accountId: string,
  cursor?: string,
  limit = 0,
) {
  return app.call(methods.listDrivers, { caller, accountId, tab: 'invited', cursor, limit });
}

describe("the drivers' invited tab", () => {
  it('lists pending driver invitations beside invited members, paged in one order, to its own admins only', async () => {
    const { account, admin } = await customer();
    const other = await customer();
    const member = randomUUID();
    await invitedMember(member, `${member}@example.com`, 'Added Without Password', account.id);
    const byEmail = randomUUID();
    const withoutEmail = randomUUID();
    const ofSeveral = randomUUID();
    await issued(byEmail, driverInto(account.id), '2026-11-23T10:00:00Z');
    await applied(
      'driver-invitations-created',
      app.publish(invitations.InvitationCreatedSchema, {
        invitation: invitation(withoutEmail, driverInto(account.id)),
        occurredAt: at('2026-11-23T10:00:00Z'),
      }),
    );
    await issued(
      ofSeveral,
      {
        case: 'accountUser',
        value: { accountIds: [other.account.id, account.id], role: 'driver' },
      },
      '2026-11-23T10:00:00Z',
    );
    // Not driver invitations: another role, and an invitation into another account only.
    await issued(
      randomUUID(),
      { case: 'account', value: { accountId: account.id, role: 'account_admin' } },
      '2026-11-23T10:00:00Z',
    );
    await issued(randomUUID(), driverInto(other.account.id), '2026-11-23T10:00:00Z');

    const expected = [member, byEmail, withoutEmail, ofSeveral].sort();
    await eventually('the invited member to be listed', async () =>
      expect((await invitedTab(admin, account.id)).drivers).toHaveLength(expected.length),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await invitedTab(admin, account.id, cursor, 1);
      expect(page.drivers).toHaveLength(1);
      const [row] = page.drivers;
      seen.push(row.invitation?.id ?? row.userId);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(seen).toEqual(expected);

    const { drivers } = await invitedTab(admin, account.id);
    const added = drivers.find((row) => row.userId === member)!;
    expect(added).toMatchObject({ name: 'Added Without Password', status: 'invited' });
    expect(added.invitation).toBeUndefined();
    const row = drivers.find((driver) => driver.invitation?.id === byEmail)!;
    expect(row).toMatchObject({
      accountId: account.id,
      userId: '',
      email: `${byEmail}@example.com`,
      name: 'Ivy Invitee',
      status: 'invited',
      chargingCardIds: [],
      invitation: { id: byEmail, status: 'pending', expiresAt: at('2026-11-24T10:00:00Z') },
    });
    // A search looks at the names and emails of both.
    const search = async (query: string) =>
      (
        await app.call(methods.listDrivers, {
          caller: admin,
          accountId: account.id,
          tab: 'invited',
          query,
        })
      ).drivers.map((driver) => driver.invitation?.id ?? driver.userId);
    expect(await search('added WITHOUT')).toEqual([member]);
    expect(await search(byEmail.slice(0, 13).toUpperCase())).toEqual([byEmail]);
    expect((await search('ivy invitee')).sort()).toEqual([byEmail, withoutEmail, ofSeveral].sort());
    expect(await search('%')).toEqual([]);
    expect(
      (await invitedTab(other.admin, other.account.id)).drivers.map((d) => d.invitation?.id),
    ).toHaveLength(2);
    expect(
      (await app.call(methods.listDrivers, { caller: admin, accountId: account.id })).drivers,
    ).toEqual([]);
    await expect(invitedTab(other.admin, account.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists an invited member once, as the user, when an invitation to their email is open too', async () => {
    const { account, admin } = await customer();
    const member = randomUUID();
    const email = `Imported-${member}@Example.com`;
    await invitedMember(member, email.toLowerCase(), 'Imported Without Password', account.id);
    const toMember = randomUUID();
    const toSomeoneElse = randomUUID();
    await applied(
      'driver-invitations-issued',
      app.publish(invitations.InvitationIssuedSchema, {
        invitation: { ...invitation(toMember, driverInto(account.id)), email },
        occurredAt: at('2026-11-23T10:00:00Z'),
      }),
    );
    await issued(toSomeoneElse, driverInto(account.id), '2026-11-23T10:00:00Z');

    await eventually('the invited member to be listed', async () =>
      expect(
        (await invitedTab(admin, account.id)).drivers.map(
          (row) => row.invitation?.id ?? row.userId,
        ),
      ).toEqual([member, toSomeoneElse].sort()),
    );
  });

  it('keeps an expired invitation until it is resent and drops it once accepted, whatever the delivery order', async () => {
    const { account, admin } = await customer();
    const id = randomUUID();
    const kind = driverInto(account.id);
    const listed = async () =>
      (await invitedTab(admin, account.id)).drivers.map((row) => row.invitation);

    await issued(id, kind, '2026-11-23T10:00:00Z');
    await closed(id, kind, 'expired', '2026-11-24T10:00:00Z');
    expect(await listed()).toMatchObject([{ id, status: 'expired' }]);
    // Resent after expiring: pending again, with the new expiry; an older event changes nothing.
    await issued(id, kind, '2026-11-25T09:00:00Z', '2026-11-26T09:00:00Z');
    await issued(id, kind, '2026-11-23T10:00:00Z');
    expect(await listed()).toMatchObject([
      { id, status: 'pending', expiresAt: at('2026-11-26T09:00:00Z') },
    ]);

    await applied(
      'driver-invitations-accepted',
      app.publish(invitations.InvitationAcceptedSchema, {
        invitation: invitation(id, kind),
        userId: randomUUID(),
        occurredAt: at('2026-11-25T10:00:00Z'),
      }),
    );
    expect(await listed()).toEqual([]);
    // A resend from before the acceptance, delivered after it, does not bring the invitation back.
    await issued(id, kind, '2026-11-25T09:30:00Z');
    expect(await listed()).toEqual([]);
    expect(
      await app.database.driverInvitation.findUnique({ where: { invitationId: id } }),
    ).toMatchObject({ status: 'accepted', email: '', name: '' });
  });

  it('drops revoked and superseded invitations, even when the closing arrives first', async () => {
    const { account, admin } = await customer();
    const revoked = randomUUID();
    const superseded = randomUUID();
    const kind = driverInto(account.id);
    await issued(revoked, kind, '2026-11-23T10:00:00Z');
    await closed(revoked, kind, 'revoked', '2026-11-23T11:00:00Z');
    await closed(superseded, kind, 'superseded', '2026-11-23T11:00:00Z');
    await issued(superseded, kind, '2026-11-23T10:00:00Z');
    expect((await invitedTab(admin, account.id)).drivers).toEqual([]);
  });

  it("lists an end user's driver invitation under the account their sub-account goes under", async () => {
    const { account, admin } = await customer();
    const driver = randomUUID();
    const endUser = (role: string): Spec => ({
      case: 'endUser',
      value: { accountId: account.id, accountName: 'Home', role, accountType: 'consumer' },
    });
    await issued(driver, endUser('driver'), '2026-11-23T10:00:00Z');
    await issued(randomUUID(), endUser('account_owner'), '2026-11-23T10:00:00Z');
    expect((await invitedTab(admin, account.id)).drivers.map((row) => row.invitation?.id)).toEqual([
      driver,
    ]);
  });
});
