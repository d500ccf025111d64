import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ReadinessRegistry } from '@onramp/health';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/** Connects with unlimited reconnects: a NATS restart must never take a service down with it. */
export function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: url,
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    pingInterval: 10_000,
    // The client otherwise captures a stack trace for every request it makes (each RPC, each
    // JetStream publish), a cost paid on success too.
    noAsyncTraces: true,
  });
}

@Injectable()
export class NatsLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Nats');

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('nats', async () => {
      if (this.connection.isClosed()) throw new Error('connection closed');
      await this.connection.flush();
    });
    void (async () => {
      for await (const status of this.connection.status()) {
        if (status.type === 'disconnect' || status.type === 'reconnect')
          this.logger.warn(`NATS ${status.type}`);
      }
    })();
  }

  /** Runs after subscriptions and consumers stopped: drain delivers what is buffered, then closes. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}
