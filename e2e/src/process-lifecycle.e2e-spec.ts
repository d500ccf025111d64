import path from 'node:path';
import { freePort, startServiceProcess } from '@onramp/testing';
import { Stack } from './stack';

const identityMain = path.resolve(__dirname, '..', '..', 'services', 'identity', 'dist', 'main.js');

describe('process lifecycle', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await Stack.start(['identity']);
  }, 180_000);
  afterAll(() => stack?.stop());

  it('stops with one line naming a missing variable, before doing anything', async () => {
    const port = await freePort();
    const { DATABASE_URL: _missing, ...env } = stack.envFor('identity', port);
    const process = await startServiceProcess({ name: 'identity', script: identityMain, env });
    expect(await process.exited()).toBe(1);
    expect(process.output()).toEqual([
      'identity: invalid configuration: DATABASE_URL is required (Invalid input: expected string, received undefined)',
    ]);
  });

  it('names a malformed variable', async () => {
    const port = await freePort();
    const process = await startServiceProcess({
      name: 'identity',
      script: identityMain,
      env: { ...stack.envFor('identity', port), NATS_URL: 'http://nats' },
    });
    expect(await process.exited()).toBe(1);
    expect(process.output().join('\n')).toMatch(
      /^identity: invalid configuration: NATS_URL is invalid: must be a nats:\/\/ or tls:\/\/ URL$/,
    );
  });

  it('refuses to start with a first-admin password the policy rejects', async () => {
    const port = await freePort();
    const process = await startServiceProcess({
      name: 'identity',
      script: identityMain,
      env: { ...stack.envFor('identity', port), ONRAMP_ADMIN_PASSWORD: 'password' },
    });
    expect(await process.exited()).toBe(1);
    expect(process.output().at(-1)).toMatch(
      /^identity: invalid configuration: ONRAMP_ADMIN_PASSWORD does not satisfy the composition password policy: /,
    );
  });

  it('drains and exits 0 on SIGTERM, reporting not ready meanwhile', async () => {
    const identity = stack.process('identity');
    expect(await identity.stop('SIGTERM')).toBe(0);
    const lines = identity.output().map((line) => JSON.parse(line) as { message?: string });
    expect(lines.some((line) => line.message === 'SIGTERM received, draining')).toBe(true);
    expect(lines.at(-1)?.message).toBe('stopped cleanly');
  });
});
