import { ConfigError } from '@onramp/config';
import { runDatabaseService } from '@onramp/runtime';
import { notificationsConfig } from './config/notifications-config';
import { notificationsFeatures } from './features';
import { PrismaClient } from './generated/prisma/client';

runDatabaseService({
  name: 'notifications',
  config: notificationsConfig,
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: notificationsFeatures,
}).catch((error: unknown) => {
  // Settings that can only be checked together (SMTP_URL with EMAIL_PROVIDER=smtp) fail here.
  if (error instanceof ConfigError) {
    process.stderr.write(`notifications: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
});
