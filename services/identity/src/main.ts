import { runDatabaseService } from '@onramp/runtime';
import { PrismaClient } from './generated/prisma/client';
import { UsersModule } from './users/users.module';

void runDatabaseService({
  name: 'identity',
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: [UsersModule],
});
