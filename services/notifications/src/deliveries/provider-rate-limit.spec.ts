import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { identity } from '@onramp/contracts';
import type { ServiceInstance } from '@onramp/service-testing';
import {
  eventually,
  type ReceivedEmail,
  recipientsOf,
  type SmtpSink,
  startSmtpSink,
} from '@onramp/testing';
import type { PrismaClient } from '../generated/prisma/client';
import { EmailMetrics } from '../metrics/email-metrics';
import { NotificationsApp } from '../testing/notifications-app';
import { SharedRateLimit } from './provider-rate-limit';

const PER_SECOND = 2;

let sink: SmtpSink;
/** When the sink received each email (the Date header only has whole seconds). */
const arrivedAt = new Map<ReceivedEmail, number>();
let app: NotificationsApp;
let replica: ServiceInstance;

beforeAll(async () => {
  sink = await startSmtpSink({ onMessage: (email) => arrivedAt.set(email, Date.now()) });
  app = await NotificationsApp.start({
    EMAIL_PROVIDER: 'smtp',
    SMTP_URL: sink.url,
    EMAIL_RATE_LIMIT_PER_SECOND: String(PER_SECOND),
  });
  replica = await app.replica();
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await sink?.stop();
});

it('counts the sends of every replica against one limit per provider', async () => {
  // A window far longer than the test, so nothing here depends on timing.
  const options = { perWindow: 3, windowMs: 60_000 };
  const onApp = new SharedRateLimit(app.database, options);
  const onReplica = new SharedRateLimit(replica.database<PrismaClient>(), options);
  const key = `provider-${randomUUID()}`;

  expect(await onApp.take(key)).toEqual({ granted: true });
  expect(await onReplica.take(key)).toEqual({ granted: true });
  expect(await onApp.take(key)).toEqual({ granted: true });
  for (const limit of [onReplica, onApp]) {
    const turn = await limit.take(key);
    expect(turn.granted).toBe(false);
    expect(!turn.granted && turn.retryInMs).toBeGreaterThan(50_000);
  }
  // Another provider has its own count.
  expect(await onReplica.take(`other-${key}`)).toEqual({ granted: true });
});

it('sends every email, once, at no more than EMAIL_RATE_LIMIT_PER_SECOND across two replicas', async () => {
  const count = 8;
  const addresses = Array.from({ length: count }, () => `limited-${randomUUID()}@fleet.example`);
  const ours = (email: ReceivedEmail) =>
    recipientsOf(email).some((recipient) => addresses.includes(recipient));
  for (const address of addresses)
    await app.publish(identity.PasswordResetIssuedSchema, {
      userId: randomUUID(),
      email: address,
      name: 'Ann',
      language: 'en',
      token: randomUUID(),
      expiresAt: timestampFromDate(new Date(Date.now() + 1_800_000)),
      occurredAt: timestampFromDate(new Date()),
    });

  await eventually(
    'every email to arrive',
    () => Promise.resolve(sink.messages.filter(ours).length >= count),
    30_000,
  );
  await eventually('every delivery to be sent', async () => {
    const rows = await app.database.delivery.findMany({ where: { recipient: { in: addresses } } });
    return rows.length === count && rows.every((row) => row.status === 'sent');
  });
  const arrivals = sink.messages.filter(ours).map((email) => arrivedAt.get(email) ?? NaN);
  expect(arrivals).toHaveLength(count);
  // Waiting for a turn is not an attempt.
  expect(
    await app.database.delivery.count({ where: { recipient: { in: addresses }, attempts: 1 } }),
  ).toBe(count);

  // 8 sends at 2 per window take 4 windows: at least 3 s from the first send to the last. The
  // margin of 1 s absorbs how long the first email took to arrive; a slow machine only adds time.
  const spanMs = Math.max(...arrivals) - Math.min(...arrivals);
  expect(spanMs).toBeGreaterThanOrEqual((count / PER_SECOND - 1) * 1_000 - 1_000);
  const waits = async (instance: { get: <T>(type: new (...args: never[]) => T) => T }) =>
    (await instance.get(EmailMetrics).rateLimited.get()).values.reduce(
      (sum, { value }) => sum + value,
      0,
    );
  expect((await waits(app)) + (await waits(replica.module))).toBeGreaterThan(0);
});
