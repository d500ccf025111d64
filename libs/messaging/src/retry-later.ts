/**
 * Thrown by an event handler that cannot apply its event yet but knows when it can: the message
 * is offered again after `delayMs` instead of the usual second, so waiting costs no polling.
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
