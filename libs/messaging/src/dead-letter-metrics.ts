import { Inject, Injectable, Logger } from '@nestjs/common';
import { DATABASE, type Database } from '@onramp/persistence';
import { Counter, Gauge, Registry } from 'prom-client';
import { DeadLetterStore } from './dead-letter-store';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';

/**
 * What an operator alerts on: messages parked per consumer (read from the table at scrape time,
 * so every replica reports the same and a replay shows at once) and the parkings this instance made.
 */
@Injectable()
export class DeadLetterMetrics {
  private readonly logger = new Logger('DeadLetterMetrics');
  private readonly parkings: Counter<'consumer'>;

  constructor(
    registry: Registry,
    @Inject(DATABASE) database: Database,
    @Inject(MESSAGING_OPTIONS) options: MessagingOptions,
  ) {
    const store = new DeadLetterStore(database, options.databaseSchema!);
    const logger = this.logger;
    new Gauge<'consumer'>({
      name: 'onramp_dead_letters',
      help: 'Messages parked as dead letters per consumer, waiting for an operator to replay them',
      labelNames: ['consumer'],
      registers: [registry],
      async collect() {
        this.reset();
        try {
          for (const { consumer, parked } of await store.parkedPerConsumer())
            this.set({ consumer }, parked);
        } catch (error) {
          // No sample rather than a wrong one; /metrics still answers.
          logger.warn(
            `dead letters not counted: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      },
    });
    this.parkings = new Counter<'consumer'>({
      name: 'onramp_dead_letters_parked_total',
      help: 'Messages this instance parked as dead letters after their attempts were used up',
      labelNames: ['consumer'],
      registers: [registry],
    });
  }

  parked(consumer: string): void {
    this.parkings.inc({ consumer });
  }
}
