import { runDatabaseService } from '@onramp/runtime';
import { PrismaClient } from './generated/prisma/client';
import { UserDirectoryModule } from './user-directory/user-directory.module';

void runDatabaseService({
  name: 'accounts',
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: [UserDirectoryModule],
});
