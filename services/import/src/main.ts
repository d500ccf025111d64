import { runDatabaseService } from '@onramp/runtime';
import { PrismaClient } from './generated/prisma/client';

void runDatabaseService({
  name: 'import',
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: [],
});
