import { servicePrismaConfig } from '@onramp/persistence/dist/prisma-config';

export default servicePrismaConfig(__dirname);
