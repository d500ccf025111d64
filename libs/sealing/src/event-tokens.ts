import { Logger, Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@onramp/config';
import { isSealed, keyFrom, open, seal, sealingKey } from './sealing';

/**
 * The variable every service that puts link tokens into events, or reads them out, shares: the
 * key they are sealed under while they wait in JetStream and in the outboxes.
 */
export const eventTokenConfig = {
  EVENT_TOKEN_KEY: sealingKey.optional(),
};

/**
 * Link tokens in events (a password reset's, an invitation's): sealed under EVENT_TOKEN_KEY, so
 * the stream, its backups and the outbox tables hold nothing that opens an account. `context`
 * names the event's subject and the thing the token is for, so a sealed token cannot be moved
 * into another event.
 */
export class EventTokens {
  private readonly key?: Buffer;

  constructor(configuredKey: string | undefined) {
    this.key = configuredKey === undefined ? undefined : keyFrom(configuredKey);
  }

  /** Whether tokens leave this service sealed. */
  get sealing(): boolean {
    return this.key !== undefined;
  }

  /** What goes into the event: the sealed token, or the token itself where no key is set. */
  forEvent(token: string, context: string): string {
    return this.key === undefined ? token : seal(this.key, token, context);
  }

  /**
   * The token an event carries. A sealed one needs the key it was sealed with (else this throws);
   * a plain one comes from a producer without a key, or from before the key was set.
   */
  fromEvent(carried: string, context: string): string {
    if (!isSealed(carried)) return carried;
    if (this.key === undefined)
      throw new Error('the token is sealed, but EVENT_TOKEN_KEY is not set to open it');
    return open(this.key, carried, context);
  }
}

/**
 * EventTokens for a service whose configuration includes `eventTokenConfig`: one instance however
 * many of the service's modules import it.
 */
@Module({
  providers: [
    {
      provide: EventTokens,
      useFactory: (config: { EVENT_TOKEN_KEY?: string }) => {
        const tokens = new EventTokens(config.EVENT_TOKEN_KEY);
        if (!tokens.sealing)
          new Logger(EventTokens.name).warn(
            'EVENT_TOKEN_KEY is not set: reset and invitation link tokens travel in clear through JetStream and the outboxes',
          );
        return tokens;
      },
      inject: [SERVICE_CONFIG],
    },
  ],
  exports: [EventTokens],
})
export class EventTokensModule {}
