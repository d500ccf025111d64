/**
 * Invitations created per second through the gateway (each: authentication, the account and the
 * inviter looked up, the email readiness asked, one transaction with the outbox) beside the bare
 * baseline doing the same work (baseline/), alternated in the same run; then Onramp at half of its
 * best rate, where the time from the create request to the email in the local SMTP sink is read.
 * Run: npm run bench:invitations -w e2e   (BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_ROUNDS; loopback only)
 */
import type autocannon from 'autocannon';
import { recipientsOf, type SmtpSink } from '@onramp/testing';
import { Api } from '../src/api';
import { Stack } from '../src/stack';
import { startBaseline, type Baseline } from './baseline/launch';
import { tokenAlgorithmOf } from './baseline/tokens';
import {
  alternate,
  best,
  machineCeiling,
  printComparisons,
  throughput,
  type Rate,
} from './comparison';
import { untilDelivered } from './deliveries';
import { measure, runBenchmark } from './measure';

const EMAIL_TIMEOUT_MS = 300_000;

interface Target {
  url: string;
  accessToken: string;
  accountId: string;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

let invitees = 0;

/** Times each created invitation's email, from its request being sent to the sink receiving it. */
class EmailTimes {
  private readonly sent = new WeakMap<object, { email: string; at: number }>();
  private readonly times: Promise<number>[] = [];

  constructor(private readonly mailbox: SmtpSink) {}

  requested(connection: object, email: string): void {
    this.sent.set(connection, { email, at: performance.now() });
  }

  answered(status: number, connection: object): void {
    const request = this.sent.get(connection);
    if (status !== 201 || request === undefined) return;
    this.times.push(
      this.mailbox
        .waitFor((message) => recipientsOf(message).includes(request.email), EMAIL_TIMEOUT_MS)
        .then(() => performance.now() - request.at),
    );
  }

  async sorted(): Promise<number[]> {
    return (await Promise.all(this.times)).sort((a, b) => a - b);
  }
}

/**
 * One invitation per request, each to a new invitee, the same body on both sides; with `times`,
 * each one's email is timed (autocannon keeps one request in flight per connection context).
 */
function creations(target: Target, times?: EmailTimes): autocannon.Options {
  return {
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.accessToken}` },
    requests: [
      {
        setupRequest: (request, connection) => {
          const email = `invitee${(invitees += 1)}@load.test`;
          times?.requested(connection, email);
          return {
            ...request,
            body: JSON.stringify({ kind: 'account', email, accountId: target.accountId }),
          };
        },
        onResponse: (status, _body, connection) => times?.answered(status, connection),
      },
    ],
  };
}

/**
 * Waits until every invitation Onramp holds has its email in the sink, so that no email of one
 * round is still being sent while the next round (the baseline's) runs.
 */
async function settle(stack: Stack, emailsBefore: number): Promise<void> {
  const count = async () =>
    Number(
      (await stack.query<{ count: string }>('SELECT count(*) FROM invitations.invitations'))[0]
        ?.count ?? 0,
    );
  // Requests still in flight when the load stopped may have created more meanwhile.
  let invitations = await count();
  for (;;) {
    await untilDelivered(stack.mailbox, emailsBefore + invitations);
    const after = await count();
    if (after === invitations) return;
    invitations = after;
  }
}

runBenchmark(async () => {
  const ceiling = await machineCeiling();
  const stack = await Stack.start([
    'identity',
    'accounts',
    'invitations',
    'notifications',
    'gateway',
  ]);
  let baseline: Baseline | undefined;
  try {
    const { api: admin, tokens } = await Api.of(stack).loginAsAdmin();
    const account = await admin.post<{ id: string }>('/v1/accounts', {
      name: 'Load Fleet',
      type: 'consumer',
    });
    const onramp: Target = {
      url: `${stack.gatewayUrl}/v1/invitations`,
      accessToken: tokens.accessToken,
      accountId: account.body.id,
    };
    const bare = (baseline = await startBaseline({
      postgresUrl: stack.infrastructure.postgresUrl,
      smtpUrl: stack.mailbox.url,
      algorithm: tokenAlgorithmOf(tokens.accessToken),
    }));
    const bareTarget: Target = {
      url: `${bare.url}/invitations`,
      accessToken: bare.accessToken,
      accountId: bare.accountId,
    };
    const emailsBefore = stack.mailbox.messages.length;

    const creation = await alternate('POST /invitations (JWT, body, account, one transaction)', {
      baseline: () => throughput('baseline POST /invitations', creations(bareTarget)),
      onramp: async (): Promise<Rate> => {
        const rate = await throughput('POST /v1/invitations', creations(onramp));
        await settle(stack, emailsBefore);
        return rate;
      },
    });
    printComparisons([creation], { ceiling });

    const halfRate = Math.max(1, Math.floor(best(creation.onramp) / 2));
    const times = new EmailTimes(stack.mailbox);
    const atHalf = await measure('POST /v1/invitations at half rate', {
      ...creations(onramp, times),
      overallRate: halfRate,
    });
    const latencies = await times.sorted();
    console.log(
      `Onramp at half of its best rate (${halfRate} invitations/s asked, ${atHalf.requestsPerSecond}/s done, ` +
        `${atHalf.non2xx} failed): create request → email in the sink over ${latencies.length} emails: ` +
        `median ${Math.round(percentile(latencies, 0.5))} ms, p99 ${Math.round(percentile(latencies, 0.99))} ms, ` +
        `max ${Math.round(latencies.at(-1) ?? 0)} ms; request itself p50 ${atHalf.p50Ms} ms, p99 ${atHalf.p99Ms} ms`,
    );
  } finally {
    await baseline?.stop();
    await stack.stop();
  }
});
