import path from 'node:path';
import { runMigrateCommand } from '@onramp/persistence';

runMigrateCommand('accounts', path.join(__dirname, '..', 'prisma', 'migrations'));
