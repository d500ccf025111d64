import { runDatabaseService } from '@onramp/runtime';
import { PrismaClient } from './generated/prisma/client';

void runDatabaseService({
  name: 'invitations',
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: [],
});
