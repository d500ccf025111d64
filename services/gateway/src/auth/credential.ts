/** API keys are recognisable by their prefix; every other bearer token is an access token. */
export const API_KEY_PREFIX = 'onr_';

/** Longer headers are not credentials Onramp issued; refusing them early spares identity. */
const MAX_TOKEN_LENGTH = 4096;

export type Credential = { case: 'accessToken'; value: string } | { case: 'apiKey'; value: string };

/** Reads `Authorization: Bearer <token>`; anything else counts as no credential. */
export function credentialOf(header: string | undefined): Credential | undefined {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  const token = match?.[1];
  if (token === undefined || token.length > MAX_TOKEN_LENGTH) return undefined;
  return token.startsWith(API_KEY_PREFIX)
    ? { case: 'apiKey', value: token }
    : { case: 'accessToken', value: token };
}
