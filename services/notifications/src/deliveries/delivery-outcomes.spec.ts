import { randomUUID } from 'node:crypto';
import { fromBinary } from '@bufbuild/protobuf';
import { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
import { eventSubject, invitations, notifications } from '@onramp/contracts';
import { eventually, type SmtpSink, startSmtpSink } from '@onramp/testing';
import { NotificationsApp } from '../testing/notifications-app';

const method = notifications.NotificationsService.method;
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

describe('bounce reports', () => {
  const bouncedAt = new Date('2026-11-23T12:00:00Z');
  const report = (providerMessageId: string, recipient: string, type = 'HardBounce') => ({
    provider: 'postmark',
    providerMessageId,
    recipient,
    type,
    description:
      'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
    occurredAt: timestampFromDate(bouncedAt),
  });

  async function sentInvitation() {
    const { address, reference } = await invite();
    const delivery = await settled(reference);
    expect(delivery.status).toBe('sent');
    return { address, reference, messageId: delivery.providerMessageId! };
  }

  it('mark the sent delivery bounced with the reason, and say so once', async () => {
    const { address, reference, messageId } = await sentInvitation();
    const answer = await app.call(
      method.recordEmailBounce,
      report(messageId, address.toUpperCase()),
    );
    expect(answer.outcome).toBe('bounced');
    expect(await app.database.delivery.findFirst({ where: { reference } })).toMatchObject({
      status: 'bounced',
      lastError:
        'HardBounce: The server was unable to deliver your message (ex: unknown user, mailbox not found).',
    });
    const bounced = (await changesOf(reference)).filter(
      ({ event }) => event.delivery?.status === 'bounced',
    );
    expect(bounced).toHaveLength(1);
    expect(timestampDate(bounced[0].event.occurredAt!)).toEqual(bouncedAt);

    // Postmark sends a report again when it did not get our answer: nothing changes twice.
    const again = await app.call(method.recordEmailBounce, report(messageId, address));
    expect(again.outcome).toBe('already_bounced');
    expect(
      (await changesOf(reference)).filter(({ event }) => event.delivery?.status === 'bounced'),
    ).toHaveLength(1);
  });

  it('mark a spam complaint as a bounce too', async () => {
    const { address, reference, messageId } = await sentInvitation();
    const answer = await app.call(method.recordEmailBounce, {
      ...report(messageId, address, 'SpamComplaint'),
      description: '',
    });
    expect(answer.outcome).toBe('bounced');
    expect(await app.database.delivery.findFirst({ where: { reference } })).toMatchObject({
      status: 'bounced',
      lastError: 'SpamComplaint',
    });
  });

  it('leave the delivery as it is for a report that does not mean the email failed', async () => {
    const { address, reference, messageId } = await sentInvitation();
    const answer = await app.call(
      method.recordEmailBounce,
      report(messageId, address, 'AutoResponder'),
    );
    expect(answer.outcome).toBe('ignored');
    expect((await app.database.delivery.findFirst({ where: { reference } }))?.status).toBe('sent');
    expect(await changesOf(reference)).toHaveLength(1);
  });

  it('answer unknown for a message id or recipient no sent delivery has, changing nothing', async () => {
    const { address, reference, messageId } = await sentInvitation();
    for (const unmatched of [
      report(`<${randomUUID()}@smtp.example>`, address),
      report(messageId, 'someone-else@fleet.example'),
    ]) {
      expect((await app.call(method.recordEmailBounce, unmatched)).outcome).toBe('unknown');
    }
    expect((await app.database.delivery.findFirst({ where: { reference } }))?.status).toBe('sent');
  });

  it('refuse a report from an unknown provider, or without message id, recipient or type', async () => {
    const { address, messageId } = await sentInvitation();
    for (const [field, bad] of [
      ['provider', { ...report(messageId, address), provider: 'mailgun' }],
      ['providerMessageId', report(' ', address)],
      ['recipient', report(messageId, '')],
      ['type', report(messageId, address, '')],
    ] as const) {
      await expect(app.call(method.recordEmailBounce, bad)).rejects.toMatchObject({
        code: 'validation_failed',
        violations: [expect.objectContaining({ field })],
      });
    }
  });

  it('show in the delivery log, filtered by status bounced, with the reference', async () => {
    const { address, reference, messageId } = await sentInvitation();
    await app.call(method.recordEmailBounce, report(messageId, address));
    const { deliveries } = await app.call(method.listDeliveries, {
      caller: {
        userId: randomUUID(),
        grants: [{ platform: true, permissions: ['notifications.read'] }],
      },
      to: address,
      status: 'bounced',
    });
    expect(deliveries).toEqual([expect.objectContaining({ status: 'bounced', reference })]);
  });
});
