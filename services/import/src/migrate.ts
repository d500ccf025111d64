import path from 'node:path';
import { runMigrateCommand } from '@onramp/persistence';

runMigrateCommand('import', path.join(__dirname, '..', 'prisma', 'migrations'));
