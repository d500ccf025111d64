import { DynamicModule, Module } from '@nestjs/common';
import type { ServiceEnv } from '@onramp/config';
import { createPgAdapter } from '@onramp/persistence';
import { coreModules } from '@onramp/runtime';
import { PrismaClient } from './generated/prisma/client';

@Module({})
export class AppModule {
  static forRoot(env: ServiceEnv & { DATABASE_URL: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...coreModules({
          service: 'invitations',
          env,
          database: {
            schema: 'invitations',
            createClient: () => new PrismaClient({ adapter: createPgAdapter(env.DATABASE_URL) }),
          },
        }),
      ],
    };
  }
}
