import { runDatabaseService } from '@onramp/runtime';
import { invitationsConfig } from './config/invitations-config';
import { invitationsFeatures } from './features';
import { PrismaClient } from './generated/prisma/client';

void runDatabaseService({
  name: 'invitations',
  config: invitationsConfig,
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: invitationsFeatures,
});
