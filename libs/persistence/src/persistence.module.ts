import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ReadinessRegistry } from '@onramp/health';
import type { Database } from './database';

/** Injection token of the service's Prisma client. */
export const DATABASE = Symbol('DATABASE');

export interface PersistenceOptions {
  createClient: () => Database;
}

@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('database', async () => {
      await this.database.$queryRawUnsafe('SELECT 1');
    });
  }

  /** Runs last: every handler that might still use the pool has finished by then. */
  async onApplicationShutdown(): Promise<void> {
    await this.database.$disconnect();
  }
}

@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [{ provide: DATABASE, useFactory: options.createClient }, DatabaseLifecycle],
      exports: [DATABASE],
    };
  }
}
