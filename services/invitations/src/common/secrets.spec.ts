import { displayCode, newCode, newToken, normaliseCode, tokenHash } from './secrets';

describe('secrets', () => {
  it('makes 256-bit tokens and recognises a token only by its own hash', () => {
    const token = newToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // Invitations are found by equality on the stored hash: the same token, the same 32 bytes.
    expect(tokenHash(token)).toHaveLength(32);
    expect(tokenHash(token)).toEqual(tokenHash(token));
    expect(tokenHash(newToken())).not.toEqual(tokenHash(token));
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
