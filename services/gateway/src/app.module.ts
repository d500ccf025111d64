import { DynamicModule, Module } from '@nestjs/common';
import type { ServiceEnv } from '@onramp/config';
import { coreModules } from '@onramp/runtime';
import { DocsController } from './docs/docs.controller';
import { UsersController } from './users/users.controller';

@Module({})
export class AppModule {
  static forRoot(env: ServiceEnv): DynamicModule {
    return {
      module: AppModule,
      imports: coreModules({ service: 'gateway', env }),
      controllers: [UsersController, DocsController],
    };
  }
}
