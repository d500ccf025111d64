import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token, URL-safe: refresh tokens, reset tokens, API key secrets. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256: a leaked table does not let anyone in. */
export function sha256(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function sha256Hex(token: string): string {
  return sha256(token).toString('hex');
}
