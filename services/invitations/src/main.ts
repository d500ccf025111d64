import { databaseEnv, serviceEnv } from '@onramp/config';
import { runService } from '@onramp/runtime';
import { AppModule } from './app.module';

void runService({
  name: 'invitations',
  envSchema: serviceEnv.extend(databaseEnv.shape),
  module: (env) => AppModule.forRoot(env),
});
