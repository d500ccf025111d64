import { z } from 'zod';

/** Ids are UUIDs; a malformed one is a 400 at the gateway rather than a lookup that fails. */
export const id = () => z.guid().describe('UUID');

export const idParams = z.strictObject({ id: id() });

/** Timestamps leave the gateway as ISO 8601 strings; an absent one is null. */
export const timestamp = () => z.iso.datetime();

export const languages = ['en', 'nl', 'de', 'fr'] as const;

/** An email address as people type it (surrounding spaces and any case are normalised later). */
export const emailAddress = () =>
  z
    .string()
    .max(254)
    .regex(/^\s*[^\s@]+@[^\s@]+\.[^\s@]+\s*$/, 'must be an email address')
    .describe('Email address');
