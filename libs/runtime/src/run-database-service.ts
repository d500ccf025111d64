import { Module, type Type } from '@nestjs/common';
import type { PrismaPg } from '@prisma/adapter-pg';
import { databaseEnv, serviceEnv } from '@onramp/config';
import type { z } from 'zod';
import { createPgAdapter, type Database } from '@onramp/persistence';
import { coreModules } from './core-modules';
import { runService } from './run-service';

export interface DatabaseServiceDefinition {
  /** Service name; also the name of the Postgres schema it owns. */
  name: string;
  /** The service's own variables, validated with the common ones and injectable as SERVICE_CONFIG. */
  config?: z.ZodObject;
  /** Builds the service's own generated Prisma client on the shared adapter. */
  createClient: (adapter: PrismaPg) => Database;
  /** The service's feature modules. */
  features: Type[];
}

const databaseServiceEnv = serviceEnv.extend(databaseEnv.shape);

export type DatabaseServiceEnv = z.output<typeof databaseServiceEnv>;

/** Runs a service that owns a schema: core modules, its database, and its feature modules. */
export function runDatabaseService({
  name,
  config,
  createClient,
  features,
}: DatabaseServiceDefinition): Promise<void> {
  @Module({})
  class ServiceRootModule {}

  return runService({
    name,
    // The service's own variables are checked here and typed where the service injects them.
    envSchema: (config === undefined
      ? databaseServiceEnv
      : databaseServiceEnv.extend(config.shape)) as typeof databaseServiceEnv,
    module: (env) => ({
      module: ServiceRootModule,
      imports: [
        ...coreModules({
          service: name,
          env,
          database: {
            schema: name,
            createClient: () => createClient(createPgAdapter(env.DATABASE_URL)),
            env,
          },
        }),
        ...features,
      ],
    }),
  });
}
