import { z } from 'zod';
import { ConfigError, parseEnv } from './parse-env';
import { databaseEnv, serviceEnv } from './service-env';

const schema = serviceEnv.merge(databaseEnv);

describe('parseEnv', () => {
  const valid = {
    PORT: '3000',
    NATS_URL: 'nats://127.0.0.1:4222',
    DATABASE_URL: 'postgresql://u@h/db',
  };

  it('returns typed values with defaults applied', () => {
    const env = parseEnv(schema, valid);
    expect(env.PORT).toBe(3000);
    expect(env.LOG_LEVEL).toBe('info');
    expect(env.HOST).toBe('0.0.0.0');
  });

  it('reads which proxies to trust: none by default, all, a hop count or addresses', () => {
    expect(parseEnv(schema, valid).TRUST_PROXY).toBe(false);
    expect(parseEnv(schema, { ...valid, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(parseEnv(schema, { ...valid, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseEnv(schema, { ...valid, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toBe(
      '10.0.0.0/8, 127.0.0.1',
    );
    expect(() => parseEnv(schema, { ...valid, TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('names a missing variable in a single line', () => {
    const { DATABASE_URL: _omitted, ...rest } = valid;
    expect(() => parseEnv(schema, rest)).toThrow(ConfigError);
    expect(() => parseEnv(schema, rest)).toThrow(
      /^invalid configuration: DATABASE_URL is required/,
    );
  });

  it('names every bad variable, without line breaks', () => {
    let message = '';
    try {
      parseEnv(schema, { ...valid, PORT: '70000', NATS_URL: 'http://nope' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PORT is invalid');
    expect(message).toContain('NATS_URL is invalid: must be a nats:// or tls:// URL');
    expect(message).not.toContain('\n');
  });

  it('ignores variables it does not read, so one environment can serve every service', () => {
    const env = parseEnv(schema, { ...valid, ACCOUNT_PLANS: 'not json', SMTP_URL: 'nonsense' });
    expect(env).not.toHaveProperty('ACCOUNT_PLANS');
    expect(env).not.toHaveProperty('SMTP_URL');
  });

  it('accepts service-specific extensions of the shared schema', () => {
    const extended = schema.extend({ FEATURE_LIMIT: z.coerce.number().default(5) });
    expect(parseEnv(extended, valid).FEATURE_LIMIT).toBe(5);
  });
});
