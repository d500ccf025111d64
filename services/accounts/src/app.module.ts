import { DynamicModule, Module } from '@nestjs/common';
import type { ServiceEnv } from '@onramp/config';
import { createPgAdapter } from '@onramp/persistence';
import { coreModules } from '@onramp/runtime';
import { PrismaClient } from './generated/prisma/client';
import { UserDirectoryModule } from './user-directory/user-directory.module';

@Module({})
export class AppModule {
  static forRoot(env: ServiceEnv & { DATABASE_URL: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...coreModules({
          service: 'accounts',
          env,
          database: {
            schema: 'accounts',
            createClient: () => new PrismaClient({ adapter: createPgAdapter(env.DATABASE_URL) }),
          },
        }),
        UserDirectoryModule,
      ],
    };
  }
}
