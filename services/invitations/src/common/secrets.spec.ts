import { displayCode, newCode, newToken, normaliseCode, tokenHash, tokenMatches } from './secrets';

describe('secrets', () => {
  it('makes 256-bit tokens and recognises a token only by its own hash', () => {
    const token = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(tokenMatches(token, tokenHash(token))).toBe(true);
    expect(tokenMatches(newToken(), tokenHash(token))).toBe(false);
    expect(tokenMatches(token, tokenHash(token).slice(1))).toBe(false);
  });

  it('reads a typed code back whatever its case, dashes, spaces and look-alike letters', () => {
    for (let round = 0; round < 50; round += 1) {
      const code = newCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      const typed = ` ${displayCode(code).toLowerCase()} `;
      expect(normaliseCode(typed)).toBe(code);
    }
    expect(normaliseCode('O1IL-ol')).toBe('011101');
  });
});
