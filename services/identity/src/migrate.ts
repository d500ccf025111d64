import path from 'node:path';
import { runMigrateCommand } from '@onramp/persistence';

runMigrateCommand('identity', path.join(__dirname, '..', 'prisma', 'migrations'));
