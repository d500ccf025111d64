import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { HealthModule, MetricsModule } from '@onramp/health';
import { DATABASE, type Database } from '@onramp/persistence';
import { MessagingModule } from '../messaging.module';
import type { ConsumerRetryPolicy } from '../messaging-options';
import { deadLettersTable } from './dead-letters-table';

/** The tables every service's migration creates for messaging, in `schema`, for the lib's specs. */
export const messagingTables = (schema: string): string => `
  CREATE SCHEMA ${schema};
  CREATE TABLE ${schema}.outbox (id uuid PRIMARY KEY, subject text NOT NULL, payload bytea NOT NULL, headers jsonb NOT NULL,
    created_at timestamptz(3) NOT NULL DEFAULT now(), published_at timestamptz(3));
  CREATE TABLE ${schema}.processed_messages (consumer text, message_id text, processed_at timestamptz(3) NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id));
  ${deadLettersTable(schema)}`;

/**
 * A compiled (not yet initialised) application of MessagingModule as a service `schema` would
 * run it, on the given database and NATS: register handlers, then `init()`.
 */
export function messagingTestApp(
  database: Database,
  natsUrl: string,
  schema: string,
  consumerRetry: ConsumerRetryPolicy,
): Promise<TestingModule> {
  @Global()
  @Module({ providers: [{ provide: DATABASE, useValue: database }], exports: [DATABASE] })
  class TestDatabaseModule {}

  return Test.createTestingModule({
    imports: [
      HealthModule,
      MetricsModule,
      TestDatabaseModule,
      MessagingModule.forRoot({
        service: schema,
        natsUrl,
        rpcTimeoutMs: 2000,
        databaseSchema: schema,
        consumerRetry,
      }),
    ],
  }).compile();
}
