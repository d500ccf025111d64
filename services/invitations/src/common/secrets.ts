import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A link token: 256 random bits, base64url. Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(token, 'utf8').digest());
}

/** Whether `token` is the one `storedHash` was made from, in constant time. */
export function tokenMatches(token: string, storedHash: Uint8Array): boolean {
  const hash = tokenHash(token);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}

// Crockford's base32 without the letters people confuse (I, L, O, U): codes are read aloud and
// typed from a phone screen.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

/** A readable code of 50 random bits, stored as `normaliseCode` gives it (e.g. "K7QF2M9DXA"). */
export function newCode(): string {
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index += 1)
    code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** How a code is shown: in groups of five, "K7QF2-M9DXA". */
export function displayCode(code: string): string {
  return code.replace(/(.{5})(?=.)/g, '$1-');
}

/** What people type → the stored form: case, spaces and dashes ignored, O/I/L read as 0/1/1. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
