import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteOptions } from 'fastify';
import { AppModule } from '../app.module';
import { DEFAULT_CONSOLE_DIR, type GatewayEnv } from '../gateway-env';
import { configureGateway } from '../http/configure-gateway';
import { gatewayFastifyOptions } from '../http/http-conventions';

export interface TestGateway {
  app: NestFastifyApplication;
  url: string;
  /** Every route Fastify registered, as `METHOD /path`. */
  routes: string[];
  close(): Promise<void>;
}

/** The gateway as main builds it, on a random loopback port, against the given NATS. */
export async function startGateway(
  natsUrl: string,
  overrides: Partial<GatewayEnv> = {},
): Promise<TestGateway> {
  const env: GatewayEnv = {
    HOST: '127.0.0.1',
    PORT: 0,
    NATS_URL: natsUrl,
    LOG_LEVEL: 'silent',
    SHUTDOWN_TIMEOUT_MS: 5_000,
    RPC_TIMEOUT_MS: 1_000,
    JETSTREAM_REPLICAS: 1,
    TRUST_PROXY: false,
    RATE_LIMIT_AUTH_PER_MINUTE: 1_000,
    IMPORT_MAX_BYTES: 1024 * 1024,
    RATE_LIMIT_PER_MINUTE: 1_000,
    FAILED_AUTH_PER_MINUTE: 1_000,
    // Whether the console is built is no concern of these tests; console-static.spec serves one.
    CONSOLE_ENABLED: false,
    CONSOLE_DIR: DEFAULT_CONSOLE_DIR,
    ...overrides,
  };
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(env),
    new FastifyAdapter(gatewayFastifyOptions),
    { logger: false, bodyParser: false },
  );
  const routes: string[] = [];
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route: RouteOptions) => {
      for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
    });
  await configureGateway(app, env);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    routes,
    close: () => app.close(),
  };
}
