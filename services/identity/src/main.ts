import { ConfigError } from '@onramp/config';
import { runDatabaseService } from '@onramp/runtime';
import { identityConfig } from './config/identity-config';
import { identityFeatures } from './features';
import { PrismaClient } from './generated/prisma/client';

runDatabaseService({
  name: 'identity',
  config: identityConfig,
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: identityFeatures,
}).catch((error: unknown) => {
  // Settings that can only be checked together (the first admin) fail here, in one line too.
  if (error instanceof ConfigError) {
    process.stderr.write(`identity: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
});
