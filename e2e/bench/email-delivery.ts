/**
 * Emails rendered and delivered per second by notifications to the local SMTP sink, with one and
 * with two replicas, from password-reset events published to JetStream as identity publishes them;
 * plus render and SMTP time per message from the service's own metrics.
 * Run: npm run bench:emails -w e2e   (BENCH_EMAILS tunes the batch; loopback only)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { create, toBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers } from '@nats-io/transport-node';
import { eventSubject, identity } from '@onramp/contracts';
import { eventually } from '@onramp/testing';
import { Stack } from '../src/stack';
import { runBenchmark } from './measure';

const emails = Number(process.env['BENCH_EMAILS'] ?? 1000);

/** Publishes `count` PasswordResetIssued events, each for a different user. */
async function publishResets(natsUrl: string, count: number): Promise<void> {
  const connection = await connect({ servers: natsUrl });
  try {
    const subject = eventSubject(identity.PasswordResetIssuedSchema);
    const manager = await jetstreamManager(connection);
    await manager.streams
      .info('IDENTITY_EVENTS')
      .catch(() => manager.streams.add({ name: 'IDENTITY_EVENTS', subjects: ['identity.>'] }));
    const js = jetstream(connection);
    const expiresAt = timestampFromDate(new Date(Date.now() + 30 * 60_000));
    await Promise.all(
      Array.from({ length: count }, (_, index) => {
        const event = create(identity.PasswordResetIssuedSchema, {
          userId: randomUUID(),
          email: `bench${index}@fleet.test`,
          name: `Driver ${index}`,
          language: ['en', 'nl', 'de', 'fr'][index % 4],
          token: randomBytes(32).toString('base64url'),
          expiresAt,
          occurredAt: timestampFromDate(new Date()),
        });
        const messageHeaders = headers();
        messageHeaders.set('Nats-Msg-Id', randomUUID());
        return js.publish(subject, toBinary(identity.PasswordResetIssuedSchema, event), {
          headers: messageHeaders,
        });
      }),
    );
  } finally {
    await connection.close();
  }
}

/** Sum and count of a Prometheus histogram across the given /metrics texts, if it is exposed. */
function histogramMean(texts: string[], name: string): number | undefined {
  let sum = 0;
  let count = 0;
  for (const text of texts) {
    sum += Number(new RegExp(`^${name}_sum(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
    count += Number(new RegExp(`^${name}_count(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  }
  return count === 0 ? undefined : sum / count;
}

async function run(replicas: number): Promise<Record<string, string | number>> {
  const stack = await Stack.start(['notifications']);
  try {
    for (let replica = 1; replica < replicas; replica += 1) {
      await stack.startService('notifications', {}, replica);
    }
    const started = process.hrtime.bigint();
    await publishResets(stack.infrastructure.natsUrl, emails);
    await eventually(
      `${emails} emails`,
      () => Promise.resolve(stack.mailbox.messages.length >= emails),
      600_000,
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const metrics = await Promise.all(
      Array.from({ length: replicas }, async (_, replica) => {
        const response = await fetch(`${stack.processUrl('notifications', replica)}/metrics`);
        return response.ok ? response.text() : '';
      }),
    );
    const render = histogramMean(metrics, 'onramp_email_render_seconds');
    const provider = histogramMean(metrics, 'onramp_email_provider_seconds');
    return {
      replicas,
      emails: stack.mailbox.messages.length,
      seconds: Number(seconds.toFixed(2)),
      emailsPerSecond: Math.round(emails / seconds),
      renderMsPerEmail: render === undefined ? 'n/a' : Number((render * 1000).toFixed(3)),
      smtpMsPerEmail: provider === undefined ? 'n/a' : Number((provider * 1000).toFixed(3)),
    };
  } finally {
    await stack.stop();
  }
}

runBenchmark(async () => {
  const rows = [await run(1), await run(2)];
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${emails} emails per run`,
  );
  console.table(rows);
  console.log(
    `two replicas / one replica: ${(Number(rows[1].emailsPerSecond) / Number(rows[0].emailsPerSecond)).toFixed(2)}`,
  );
});
