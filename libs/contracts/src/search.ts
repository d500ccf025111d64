/**
 * The longest search text (a list request's `query`, the gateway's `q`) that any list accepts:
 * longer than any name or email it could match, short enough to keep the LIKE scan cheap.
 */
export const MAX_SEARCH_LENGTH = 200;
