import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { identity } from '@onramp/contracts';
import { MetricsModule } from '@onramp/health';
import { EventConsumers } from '@onramp/messaging';
import { eventually } from '@onramp/testing';
import { Registry } from 'prom-client';
import { NotificationsApp } from '../testing/notifications-app';

let app: NotificationsApp;
let http: NestFastifyApplication;

beforeAll(async () => {
  app = await NotificationsApp.start({ EMAIL_PROVIDER: 'log' });
  // The test bed runs the service without HTTP: serve its metrics registry on Fastify, as main does.
  const module = await Test.createTestingModule({ imports: [MetricsModule] })
    .overrideProvider(Registry)
    .useValue(app.get(Registry))
    .compile();
  http = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  await http.init();
  await http.getHttpAdapter().getInstance().ready();
}, 120_000);

afterAll(async () => {
  await http?.close();
  await app?.stop();
});

const scrape = () => http.inject({ method: 'GET', url: '/metrics' });

/** The value of one sample line, e.g. `onramp_emails_sent_total{template="…",provider="…"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

it('answers Prometheus text with process metrics and the email metrics SREs watch', async () => {
  const response = await scrape();
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  for (const name of [
    'onramp_emails_sent_total',
    'onramp_emails_failed_total',
    'onramp_emails_retried_total',
    'onramp_emails_dead_lettered_total',
    'onramp_email_render_seconds',
    'onramp_email_provider_seconds',
    'onramp_consumer_pending_messages',
    'onramp_consumer_ack_pending_messages',
    'process_cpu_seconds_total',
    'nodejs_eventloop_lag_seconds',
  ])
    expect(response.body).toContain(`# TYPE ${name} `);
});

it('counts a sent email and times its rendering and its provider call', async () => {
  const sentSeries = 'onramp_emails_sent_total{template="password-reset",provider="log"}';
  const before = sample((await scrape()).body, sentSeries) ?? 0;
  const email = `metrics-${randomUUID()}@fleet.example`;
  await app.publish(identity.PasswordResetIssuedSchema, {
    userId: randomUUID(),
    email,
    name: 'Mo',
    language: 'en',
    token: 'metrics-token',
    expiresAt: timestampFromDate(new Date(Date.now() + 1_800_000)),
    occurredAt: timestampFromDate(new Date()),
  });
  await eventually(
    'the email to be sent',
    async () =>
      (await app.database.delivery.findFirst({ where: { recipient: email } }))?.status === 'sent',
  );

  const text = (await scrape()).body;
  expect(sample(text, sentSeries)).toBe(before + 1);
  expect(
    sample(text, 'onramp_email_render_seconds_count{template="password-reset",provider="log"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(
    sample(text, 'onramp_email_provider_seconds_count{template="password-reset",provider="log"}'),
  ).toBeGreaterThanOrEqual(1);
  expect(text).not.toContain(email);
  expect(text).not.toContain('metrics-token');
});

it('reports the lag of each durable consumer, back to zero once its events are handled', async () => {
  const lagConsumers = app.get(EventConsumers).durableConsumers();
  const durables = lagConsumers.map(({ durable }) => durable);
  expect(durables).toEqual(
    expect.arrayContaining([
      'notifications-invitation-email',
      'notifications-password-reset-email',
      'notifications-registration-email',
      'notifications-security-report-email',
      'notifications-webhooks-invitations-invitation-accepted-v1',
    ]),
  );
  expect(new Set(durables).size).toBe(durables.length);
  const messageId = await app.publish(identity.PasswordResetIssuedSchema, {
    userId: randomUUID(),
    email: `lag-${randomUUID()}@fleet.example`,
    name: 'Mo',
    language: 'en',
    token: 'lag-token',
    expiresAt: timestampFromDate(new Date(Date.now() + 1_800_000)),
    occurredAt: timestampFromDate(new Date()),
  });
  await eventually('the event to be handled', () => app.handled('password-reset-email', messageId));

  await eventually('every consumer to report no lag', async () => {
    const text = (await scrape()).body;
    return lagConsumers.every(
      ({ durable }) =>
        sample(text, `onramp_consumer_pending_messages{consumer="${durable}"}`) === 0 &&
        sample(text, `onramp_consumer_ack_pending_messages{consumer="${durable}"}`) === 0,
    );
  });
});
