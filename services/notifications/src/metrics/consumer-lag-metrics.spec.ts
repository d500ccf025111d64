import type { jetstreamManager } from '@nats-io/jetstream';
import type { EventConsumers } from '@onramp/messaging';
import { Registry } from 'prom-client';
import { CONSUMER_INFO_TIMEOUT_MS, ConsumerLagMetrics } from './consumer-lag-metrics';
import { EmailMetrics } from './email-metrics';

/** A NATS connection that accepts requests and never answers them. */
const silentNats = {
  options: { inboxPrefix: '_INBOX' },
  request: () => new Promise<never>(() => {}),
} as unknown as Parameters<typeof jetstreamManager>[0];

/** Consumers whose lag NATS is asked for. */
const consumers = {
  durableConsumers: () => [
    { durable: 'notifications-password-reset-email', stream: 'IDENTITY_EVENTS' },
    { durable: 'notifications-invitation-email', stream: 'INVITATIONS_EVENTS' },
  ],
} as unknown as EventConsumers;

it('answers /metrics within the timeout, without lag samples, when NATS does not answer', async () => {
  const metrics = new EmailMetrics(new Registry());
  new ConsumerLagMetrics(metrics, consumers, silentNats);

  const started = Date.now();
  const text = await metrics.registry.metrics();

  expect(Date.now() - started).toBeLessThan(CONSUMER_INFO_TIMEOUT_MS + 1_000);
  expect(text).toContain('# TYPE onramp_consumer_pending_messages gauge');
  expect(text).toContain('# TYPE onramp_consumer_ack_pending_messages gauge');
  expect(text).not.toMatch(/^onramp_consumer_\w+\{/m);
});
