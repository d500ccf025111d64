import { randomBytes } from 'node:crypto';
import { isSealed, open, seal } from './sealing';

const key = randomBytes(32);

it('opens what it sealed, and never shows the secret in the sealed value', () => {
  const sealed = seal(key, 'smtps://user:p%40ss@mail.example:465', 'smtp');
  expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(sealed).not.toContain('p%40ss');
  expect(open(key, sealed, 'smtp')).toBe('smtps://user:p%40ss@mail.example:465');
});

it('seals the same secret differently every time (a fresh IV)', () => {
  expect(seal(key, 'token', 'postmark')).not.toBe(seal(key, 'token', 'postmark'));
});

it('refuses to open with another key, for another provider, or after a byte changed', () => {
  const sealed = seal(key, 'token', 'postmark');
  expect(() => open(randomBytes(32), sealed, 'postmark')).toThrow();
  expect(() => open(key, sealed, 'smtp')).toThrow();
  const [format, iv, tag, ciphertext] = sealed.split('.');
  const flipped = Buffer.from(ciphertext, 'base64url');
  flipped[0] = flipped[0] ^ 1;
  expect(() =>
    open(key, [format, iv, tag, flipped.toString('base64url')].join('.'), 'postmark'),
  ).toThrow();
  expect(() => open(key, 'token', 'postmark')).toThrow(/format/);
});

it('tells a sealed value from a plain token', () => {
  expect(isSealed(seal(key, 'token', 'reset'))).toBe(true);
  expect(isSealed(randomBytes(32).toString('base64url'))).toBe(false);
});
