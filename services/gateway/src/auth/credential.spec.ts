import { credentialOf } from './credential';

describe('credentialOf', () => {
  it('reads API keys by their onr_ prefix and everything else as an access token', () => {
    expect(credentialOf('Bearer onr_abc')).toEqual({ case: 'apiKey', value: 'onr_abc' });
    expect(credentialOf('bearer eyJ.x.y')).toEqual({ case: 'accessToken', value: 'eyJ.x.y' });
  });

  it('finds no credential in other schemes, empty or oversized headers', () => {
    expect(credentialOf(undefined)).toBeUndefined();
    expect(credentialOf('Basic eDp5')).toBeUndefined();
    expect(credentialOf('Bearer ')).toBeUndefined();
    expect(credentialOf('Bearer a b')).toBeUndefined();
    expect(credentialOf(`Bearer ${'x'.repeat(5000)}`)).toBeUndefined();
  });
});
