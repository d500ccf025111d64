import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity } from '@onramp/contracts';
import { eventually } from '@onramp/testing';
import { startFakePostmark, type FakePostmark } from '../testing/fake-postmark';
import { NotificationsApp } from '../testing/notifications-app';

const TOKEN = 'postmark-server-token-for-tests';

let postmark: FakePostmark;
let app: NotificationsApp;
let serial = 0;

beforeAll(async () => {
  postmark = await startFakePostmark();
  app = await NotificationsApp.start({
    EMAIL_PROVIDER: 'postmark',
    POSTMARK_SERVER_TOKEN: TOKEN,
    POSTMARK_MESSAGE_STREAM: 'transactional',
    POSTMARK_API_URL: postmark.url,
    EMAIL_FROM: 'Volt <no-reply@volt.example>',
    EMAIL_MAX_ATTEMPTS: '3',
    EMAIL_RETRY_BASE_MS: '100',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await postmark?.stop();
});

function recipient(): string {
  serial += 1;
  return `postmark${serial}@fleet.example`;
}

async function resetRequested(email: string): Promise<void> {
  await app.publish(identity.PasswordResetIssuedSchema, {
    userId: `user-${email}`,
    email,
    name: 'Ann',
    language: 'en',
    token: `token-for-${email}`,
    expiresAt: timestampFromDate(new Date(Date.now() + 1_800_000)),
    occurredAt: timestampFromDate(new Date()),
  });
}

async function settledDelivery(address: string) {
  const find = () => app.database.delivery.findFirst({ where: { recipient: address } });
  await eventually(`the delivery to ${address} to settle`, async () => {
    const delivery = await find();
    return delivery !== null && delivery.status !== 'queued';
  });
  return (await find())!;
}

it('sends through the batch endpoint and keeps the MessageID Postmark answered', async () => {
  const address = recipient();
  await resetRequested(address);
  const delivery = await settledDelivery(address);

  const sent = postmark.accepted.filter((message) => message.To === address);
  expect(sent).toHaveLength(1);
  expect(delivery).toMatchObject({
    status: 'sent',
    attempts: 1,
    providerMessageId: sent[0].MessageID,
  });
  expect(sent[0]).toMatchObject({
    From: 'Volt <no-reply@volt.example>',
    MessageStream: 'transactional',
    Tag: 'password-reset',
  });
  expect(sent[0].TextBody).toContain(`token=${encodeURIComponent(`token-for-${address}`)}`);
  const call = postmark.calls.find((candidate) => candidate.messages[0]?.To === address);
  expect(call?.token).toBe(TOKEN);
});

it('sends emails handled at the same time in one batch call, each with its own outcome', async () => {
  const addresses = Array.from({ length: 6 }, () => recipient());
  const callsBefore = postmark.calls.length;
  await Promise.all(addresses.map((address) => resetRequested(address)));
  const deliveries = await Promise.all(addresses.map((address) => settledDelivery(address)));
  expect(deliveries.every((delivery) => delivery.status === 'sent')).toBe(true);
  const calls = postmark.calls.slice(callsBefore);
  // Handled by up to EMAIL_CONCURRENCY (8) handlers at once: fewer calls than emails.
  expect(calls.length).toBeLessThan(addresses.length);
  expect(calls.flatMap((call) => call.messages.map((message) => message.To)).sort()).toEqual(
    [...addresses].sort(),
  );
});

it('marks an inactive recipient (ErrorCode 406 in a 200 answer) failed at once, with the reason', async () => {
  const address = recipient();
  postmark.replyTo(address, {
    errorCode: 406,
    message: 'You tried to send to an inactive recipient',
  });
  await resetRequested(address);
  const delivery = await settledDelivery(address);
  expect(delivery).toMatchObject({ status: 'failed', attempts: 1, providerMessageId: null });
  expect(delivery.lastError).toBe('postmark 406: You tried to send to an inactive recipient');
  expect(postmark.accepted.filter((message) => message.To === address)).toHaveLength(0);
});

it('marks an invalid email request (ErrorCode 300) failed at once', async () => {
  const address = recipient();
  postmark.replyTo(address, { errorCode: 300, message: 'Invalid email request' });
  await resetRequested(address);
  expect(await settledDelivery(address)).toMatchObject({ status: 'failed', attempts: 1 });
});

it('retries when Postmark answers HTTP 500 or 429, then sends once', async () => {
  const address = recipient();
  postmark.replyTo(address, { httpStatus: 500 }, { httpStatus: 429 });
  await resetRequested(address);
  const delivery = await settledDelivery(address);
  expect(delivery).toMatchObject({ status: 'sent', attempts: 3 });
  const sent = postmark.accepted.filter((message) => message.To === address);
  expect(sent).toHaveLength(1);
  expect(delivery.providerMessageId).toBe(sent[0].MessageID);
});

it('retries an account that is not yet activated (ErrorCode 412) and keeps Postmark’s reason when it gives up', async () => {
  const address = recipient();
  postmark.replyTo(
    address,
    ...Array.from({ length: 3 }, () => ({ errorCode: 412, message: 'Account pending approval' })),
  );
  await resetRequested(address);
  const delivery = await settledDelivery(address);
  expect(delivery).toMatchObject({ status: 'failed', attempts: 3 });
  expect(delivery.lastError).toBe(
    'gave up after 3 attempts: postmark 412: Account pending approval',
  );
});
