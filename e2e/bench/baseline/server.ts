/**
 * The bare baseline Onramp is measured against: one Fastify process on Postgres (node-postgres,
 * no ORM, no messaging), doing per request the work of each measured Onramp path. Started by
 * launch.ts as a child process, never inside the load generator.
 */
import Fastify, { type FastifyError } from 'fastify';
import { importJWK, type JWK } from 'jose';
import { Pool } from 'pg';
import { Callers } from './callers';
import { baselineConfig } from './config';
import { emailsRoute } from './emails';
import { invitationsRoute } from './invitations';
import { meRoute } from './me';

// node-postgres' default pool size; more than the load's 16 connections would only queue in Postgres.
const POOL_SIZE = 10;

async function main(): Promise<void> {
  const config = baselineConfig.parse(process.env);
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: POOL_SIZE });
  const key = await importJWK(JSON.parse(config.JWT_VERIFYING_KEY) as JWK, config.JWT_ALGORITHM);
  const callers = new Callers(pool, key, config.JWT_ALGORITHM);

  const app = Fastify({ logger: false });
  // Bad JSON and the like answer 4xx problems, as Onramp's gateway does; the rest is a 500.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status =
      error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500;
    return reply
      .code(status)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: error.code ?? 'internal',
        status,
        detail: error.message,
      });
  });
  app.addHook('onClose', () => pool.end());
  app.get('/health/ready', async () => {
    await pool.query('SELECT 1');
    return { status: 'ok' };
  });
  meRoute(app, callers);
  invitationsRoute(app, pool, callers);
  emailsRoute(app, config.SMTP_URL);

  await app.listen({ host: '127.0.0.1', port: config.PORT });
  process.once('SIGTERM', () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
