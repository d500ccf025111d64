import { runDatabaseService } from '@onramp/runtime';
import { importConfig } from './config/import-config';
import { PrismaClient } from './generated/prisma/client';
import { ImportsModule } from './jobs/imports.module';

void runDatabaseService({
  name: 'import',
  config: importConfig,
  createClient: (adapter) => new PrismaClient({ adapter }),
  features: [ImportsModule],
});
