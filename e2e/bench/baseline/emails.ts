import type { FastifyInstance } from 'fastify';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { problem } from './problem';

/** The pool the figures were taken with: eight SMTP connections. */
const SMTP_POOL_CONNECTIONS = 8;
const MAX_BATCH = 100_000;

/** A batch: `count` copies of one message (a real one of Onramp's, for the same size) to distinct recipients. */
const sendBody = z.strictObject({
  count: z.number().int().min(1).max(MAX_BATCH),
  recipientPrefix: z.string().regex(/^[a-z0-9.-]+$/),
  from: z.string().min(1),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});

/** POST /emails: sends the batch through the pool and answers once the sink accepted every email. */
export function emailsRoute(app: FastifyInstance, smtpUrl: string): void {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: SMTP_POOL_CONNECTIONS,
  });
  app.addHook('onClose', () => transport.close());
  app.post('/emails', async (request, reply) => {
    const parsed = sendBody.safeParse(request.body);
    if (!parsed.success) {
      return problem(reply, 400, 'validation_failed', z.prettifyError(parsed.error));
    }
    const { count, recipientPrefix, ...message } = parsed.data;
    await Promise.all(
      Array.from({ length: count }, (_, index) =>
        transport.sendMail({ ...message, to: `${recipientPrefix}${index}@baseline.test` }),
      ),
    );
    return { sent: count };
  });
}
