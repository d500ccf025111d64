import { randomBytes } from 'node:crypto';
import {
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';

/** The algorithms identity may sign access tokens with; the baseline verifies the same one. */
export const tokenAlgorithms = ['HS256', 'ES256'] as const;
export type TokenAlgorithm = (typeof tokenAlgorithms)[number];

export const TOKEN_ISSUER = 'baseline';
export const TOKEN_AUDIENCE = 'baseline-api';

export interface TokenKeys {
  algorithm: TokenAlgorithm;
  signingKey: CryptoKey | Uint8Array;
  /** What the baseline server is given to verify with: the secret (HS256) or the public key (ES256). */
  verifyingKey: JWK;
}

/** A fresh key for one benchmark run. */
export async function newTokenKeys(algorithm: TokenAlgorithm): Promise<TokenKeys> {
  if (algorithm === 'HS256') {
    const secret = new Uint8Array(randomBytes(32));
    return { algorithm, signingKey: secret, verifyingKey: await exportJWK(secret) };
  }
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  return { algorithm, signingKey: privateKey, verifyingKey: await exportJWK(publicKey) };
}

/** An access token of the shape identity issues: subject the user, `sid` the session. */
export function signAccessToken(
  keys: TokenKeys,
  claims: { userId: string; sessionId: string },
): Promise<string> {
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: keys.algorithm, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(keys.signingKey);
}

/** The algorithm an access token was signed with, so that the baseline does the same work. */
export function tokenAlgorithmOf(accessToken: string): TokenAlgorithm {
  const { alg } = decodeProtectedHeader(accessToken);
  const algorithm = tokenAlgorithms.find((candidate) => candidate === alg);
  if (algorithm === undefined)
    throw new Error(`the baseline cannot verify ${alg ?? 'unsigned'} tokens`);
  return algorithm;
}
