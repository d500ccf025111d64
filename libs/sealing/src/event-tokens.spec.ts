import { randomBytes } from 'node:crypto';
import { EventTokens } from './event-tokens';

const key = randomBytes(32).toString('base64url');
const token = randomBytes(32).toString('base64url');

it('seals a token for its event and opens it there, with the same key only', () => {
  const tokens = new EventTokens(key);
  const carried = tokens.forEvent(token, 'password-reset:u-1');
  expect(carried).not.toContain(token);
  expect(tokens.fromEvent(carried, 'password-reset:u-1')).toBe(token);
  expect(() => tokens.fromEvent(carried, 'password-reset:u-2')).toThrow();
  expect(() =>
    new EventTokens(randomBytes(32).toString('base64url')).fromEvent(carried, 'password-reset:u-1'),
  ).toThrow();
  expect(() => new EventTokens(undefined).fromEvent(carried, 'password-reset:u-1')).toThrow(
    /EVENT_TOKEN_KEY/,
  );
});

it('passes tokens through where no key is set, and reads plain tokens with one', () => {
  const withoutKey = new EventTokens(undefined);
  expect(withoutKey.sealing).toBe(false);
  expect(withoutKey.forEvent(token, 'invitation:i-1')).toBe(token);
  expect(new EventTokens(key).fromEvent(token, 'invitation:i-1')).toBe(token);
});
