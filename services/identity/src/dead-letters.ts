import { runDeadLettersCommand } from '@onramp/messaging';
import { createPgAdapter } from '@onramp/persistence';
import { PrismaClient } from './generated/prisma/client';

runDeadLettersCommand(
  'identity',
  (databaseUrl) => new PrismaClient({ adapter: createPgAdapter(databaseUrl) }),
);
