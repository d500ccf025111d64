import { serviceEnv } from '@onramp/config';
import { runService } from '@onramp/runtime';
import { AppModule } from './app.module';
import { installHttpConventions, MAX_BODY_BYTES } from './http/http-conventions';

void runService({
  name: 'gateway',
  envSchema: serviceEnv,
  module: (env) => AppModule.forRoot(env),
  fastify: { bodyLimit: MAX_BODY_BYTES },
  configure: (app) => installHttpConventions(app),
});
