import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

const ALGORITHM = 'aes-256-gcm';
const FORMAT = 'v1';
const IV_BYTES = 12;

/**
 * A key as the configuration takes it: base64url of 32 random bytes
 * (`openssl rand -base64 32 | tr '+/' '-_' | tr -d '='`).
 */
export const sealingKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}=?$/, 'must be the base64url encoding of 32 bytes');

export function keyFrom(configured: string): Buffer {
  return Buffer.from(configured, 'base64url');
}

/**
 * AES-256-GCM with a fresh IV per value: "v1.<iv>.<auth tag>.<ciphertext>", base64url. `context`
 * is authenticated with it (what the secret is for), so a value sealed for one purpose cannot be
 * replayed for another; a changed byte or a different key fails to open.
 */
export function seal(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Whether a value has the sealed form (base64url tokens and codes never contain a dot). */
export function isSealed(value: string): boolean {
  return value.startsWith(`${FORMAT}.`);
}

export function open(key: Buffer, sealed: string, context: string): string {
  const [format, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (format !== FORMAT || ciphertext === undefined || rest.length > 0)
    throw new Error('not a sealed secret of a known format');
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}
