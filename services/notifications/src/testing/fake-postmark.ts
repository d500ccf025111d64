import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostmarkMessage {
  From: string;
  To: string;
  Subject: string;
  HtmlBody?: string;
  TextBody?: string;
  MessageStream?: string;
  Tag?: string;
}

/** How the fake answers the next message to an address. */
export type PostmarkReply =
  /** The whole batch call fails with this HTTP status (e.g. 500, 429). */
  | { httpStatus: number }
  /** The call answers 200, with this ErrorCode for the message (0 means accepted). */
  | { errorCode: number; message: string };

export interface FakePostmark {
  /** Give to POSTMARK_API_URL. */
  url: string;
  /** Every batch call, with the server token it carried. */
  calls: { token: string | undefined; messages: PostmarkMessage[] }[];
  /** The messages accepted (ErrorCode 0), with the MessageID answered for each. */
  accepted: (PostmarkMessage & { MessageID: string })[];
  /** Scripts the next answers for messages to `to`; afterwards they are accepted. */
  replyTo(to: string, ...replies: PostmarkReply[]): void;
  stop(): Promise<void>;
}

/** Postmark's batch endpoint (POST /email/batch) on loopback, answering as Postmark does. */
export async function startFakePostmark(): Promise<FakePostmark> {
  const calls: FakePostmark['calls'] = [];
  const accepted: FakePostmark['accepted'] = [];
  const scripts = new Map<string, PostmarkReply[]>();

  const server = createServer((request, response) => {
    void readJson(request).then((body) => {
      const answer = (status: number, json: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      };
      if (request.method !== 'POST' || request.url !== '/email/batch' || !Array.isArray(body)) {
        answer(422, { ErrorCode: 402, Message: 'Invalid JSON' });
        return;
      }
      const messages = body as PostmarkMessage[];
      calls.push({ token: request.headers['x-postmark-server-token'] as string, messages });
      const replies = messages.map((message) => scripts.get(message.To)?.shift());
      const failure = replies.find((reply) => reply !== undefined && 'httpStatus' in reply);
      if (failure !== undefined && 'httpStatus' in failure) {
        answer(failure.httpStatus, { ErrorCode: 0, Message: 'The fake is failing on purpose' });
        return;
      }
      const submittedAt = new Date().toISOString();
      answer(
        200,
        messages.map((message, index) => {
          const reply = replies[index];
          if (reply !== undefined && 'errorCode' in reply && reply.errorCode !== 0)
            return { ErrorCode: reply.errorCode, Message: reply.message, To: message.To };
          const acceptedMessage = { ...message, MessageID: randomUUID() };
          accepted.push(acceptedMessage);
          return {
            ErrorCode: 0,
            Message: 'OK',
            MessageID: acceptedMessage.MessageID,
            SubmittedAt: submittedAt,
            To: message.To,
          };
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    accepted,
    replyTo: (to, ...replies) => scripts.set(to, [...(scripts.get(to) ?? []), ...replies]),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
