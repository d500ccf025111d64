// The bounds of what operators configure for notifications, enforced by the notifications service
// and documented by the API from these same constants.

/** The email provider settings (PUT /v1/settings/email-provider). */
export const MAX_SMTP_URL_LENGTH = 2048;
export const SMTP_URL = /^smtps?:\/\/\S+$/;
export const MAX_POSTMARK_TOKEN_LENGTH = 256;
export const POSTMARK_TOKEN = new RegExp(`^\\S{1,${MAX_POSTMARK_TOKEN_LENGTH}}$`);
/** Postmark stream ids: lower-case letters, digits, hyphens and underscores. */
export const MAX_MESSAGE_STREAM_LENGTH = 100;
export const MESSAGE_STREAM = new RegExp(`^[a-z0-9_-]{1,${MAX_MESSAGE_STREAM_LENGTH}}$`);
/** "Name <address>" or an address, trimmed. */
export const MAX_FROM_LENGTH = 320;

/** Each part of an edited template, in UTF-8 bytes: far above any real email, below a NATS message. */
export const MAX_TEMPLATE_PART_BYTES = 64 * 1024;

/** A partner webhook's endpoint. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;
