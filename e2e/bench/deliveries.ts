import type { SmtpSink } from '@onramp/testing';
import type { Rate } from './comparison';

const POLL_MS = 10;
const DELIVERY_TIMEOUT_MS = 600_000;

/** Resolves once the sink holds `total` messages in all; fails after ten minutes. */
export async function untilDelivered(mailbox: SmtpSink, total: number): Promise<void> {
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  while (mailbox.messages.length < total) {
    if (Date.now() > deadline) {
      throw new Error(
        `${mailbox.messages.length} of ${total} emails after ${DELIVERY_TIMEOUT_MS} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Emails per second from `send` starting until the sink received all `count` of them. */
export async function deliveryRate(
  mailbox: SmtpSink,
  count: number,
  send: () => Promise<void>,
): Promise<Rate> {
  const total = mailbox.messages.length + count;
  const started = performance.now();
  await send();
  await untilDelivered(mailbox, total);
  return { perSecond: Math.round(count / ((performance.now() - started) / 1000)), failed: 0 };
}
