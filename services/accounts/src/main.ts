import { runDatabaseService } from '@onramp/runtime';
import { accountsConfig } from './config/accounts-config';
import { accountsFeatures } from './features';
import { PrismaClient } from './generated/prisma/client';

void runDatabaseService({
  name: 'accounts',
  config: accountsConfig,
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: accountsFeatures,
});
