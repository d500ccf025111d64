import { timestampDate } from '@bufbuild/protobuf/wkt';
import { ConfigError } from '@onramp/config';
import { notifications } from '@onramp/contracts';
import { gatewayEnv, type GatewayEnv } from '../gateway-env';
import type { FakeIdentity } from '../testing/fake-identity';
import { GatewayBed } from '../testing/gateway-bed';
import { PostmarkWebhookCredentials } from './postmark-webhook-credentials';
import { POSTMARK_WEBHOOK_PATH } from './postmark-webhooks.controller';

const subject = 'rpc.notifications.deliveries.bounce.v1';
const credentials = {
  POSTMARK_WEBHOOK_USER: 'postmark',
  POSTMARK_WEBHOOK_PASSWORD: 'correct horse battery staple',
};
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const valid = basic(credentials.POSTMARK_WEBHOOK_USER, credentials.POSTMARK_WEBHOOK_PASSWORD);

/** A bounce as Postmark posts it, every field included. */
const hardBounce = {
  RecordType: 'Bounce',
  MessageStream: 'outbound',
  ID: 4323372036,
  Type: 'HardBounce',
  TypeCode: 1,
  Name: 'Hard bounce',
  Tag: 'invitation',
  MessageID: '883953f4-6105-42a2-a16a-77a8eac79483',
  Metadata: { a_key: 'a_value' },
  ServerID: 23,
  Description:
    'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
  Details: 'smtp;550 5.1.1 The email account that you tried to reach does not exist.',
  Email: 'Ann@Fleet.example',
  From: 'no-reply@volt.example',
  BouncedAt: '2026-11-23T16:33:54.9070259Z',
  DumpAvailable: true,
  Inactive: true,
  CanActivate: true,
  Subject: 'Alex invited you to Volt',
  Content: '<Full dump of bounce>',
};

const spamComplaint = {
  RecordType: 'SpamComplaint',
  MessageStream: 'outbound',
  ID: 42,
  Type: 'SpamComplaint',
  TypeCode: 512,
  Name: 'Spam complaint',
  MessageID: '00000000-0000-0000-0000-000000000000',
  ServerID: 1234,
  Description: '',
  Details: 'Test spam complaint details',
  Email: 'bob@fleet.example',
  From: 'no-reply@volt.example',
  BouncedAt: '2026-11-23T12:54:23.3396434-05:00',
  DumpAvailable: true,
  Inactive: true,
  CanActivate: false,
  Subject: 'Your Volt security report',
};

function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = { authorization: valid },
  path = POSTMARK_WEBHOOK_PATH,
) {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function expectProblem(response: Response, status: number): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(await response.json()).toMatchObject({ status });
}

