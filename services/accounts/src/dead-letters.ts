import { runDeadLettersCommand } from '@onramp/messaging';
import { createPgAdapter } from '@onramp/persistence';
import { PrismaClient } from './generated/prisma/client';

runDeadLettersCommand(
  'accounts',
  (databaseUrl) => new PrismaClient({ adapter: createPgAdapter(databaseUrl) }),
);
