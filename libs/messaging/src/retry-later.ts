/**
 * Thrown by an event handler that cannot apply its event yet but knows when it can: the message
 * is offered again after `delayMs` (a second to an hour), so waiting costs no polling. Such a wait
 * is not counted as a failed attempt; a message still waiting EVENT_MAX_WAIT_HOURS after its
 * publication is parked as a dead letter.
 */
export class RetryLater extends Error {
  override readonly name: string = 'RetryLater';

  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}