describe('the Postmark webhook, configured', () => {
  let bed: GatewayBed;
  let fake: FakeIdentity;

  beforeAll(async () => {
    bed = await GatewayBed.start(credentials);
    fake = bed.fake;
    await fake.answer(notifications.NotificationsService.method.recordEmailBounce, (request) => ({
      outcome: request.providerMessageId === 'no-such-message' ? 'unknown' : 'bounced',
    }));
  });
  afterAll(() => bed.stop());
  beforeEach(() => fake.received.clear());

  const received = () =>
    fake.received.get(subject) as notifications.RecordEmailBounceRequest | undefined;

  it('hands a bounce to notifications with the message id, address, type, reason and time', async () => {
    const response = await post(bed.gateway.url, hardBounce);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'bounced' });
    expect(received()).toMatchObject({
      provider: 'postmark',
      providerMessageId: '883953f4-6105-42a2-a16a-77a8eac79483',
      recipient: 'Ann@Fleet.example',
      type: 'HardBounce',
      description:
        'The server was unable to deliver your message (ex: unknown user, mailbox not found). — smtp;550 5.1.1 The email account that you tried to reach does not exist.',
    });
    expect(timestampDate(received()!.occurredAt!).toISOString()).toBe('2026-11-23T16:33:54.907Z');
  });

  it('hands a spam complaint on the same way', async () => {
    const response = await post(bed.gateway.url, spamComplaint);
    expect(response.status).toBe(200);
    expect(received()).toMatchObject({
      type: 'SpamComplaint',
      description: 'Test spam complaint details',
    });
    expect(timestampDate(received()!.occurredAt!).toISOString()).toBe('2026-11-23T17:54:23.339Z');
  });

  it('answers 200 for a message no email has, so that Postmark stops posting it', async () => {
    const response = await post(bed.gateway.url, { ...hardBounce, MessageID: 'no-such-message' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'unknown' });
  });

  it('refuses a request without the configured credentials (401), before checking the record', async () => {
    for (const authorization of [
      undefined,
      basic('postmark', 'wrong password here'),
      basic('someone', credentials.POSTMARK_WEBHOOK_PASSWORD),
      basic('postmark', `${credentials.POSTMARK_WEBHOOK_PASSWORD}x`),
      `Basic ${Buffer.from('postmark').toString('base64')}`,
      'Bearer onr_some_api_key',
    ]) {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      await expectProblem(await post(bed.gateway.url, hardBounce, headers), 401);
      await expectProblem(await post(bed.gateway.url, { RecordType: 'Open' }, headers), 401);
    }
    expect(received()).toBeUndefined();
  });

  it('refuses a record it cannot read (400 problem), asking notifications nothing', async () => {
    const { MessageID: _withoutMessageId, ...withoutMessageId } = hardBounce;
    for (const body of [
      withoutMessageId,
      { ...hardBounce, MessageID: '   ' },
      { ...hardBounce, RecordType: 'Open' },
      { ...hardBounce, RecordType: 'Delivery' },
      { ...hardBounce, Type: '' },
      { ...hardBounce, Email: 'not an address' },
      { ...hardBounce, BouncedAt: 'yesterday' },
      { ...hardBounce, Description: 42 },
      [hardBounce],
      '{"RecordType": "Bounce",',
    ])
      await expectProblem(await post(bed.gateway.url, body), 400);
    await expectProblem(
      await post(
        bed.gateway.url,
        hardBounce,
        { authorization: valid },
        `${POSTMARK_WEBHOOK_PATH}?x=1`,
      ),
      400,
    );
    expect(received()).toBeUndefined();
  });

  it('refuses a body that is not JSON (415)', async () => {
    const response = await fetch(`${bed.gateway.url}${POSTMARK_WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: valid },
      body: 'Bounce',
    });
    await expectProblem(response, 415);
    expect(received()).toBeUndefined();
  });
});

describe('the Postmark webhook, not configured', () => {
  let bed: GatewayBed;

  beforeAll(async () => {
    bed = await GatewayBed.start();
  });
  afterAll(() => bed.stop());

  it('answers 404, as for a path that does not exist, whatever the credentials', async () => {
    await expectProblem(await post(bed.gateway.url, hardBounce), 404);
    await expectProblem(await post(bed.gateway.url, hardBounce, {}), 404);
    expect(bed.fake.received.has(subject)).toBe(false);
  });
});

describe('the Postmark webhook credentials', () => {
  it('are refused per client address once guessed too often, even when right at last', async () => {
    const bed = await GatewayBed.start({ ...credentials, FAILED_AUTH_PER_MINUTE: 2 });
    try {
      await bed.fake.answer(notifications.NotificationsService.method.recordEmailBounce, () => ({
        outcome: 'bounced',
      }));
      for (let guess = 0; guess < 2; guess += 1)
        await expectProblem(
          await post(bed.gateway.url, hardBounce, {
            authorization: basic('postmark', `guess-${guess}-xxxxxxx`),
          }),
          401,
        );
      const response = await post(bed.gateway.url, hardBounce);
      await expectProblem(response, 429);
      expect(response.headers.get('retry-after')).not.toBeNull();
    } finally {
      await bed.stop();
    }
  });

  it('must be set together: the gateway does not start with only one of them', () => {
    const halfConfigured = { POSTMARK_WEBHOOK_USER: 'postmark' } as GatewayEnv;
    expect(() => new PostmarkWebhookCredentials(halfConfigured).onModuleInit()).toThrow(
      ConfigError,
    );
  });

  it('need a password of at least 12 characters and a user without ":"', () => {
    const base = { PORT: '8080', NATS_URL: 'nats://127.0.0.1:4222' };
    expect(gatewayEnv.safeParse({ ...base, ...credentials }).success).toBe(true);
    expect(
      gatewayEnv.safeParse({ ...base, ...credentials, POSTMARK_WEBHOOK_PASSWORD: 'short' }).success,
    ).toBe(false);
    expect(
      gatewayEnv.safeParse({ ...base, ...credentials, POSTMARK_WEBHOOK_USER: 'post:mark' }).success,
    ).toBe(false);
  });
});
