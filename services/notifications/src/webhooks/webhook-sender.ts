import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { Agent, request } from 'undici';
import { DestinationRefused, Destinations } from './destinations';
import type { WebhooksConfig } from './webhooks-config';

export type SendOutcome =
  | { delivered: true; status: number }
  /** `status` is null when no answer came (refused destination, network error, timeout). */
  | { delivered: false; status: number | null; reason: string };

/** What a receiver answers is read and dropped: only its status is kept. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs one delivery. Connections go through the destination check (see Destinations.lookup);
 * redirects are not followed, since they could lead anywhere: a 3xx is a failed attempt.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor(
    private readonly destinations: Destinations,
    @Inject(SERVICE_CONFIG) config: WebhooksConfig,
  ) {
    this.timeoutMs = config.WEBHOOK_TIMEOUT_MS;
    this.agent = new Agent({
      connect: { lookup: destinations.lookup, timeout: config.WEBHOOK_TIMEOUT_MS },
    });
  }

  async send(target: string, body: string, headers: Record<string, string>): Promise<SendOutcome> {
    const refusal = this.destinations.literalRefusal(new URL(target));
    if (refusal !== undefined)
      return { delivered: false, status: null, reason: `destination refused: ${refusal}` };
    try {
      const response = await request(target, {
        method: 'POST',
        body,
        headers,
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body.dump({ limit: MAX_ANSWER_BYTES });
      const { statusCode } = response;
      if (statusCode >= 200 && statusCode < 300) return { delivered: true, status: statusCode };
      return { delivered: false, status: statusCode, reason: `answered HTTP ${statusCode}` };
    } catch (error) {
      return { delivered: false, status: null, reason: this.failureOf(error) };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }

  private failureOf(error: unknown): string {
    for (let cause = error; cause instanceof Error; cause = cause.cause) {
      if (cause instanceof DestinationRefused) return `destination refused: ${cause.message}`;
      if (cause.name === 'TimeoutError') return `no answer within ${this.timeoutMs} ms`;
    }
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
  }
}
