import { z } from 'zod';

/** Ids are UUIDs; a malformed one is a 400 at the gateway rather than a lookup that fails. */
export const id = () => z.guid().describe('UUID');

export const idParams = z.strictObject({ id: id() });

/** Timestamps leave the gateway as ISO 8601 strings; an absent one is null. */
export const timestamp = () => z.iso.datetime();

export const languages = ['en', 'nl', 'de', 'fr'] as const;

/**
 * The shape of a link token (invitation, password reset: 256 random bits, base64url); anything
 * else is refused early, without asking the service that issued it.
 */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/** An email address as people type it (surrounding spaces and any case are normalised later). */
export const emailAddress = () =>
  z
    .string()
    .max(254)
    .regex(/^\s*[^\s@]+@[^\s@]+\.[^\s@]+\s*$/, 'must be an email address')
    .describe('Email address');

/** The query fields of every cursor-paginated list. */
export const pageQueryFields = {
  cursor: z.string().min(1).max(512).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

/** A page of a list: `nextCursor` is null on the last page. */
export const page = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Absent (null) on the last page'),
  });
