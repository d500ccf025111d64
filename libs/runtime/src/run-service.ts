import 'reflect-metadata';
import { Logger as NestLogger, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import { ConfigError, parseEnv, type ServiceEnv } from '@onramp/config';
import { ReadinessRegistry } from '@onramp/health';
import { Logger } from 'nestjs-pino';
import type { z } from 'zod';

export interface ServiceDefinition<Schema extends z.ZodType<ServiceEnv>> {
  name: string;
  envSchema: Schema;
  module: (env: z.output<Schema>) => DynamicModule;
  fastify?: FastifyServerOptions;
  /** Last touches before listening (the gateway installs its error filter here). */
  configure?: (app: NestFastifyApplication, env: z.output<Schema>) => void | Promise<void>;
}

/**
 * Starts one Onramp process: validates its environment (a bad variable stops it with one line),
 * builds the Nest application on Fastify with pino logging, serves health endpoints, and on
 * SIGTERM/SIGINT shuts down gracefully and exits 0.
 */
export async function runService<Schema extends z.ZodType<ServiceEnv>>(
  definition: ServiceDefinition<Schema>,
): Promise<void> {
  let env: z.output<Schema>;
  try {
    env = parseEnv(definition.envSchema);
  } catch (error) {
    exitOnConfigError(definition.name, error);
    throw error;
  }
  const app = await NestFactory.create<NestFastifyApplication>(
    definition.module(env),
    new FastifyAdapter({ trustProxy: env.TRUST_PROXY, ...definition.fastify }),
    {
      bufferLogs: true,
      // Fastify parses JSON itself; Nest's parsers would also accept form bodies, which the API refuses.
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();
  await definition.configure?.(app, env);
  stopGracefullyOnSignals(app, env.SHUTDOWN_TIMEOUT_MS);
  try {
    await app.listen(env.PORT, env.HOST);
  } catch (error) {
    // Settings only start-up can judge (e.g. the first admin's password) fail the same way.
    exitOnConfigError(definition.name, error);
    throw error;
  }
  new NestLogger('Bootstrap').log(
    `${definition.name} listening on ${env.HOST}:${env.PORT} (Node.js ${process.version})`,
  );
}

/** A configuration error stops the process with one line naming the problem, and exit code 1. */
function exitOnConfigError(service: string, error: unknown): void {
  if (error instanceof ConfigError) {
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(1);
  }
}

/**
 * Shutdown order: report not ready; stop taking requests and messages and finish in-flight ones
 * (beforeApplicationShutdown hooks); close HTTP; drain NATS and close the database pool
 * (onApplicationShutdown); exit 0. A shutdown that hangs past the timeout exits 1.
 */
function stopGracefullyOnSignals(app: INestApplication, timeoutMs: number): void {
  const logger = new NestLogger('Shutdown');
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, draining`);
    app.get(ReadinessRegistry).markDraining();
    setTimeout(() => {
      logger.error(`shutdown did not finish within ${timeoutMs} ms`);
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => {
        logger.log('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
