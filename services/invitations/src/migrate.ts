import path from 'node:path';
import { runMigrateCommand } from '@onramp/persistence';

runMigrateCommand('invitations', path.join(__dirname, '..', 'prisma', 'migrations'));
