export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  /** Service name: NATS connection name, queue group of its RPC handlers, prefix of its durables. */
  service: string;
  natsUrl: string;
  rpcTimeoutMs: number;
  /** The Postgres schema holding this service's outbox and processed-message tables. */
  databaseSchema?: string;
}
