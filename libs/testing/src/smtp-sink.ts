import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An email as the sink received and parsed it. */
export type ReceivedEmail = ParsedMail;

/** The addresses an email was sent to, lower-cased. */
export function recipientsOf(email: ReceivedEmail): string[] {
  return [email.to ?? []]
    .flat()
    .flatMap((address) => address.value.map((entry) => (entry.address ?? '').toLowerCase()));
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`: plain SMTP on loopback, any credentials accepted. */
  url: string;
  /** Every message received so far, parsed, in arrival order. */
  messages: ParsedMail[];
  /** Resolves with the first message (already received or to come) that matches. */
  waitFor(match: (message: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** Makes the next `count` deliveries fail with this SMTP reply code (e.g. 451 transient, 550 permanent). */
  failNext(count: number, code: number): void;
  stop(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives, for tests and the local stack. */
export async function startSmtpSink(
  options: { port?: number; onMessage?: (message: ParsedMail) => void } = {},
): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const waiters: { match: (message: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] =
    [];
  let failures: { count: number; code: number } = { count: 0, code: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (failures.count > 0) {
        failures = { ...failures, count: failures.count - 1 };
        stream.resume();
        stream.on('end', () =>
          callback(
            Object.assign(new Error('refused by the test sink'), { responseCode: failures.code }),
          ),
        );
        return;
      }
      simpleParser(stream).then(
        (message) => {
          messages.push(message);
          options.onMessage?.(message);
          for (const waiter of waiters.filter((candidate) => candidate.match(message))) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(message);
          }
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(match, timeoutMs = 20_000) {
      const received = messages.find(match);
      if (received !== undefined) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching email within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        });
      });
    },
    failNext(count, code) {
      failures = { count, code };
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
