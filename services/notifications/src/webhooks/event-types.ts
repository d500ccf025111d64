/**
 * The public event catalogue: the only names partners see and subscribe to. A name is part of the
 * public API: add freely, never rename or remove one, and never change what its payload's fields
 * mean (add fields instead).
 */
export const webhookEventTypes = {
  'user.created': 'A user was created: invited, active at once, or awaiting approval',
  'user.activated': 'An invited user set their password and became active',
  'user.deactivated': 'A user was deactivated; their access ended at once',
  'user.reactivated': 'A deactivated user was reactivated',
  'user.deleted': 'A user was erased; forget what you hold about them',
  'membership.granted': 'A user was given roles on the platform or on accounts',
  'membership.revoked': 'A membership was taken away',
  'account.created': 'An account or sub-account was created',
  'account.updated': 'An account changed (including a move to another parent)',
  'invitation.created': 'An invitation was created, sent by email or handed out as a link',
  'invitation.resent':
    'An invitation was sent again with a fresh link; the old link no longer works',
  'invitation.accepted': 'An invitation was accepted',
  'invitation.revoked': 'An invitation was revoked',
  'invitation.expired': 'An invitation expired unaccepted',
  'invitation.superseded': 'An invitation was replaced by a newer one to the same person',
  'registration.submitted': 'A driver registered themselves and awaits approval',
  'registration.decided': 'A self-registration was approved or rejected',
  'email.bounced': 'An email was reported bounced, or marked as spam by its recipient',
  'import.completed': 'An import of accounts or users applied its last row',
  'import.failed':
    'An import stopped before applying: its file could not be read, or rows conflicted',
} as const;

export type WebhookEventType = keyof typeof webhookEventTypes;

export function isWebhookEventType(name: string): name is WebhookEventType {
  return Object.prototype.hasOwnProperty.call(webhookEventTypes, name);
}
