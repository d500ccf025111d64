/**
 * Postmark posts every kind of bounce record to the bounce webhook, some of which report on an
 * email that did arrive, or may still arrive: a delay (Transient, followed by a real bounce if it
 * fails for good), an auto-reply, an address change, a (un)subscribe request, a relay test or a
 * challenge to verify the sender. Every other type, SpamComplaint included, and any type Postmark
 * adds later means the email did not reach the recipient's inbox, which the inviter should see.
 * https://postmarkapp.com/developer/api/bounce-api#bounce-types
 */
const REPORTS_ON_ARRIVED_EMAIL: ReadonlySet<string> = new Set([
  'Transient',
  'AutoResponder',
  'AddressChange',
  'Subscribe',
  'Unsubscribe',
  'OpenRelayTest',
  'ChallengeVerification',
]);

/** Whether a Postmark bounce record of this Type means the email did not reach the recipient. */
export function postmarkBounceMeansUndelivered(type: string): boolean {
  return !REPORTS_ON_ARRIVED_EMAIL.has(type);
}
