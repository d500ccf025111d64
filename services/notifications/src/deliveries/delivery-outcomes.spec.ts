import { randomUUID } from 'node:crypto';
import { fromBinary } from '@bufbuild/protobuf';
import { eventSubject, invitations, notifications } from '@onramp/contracts';
import { eventually, type SmtpSink, startSmtpSink } from '@onramp/testing';
import { NotificationsApp } from '../testing/notifications-app';

const CHANGED = eventSubject(notifications.EmailDeliveryChangedSchema);

let sink: SmtpSink;
let app: NotificationsApp;

beforeAll(async () => {
  sink = await startSmtpSink();
  app = await NotificationsApp.start({
    EMAIL_PROVIDER: 'smtp',
    SMTP_URL: sink.url,
    EMAIL_MAX_ATTEMPTS: '2',
    EMAIL_RETRY_BASE_MS: '100',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await sink?.stop();
});

/** Sends an invitation to a fresh address; answers the address and the delivery's reference. */
async function invite(): Promise<{ address: string; reference: string }> {
  const address = `invitee-${randomUUID()}@fleet.example`;
  const id = randomUUID();
  await app.publish(invitations.InvitationIssuedSchema, {
    invitation: { id, email: address, name: 'Ann', language: 'en' },
    token: randomUUID(),
    inviterName: 'Alex',
    roles: ['driver'],
  });
  return { address, reference: `invitation:${id}` };
}

async function settled(reference: string) {
  const find = () => app.database.delivery.findFirst({ where: { reference } });
  await eventually(`the delivery of ${reference} to settle`, async () => {
    const delivery = await find();
    return delivery !== null && delivery.status !== 'queued';
  });
  return (await find())!;
}

/** EmailDeliveryChanged events about a reference, as the outbox holds them, oldest first. */
async function changesOf(reference: string) {
  const rows = await app.database.outboxMessage.findMany({
    where: { subject: CHANGED },
    orderBy: { createdAt: 'asc' },
  });
  return rows
    .map((row) => ({
      event: fromBinary(notifications.EmailDeliveryChangedSchema, row.payload),
      published: row.publishedAt !== null,
    }))
    .filter(({ event }) => event.delivery?.reference === reference);
}

describe('EmailDeliveryChanged', () => {
  it('is published once when a delivery is sent, with the reference and the provider message id', async () => {
    const { reference } = await invite();
    const delivery = await settled(reference);
    expect(delivery.status).toBe('sent');
    await eventually('the event to be published', async () =>
      (await changesOf(reference)).every(({ published }) => published),
    );
    const changes = await changesOf(reference);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.event.delivery).toMatchObject({
      id: delivery.id,
      status: 'sent',
      template: 'invitation',
      reference,
      providerMessageId: delivery.providerMessageId,
      sourceEvent: 'invitations.invitation.issued.v1',
    });
    expect(changes[0]?.event.occurredAt).toBeDefined();
  });

  it('says failed, with the reason, when the provider refuses for good', async () => {
    sink.failNext(1, 550);
    const { reference } = await invite();
    expect(await settled(reference)).toMatchObject({ status: 'failed' });
    const changes = await changesOf(reference);
    expect(changes.map(({ event }) => event.delivery?.status)).toEqual(['failed']);
    expect(changes[0]?.event.delivery?.lastError).toMatch(/550/);
  });

  it('says failed once, when the delivery is given up on, and nothing for the retries before', async () => {
    sink.failNext(2, 451);
    const { reference } = await invite();
    expect(await settled(reference)).toMatchObject({ status: 'failed', attempts: 2 });
    const changes = await changesOf(reference);
    expect(changes.map(({ event }) => event.delivery?.status)).toEqual(['failed']);
    expect(changes[0]?.event.delivery?.lastError).toMatch(/^gave up after 2 attempts/);
  });
});
