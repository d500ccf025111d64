import { runDatabaseService } from '@onramp/runtime';
import { accountsFeatures } from './features';
import { PrismaClient } from './generated/prisma/client';

void runDatabaseService({
  name: 'accounts',
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: accountsFeatures,
});
