import { randomBytes, randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity, invitations, notifications } from '@onramp/contracts';
import { eventually, WebhookReceiver } from '@onramp/testing';
import { NotificationsApp } from '../testing/notifications-app';
import { erasedRecipient } from './erased-personal-data';

let app: NotificationsApp;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  app = await NotificationsApp.start({
    EMAIL_PROVIDER: 'none',
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true',
    WEBHOOK_ALLOW_HTTP: 'true',
  });
  await app.call(notifications.WebhooksService.method.createWebhook, {
    caller: {
      userId: randomUUID(),
      grants: [{ platform: true, permissions: ['webhooks.manage'] }],
    },
    url: receiver.url('/crm'),
    eventTypes: ['user.created', 'invitation.created', 'user.deleted'],
    description: 'the CRM',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await receiver?.stop();
});

interface Person {
  userId: string;
  email: string;
  name: string;
}

function person(name: string): Person {
  return { userId: randomUUID(), email: `${randomUUID()}@fleet.example`, name };
}

/**
 * What the service holds about a person: a user.created and an invitation.created webhook event
 * (name and address), an invitation email (address only) and a password reset email (by user id).
 */
async function knownToNotifications({ userId, email, name }: Person): Promise<void> {
  const occurredAt = timestampFromDate(new Date());
  await app.publish(identity.UserCreatedSchema, {
    userId,
    email,
    name,
    language: 'en',
    status: 'invited',
    occurredAt,
  });
  await app.publish(invitations.InvitationIssuedSchema, {
    invitation: {
      id: randomUUID(),
      kind: 'account',
      email,
      name,
      language: 'en',
      status: 'pending',
    },
    token: `tok-${randomUUID()}`,
    inviterName: 'Alex Admin',
    accountName: 'Fleet Example',
    roles: ['driver'],
    occurredAt,
  });
  await app.publish(identity.PasswordResetIssuedSchema, {
    userId,
    email,
    name,
    language: 'en',
    token: `tok-${randomUUID()}`,
    expiresAt: timestampFromDate(new Date(Date.now() + 1_800_000)),
    occurredAt,
  });
}

/**
 * Every stored row a person's data could be in, as text, for before/after comparisons: user.deleted
 * events, which carry ids only, are left out (each erasure adds one).
 */
async function storedRows(): Promise<string[]> {
  const [events, deliveries] = await Promise.all([
    app.database.webhookEvent.findMany({
      where: { type: { not: 'user.deleted' } },
      orderBy: { id: 'asc' },
    }),
    app.database.delivery.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return [
    ...events.map((event) => `${event.id} ${event.body}`),
    ...deliveries.map((delivery) => `${delivery.id} ${delivery.recipient}`),
  ];
}

const mentioning = (rows: string[], text: string) => rows.filter((row) => row.includes(text));

async function settled(people: Person[]): Promise<void> {
  await eventually('every email and webhook delivery to settle', async () => {
    const [deliveries, pendingWebhooks, events] = await Promise.all([
      app.database.delivery.findMany({
        where: { recipient: { in: people.map(({ email }) => email) } },
      }),
      app.database.webhookDelivery.count({ where: { status: 'pending' } }),
      app.database.webhookEvent.count({ where: { type: { not: 'user.deleted' } } }),
    ]);
    return (
      deliveries.length === 2 * people.length &&
      deliveries.every((delivery) => delivery.status !== 'queued') &&
      events === 2 * people.length &&
      pendingWebhooks === 0
    );
  });
}

async function erase(userId: string, email = ''): Promise<void> {
  const messageId = await app.publish(identity.UserDeletedSchema, {
    userId,
    email,
    byUserId: randomUUID(),
    occurredAt: timestampFromDate(new Date()),
  });
  await eventually('the erasure to be handled', () => app.handled('user-erasure', messageId));
}

it("takes an erased user's address and name out of the delivery and webhook logs, and nobody else's", async () => {
  const ann = person('Ann de Vries');
  const bob = person('Bob Janssen');
  await knownToNotifications(ann);
  await knownToNotifications(bob);
  await settled([ann, bob]);
  const before = await storedRows();
  expect(mentioning(before, ann.email)).toHaveLength(4);
  expect(mentioning(before, ann.name)).toHaveLength(2);

  await erase(ann.userId);

  const after = await storedRows();
  expect(mentioning(after, ann.email)).toEqual([]);
  expect(mentioning(after, ann.name)).toEqual([]);
  expect(mentioning(after, erasedRecipient(ann.email))).toHaveLength(2);
  // Ann's user id stays, so partners can match the user.deleted event they receive.
  expect(mentioning(after, ann.userId)).toHaveLength(1);
  const annCreated = await app.database.webhookEvent.findFirstOrThrow({
    where: { type: 'user.created', body: { contains: ann.userId } },
  });
  expect(JSON.parse(annCreated.body)).toMatchObject({
    type: 'user.created',
    data: { userId: ann.userId, email: null, name: null, language: 'en' },
  });
  // Bob's rows are exactly what they were.
  expect(after.filter((row) => !before.includes(row))).toHaveLength(4);
  for (const row of [...mentioning(before, bob.email), ...mentioning(before, bob.name)])
    expect(after).toContain(row);

  await eventually('partners to receive user.deleted, which names the user by id only', () =>
    Promise.resolve(
      receiver
        .received('/crm')
        .some(
          (request) => request.body.includes('"user.deleted"') && request.body.includes(ann.userId),
        ),
    ),
  );
});

it('changes nothing more when the erasure comes again', async () => {
  const cleo = person('Cleo Bakker');
  await knownToNotifications(cleo);
  await eventually("Cleo's emails to settle", async () => {
    const deliveries = await app.database.delivery.findMany({ where: { recipient: cleo.email } });
    return deliveries.length === 2 && deliveries.every(({ status }) => status !== 'queued');
  });
  await erase(cleo.userId);
  await eventually(
    'webhook deliveries to settle',
    async () => (await app.database.webhookDelivery.count({ where: { status: 'pending' } })) === 0,
  );
  const once = await storedRows();
  expect(mentioning(once, cleo.email)).toEqual([]);

  await erase(cleo.userId);

  expect(await storedRows()).toEqual(once);
});

it('erases the invitation email of someone known only by the address the erasure names', async () => {
  const dana = person('Dana Smit');
  const occurredAt = timestampFromDate(new Date());
  await app.publish(invitations.InvitationIssuedSchema, {
    invitation: { id: randomUUID(), kind: 'account', email: dana.email, language: 'en' },
    token: `tok-${randomUUID()}`,
    roles: ['driver'],
    occurredAt,
  });
  await eventually("Dana's invitation email to settle", async () => {
    const [delivery] = await app.database.delivery.findMany({ where: { recipient: dana.email } });
    return delivery !== undefined && delivery.status !== 'queued';
  });
  // Nothing here ties the address to Dana's user id: only the event's email can.
  await erase(dana.userId, dana.email.toUpperCase());
  expect(mentioning(await storedRows(), dana.email)).toEqual([]);
  expect(mentioning(await storedRows(), erasedRecipient(dana.email))).toHaveLength(1);
});
