import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { SERVICE_CONFIG, type DatabaseEnv, type ServiceEnv } from '@onramp/config';
import { HealthModule, MetricsModule } from '@onramp/health';
import { LoggingModule } from '@onramp/logging';
import { MessagingModule } from '@onramp/messaging';
import { PersistenceModule, type Database } from '@onramp/persistence';

export interface CoreModuleOptions {
  service: string;
  env: ServiceEnv;
  /**
   * For a service that owns a schema: its name, how to create its Prisma client, and its
   * database variables (which include how its event consumers retry).
   */
  database?: { schema: string; createClient: () => Database; env: DatabaseEnv };
}

/** Makes the validated environment injectable as SERVICE_CONFIG, so code never reads process.env. */
@Module({})
class ServiceConfigModule {
  static forRoot(env: ServiceEnv): DynamicModule {
    return {
      module: ServiceConfigModule,
      global: true,
      providers: [{ provide: SERVICE_CONFIG, useValue: env }],
      exports: [SERVICE_CONFIG],
    };
  }
}

/**
 * The modules every Onramp process imports: logging, health, NATS and, if it has one, its
 * database and the metrics its event consumers report (served on its health port).
 */
export function coreModules({
  service,
  env,
  database,
}: CoreModuleOptions): (DynamicModule | Type)[] {
  return [
    ServiceConfigModule.forRoot(env),
    LoggingModule.forRoot({ service, level: env.LOG_LEVEL }),
    HealthModule,
    MessagingModule.forRoot({
      service,
      natsUrl: env.NATS_URL,
      rpcTimeoutMs: env.RPC_TIMEOUT_MS,
      replicas: env.JETSTREAM_REPLICAS,
      databaseSchema: database?.schema,
      consumerRetry: database && {
        maxAttempts: database.env.EVENT_MAX_ATTEMPTS,
        baseDelayMs: database.env.EVENT_RETRY_BASE_MS,
        maxWaitMs: database.env.EVENT_MAX_WAIT_HOURS * 60 * 60 * 1000,
      },
    }),
    ...(database === undefined
      ? []
      : [PersistenceModule.forRoot({ createClient: database.createClient }), MetricsModule]),
  ];
}
