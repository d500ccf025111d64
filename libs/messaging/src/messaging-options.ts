export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** How event consumers treat a message that fails: bounded attempts, then a dead letter. */
export interface ConsumerRetryPolicy {
  /** Failed attempts after which a message is parked as a dead letter. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one (capped, jittered). */
  baseDelayMs: number;
  /** How long after its publication a message that keeps asking to wait (RetryLater) is parked. */
  maxWaitMs: number;
}

export interface MessagingOptions {
  /** Service name: NATS connection name, queue group of its RPC handlers, prefix of its durables. */
  service: string;
  natsUrl: string;
  rpcTimeoutMs: number;
  /**
   * Copies JetStream keeps of the streams and the upload bucket this service creates (default
   * 1); set to the NATS cluster's size, at most 5. Existing streams keep theirs.
   */
  replicas?: number;
  /** The Postgres schema holding this service's outbox, processed-message and dead-letter tables. */
  databaseSchema?: string;
  /** How its event consumers retry; required with `databaseSchema` (only then do they run). */
  consumerRetry?: ConsumerRetryPolicy;
}
