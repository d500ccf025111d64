import type { Message } from '@bufbuild/protobuf';
import type { EventSchema } from '@onramp/contracts';
import type { SqlClient } from '@onramp/persistence';

/** What a handler may need besides the event itself. */
export interface EventContext {
  /**
   * The message's id (`Nats-Msg-Id`, the outbox row id): the same on every redelivery (and
   * replay) of one event, different for every other event, so it identifies the event to third
   * parties.
   */
  messageId: string;
  /**
   * Runs `work` once the transaction that applied the event has committed (never if it rolled
   * back), e.g. to nudge a relay that should see what the handler wrote. An error it throws is
   * logged; the message stays handled.
   */
  afterCommit: (work: () => void) => void;
}

export interface EventSubscription<Event extends Message, Transaction extends SqlClient> {
  /** Names the durable consumer (`<service>-<name>`); replicas with the same name share the work. */
  name: string;
  schema: EventSchema<Event>;
  /**
   * How many messages one instance handles at once (default 1, in order). Raise it only for
   * handlers whose effects do not depend on order, e.g. sending independent emails.
   */
  concurrency?: number;
  /**
   * Runs inside the transaction that also records the message as handled; with concurrency 1,
   * messages that queued up are handled one after the other in one transaction, and when one
   * fails they are all handled again on their own. Effects outside the transaction must
   * therefore bear being repeated, as they must for any redelivery.
   */
  handler: (event: Event, transaction: Transaction, context: EventContext) => Promise<void>;
  /**
   * Handles the new events of a batch together, in their order, in place of `handler` once per
   * event: for handlers that write a batch in fewer statements. `handler` still handles a
   * message on its own (and each of a batch that failed).
   */
  handleMany?: (
    batch: { event: Event; context: EventContext }[],
    transaction: Transaction,
  ) => Promise<void>;
}
