import { MAX_SEARCH_LENGTH } from '@onramp/contracts';
import { DomainError } from '@onramp/errors';

/**
 * Text for a LIKE pattern (what Prisma's `contains` builds) matched literally: Prisma passes `%`,
 * `_` and the escape character `\` through as wildcards, and a user who types them means them.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/**
 * A list request's search text as the lists match it: trimmed, absent when blank, refused past
 * the shared maximum (callers other than the gateway reach the services too).
 */
export function searchText(query: string | undefined): string | undefined {
  const text = query?.trim();
  if (text === undefined || text === '') return undefined;
  if (text.length > MAX_SEARCH_LENGTH)
    throw new DomainError('validation_failed', 'the query is too long', [
      { field: 'query', message: `at most ${MAX_SEARCH_LENGTH} characters` },
    ]);
  return text;
}

/** A case-insensitive `contains` filter on a text column that matches the search literally. */
export function containsText(text: string): { contains: string; mode: 'insensitive' } {
  return { contains: likeLiteral(text), mode: 'insensitive' };
}
