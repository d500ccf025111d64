import DataLoader from 'dataloader';
import { Errors, ServerClient, type Message, type Models } from 'postmark';
import { SMTP_TIMEOUT_MS } from './smtp-provider';
import type { OutgoingEmail, ProviderClient, SendResult } from './provider-client';

/** Postmark takes at most this many messages in one batch call. */
export const POSTMARK_BATCH_LIMIT = 500;

/**
 * How long a message waits for others to share its batch call. Emails are sent by concurrent
 * handlers (EMAIL_CONCURRENCY per replica): those that send within this window share one call.
 */
const BATCH_WINDOW_MS = 25;

/**
 * Postmark API error codes that will fail the same way on every try, for this message: 300
 * (invalid email request, e.g. a malformed address) and 406 (inactive recipient: bounced,
 * unsubscribed or marked as spam). Every other code — a rate limit, a server that is not yet
 * approved or activated, a bad token — may be fixed by waiting or by an operator, so it is retried
 * (bounded by EMAIL_MAX_ATTEMPTS) with Postmark's message kept as the reason.
 */
const PERMANENT_ERROR_CODES: ReadonlySet<number> = new Set([300, 406]);

export interface PostmarkOptions {
  serverToken: string;
  from: string;
  /** Postmark's default stream ("outbound") when absent. */
  messageStream?: string;
  /** https://api.postmarkapp.com in production; a fake on loopback in tests. */
  apiUrl: string;
}

/** Postmark through its official client, in batch calls whose every answer is checked. */
export class PostmarkProvider implements ProviderClient {
  readonly name = 'postmark';
  private readonly client: ServerClient;
  // Gathers the messages sent at about the same time into one batch call (no caching: every
  // message is sent).
  private readonly batcher = new DataLoader<OutgoingEmail, SendResult>(
    (emails) => this.sendBatch(emails),
    {
      cache: false,
      maxBatchSize: POSTMARK_BATCH_LIMIT,
      batchScheduleFn: (callback) => setTimeout(callback, BATCH_WINDOW_MS),
    },
  );

  constructor(private readonly options: PostmarkOptions) {
    const url = new URL(options.apiUrl);
    this.client = new ServerClient(options.serverToken, {
      useHttps: url.protocol === 'https:',
      requestHost: `${url.host}${url.pathname.replace(/\/+$/, '')}`,
      timeout: SMTP_TIMEOUT_MS / 1000,
    });
  }

  /** Sends in the batch call of the messages sent within the same short window. */
  send(email: OutgoingEmail): Promise<SendResult> {
    return this.batcher.load(email);
  }

  /**
   * Sends in one call (the batcher keeps it within POSTMARK_BATCH_LIMIT); answers one result per
   * email, in order. The batch call answers 200 even when some messages were refused, so each
   * message's own ErrorCode decides.
   */
  private async sendBatch(emails: readonly OutgoingEmail[]): Promise<SendResult[]> {
    let answers: Models.MessageSendingResponse[];
    try {
      answers = await this.client.sendEmailBatch(emails.map((email) => this.message(email)));
    } catch (error) {
      return emails.map(() => classifyPostmarkFailure(error));
    }
    return emails.map((_, index) => classifyPostmarkAnswer(answers[index]));
  }

  private message(email: OutgoingEmail): Message {
    return {
      From: this.options.from,
      To: email.to,
      Subject: email.subject,
      HtmlBody: email.html,
      TextBody: email.text,
      Tag: email.template,
      ...(this.options.messageStream !== undefined && {
        MessageStream: this.options.messageStream,
      }),
    };
  }

  close(): void {
    // The client holds no pooled connections.
  }
}

/** One message's entry in a batch answer. */
export function classifyPostmarkAnswer(
  answer: Pick<Models.MessageSendingResponse, 'ErrorCode' | 'Message' | 'MessageID'> | undefined,
): SendResult {
  if (answer === undefined)
    return { outcome: 'transient', reason: 'postmark: the batch answer left the message out' };
  if (answer.ErrorCode === 0) return { outcome: 'sent', providerMessageId: answer.MessageID };
  const reason = `postmark ${answer.ErrorCode}: ${answer.Message}`;
  return PERMANENT_ERROR_CODES.has(answer.ErrorCode)
    ? { outcome: 'permanent', reason }
    : { outcome: 'transient', reason };
}

/** The whole call failed: 429, 5xx and network errors are transient, as is any other status. */
export function classifyPostmarkFailure(
  error: unknown,
): SendResult & { outcome: 'transient' | 'permanent' } {
  if (error instanceof Errors.PostmarkError) {
    const label =
      error.statusCode === 0 ? 'postmark' : `postmark http ${error.statusCode} (${error.code})`;
    const reason = `${label}: ${error.message}`;
    return PERMANENT_ERROR_CODES.has(error.code)
      ? { outcome: 'permanent', reason }
      : { outcome: 'transient', reason };
  }
  return { outcome: 'transient', reason: `postmark: ${String(error)}` };
}
