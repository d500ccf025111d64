import { runDatabaseService } from '@onramp/runtime';
import { PrismaClient } from './generated/prisma/client';

void runDatabaseService({
  name: 'notifications',
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: [],
});
