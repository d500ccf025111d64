import { runService } from '@onramp/runtime';
import { AppModule } from './app.module';
import { gatewayEnv } from './gateway-env';
import { configureGateway } from './http/configure-gateway';
import { gatewayFastifyOptions } from './http/http-conventions';

void runService({
  name: 'gateway',
  envSchema: gatewayEnv,
  module: (env) => AppModule.forRoot(env),
  fastify: gatewayFastifyOptions,
  configure: (app, env) => configureGateway(app, env),
});
