import path from 'node:path';
import { runMigrateCommand } from '@onramp/persistence';

runMigrateCommand('notifications', path.join(__dirname, '..', 'prisma', 'migrations'));
