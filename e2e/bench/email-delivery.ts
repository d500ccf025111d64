/**
 * Emails rendered and delivered per second by notifications to the local SMTP sink, with one and
 * with two replicas, from password-reset events published to JetStream as identity publishes them;
 * beside the bare baseline (a nodemailer pool of 8 in one Fastify process, see baseline/) sending a
 * copy of one of Onramp's own emails, alternated in the same run; plus render and SMTP time per
 * message from the service's own metrics.
 * Run: npm run bench:emails -w e2e   (BENCH_EMAILS per run, BENCH_ROUNDS; loopback only)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { create, toBinary } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers } from '@nats-io/transport-node';
import { eventSubject, identity } from '@onramp/contracts';
import type { ReceivedEmail } from '@onramp/testing';
import { Stack } from '../src/stack';
import { startBaseline, type Baseline } from './baseline/launch';
import { alternate, printComparisons, type Comparison } from './comparison';
import { deliveryRate, untilDelivered } from './deliveries';
import { runBenchmark } from './measure';

const emails = Number(process.env['BENCH_EMAILS'] ?? 1000);
let recipients = 0;
let copyBatches = 0;

/** Publishes `count` PasswordResetIssued events, each for a different user. */
async function publishResets(natsUrl: string, count: number): Promise<void> {
  const first = recipients;
  recipients += count;
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
      Array.from({ length: count }, (_, offset) => {
        const index = first + offset;
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

/** One of Onramp's own emails (which also warms the service up): what the baseline sends copies of. */
async function onrampEmail(stack: Stack): Promise<ReceivedEmail> {
  const before = stack.mailbox.messages.length;
  await publishResets(stack.infrastructure.natsUrl, 1);
  await untilDelivered(stack.mailbox, before + 1);
  const email = stack.mailbox.messages[before];
  if (email === undefined) throw new Error('no email from Onramp');
  return email;
}

const htmlOf = (email: ReceivedEmail): string => (typeof email.html === 'string' ? email.html : '');

/** The baseline sends `emails` copies of `email` and answers once the sink accepted them all. */
async function sendCopies(baseline: Baseline, email: ReceivedEmail): Promise<void> {
  const response = await fetch(`${baseline.url}/emails`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      count: emails,
      recipientPrefix: `copy${(copyBatches += 1)}-`,
      from: email.from?.text ?? 'onramp@example.com',
      subject: email.subject ?? '',
      text: email.text ?? '',
      html: htmlOf(email),
    }),
  });
  if (!response.ok) {
    throw new Error(`the baseline answered ${response.status}: ${await response.text()}`);
  }
}

/** Render and SMTP time per email, averaged over every replica's metrics. */
async function timesPerEmail(
  stack: Stack,
  replicas: number,
): Promise<Record<string, string | number>> {
  const metrics = await Promise.all(
    Array.from({ length: replicas }, async (_, replica) => {
      const response = await fetch(`${stack.processUrl('notifications', replica)}/metrics`);
      return response.ok ? response.text() : '';
    }),
  );
  const render = histogramMean(metrics, 'onramp_email_render_seconds');
  const provider = histogramMean(metrics, 'onramp_email_provider_seconds');
  return {
    renderMsPerEmail: render === undefined ? 'n/a' : Number((render * 1000).toFixed(3)),
    smtpMsPerEmail: provider === undefined ? 'n/a' : Number((provider * 1000).toFixed(3)),
  };
}

runBenchmark(async () => {
  const stack = await Stack.start(['notifications']);
  let baseline: Baseline | undefined;
  try {
    const bare = (baseline = await startBaseline({
      postgresUrl: stack.infrastructure.postgresUrl,
      smtpUrl: stack.mailbox.url,
    }));
    const email = await onrampEmail(stack);
    const comparisons: Comparison[] = [];
    for (const replicas of [1, 2]) {
      if (replicas === 2) await stack.startService('notifications', {}, 1);
      comparisons.push(
        await alternate(`emails to the SMTP sink (notifications × ${replicas})`, {
          baseline: () => deliveryRate(stack.mailbox, emails, () => sendCopies(bare, email)),
          onramp: () =>
            deliveryRate(stack.mailbox, emails, () =>
              publishResets(stack.infrastructure.natsUrl, emails),
            ),
        }),
      );
    }
    printComparisons(comparisons, {
      load: `${emails} emails per run of ${Buffer.byteLength(htmlOf(email))} B of HTML`,
    });
    console.log('Onramp per email, over all runs:');
    console.table([await timesPerEmail(stack, 2)]);
  } finally {
    await baseline?.stop();
    await stack.stop();
  }
});
