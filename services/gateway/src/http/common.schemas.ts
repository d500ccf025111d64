import { MAX_SEARCH_LENGTH } from '@onramp/contracts';
import {
  languages,
  MAX_EMAIL_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from '@onramp/user-rules';
import { z } from 'zod';

/** Ids are UUIDs; a malformed one is a 400 at the gateway rather than a lookup that fails. */
export const id = () => z.guid().describe('UUID');

export const idParams = z.strictObject({ id: id() });

/** Timestamps leave the gateway as ISO 8601 strings; an absent one is null. */
export const timestamp = () => z.iso.datetime();

export { languages };

/**
 * The shape of a link token (invitation, password reset: 256 random bits, base64url); anything
 * else is refused early, without asking the service that issued it.
 */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/** An email address as people type it (surrounding spaces and any case are normalised later). */
export const emailAddress = () =>
  z
    .string()
    .max(MAX_EMAIL_LENGTH)
    .regex(/^\s*[^\s@]+@[^\s@]+\.[^\s@]+\s*$/, 'must be an email address')
    .describe('Email address');

/**
 * A password being set. Its bounds are the password policy's, counted in code points as the policy
 * and JSON Schema count them; the policy's other rules are identity's, which names every one missed.
 */
export const newPassword = () =>
  z
    .string()
    .min(1)
    .refine(
      (password) => [...password].length <= MAX_PASSWORD_LENGTH,
      `must be at most ${MAX_PASSWORD_LENGTH} characters`,
    )
    .meta({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH });

/** The query fields of every cursor-paginated list. */
export const pageQueryFields = {
  cursor: z.string().min(1).max(512).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

/** A list's search (`q`): what it is matched against, literally and case-insensitively. */
export const searchQuery = (matched: string) =>
  z.string().min(1).max(MAX_SEARCH_LENGTH).optional().describe(matched);

/** A page of a list: `nextCursor` is null on the last page. */
export const page = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Absent (null) on the last page'),
  });
